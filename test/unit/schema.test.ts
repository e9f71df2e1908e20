// The parameter schema (schemas/eci-container-group.schema.json) and the rules file
// (schemas/eci-rules.json) against the installed SDK model, the reference's constraint list
// (test/unit/reference/seed-constraints.txt and seed-params.json, copies of shared/reference/)
// and the format contract of docs/schema-format.md.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import * as eci from '@alicloud/eci20180808';
import {
  ANNOTATION_KEYWORDS,
  CONTAINER_GROUP_SCHEMA,
  ECI_RULES,
  UNITS,
  type JsonSchema,
} from '../../server/src/service/schemaVocabulary';
import { createSchemaAjv } from '../../server/src/service/schemaAjv';

const REPO = join(__dirname, '..', '..', '..');
const root = CONTAINER_GROUP_SCHEMA;

// ---------------------------------------------------------------- helpers

/** The schema node of a wire path in the reference's notation (`Container[].Command[]`). */
function nodeAt(wirePath: string): JsonSchema | undefined {
  if (wirePath === '') return root;
  let node: JsonSchema | undefined = root;
  const segments = wirePath.split('.');
  for (let i = 0; i < segments.length; i++) {
    if (!node) return undefined;
    if (i > 0 && segments[i - 1].endsWith('[]')) node = node.items;
    const seg = segments[i];
    const name = seg.endsWith('[]') ? seg.slice(0, -2) : seg;
    node = node?.properties?.[name];
    if (node && seg.endsWith('[]') !== (node.type === 'array')) return undefined;
  }
  return node;
}

interface ParameterNode {
  path: string;
  node: JsonSchema;
}

/** Every parameter node (a value of some `properties` map), with the wire path it sits at. */
function parameterNodes(): ParameterNode[] {
  const out: ParameterNode[] = [];
  const visit = (node: JsonSchema, prefix: string): void => {
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      const path = (prefix ? `${prefix}.` : '') + name + (child.type === 'array' ? '[]' : '');
      out.push({ path, node: child });
      if (child.type === 'object') visit(child, path);
      if (child.type === 'array' && child.items?.type === 'object') visit(child.items, path);
    }
  };
  visit(root, '');
  return out;
}

/** Leaf parameters: scalars and arrays of scalars (the granularity of sdk-params.txt). */
function leafNodes(): ParameterNode[] {
  return parameterNodes().filter(
    ({ node }) => node.type !== 'object' && !(node.type === 'array' && node.items?.type === 'object'),
  );
}

/** Every node that may carry `enum` (parameter nodes and the item nodes of scalar arrays). */
function valueNodes(): ParameterNode[] {
  const out: ParameterNode[] = [];
  for (const p of parameterNodes()) {
    out.push(p);
    if (p.node.type === 'array' && p.node.items && p.node.items.type !== 'object')
      out.push({ path: `${p.path} (item)`, node: p.node.items });
  }
  return out;
}

type SdkType = 'string' | 'number' | 'boolean';

/** Walks a Tea model class through its static names()/types() maps: wire path -> SDK leaf type. */
function walkSdkModel(
  model: { names(): Record<string, string>; types(): Record<string, unknown> },
  prefix: string,
  out: Map<string, SdkType>,
): void {
  const names = model.names();
  const types = model.types();
  for (const prop of Object.keys(names)) {
    const path = (prefix ? `${prefix}.` : '') + names[prop];
    const t = types[prop] as unknown;
    if (t === 'string' || t === 'number' || t === 'boolean') {
      out.set(path, t);
    } else if (typeof t === 'function') {
      walkSdkModel(t as never, path, out);
    } else if (t && typeof t === 'object' && (t as { type?: unknown }).type === 'array') {
      const item = (t as { itemType: unknown }).itemType;
      if (item === 'string' || item === 'number' || item === 'boolean') out.set(`${path}[]`, item);
      else if (typeof item === 'function') walkSdkModel(item as never, `${path}[]`, out);
      else assert.fail(`unexpected SDK array item type at ${path}: ${String(item)}`);
    } else {
      assert.fail(`unexpected SDK type at ${path}: ${JSON.stringify(t)}`);
    }
  }
}

function sdkLeaves(): Map<string, SdkType> {
  const out = new Map<string, SdkType>();
  walkSdkModel(eci.CreateContainerGroupRequest, '', out);
  return out;
}

function leafType(node: JsonSchema): string | undefined {
  const t = (node.type === 'array' ? node.items?.type : node.type) as string | undefined;
  return t;
}

const MISSING_FROM_SDK = [
  'Container[].SecurityContextPrivileged',
  'ComputeCategory[]',
  'GpuDriverVersion',
  'MaxPendingMinute',
];
const UNDOCUMENTED = [
  'OverheadReservationOption.EnableOverheadReservation',
  'OwnerId',
  'OwnerAccount',
  'ResourceOwnerId',
  'ResourceOwnerAccount',
];
/** Undocumented parameters absent from the SDK model too: found in other official clients (x-foundIn). */
const FOUND_ELSEWHERE = ['Volume[].EmptyDirVolume.Enable'];

// ---------------------------------------------------------------- (a) + (b) the SDK model

test('every SDK leaf path of CreateContainerGroupRequest is in the schema with the same type', () => {
  const sdk = sdkLeaves();
  assert.equal(
    sdk.size,
    191,
    'the installed SDK model should have 191 leaf paths (see shared/reference/sdk-params.txt)',
  );
  const problems: string[] = [];
  for (const [path, sdkType] of sdk) {
    const node = nodeAt(path);
    if (!node) {
      problems.push(`${path}: not in the schema`);
      continue;
    }
    const t = leafType(node);
    const ok = sdkType === 'number' ? t === 'integer' || t === 'number' : t === sdkType;
    if (!ok) problems.push(`${path}: SDK type ${sdkType}, schema type ${t}`);
  }
  assert.deepEqual(problems, []);
});

test('every schema leaf is in the SDK model or marked x-sdk "missing"', () => {
  const sdk = sdkLeaves();
  const extra = leafNodes()
    .filter(({ path, node }) => !sdk.has(path) && node['x-sdk'] !== 'missing' && !FOUND_ELSEWHERE.includes(path))
    .map(({ path }) => path);
  assert.deepEqual(extra, []);
  assert.equal(leafNodes().length, 191 + MISSING_FROM_SDK.length + FOUND_ELSEWHERE.length);
});

test('the 4 parameters missing from the SDK and the 5 undocumented ones are marked, and only they', () => {
  const sdk = sdkLeaves();
  for (const path of MISSING_FROM_SDK) {
    assert.equal(nodeAt(path)?.['x-sdk'], 'missing', path);
    assert.equal(sdk.has(path), false, `${path} is in the SDK after all`);
  }
  for (const path of UNDOCUMENTED) {
    assert.equal(nodeAt(path)?.['x-sdk'], 'undocumented', path);
    assert.equal(sdk.has(path), true, path);
  }
  for (const path of FOUND_ELSEWHERE) {
    assert.equal(nodeAt(path)?.['x-sdk'], 'undocumented', path);
    assert.equal(sdk.has(path), false, `${path} is in the SDK after all`);
    assert.ok(nodeAt(path)?.['x-foundIn'], `${path}: where it was found is recorded`);
  }
  const marked = parameterNodes().filter(({ node }) => node['x-sdk'] !== undefined);
  // OverheadReservationOption itself is an undocumented SDK object, marked like its leaf.
  assert.deepEqual(
    marked.map(({ path }) => path).sort(),
    [...MISSING_FROM_SDK, ...UNDOCUMENTED, ...FOUND_ELSEWHERE, 'OverheadReservationOption'].sort(),
  );
});

// ---------------------------------------------------------------- the reference's rows (seed-params.json)

interface SeedRow {
  path: string;
  seedType: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'array<object>';
  required: boolean;
  line: number;
}

/** Required beyond the reference's 必須 marks, each because the reference's text demands a value. */
const REQUIRED_BEYOND_REFERENCE = [
  'Tag[].Key',
  'Container[].EnvironmentVar[].Key',
  'InitContainer[].EnvironmentVar[].Key',
];

test('every row of the reference is in the schema with its type (integer vs number), required-ness and line', () => {
  const rows = JSON.parse(
    readFileSync(join(REPO, 'test', 'unit', 'reference', 'seed-params.json'), 'utf8'),
  ) as SeedRow[];
  assert.equal(rows.length, 210);
  const problems: string[] = [];
  const firstLine = new Map<string, number>();
  for (const row of rows) if (!firstLine.has(row.path)) firstLine.set(row.path, row.line);
  for (const row of rows) {
    const node = nodeAt(row.path);
    if (!node) {
      problems.push(`${row.path} (L${row.line}): not in the schema`);
      continue;
    }
    const actual = node.type === 'array' ? (node.items?.type === 'object' ? 'array<object>' : 'array') : node.type;
    if (actual !== row.seedType) problems.push(`${row.path}: reference type ${row.seedType}, schema ${actual}`);
    if (row.seedType === 'array' && node.items?.type !== 'string')
      problems.push(`${row.path}: items are ${node.items?.type}, the reference lists strings`);
    if (node['x-referenceLine'] !== firstLine.get(row.path))
      problems.push(
        `${row.path}: x-referenceLine ${node['x-referenceLine']}, reference row at L${firstLine.get(row.path)}`,
      );
    const segments = row.path.split('.');
    const parentPath = segments.slice(0, -1).join('.');
    const parent = nodeAt(parentPath);
    const holder = parent?.type === 'array' ? parent.items : parent;
    const name = segments[segments.length - 1].replace(/\[\]$/, '');
    const required = holder?.required?.includes(name) ?? false;
    if (required !== row.required && !(required && REQUIRED_BEYOND_REFERENCE.includes(row.path))) {
      problems.push(
        `${row.path}: reference ${row.required ? 'required' : 'optional'}, schema ${required ? 'required' : 'optional'}`,
      );
    }
  }
  assert.deepEqual(problems, []);
  // Every documented parameter node is a reference row (objects that only group dotted names excepted).
  const documented = parameterNodes().filter(({ node }) => node.type !== 'object' && node['x-sdk'] !== 'undocumented');
  assert.deepEqual(
    documented.filter(({ path }) => !firstLine.has(path)).map(({ path }) => path),
    [],
  );
  assert.equal(documented.length, firstLine.size);
});

// ---------------------------------------------------------------- (c) the reference's constraint rows

/** A schema keyword that states a constraint row, at a wire path; `value` is compared when given. */
interface SchemaCheck {
  path: string;
  keyword: string;
  value?: unknown;
}
interface RowMapping {
  schema?: SchemaCheck[];
  rules?: string[];
  /** `x-warning` codes at a path (warnings shown whenever the key is present). */
  warnings?: { path: string; code: string }[];
  /** Why the row cannot be checked offline (no counterpart expected). */
  notCheckable?: string;
}

const C = 'Container[]';
const IC = 'InitContainer[]';
const req = (path: string, name: string): SchemaCheck => ({ path, keyword: 'required', value: name });
const enumOf = (path: string, value: unknown[]): SchemaCheck => ({ path, keyword: 'enum', value });
const def = (path: string, value: unknown): SchemaCheck => ({ path, keyword: 'default', value });
const unit = (path: string, value: string): SchemaCheck => ({ path, keyword: 'x-unit', value });
const both = (suffix: string, make: (p: string) => SchemaCheck[]): SchemaCheck[] => [
  ...make(`${C}.${suffix}`),
  ...make(`${IC}.${suffix}`),
];
const probes = (suffix: string, make: (p: string) => SchemaCheck[]): SchemaCheck[] => [
  ...make(`${C}.ReadinessProbe.${suffix}`),
  ...make(`${C}.LivenessProbe.${suffix}`),
];

/**
 * Every row of seed-constraints.txt, keyed `<path column> @ <first line reference>`, and what checks it.
 * Rows marked notCheckable say why; every other row must have a counterpart that exists.
 */
const CONSTRAINT_MAP: Record<string, RowMapping> = {
  // ---- required
  'RegionId @ L88-92': { schema: [req('', 'RegionId')] },
  'ContainerGroupName @ L148-152': { schema: [req('', 'ContainerGroupName')] },
  'Container[] @ L576-580': { schema: [req('', 'Container'), { path: 'Container[]', keyword: 'minItems', value: 1 }] },
  'Container[].Name @ L1222-1226': { schema: [req('Container[]', 'Name')] },
  'Container[].Image @ L1252-1256': { schema: [req('Container[]', 'Image')] },
  'InitContainer[].Name / .Image @ L2116': { rules: ['init-container.name-and-image'] },
  // ---- conditional
  'SpotPriceLimit @ L338-340': { rules: ['spot.price-limit-required', 'spot.price-limit-decimals'] },
  'EipBandwidth @ L400': {
    rules: ['eip.options-require-auto-create'],
    schema: [def('EipBandwidth', 5), unit('EipBandwidth', 'Mbps')],
  },
  'Ipv6GatewayBandwidth @ L2498': {
    rules: ['ipv6.gateway-bandwidth-requires-enable'],
    schema: [{ path: 'Ipv6GatewayBandwidth', keyword: 'type', value: 'string' }],
  },
  'ScheduleStrategy @ L350': { rules: ['schedule-strategy.single-vswitch'] },
  'Container[].Tty @ L750-752': { rules: ['container.tty-for-bash'], schema: [def(`${C}.Tty`, false)] },
  'Container[].{Readiness,Liveness}Probe @ L644': { rules: ['probe.single-handler'] },
  'Volume[].ConfigFileVolume.ConfigFileToPath[].Mode @ L1650': {
    notCheckable:
      'states what the service does when Mode is absent (it uses DefaultMode); there is nothing to validate in the request',
  },
  'Volume[].HostPathVolume.*, Volume[].Type=HostPathVolume @ L1534': {
    warnings: [{ path: 'Volume[].HostPathVolume', code: 'hostpath-volume.allowlist' }],
    rules: ['volume.type-mismatch'],
  },
  'Container[].SecurityContextPrivileged @ L1500': {
    warnings: [{ path: `${C}.SecurityContextPrivileged`, code: 'container.privileged-beta' }],
    schema: [{ path: `${C}.SecurityContextPrivileged`, keyword: 'x-sdk', value: 'missing' }],
  },
  'OsType=Windows @ L2621': { rules: ['os-type.windows-beta'] },
  'SecurityContext.Capability.Add[]=NET_RAW @ L620': { rules: ['capability.net-raw-ticket'] },
  'GpuDriverVersion @ L2671': {
    notCheckable:
      'which instance types support switching the GPU driver is not stated in the reference (it depends on the offering of the region and zone)',
  },
  'CpuOptionsCore / CpuOptionsThreadsPerCore @ L464': {
    notCheckable:
      'which instance types accept custom CPU options is not stated in the reference; ThreadsPerCore=1 (hyper-threading off) is a meaning, not a constraint',
  },
  'Ipv6AddressCount @ L300': {
    schema: [
      { path: 'Ipv6AddressCount', keyword: 'minimum', value: 1 },
      { path: 'Ipv6AddressCount', keyword: 'maximum', value: 1 },
    ],
  },
  // ---- enums
  'RestartPolicy @ L168-176': {
    schema: [enumOf('RestartPolicy', ['Always', 'Never', 'OnFailure']), def('RestartPolicy', 'Always')],
  },
  'DnsPolicy @ L226-230': {
    schema: [enumOf('DnsPolicy', ['None', 'Default'])],
    rules: ['dns.none-policy-without-config'],
  },
  'SpotStrategy @ L320-328': {
    schema: [enumOf('SpotStrategy', ['NoSpot', 'SpotWithPriceLimit', 'SpotAsPriceGo']), def('SpotStrategy', 'NoSpot')],
  },
  'ScheduleStrategy @ L350-354': { schema: [enumOf('ScheduleStrategy', ['VSwitchOrdered', 'VSwitchRandom'])] },
  'EipISP @ L410-414': { schema: [enumOf('EipISP', ['BGP', 'BGP_PRO']), def('EipISP', 'BGP')] },
  'ImageAccelerateMode @ L2470-2478': { schema: [enumOf('ImageAccelerateMode', ['nydus', 'dadi', 'p2p', 'imc'])] },
  'OsType @ L2613-2617': { schema: [enumOf('OsType', ['Linux', 'Windows']), def('OsType', 'Linux')] },
  'CpuArchitecture @ L2631-2635': {
    schema: [enumOf('CpuArchitecture', ['AMD64', 'ARM64']), def('CpuArchitecture', 'AMD64')],
  },
  'ComputeCategory[] @ L2649-2657': {
    schema: [
      enumOf('ComputeCategory[]', []),
      { path: 'ComputeCategory[]', keyword: 'items.enum', value: ['economy', 'general'] },
      { path: 'ComputeCategory[]', keyword: 'uniqueItems', value: true },
    ],
  },
  'StrictSpot @ L2436-2440': { schema: [{ path: 'StrictSpot', keyword: 'type', value: 'boolean' }] },
  'DryRun @ L2589-2593': { schema: [{ path: 'DryRun', keyword: 'type', value: 'boolean' }, def('DryRun', false)] },
  '{Container,InitContainer}[].ImagePullPolicy @ L886-892': {
    schema: both('ImagePullPolicy', (p) => [enumOf(p, ['Always', 'IfNotPresent', 'Never'])]),
  },
  '{Container,InitContainer}[].VolumeMount[].MountPropagation @ L824-832': {
    schema: both('VolumeMount[].MountPropagation', (p) => [
      enumOf(p, ['None', 'HostToContainer', 'Bidirectional']),
      def(p, 'None'),
    ]),
  },
  '{Container,InitContainer}[].Port[].Protocol @ L1090-1094': {
    schema: both('Port[].Protocol', (p) => [enumOf(p, ['TCP', 'UDP'])]),
  },
  'Container[].{Readiness,Liveness}Probe.HttpGet.Scheme @ L654-658': {
    schema: probes('HttpGet.Scheme', (p) => [enumOf(p, ['HTTP', 'HTTPS'])]),
  },
  'Container[].LifecyclePostStartHandlerHttpGetScheme @ L922-926': {
    schema: [enumOf(`${C}.LifecyclePostStartHandlerHttpGetScheme`, ['HTTP', 'HTTPS'])],
  },
  'Container[].LifecyclePreStopHandlerHttpGetScheme @ L1124-1128': {
    schema: [enumOf(`${C}.LifecyclePreStopHandlerHttpGetScheme`, ['HTTP', 'HTTPS'])],
  },
  '{Container,InitContainer}[].SecurityContext.Capability.Add[] @ L616': {
    schema: both('SecurityContext.Capability.Add[]', (p) => [
      { path: p, keyword: 'items.enum', value: ['NET_ADMIN', 'NET_RAW'] },
    ]),
  },
  '{Container,InitContainer}[].SecurityContext.ReadOnlyRootFilesystem @ L682': {
    schema: both('SecurityContext.ReadOnlyRootFilesystem', (p) => [enumOf(p, [true])]),
  },
  '{Container,InitContainer}[].EnvironmentVar[].FieldRef.FieldPath @ L726': {
    schema: both('EnvironmentVar[].FieldRef.FieldPath', (p) => [enumOf(p, ['status.podIP'])]),
  },
  'Container[].EnvironmentVarHide @ L1454-1458': { schema: [def(`${C}.EnvironmentVarHide`, false)] },
  'Container[].SecurityContextRunAsNonRoot @ L1478-1482': { schema: [def(`${C}.SecurityContextRunAsNonRoot`, false)] },
  'Container[].TerminationMessagePolicy @ L984': {
    schema: [{ path: `${C}.TerminationMessagePolicy`, keyword: 'examples', value: ['FallbackToLogsOnError'] }],
  },
  'Volume[].Type @ L1524-1536': {
    schema: [
      enumOf('Volume[].Type', [
        'EmptyDirVolume',
        'NFSVolume',
        'ConfigFileVolume',
        'FlexVolume',
        'HostPathVolume',
        'DiskVolume',
      ]),
    ],
    warnings: [{ path: 'Volume[].DiskVolume', code: 'disk-volume.not-recommended' }],
    rules: ['volume.type-mismatch'],
  },
  'Volume[].HostPathVolume.Type @ L1586-1590': {
    schema: [enumOf('Volume[].HostPathVolume.Type', ['Directory', 'File'])],
  },
  'Volume[].FlexVolume.Driver @ L1722-1728': {
    schema: [enumOf('Volume[].FlexVolume.Driver', ['alicloud/disk', 'alicloud/nas', 'alicloud/oss'])],
  },
  'Volume[].EmptyDirVolume.Medium @ L1768': {
    schema: [enumOf('Volume[].EmptyDirVolume.Medium', ['', 'memory']), def('Volume[].EmptyDirVolume.Medium', '')],
  },
  'SecurityContext.Sysctl[].Name @ L2268-2272': {
    schema: [
      enumOf('SecurityContext.Sysctl[].Name', ['net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start']),
    ],
  },
  'HostSecurityContext.Sysctl[].Name @ L2306-2316': {
    schema: [{ path: 'HostSecurityContext.Sysctl[].Name', keyword: 'pattern' }],
  },
  // ---- ranges, counts, lengths, patterns
  'ContainerGroupName @ L156-158': {
    schema: [
      { path: 'ContainerGroupName', keyword: 'minLength', value: 2 },
      { path: 'ContainerGroupName', keyword: 'maxLength', value: 128 },
      { path: 'ContainerGroupName', keyword: 'pattern' },
    ],
  },
  'ClientToken @ L240': {
    schema: [
      { path: 'ClientToken', keyword: 'maxLength', value: 64 },
      { path: 'ClientToken', keyword: 'pattern' },
    ],
  },
  'VSwitchId @ L138': { rules: ['vswitch.max-count'] },
  'Tag[] @ L504': { schema: [{ path: 'Tag[]', keyword: 'maxItems', value: 20 }] },
  'Tag[].Key @ L518': {
    schema: [
      req('Tag[]', 'Key'),
      { path: 'Tag[].Key', keyword: 'minLength', value: 1 },
      { path: 'Tag[].Key', keyword: 'maxLength', value: 64 },
      { path: 'Tag[].Key', keyword: 'pattern' },
    ],
    rules: ['tag.duplicate-key'],
  },
  'Tag[].Value @ L528': {
    schema: [
      { path: 'Tag[].Value', keyword: 'maxLength', value: 128 },
      { path: 'Tag[].Value', keyword: 'pattern' },
    ],
  },
  '{Container,InitContainer}[].EnvironmentVar[].Key @ L706': {
    schema: both('EnvironmentVar[].Key', (p) => [
      { path: p, keyword: 'minLength', value: 1 },
      { path: p, keyword: 'maxLength', value: 128 },
      { path: p, keyword: 'pattern' },
    ]),
  },
  '{Container,InitContainer}[].EnvironmentVar[].Value @ L716': {
    schema: both('EnvironmentVar[].Value', (p) => [{ path: p, keyword: 'maxLength', value: 256 }]),
  },
  'Container[].Arg[] @ L772': { schema: [{ path: `${C}.Arg[]`, keyword: 'maxItems', value: 10 }] },
  'Container[].Command[] @ L956': {
    schema: [
      { path: `${C}.Command[]`, keyword: 'maxItems', value: 20 },
      { path: `${C}.Command[]`, keyword: 'items.maxLength', value: 256 },
    ],
  },
  '{Container,InitContainer}[].Port[].Port @ L1104': {
    schema: both('Port[].Port', (p) => [
      { path: p, keyword: 'minimum', value: 1 },
      { path: p, keyword: 'maximum', value: 65535 },
    ]),
  },
  'Container[].{Readiness,Liveness}Probe.TimeoutSeconds @ L596': {
    schema: probes('TimeoutSeconds', (p) => [def(p, 1), { path: p, keyword: 'minimum', value: 1 }, unit(p, 'seconds')]),
  },
  'Container[].{Readiness,Liveness}Probe.PeriodSeconds @ L672': {
    schema: probes('PeriodSeconds', (p) => [def(p, 10), { path: p, keyword: 'minimum', value: 1 }, unit(p, 'seconds')]),
  },
  'Container[].{Readiness,Liveness}Probe.SuccessThreshold @ L606': {
    schema: probes('SuccessThreshold', (p) => [
      def(p, 1),
      { path: p, keyword: 'minimum', value: 1 },
      { path: p, keyword: 'maximum', value: 1 },
    ]),
  },
  'Container[].{Readiness,Liveness}Probe.FailureThreshold @ L1278': {
    schema: probes('FailureThreshold', (p) => [def(p, 3)]),
  },
  'Volume[].ConfigFileVolume.ConfigFileToPath[].Content @ L1678': {
    rules: ['config-file.base64', 'config-file.max-file-size', 'config-file.max-volume-size'],
  },
  'Volume[].ConfigFileVolume.ConfigFileToPath[].Mode / .DefaultMode @ L1650': {
    rules: ['config-file.mode-octal'],
    schema: [
      { path: 'Volume[].ConfigFileVolume.ConfigFileToPath[].Mode', keyword: 'maximum', value: 7777 },
      { path: 'Volume[].ConfigFileVolume.DefaultMode', keyword: 'maximum', value: 7777 },
    ],
  },
  'Volume[].FlexVolume.Options @ L1698-1712': {
    rules: ['flex-volume.options-json', 'flex-volume.volume-size', 'flex-volume.kms-requires-encrypted'],
  },
  'CorePattern @ L370': { schema: [{ path: 'CorePattern', keyword: 'pattern' }] },
  'Ipv6GatewayBandwidth @ L2500-2509': {
    // 1-2000 Mbps is checked; the narrower pay-by-traffic ranges depend on the gateway edition, which the request does not carry.
    schema: [{ path: 'Ipv6GatewayBandwidth', keyword: 'pattern' }, unit('Ipv6GatewayBandwidth', 'Mbps')],
  },
  'DataCacheProvisionedIops @ L2569': {
    // 0..50000 is checked; the capacity-dependent bound needs the data cache capacity, which the request does not carry.
    schema: [
      { path: 'DataCacheProvisionedIops', keyword: 'minimum', value: 0 },
      { path: 'DataCacheProvisionedIops', keyword: 'maximum', value: 50000 },
    ],
  },
  'PrivateIpAddress @ L2603': {
    // IPv4 is checked; "must be unused" needs the VPC's state and is reported by the service (PrivateIpAddress.Already.InUse).
    schema: [{ path: 'PrivateIpAddress', keyword: 'pattern' }],
  },
  // ---- defaults and units
  'ZoneId @ L114-116': {
    notCheckable: 'an absent ZoneId means "the service picks a zone"; there is no value to default to or validate',
  },
  'SecurityGroupId / VSwitchId @ L128': {
    notCheckable:
      "the defaults are the region's default security group and default VPC vSwitch, created by the service when missing; nothing to validate offline",
  },
  'AutoMatchImageCache, ShareProcessNamespace @ L290': {
    schema: [def('AutoMatchImageCache', false), def('ShareProcessNamespace', false)],
  },
  '{Container}[].Stdin / StdinOnce / VolumeMount[].ReadOnly, NFSVolume.ReadOnly @ L790': {
    // The rows at these lines state the default of Stdin, the two VolumeMount ReadOnly and NFSVolume.ReadOnly (StdinOnce states none).
    schema: [
      def(`${C}.Stdin`, false),
      def(`${C}.VolumeMount[].ReadOnly`, false),
      def(`${IC}.VolumeMount[].ReadOnly`, false),
      def('Volume[].NFSVolume.ReadOnly', false),
    ],
  },
  'SpotDuration @ L2426': {
    schema: [
      unit('SpotDuration', 'hours'),
      def('SpotDuration', 1),
      { path: 'SpotDuration', keyword: 'minimum', value: 0 },
    ],
  },
  'FixedIpRetainHour @ L2539': { schema: [unit('FixedIpRetainHour', 'hours'), def('FixedIpRetainHour', 48)] },
  'DataCachePL @ L2559': { schema: [def('DataCachePL', 'PL1')] },
  'Cpu / Container[].Cpu @ L196': {
    schema: [
      unit('Cpu', 'cores'),
      unit(`${C}.Cpu`, 'cores'),
      unit(`${IC}.Cpu`, 'cores'),
      { path: 'Cpu', keyword: 'type', value: 'number' },
    ],
  },
  'Memory / Container[].Memory @ L206': {
    schema: [
      unit('Memory', 'GiB'),
      unit(`${C}.Memory`, 'GiB'),
      unit(`${IC}.Memory`, 'GiB'),
      { path: 'Memory', keyword: 'type', value: 'number' },
    ],
  },
  'EphemeralStorage, DiskVolume.DiskSize, EmptyDirVolume.SizeLimit(string!) @ L494': {
    schema: [
      unit('EphemeralStorage', 'GiB'),
      unit('Volume[].DiskVolume.DiskSize', 'GiB'),
      unit('Volume[].EmptyDirVolume.SizeLimit', 'GiB'),
      { path: 'Volume[].EmptyDirVolume.SizeLimit', keyword: 'type', value: 'string' },
    ],
  },
  'IngressBandwidth / EgressBandwidth @ L444': {
    schema: [unit('IngressBandwidth', 'Bps'), unit('EgressBandwidth', 'Bps')],
  },
  'TerminationGracePeriodSeconds, ActiveDeadlineSeconds @ L280': {
    schema: [unit('TerminationGracePeriodSeconds', 'seconds'), unit('ActiveDeadlineSeconds', 'seconds')],
  },
  'CpuOptionsNuma @ L484': { warnings: [{ path: 'CpuOptionsNuma', code: 'cpu-options-numa.unsupported' }] },
  'MaxPendingMinute @ L2675': {
    notCheckable:
      'the reference gives MaxPendingMinute a type and nothing else (the row is cut off): no range or rule is stated',
  },
};

/** The rows of seed-constraints.txt as `<path column> @ <first line reference>`. */
function constraintRows(): string[] {
  const text = readFileSync(join(REPO, 'test', 'unit', 'reference', 'seed-constraints.txt'), 'utf8');
  const rows: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || !line.includes('|')) continue;
    const cols = line.split('|').map((c) => c.trim());
    const lineRef = cols[cols.length - 1].split(/[\s,;]+/)[0];
    rows.push(`${cols[0]} @ ${lineRef}`);
  }
  return rows;
}

function keywordValue(node: JsonSchema, keyword: string): unknown {
  let v: unknown = node;
  for (const k of keyword.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

test('the constraint table covers exactly the 85 rows of seed-constraints.txt', () => {
  const rows = constraintRows();
  assert.equal(rows.length, 85);
  assert.equal(new Set(rows).size, rows.length, 'row keys must be unique');
  assert.deepEqual(Object.keys(CONSTRAINT_MAP).sort(), [...rows].sort());
});

test('every checkable constraint row has a counterpart that exists in the schema or the rules file', () => {
  const ruleIds = new Set(ECI_RULES.map((r) => r.id));
  const problems: string[] = [];
  for (const [row, m] of Object.entries(CONSTRAINT_MAP)) {
    const counterparts = (m.schema?.length ?? 0) + (m.rules?.length ?? 0) + (m.warnings?.length ?? 0);
    if (m.notCheckable !== undefined) {
      if (counterparts > 0) problems.push(`${row}: marked not checkable but has counterparts`);
      if (m.notCheckable.length < 20) problems.push(`${row}: give the reason it is not checkable`);
      continue;
    }
    if (counterparts === 0) problems.push(`${row}: no counterpart`);
    for (const id of m.rules ?? []) if (!ruleIds.has(id)) problems.push(`${row}: rule ${id} is not in eci-rules.json`);
    for (const w of m.warnings ?? []) {
      const node = nodeAt(w.path);
      if (node?.['x-warning']?.code !== w.code) problems.push(`${row}: no x-warning ${w.code} at ${w.path}`);
    }
    for (const c of m.schema ?? []) {
      const node = nodeAt(c.path);
      if (!node) {
        problems.push(`${row}: no schema node at ${c.path}`);
        continue;
      }
      if (c.keyword === 'required') {
        const holder = c.path === '' ? node : node.type === 'array' ? node.items : node;
        if (!holder?.required?.includes(c.value as string))
          problems.push(`${row}: ${c.path || '(root)'} does not require ${String(c.value)}`);
        continue;
      }
      const actual = keywordValue(node, c.keyword);
      if (c.keyword === 'enum' && Array.isArray(c.value) && c.value.length === 0) {
        // An empty expected enum says "the enum is on the items, not on the array node".
        if (actual !== undefined) problems.push(`${row}: ${c.path} has an enum on the array node`);
        continue;
      }
      if (actual === undefined) problems.push(`${row}: ${c.path} has no ${c.keyword}`);
      else if ('value' in c && JSON.stringify(actual) !== JSON.stringify(c.value)) {
        problems.push(
          `${row}: ${c.path} ${c.keyword} is ${JSON.stringify(actual)}, expected ${JSON.stringify(c.value)}`,
        );
      }
    }
  }
  assert.deepEqual(problems, []);
  const notCheckable = Object.values(CONSTRAINT_MAP).filter((m) => m.notCheckable !== undefined).length;
  assert.ok(notCheckable <= 10, `too many rows declared not checkable: ${notCheckable}`);
});

// ---------------------------------------------------------------- (d) compiles strictly

test('the schema compiles under ajv strict mode with the vocabulary, and strict mode is really on', () => {
  const { ajv, validate } = createSchemaAjv();
  assert.equal(typeof validate, 'function');
  assert.equal(root.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.match(root.$id, /^https:\/\/.+\.schema\.json$/);
  assert.ok(root.title);
  assert.throws(() => ajv.compile({ type: 'object', 'x-not-in-the-vocabulary': 1 }), /unknown keyword/);
  // Without the vocabulary the schema is rejected: every annotation keyword is really declared by us.
  assert.throws(() => new Ajv({ strict: true }).compile(root), /unknown keyword/);
});

test('a minimal document validates and representative defects are caught at their path', () => {
  const { validate } = createSchemaAjv();
  const minimal = {
    RegionId: 'cn-hangzhou',
    ContainerGroupName: 'web',
    Container: [{ Name: 'nginx', Image: 'nginx:latest' }],
  };
  assert.equal(validate(minimal), true, JSON.stringify(validate.errors));
  const cases: [unknown, string, string][] = [
    [{ ...minimal, ContainerGroupNmae: 'x' }, '', 'additionalProperties'],
    [{ ...minimal, Container: [] }, '/Container', 'minItems'],
    [{ ...minimal, Container: [{ Name: 'a' }] }, '/Container/0', 'required'],
    [{ ...minimal, ContainerGroupName: 'Web' }, '/ContainerGroupName', 'pattern'],
    [{ ...minimal, ContainerGroupName: '-web' }, '/ContainerGroupName', 'pattern'],
    [{ ...minimal, ContainerGroupName: 'w' }, '/ContainerGroupName', 'minLength'],
    [{ ...minimal, ClientToken: 'トークン' }, '/ClientToken', 'pattern'],
    [{ ...minimal, ClientToken: 'x'.repeat(65) }, '/ClientToken', 'maxLength'],
    [{ ...minimal, RestartPolicy: 'always' }, '/RestartPolicy', 'enum'],
    [{ ...minimal, Cpu: 'two' }, '/Cpu', 'type'],
    [{ ...minimal, EipBandwidth: 1.5 }, '/EipBandwidth', 'type'],
    [{ ...minimal, CorePattern: '|/usr/bin/dump' }, '/CorePattern', 'pattern'],
    [{ ...minimal, Tag: [{ Key: 'aliyun-owner' }] }, '/Tag/0/Key', 'pattern'],
    [{ ...minimal, Tag: [{ Key: 'acs:x' }] }, '/Tag/0/Key', 'pattern'],
    [{ ...minimal, Tag: [{ Key: 'k', Value: 'see https://example.com' }] }, '/Tag/0/Value', 'pattern'],
    [{ ...minimal, Tag: [{ Value: 'v' }] }, '/Tag/0', 'required'],
    [{ ...minimal, Tag: Array.from({ length: 21 }, (_, i) => ({ Key: `k${i}` })) }, '/Tag', 'maxItems'],
    [
      { ...minimal, Container: [{ Name: 'a', Image: 'i', EnvironmentVar: [{ Key: '1PATH' }] }] },
      '/Container/0/EnvironmentVar/0/Key',
      'pattern',
    ],
    [
      { ...minimal, Container: [{ Name: 'a', Image: 'i', Command: Array(21).fill('x') }] },
      '/Container/0/Command',
      'maxItems',
    ],
    [
      { ...minimal, Container: [{ Name: 'a', Image: 'i', Command: ['x'.repeat(257)] }] },
      '/Container/0/Command/0',
      'maxLength',
    ],
    [{ ...minimal, Container: [{ Name: 'a', Image: 'i', Arg: Array(11).fill('x') }] }, '/Container/0/Arg', 'maxItems'],
    [
      { ...minimal, Container: [{ Name: 'a', Image: 'i', Port: [{ Port: 0 }] }] },
      '/Container/0/Port/0/Port',
      'minimum',
    ],
    [
      { ...minimal, Container: [{ Name: 'a', Image: 'i', ReadinessProbe: { SuccessThreshold: 2 } }] },
      '/Container/0/ReadinessProbe/SuccessThreshold',
      'maximum',
    ],
    [
      { ...minimal, Container: [{ Name: 'a', Image: 'i', SecurityContext: { Capability: { Add: ['SYS_ADMIN'] } } }] },
      '/Container/0/SecurityContext/Capability/Add/0',
      'enum',
    ],
    [
      { ...minimal, HostSecurityContext: { Sysctl: [{ Name: 'kernel.shm_rmid_forced' }] } },
      '/HostSecurityContext/Sysctl/0/Name',
      'pattern',
    ],
    [
      { ...minimal, HostSecurityContext: { Sysctl: [{ Name: 'net.ipv4.tcp_syncookies' }] } },
      '/HostSecurityContext/Sysctl/0/Name',
      'pattern',
    ],
    [{ ...minimal, Ipv6GatewayBandwidth: '2001' }, '/Ipv6GatewayBandwidth', 'pattern'],
    [{ ...minimal, PrivateIpAddress: '172.16.0.256' }, '/PrivateIpAddress', 'pattern'],
    [{ ...minimal, ComputeCategory: ['economy', 'economy'] }, '/ComputeCategory', 'uniqueItems'],
  ];
  for (const [doc, instancePath, keyword] of cases) {
    assert.equal(validate(doc), false, `${JSON.stringify(doc).slice(0, 200)} should be invalid`);
    assert.ok(
      validate.errors?.some((e) => e.instancePath === instancePath && e.keyword === keyword),
      `expected ${keyword} at ${instancePath || '(root)'}, got ${JSON.stringify(validate.errors?.map((e) => [e.instancePath, e.keyword]))}`,
    );
  }
  const legal = {
    ...minimal,
    Tag: [{ Key: 'team', Value: '' }],
    HostSecurityContext: {
      Sysctl: [
        { Name: 'kernel.shmmax', Value: '1' },
        { Name: 'net.core.somaxconn', Value: '1024' },
        { Name: 'fs.mqueue.msg_max', Value: '10' },
      ],
    },
    Ipv6GatewayBandwidth: '2000',
    PrivateIpAddress: '172.16.0.1',
    CorePattern: '/data/core',
  };
  assert.equal(validate(legal), true, JSON.stringify(validate.errors));
});

// ---------------------------------------------------------------- (e) annotations on every node

test('every parameter node has its wire path, both descriptions and a reference line', () => {
  const problems: string[] = [];
  const referenceLines = new Map<number, string>();
  for (const { path, node } of parameterNodes()) {
    if (node['x-wirePath'] !== path) problems.push(`${path}: x-wirePath is ${node['x-wirePath']}`);
    if (!node.description?.trim()) problems.push(`${path}: no description`);
    if (!node['x-description-ja']?.trim()) problems.push(`${path}: no x-description-ja`);
    else if (!/[\u3040-\u30ff\u4e00-\u9fff]/.test(node['x-description-ja']))
      problems.push(`${path}: x-description-ja is not Japanese`);
    if (node.description && /[\u3040-\u30ff]/.test(node.description))
      problems.push(`${path}: description (English) contains Japanese`);
    const synthetic = node.type === 'object'; // objects that only group dotted names have no row of their own
    if (!synthetic && node['x-sdk'] !== 'undocumented') {
      const line = node['x-referenceLine'];
      if (!Number.isInteger(line) || (line as number) < 1 || (line as number) > 2805)
        problems.push(`${path}: x-referenceLine ${line}`);
      else if (referenceLines.has(line as number))
        problems.push(`${path}: x-referenceLine ${line} also used by ${referenceLines.get(line as number)}`);
      else referenceLines.set(line as number, path);
    }
    if (node['x-sdk'] === 'undocumented' && node['x-referenceLine'] !== undefined)
      problems.push(`${path}: undocumented but has x-referenceLine`);
    if (node.type === 'object' || node.type === 'array') {
      const holder = node.type === 'array' ? node.items : node;
      if (holder?.type === 'object' && holder.additionalProperties !== false)
        problems.push(`${path}: additionalProperties is not false`);
    }
  }
  assert.equal(root.additionalProperties, false);
  assert.deepEqual(problems, []);
  assert.equal(parameterNodes().length, 238 + FOUND_ELSEWHERE.length);
});

test('every enum has English and Japanese meanings of matching length', () => {
  const problems: string[] = [];
  let enums = 0;
  for (const { path, node } of valueNodes()) {
    if (node.enum === undefined) {
      if (node.enumDescriptions || node['x-enumDescriptions-ja']) problems.push(`${path}: enum meanings without enum`);
      continue;
    }
    enums++;
    const n = node.enum.length;
    if (node.enumDescriptions?.length !== n)
      problems.push(`${path}: ${n} values, ${node.enumDescriptions?.length} enumDescriptions`);
    if (node['x-enumDescriptions-ja']?.length !== n)
      problems.push(`${path}: ${n} values, ${node['x-enumDescriptions-ja']?.length} x-enumDescriptions-ja`);
    for (const s of [...(node.enumDescriptions ?? []), ...(node['x-enumDescriptions-ja'] ?? [])])
      if (!s.trim()) problems.push(`${path}: empty enum meaning`);
  }
  assert.deepEqual(problems, []);
  assert.ok(enums >= 30, `only ${enums} enums`);
});

test('defaults and examples are valid values, units are known, patterns are explained, secrets and warnings are well-formed', () => {
  const { ajv } = createSchemaAjv();
  const ruleIds = new Set(ECI_RULES.map((r) => r.id));
  const warningCodes = new Set<string>();
  const problems: string[] = [];
  for (const { path, node } of valueNodes()) {
    const isItem = path.endsWith('(item)');
    if (!isItem && node.type !== 'object' && !(node.type === 'array' && node.items?.type === 'object')) {
      if (!node.examples?.length && node['x-sdk'] !== 'undocumented') problems.push(`${path}: no example`);
    }
    if (node.type !== 'object' && !(node.type === 'array' && node.items?.type === 'object')) {
      const { examples: _examples, ...valueSchema } = node;
      const check = ajv.compile(valueSchema);
      for (const ex of node.examples ?? [])
        if (!check(ex))
          problems.push(`${path}: example ${JSON.stringify(ex)} is invalid: ${ajv.errorsText(check.errors)}`);
      if ('default' in node && !check(node.default))
        problems.push(`${path}: default ${JSON.stringify(node.default)} is invalid`);
    }
    if (node['x-unit'] !== undefined && !(UNITS as readonly string[]).includes(node['x-unit']))
      problems.push(`${path}: unknown unit ${node['x-unit']}`);
    if (
      node['x-unit'] !== undefined &&
      !isItem &&
      !/unit|単位|Mbps|GiB|hours|seconds|cores|IOPS|minutes|KB|時間|秒/i.test(
        `${node.description} ${node['x-description-ja']}`,
      )
    ) {
      problems.push(`${path}: the description does not state the unit ${node['x-unit']}`);
    }
    if (node.pattern !== undefined) {
      if (!node['x-patternDescription'] || !node['x-patternDescription-ja'])
        problems.push(`${path}: pattern without x-patternDescription(-ja)`);
      if (/\(\?<[=!]/.test(node.pattern)) problems.push(`${path}: lookbehind is not portable`);
    }
    if (node['x-secret'] !== undefined && node['x-secret'] !== true) problems.push(`${path}: x-secret must be true`);
    const w = node['x-warning'];
    if (w !== undefined) {
      if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(w.code) || !w.message || !w['x-message-ja'])
        problems.push(`${path}: malformed x-warning`);
      if (ruleIds.has(w.code)) problems.push(`${path}: x-warning code ${w.code} is also a rule id`);
      if (warningCodes.has(w.code)) problems.push(`${path}: duplicate x-warning code ${w.code}`);
      warningCodes.add(w.code);
    }
  }
  assert.deepEqual(problems, []);
  assert.equal(nodeAt('ImageRegistryCredential[].Password')?.['x-secret'], true);
  assert.ok(warningCodes.size >= 4);
});

test('the vocabulary lists exactly the non-standard keywords the schema uses', () => {
  const used = new Set<string>();
  const visit = (v: unknown, inProperties: boolean): void => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return;
    for (const [k, child] of Object.entries(v)) {
      if (!inProperties && (k.startsWith('x-') || k === 'enumDescriptions')) used.add(k);
      if (
        !inProperties &&
        (k.startsWith('x-') || k === 'enumDescriptions' || k === 'examples' || k === 'enum' || k === 'default')
      )
        continue;
      visit(child, !inProperties && k === 'properties');
    }
  };
  visit(root, false);
  assert.deepEqual([...used].sort(), [...ANNOTATION_KEYWORDS].sort());
});

// ---------------------------------------------------------------- (f) the rules file

test('rule ids are unique and dotted, severities valid, paths exist, descriptions in both languages', () => {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const r of ECI_RULES) {
    if (seen.has(r.id)) problems.push(`${r.id}: duplicate id`);
    seen.add(r.id);
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(r.id)) problems.push(`${r.id}: id is not dotted lowercase`);
    if (r.severity !== 'error' && r.severity !== 'warning' && r.severity !== 'hint')
      problems.push(`${r.id}: severity ${String(r.severity)}`);
    if (!r.paths.length) problems.push(`${r.id}: no paths`);
    for (const p of r.paths) if (!nodeAt(p)) problems.push(`${r.id}: path ${p} is not in the schema`);
    if (!r.referenceLines.length || !r.referenceLines.every((l) => Number.isInteger(l) && l >= 1 && l <= 2805))
      problems.push(`${r.id}: referenceLines ${JSON.stringify(r.referenceLines)}`);
    if (!r.description?.trim() || /[\u3040-\u30ff]/.test(r.description)) problems.push(`${r.id}: description`);
    if (!/[\u3040-\u30ff\u4e00-\u9fff]/.test(r['x-description-ja'] ?? '')) problems.push(`${r.id}: x-description-ja`);
    const keys = Object.keys(r).sort();
    const allowed = [
      'description',
      'errorCode',
      'id',
      'paths',
      'referenceLines',
      'severity',
      'x-description-ja',
      'x-source',
    ];
    for (const k of keys) if (!allowed.includes(k)) problems.push(`${r.id}: unknown field ${k}`);
  }
  assert.deepEqual(problems, []);
  for (const id of [
    'probe.single-handler',
    'spot.price-limit-required',
    'volume-mount.unknown-volume',
    'container.duplicate-name',
    'volume.duplicate-name',
    'config-file.base64',
  ]) {
    assert.ok(seen.has(id), `rule ${id} is missing`);
  }
});
