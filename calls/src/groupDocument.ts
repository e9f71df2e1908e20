// "Open as .eci.yaml": a live group (DescribeContainerGroups' answer) as the CreateContainerGroup
// document that would create the same group. Output-only fields (status, ids the service assigns,
// times, events, IPs) are left out; values that are only the service's defaults (RestartPolicy Always,
// SpotStrategy NoSpot, ImagePullPolicy IfNotPresent, zero sizes, false flags, the ZoneId the vSwitch
// decides) are left out; secrets the service never returns (registry passwords) are commented
// placeholders. Also the wire parameters of the live group and the plan of an update (what differs
// from a document, what UpdateContainerGroup can change).
import type { LiveContainer, LiveContainerGroup } from './lifecycleTypes';

type Doc = { [key: string]: DocValue };
type DocValue = string | number | boolean | DocValue[] | Doc;

const isEmpty = (v: unknown) =>
  v === undefined ||
  v === null ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

/** An object without its empty members (undefined, '', [], {}). */
function compact(o: Record<string, unknown>): Doc {
  const out: Doc = {};
  for (const [k, v] of Object.entries(o)) if (!isEmpty(v)) out[k] = v as DocValue;
  return out;
}

const num = (v: unknown) => (typeof v === 'number' && v > 0 ? v : undefined);
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const obj = (v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

function probe(p: unknown): Doc | undefined {
  const o = obj(p);
  if (!o) return undefined;
  const http = obj(o.HttpGet);
  const tcp = obj(o.TcpSocket);
  const execs = Array.isArray(o.Execs) ? o.Execs.map(String) : undefined;
  const action =
    http && num(http.Port)
      ? { HttpGet: compact({ Path: str(http.Path), Port: num(http.Port), Scheme: str(http.Scheme) }) }
      : tcp && num(tcp.Port)
        ? { TcpSocket: compact({ Port: num(tcp.Port) }) }
        : execs?.length
          ? { Exec: { Command: execs } }
          : undefined;
  if (!action) return undefined;
  return compact({
    ...action,
    InitialDelaySeconds: num(o.InitialDelaySeconds),
    PeriodSeconds: num(o.PeriodSeconds),
    TimeoutSeconds: num(o.TimeoutSeconds),
    SuccessThreshold: num(o.SuccessThreshold),
    FailureThreshold: num(o.FailureThreshold),
  });
}

function container(c: LiveContainer): Doc {
  const sc = obj(c.SecurityContext);
  const adds =
    sc && obj(sc.Capability) && Array.isArray(obj(sc.Capability)!.Adds)
      ? (obj(sc.Capability)!.Adds as unknown[]).map(String)
      : [];
  return compact({
    Name: c.Name,
    Image: c.Image,
    Command: c.Commands ?? [],
    Arg: c.Args ?? [],
    Cpu: num(c.Cpu),
    Memory: num(c.Memory),
    Gpu: num(c.Gpu),
    WorkingDir: str(c.WorkingDir),
    ImagePullPolicy: c.ImagePullPolicy && c.ImagePullPolicy !== 'IfNotPresent' ? c.ImagePullPolicy : undefined,
    Port: (c.Ports ?? [])
      .filter((p) => num(p.Port))
      .map((p) => compact({ Port: p.Port, Protocol: p.Protocol && p.Protocol !== 'TCP' ? p.Protocol : undefined })),
    EnvironmentVar: (c.EnvironmentVars ?? []).map((e) => {
      const field = obj(obj(e.ValueFrom)?.FieldRef);
      return compact({
        Key: e.Key,
        Value: field ? undefined : (e.Value ?? ''),
        FieldRef: field && str(field.FieldPath) ? { FieldPath: String(field.FieldPath) } : undefined,
      });
    }),
    VolumeMount: (c.VolumeMounts ?? []).map((m) =>
      compact({
        Name: m.Name,
        MountPath: m.MountPath,
        ReadOnly: m.ReadOnly === true ? true : undefined,
        SubPath: str(m.SubPath),
        MountPropagation: m.MountPropagation && m.MountPropagation !== 'None' ? m.MountPropagation : undefined,
      }),
    ),
    ReadinessProbe: probe(c.ReadinessProbe),
    LivenessProbe: probe(c.LivenessProbe),
    SecurityContext: sc
      ? compact({
          Capability: adds.length ? { Add: adds } : undefined,
          ReadOnlyRootFilesystem: sc.ReadOnlyRootFilesystem === true ? true : undefined,
          RunAsUser: typeof sc.RunAsUser === 'number' && sc.RunAsUser > 0 ? sc.RunAsUser : undefined,
        })
      : undefined,
    Tty: c.Tty === true ? true : undefined,
    Stdin: c.Stdin === true ? true : undefined,
    StdinOnce: c.StdinOnce === true ? true : undefined,
  });
}

function volume(v: Record<string, unknown>): Doc {
  const type = String(v.Type ?? '');
  const paths = Array.isArray(v.ConfigFileVolumeConfigFileToPaths)
    ? (v.ConfigFileVolumeConfigFileToPaths as Record<string, unknown>[])
    : [];
  const byType: Record<string, Doc | undefined> = {
    NFSVolume: compact({
      NFSVolume: compact({
        Server: str(v.NFSVolumeServer),
        Path: str(v.NFSVolumePath),
        ReadOnly: v.NFSVolumeReadOnly === true ? true : undefined,
      }),
    }),
    EmptyDirVolume: compact({
      EmptyDirVolume: compact({ Medium: str(v.EmptyDirVolumeMedium), SizeLimit: str(v.EmptyDirVolumeSizeLimit) }),
    }),
    ConfigFileVolume: compact({
      ConfigFileVolume: compact({
        ConfigFileToPath: paths.map((p) => compact({ Path: str(p.Path), Content: str(p.Content) })),
      }),
    }),
    DiskVolume: compact({ DiskVolume: compact({ DiskId: str(v.DiskVolumeDiskId), FsType: str(v.DiskVolumeFsType) }) }),
    FlexVolume: compact({
      FlexVolume: compact({
        Driver: str(v.FlexVolumeDriver),
        FsType: str(v.FlexVolumeFsType),
        Options: str(v.FlexVolumeOptions),
      }),
    }),
  };
  return compact({ Name: v.Name, Type: type, ...(byType[type] ?? {}) });
}

/** The request document of a live group, as data (wire names, nested as a document writes them). */
export function groupToRequest(g: LiveContainerGroup): Doc {
  const sized = str(g.InstanceType);
  return compact({
    RegionId: g.RegionId,
    ContainerGroupName: g.ContainerGroupName,
    // The zone follows from the vSwitch; written only when there is no vSwitch to decide it.
    ZoneId: g.VSwitchId ? undefined : str(g.ZoneId),
    SecurityGroupId: str(g.SecurityGroupId),
    VSwitchId: str(g.VSwitchId),
    InstanceType: sized,
    Cpu: sized ? undefined : num(g.Cpu),
    Memory: sized ? undefined : num(g.Memory),
    EphemeralStorage: num(g.EphemeralStorage),
    RestartPolicy: g.RestartPolicy && g.RestartPolicy !== 'Always' ? g.RestartPolicy : undefined,
    SpotStrategy: g.SpotStrategy && g.SpotStrategy !== 'NoSpot' ? String(g.SpotStrategy) : undefined,
    SpotPriceLimit: g.SpotStrategy === 'SpotWithPriceLimit' ? num(g.SpotPriceLimit) : undefined,
    RamRoleName: str(g.RamRoleName),
    Tag: (g.Tags ?? []).filter((t) => t.Key).map((t) => compact({ Key: t.Key, Value: t.Value })),
    Volume: (g.Volumes ?? []).map(volume),
    InitContainer: (g.InitContainers ?? []).map(container),
    Container: (g.Containers ?? []).map(container),
  });
}

/** The flattened wire parameters of a document object (`Container.1.Command.2`). */
export function flattenRequest(doc: Doc): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (v: DocValue, key: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${key}.${i + 1}`));
    else if (typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, key ? `${key}.${k}` : k);
    else out[key] = String(v);
  };
  walk(doc, '');
  return out;
}

/** The wire parameters a live group would be created with (for the difference with a document). */
export function groupToWireParams(g: LiveContainerGroup): Record<string, string> {
  return flattenRequest(groupToRequest(g));
}

const YAML_WORDS = /^(true|false|yes|no|on|off|y|n|null|~)$/i;

function scalar(v: string | number | boolean): string {
  if (typeof v !== 'string') return String(v);
  if (v.includes('\n'))
    return `|-\n${v
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n')}`;
  const plain =
    /^[A-Za-z0-9_./@%+-][A-Za-z0-9_./:@%+ =,-]*$/.test(v) &&
    !/[ :]$/.test(v) &&
    !/: /.test(v) &&
    !YAML_WORDS.test(v) &&
    Number.isNaN(Number(v)) &&
    !v.startsWith('-');
  return plain ? v : JSON.stringify(v);
}

function emit(v: DocValue, indent: string): string[] {
  const lines: string[] = [];
  if (Array.isArray(v)) {
    for (const item of v) {
      if (typeof item === 'object') {
        const inner = emit(item, `${indent}  `);
        lines.push(`${indent}- ${inner[0].trimStart()}`, ...inner.slice(1));
      } else lines.push(`${indent}- ${scalar(item)}`);
    }
    return lines;
  }
  for (const [k, x] of Object.entries(v as Doc)) {
    if (typeof x === 'object')
      lines.push(`${indent}${k}:`, ...emit(x, Array.isArray(x) ? `${indent}  ` : `${indent}  `));
    else {
      const s = scalar(x);
      if (s.startsWith('|-'))
        lines.push(
          `${indent}${k}: |-`,
          ...s
            .split('\n')
            .slice(1)
            .map((l) => `${indent}${l}`),
        );
      else lines.push(`${indent}${k}: ${s}`);
    }
  }
  return lines;
}

/** A registry host an image names (`registry.example.com/app:1`), or undefined for Docker Hub images. */
export function registryOf(image: string | undefined): string | undefined {
  const first = image?.split('/')[0];
  return first && image!.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')
    ? first
    : undefined;
}

/** The words of the document's header and placeholders. */
const WORDS = {
  en: {
    header: (id: string, region: string) =>
      `Opened from the container group ${id} (${region}): creating this document creates the same group.`,
    leftOut:
      'Status, ids, times, events and addresses the service assigns are left out, as are values that are only its defaults.',
    resourceGroup:
      "The resource group of the live group (usually the account's default one, which the service reports whether asked for or not); uncomment to create the group in it:",
    registry: (servers: string[]) =>
      `The service does not return registry passwords. If ${servers.join(', ')} needs credentials, fill these in (never commit the password):`,
  },
  ja: {
    header: (id: string, region: string) =>
      `コンテナグループ ${id} (${region}) から開きました。このドキュメントで作成すると同じグループが作成されます。`,
    leftOut:
      'サービスが割り当てるステータス、ID、時刻、イベント、アドレスと、サービスの既定値にすぎない値は省いています。',
    resourceGroup:
      'このグループのリソースグループ (通常はアカウントの既定のもので、指定しなくてもサービスが報告します)。このリソースグループに作成する場合はコメントを外してください:',
    registry: (servers: string[]) =>
      `サービスはレジストリのパスワードを返しません。${servers.join(', ')} に認証が必要な場合は、以下を記入してください (パスワードはコミットしないでください):`,
  },
};

/**
 * The live group as `.eci.yaml` text that `eci validate` accepts and that would create the same group.
 * A registry an image names gets a commented ImageRegistryCredential placeholder: the service never
 * returns the password, and this never writes one.
 */
export function groupToDocument(g: LiveContainerGroup, locale: string = 'en'): string {
  const w = locale.toLowerCase().startsWith('ja') ? WORDS.ja : WORDS.en;
  const doc = groupToRequest(g);
  const lines = [`# ${w.header(g.ContainerGroupId, String(g.RegionId ?? ''))}`, `# ${w.leftOut}`, ...emit(doc, '')];
  const servers = [
    ...new Set(
      [...(g.Containers ?? []), ...(g.InitContainers ?? [])]
        .map((c) => registryOf(c.Image))
        .filter((s): s is string => !!s),
    ),
  ];
  if (str(g.ResourceGroupId))
    lines.push(`# ${w.resourceGroup}`, `# ResourceGroupId: ${scalar(String(g.ResourceGroupId))}`);
  if (servers.length) {
    lines.push(`# ${w.registry(servers)}`, '# ImageRegistryCredential:');
    for (const s of servers)
      lines.push(`#   - Server: ${s}`, '#     UserName: <user name>', '#     Password: <password>');
  }
  return `${lines.join('\n')}\n`;
}

/** Top-level parameters UpdateContainerGroup accepts (the SDK's UpdateContainerGroupRequest). */
const UPDATABLE = new Set([
  'Container',
  'InitContainer',
  'Cpu',
  'Memory',
  'RestartPolicy',
  'Tag',
  'Volume',
  'ImageRegistryCredential',
  'DnsConfig',
  'AcrRegistryInfo',
  'ResourceGroupId',
]);
/** Lists sent whole when any of their keys changes (the service replaces them). */
const WHOLE_LISTS = new Set([
  'Container',
  'InitContainer',
  'Tag',
  'Volume',
  'ImageRegistryCredential',
  'DnsConfig',
  'AcrRegistryInfo',
]);
/** Request-only keys of a document that say nothing about the group. */
const REQUEST_ONLY = new Set(['ClientToken', 'DryRun', 'RegionId']);

export interface UpdateChange {
  key: string;
  /** The live value (undefined: the live group does not have it). */
  from?: string;
  /** The document's value (undefined: the document removes it). */
  to?: string;
}

export interface UpdatePlan {
  /** Every difference between the live group and the document, by wire key. */
  changes: UpdateChange[];
  /** The parameters to send with UpdateContainerGroup (a changed list is sent whole). */
  params: Record<string, string>;
  /** Top-level parameters that differ but UpdateContainerGroup cannot change (ZoneId, VSwitchId, ...). */
  cannotChange: string[];
}

const top = (key: string) => key.split('.')[0];

/**
 * The difference between a live group and a document's wire parameters, and the update that applies
 * it. Keys the document does not write and the live group has only as the service's defaults do not
 * count (groupToWireParams leaves those out); request-only keys (ClientToken, DryRun) never do.
 */
export function planUpdate(live: LiveContainerGroup, documentParams: Record<string, string>): UpdatePlan {
  const before = groupToWireParams(live);
  // What the live group has as the service's defaults (left out of its document), to compare a document that writes them.
  const known: Record<string, string> = { ...serviceDefaults(live), ...before };
  const after: Record<string, string> = {};
  for (const [k, v] of Object.entries(documentParams)) if (!REQUEST_ONLY.has(top(k))) after[k] = v;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !REQUEST_ONLY.has(top(k)));
  const changes: UpdateChange[] = [];
  for (const key of keys) {
    const b = after[key];
    const a = b === undefined ? before[key] : known[key];
    if (a === b) continue;
    // A value the document leaves to the service: the service's default is not a change.
    if (b === undefined && !(top(key) in groupTops(after)) && !WHOLE_LISTS.has(top(key))) continue;
    if (b !== undefined && a !== undefined && Number(a) === Number(b) && !Number.isNaN(Number(a))) continue;
    changes.push({ key, ...(a !== undefined ? { from: a } : {}), ...(b !== undefined ? { to: b } : {}) });
  }
  const changedTops = new Set(changes.map((c) => top(c.key)));
  const cannotChange = [...changedTops].filter((t) => !UPDATABLE.has(t)).sort();
  const params: Record<string, string> = {};
  for (const t of changedTops) {
    if (!UPDATABLE.has(t)) continue;
    for (const [k, v] of Object.entries(after)) if (top(k) === t && (WHOLE_LISTS.has(t) || k === t)) params[k] = v;
  }
  return { changes, params, cannotChange };
}

/** The values a live group has that its document leaves out as the service's defaults. */
function serviceDefaults(g: LiveContainerGroup): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (k: string, v: unknown) => {
    if (v !== undefined && v !== null && v !== '') out[k] = String(v);
  };
  put('ZoneId', g.ZoneId);
  put('RestartPolicy', g.RestartPolicy);
  put('SpotStrategy', g.SpotStrategy);
  put('Cpu', g.Cpu);
  put('Memory', g.Memory);
  (g.Containers ?? []).forEach((c, i) => {
    put(`Container.${i + 1}.ImagePullPolicy`, c.ImagePullPolicy);
    (c.Ports ?? []).forEach((p, j) => put(`Container.${i + 1}.Port.${j + 1}.Protocol`, p.Protocol));
  });
  return out;
}

function groupTops(params: Record<string, string>): Record<string, true> {
  const out: Record<string, true> = {};
  for (const k of Object.keys(params)) out[top(k)] = true;
  return out;
}
