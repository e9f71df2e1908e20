// THE COVERAGE TEST: a document that sets every parameter of the schema goes through
// buildWireRequest and the real SDK, and every parameter must arrive in the signed request at the
// local endpoint under its exact wire name with its exact value.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { callCreateContainerGroup } from '../../calls/src/operations/createContainerGroup';
import { toSdkRequest, type SdkModelClass } from '../../calls/src/sdkRequest';
import { repoRoot } from '../support/eciEndpoint';
import { callOptions, endpoint, wire } from './helpers';

interface SchemaNode {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  'x-wirePath'?: string;
  'x-sdk'?: string;
  'x-secret'?: boolean;
}

interface Leaf {
  wirePath: string;
  /** The flattened keys this leaf produces, with their expected wire values. */
  expected: [string, string][];
  sdk?: string;
}

const schema = JSON.parse(
  readFileSync(join(repoRoot(), 'schemas', 'eci-container-group.schema.json'), 'utf8'),
) as SchemaNode;

/**
 * Builds a document value that sets every leaf, and the expected wire key/value of each leaf,
 * straight from the schema: `Container[].Arg[]` -> `Container.1.Arg.1`, `Container.1.Arg.2`.
 */
function everything(): { doc: Record<string, unknown>; leaves: Leaf[] } {
  const leaves: Leaf[] = [];
  let n = 0;
  // Values that exercise the percent-encoding of the signature: spaces, reserved characters, non-ASCII.
  const stringValue = (wirePath: string) => `v${++n} ${wirePath} é日本 &=+%/?#!*'()~`;
  const scalar = (node: SchemaNode, wirePath: string): [unknown, string] => {
    if (node.enum && node.enum.length) {
      const v = node.enum[n++ % node.enum.length];
      return [v, String(v)];
    }
    switch (node.type) {
      case 'integer': {
        const v = 100 + ++n;
        return [v, String(v)];
      }
      case 'number': {
        const v = ++n + 0.25;
        return [v, String(v)];
      }
      case 'boolean': {
        const v = ++n % 2 === 0;
        return [v, String(v)];
      }
      default: {
        const v = stringValue(wirePath);
        return [v, v];
      }
    }
  };
  const build = (node: SchemaNode, key: string): unknown => {
    const wirePath = node['x-wirePath'] ?? key;
    if (node.type === 'object' || node.properties) {
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(node.properties ?? {})) out[k] = build(child, key ? `${key}.${k}` : k);
      return out;
    }
    if (node.type === 'array') {
      const item = node.items ?? {};
      if (item.type === 'object' || item.properties) return [build(item, `${key}.1`)];
      const a = scalar(item, wirePath);
      const b = scalar(item, wirePath);
      leaves.push({
        wirePath,
        sdk: node['x-sdk'],
        expected: [
          [`${key}.1`, a[1]],
          [`${key}.2`, b[1]],
        ],
      });
      return [a[0], b[0]];
    }
    const [v, text] = scalar(node, wirePath);
    leaves.push({ wirePath, sdk: node['x-sdk'], expected: [[key, text]] });
    return v;
  };
  const doc = build(schema, '') as Record<string, unknown>;
  return { doc, leaves };
}

test('every parameter of the schema reaches the signed request under its exact wire name, with its value', async () => {
  const { doc, leaves } = everything();
  assert.equal(
    leaves.length,
    196,
    'the schema describes 196 parameters (190 documented by the reference + 5 only in the SDK + 1 only in other official clients)',
  );
  // A create, not a dry run, and names the fake service accepts.
  doc.DryRun = false;
  // The generated value alternates with the leaf count: the override is what is expected on the wire.
  const dryRun = leaves.find((l) => l.wirePath === 'DryRun');
  if (dryRun) dryRun.expected = [['DryRun', 'false']];
  const text = stringify(doc, { lineWidth: 0 });
  const req = wire(text);

  const expected = new Map(leaves.flatMap((l) => l.expected));
  assert.deepEqual(
    Object.keys(req.params).sort(),
    [...expected.keys()].sort(),
    'buildWireRequest produces exactly the expected keys',
  );
  for (const [k, v] of expected) assert.equal(req.params[k], v, k);
  assert.deepEqual(req.undocumented, []);

  // The four documented parameters the SDK model lacks, and the one other official clients send (x-foundIn).
  const foundElsewhere = ['Volume[].EmptyDirVolume.Enable'];
  const missing = leaves
    .filter((l) => l.sdk === 'missing' || foundElsewhere.includes(l.wirePath))
    .flatMap((l) => l.expected.map(([k]) => k));
  assert.deepEqual(req.sdkMissing.sort(), missing.sort());
  assert.deepEqual([...new Set(leaves.filter((l) => l.sdk === 'missing').map((l) => l.wirePath))].sort(), [
    'ComputeCategory[]',
    'Container[].SecurityContextPrivileged',
    'GpuDriverVersion',
    'MaxPendingMinute',
  ]);

  // Every other parameter is carried by the SDK's own model (translated through its names() maps).

  const eci = require('@alicloud/eci20180808') as typeof import('@alicloud/eci20180808');

  const openapiUtil = (
    require('@alicloud/openapi-util') as { default: { query(m: Record<string, unknown>): Record<string, string> } }
  ).default;
  const parts = toSdkRequest(
    eci.CreateContainerGroupRequest as unknown as SdkModelClass &
      (new () => InstanceType<typeof eci.CreateContainerGroupRequest>),
    req.params,
    req.sdkMissing,
    (m) => openapiUtil.query(m.toMap()),
  );
  assert.deepEqual(parts.notInModel, [], 'no parameter falls outside the SDK model except the four it lacks');
  assert.deepEqual(Object.keys(parts.extensionQueries).sort(), missing.sort());
  assert.equal(
    parts.request.container?.[0]?.readinessProbe?.httpGet?.path,
    req.params['Container.1.ReadinessProbe.HttpGet.Path'],
  );
  assert.equal(parts.request.volume?.[0]?.NFSVolume?.server, req.params['Volume.1.NFSVolume.Server']);

  const ep = await endpoint({ maxUrlBytes: 256 * 1024, maxHeaderBytes: 512 * 1024 });
  try {
    const outcome = await callCreateContainerGroup(callOptions(ep, req));
    assert.equal(outcome.type, 'created', JSON.stringify(outcome));
    assert.equal(ep.requests.length, 1);
    const got = ep.requests[0];
    assert.equal(got.signature, 'valid');
    let checked = 0;
    for (const leaf of leaves) {
      for (const [key, value] of leaf.expected) {
        assert.ok(key in got.params, `${leaf.wirePath}: ${key} did not arrive`);
        assert.equal(got.params[key], value, `${leaf.wirePath}: ${key}`);
        checked++;
      }
    }
    assert.equal(checked, expected.size);
    // Nothing else was sent: the request is exactly the document.
    assert.deepEqual(Object.keys(got.params).sort(), [...expected.keys()].sort());
  } finally {
    await ep.close();
  }
});

test('the secrets of the full document are the x-secret parameters and the hidden environment values', () => {
  const { doc } = everything();
  const containers = doc.Container as Record<string, unknown>[];
  containers[0].EnvironmentVarHide = true;
  const req = wire(stringify(doc, { lineWidth: 0 }));
  const secretLeaves: string[] = [];
  const walk = (node: SchemaNode, key: string) => {
    if (node['x-secret']) secretLeaves.push(key);
    for (const [k, c] of Object.entries(node.properties ?? {})) walk(c, key ? `${key}.${k}` : k);
    if (node.items) walk(node.items, `${key}.1`);
  };
  walk(schema, '');
  assert.ok(secretLeaves.includes('ImageRegistryCredential.1.Password'));
  assert.deepEqual(req.secrets.sort(), [...secretLeaves, 'Container.1.EnvironmentVar.1.Value'].sort());
});
