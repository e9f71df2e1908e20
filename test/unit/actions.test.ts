import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { parse } from '../../server/src/service/parse';
import { diagnose } from '../../server/src/service/diagnose';
import { codeActions, ADD_CLIENT_TOKEN_KIND } from '../../server/src/service/actions';

const URI = 'file:///work/app.eci.yaml';

function apply(text: string, edits: TextEdit[]): string {
  const p = parse(text);
  const sorted = [...edits].sort((a, b) => p.offsetAt(b.range.start) - p.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted)
    out = out.slice(0, p.offsetAt(e.range.start)) + e.newText + out.slice(p.offsetAt(e.range.end));
  return out;
}

function editsOf(a: CodeAction): TextEdit[] {
  const changes = a.edit?.changes?.[URI];
  assert.ok(changes, `action "${a.title}" edits the document`);
  return changes;
}

/** The document's diagnostics with `code`, and the code actions the server offers for them. */
function fixesFor(text: string, code: string, locale?: string): { diagnostics: Diagnostic[]; actions: CodeAction[] } {
  const parsed = parse(text);
  const diagnostics = diagnose(parsed).filter((d) => d.code === code);
  assert.ok(
    diagnostics.length > 0,
    `the document has a ${code} diagnostic; it has ${JSON.stringify(diagnose(parsed).map((d) => d.code))}`,
  );
  const actions = codeActions(parsed, { uri: URI, range: diagnostics[0].range, diagnostics, locale });
  return { diagnostics, actions };
}

/**
 * Applies the action titled `title` and returns the new text, checking that the defects it claims to fix
 * are gone (the document has that many fewer diagnostics with `code`) and that nothing new appeared.
 */
function applyFix(text: string, code: string, title: string | RegExp): string {
  const { diagnostics, actions } = fixesFor(text, code);
  const a = actions.find((x) => (typeof title === 'string' ? x.title === title : title.test(x.title)));
  assert.ok(a, `an action "${title}" among ${JSON.stringify(actions.map((x) => x.title))}`);
  assert.equal(a.kind, CodeActionKind.QuickFix);
  assert.ok(a.diagnostics?.length, 'the action names the diagnostics it fixes');
  for (const d of a.diagnostics) assert.equal(d.code, code);
  const out = apply(text, editsOf(a));
  const after = diagnose(parse(out));
  const left = after.filter((d) => d.code === code);
  assert.equal(
    left.length,
    diagnostics.length - a.diagnostics.length,
    `${code} fixed in:\n${out}\nleft: ${JSON.stringify(left.map((d) => d.message))}`,
  );
  const before = new Set(diagnose(parse(text)).map((d) => d.code));
  const fresh = after.filter((d) => !before.has(d.code as string));
  assert.deepEqual(
    fresh.map((d) => `${d.code}: ${d.message}`),
    [],
    `the fix adds no new kind of problem:\n${out}`,
  );
  return out;
}

const BASE = 'RegionId: cn-hangzhou\nContainerGroupName: web\n';

test('a misspelled key is renamed to the suggestion (preferred)', () => {
  const text = 'RegionId: cn-hangzhou\nContainerGroupNmae: web\nContainer:\n  - Name: a\n    Imagee: nginx\n';
  const { actions } = fixesFor(text, 'schema.unknown-key');
  const rename = actions.find((a) => a.title === 'Change ContainerGroupNmae to ContainerGroupName')!;
  assert.equal(rename.isPreferred, true);
  assert.equal(rename.diagnostics?.[0].code, 'schema.unknown-key');
  const once = apply(text, editsOf(rename));
  assert.ok(once.includes('\nContainerGroupName: web\n'));
  const out = applyFix(once, 'schema.unknown-key', 'Change Imagee to Image');
  assert.equal(out, 'RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: a\n    Image: nginx\n');
  // The right key is already there: renaming would duplicate it, so the misspelled one is removed.
  const both = `${BASE}Container:\n  - Name: a\n    Imagee: old\n    Image: nginx\n`;
  const { actions: bothActions } = fixesFor(both, 'schema.unknown-key');
  assert.deepEqual(
    bothActions.map((a) => a.title),
    ['Remove Imagee'],
  );
  assert.equal(
    applyFix(both, 'schema.unknown-key', 'Remove Imagee'),
    `${BASE}Container:\n  - Name: a\n    Image: nginx\n`,
  );
});

test('missing required keys are added with placeholders, at the right indentation, at the root and in list items', () => {
  const root = applyFix(
    '# my group\nZoneId: cn-hangzhou-b\n',
    'schema.required',
    /^Add all missing required keys to the document/,
  );
  assert.deepEqual(diagnose(parse(root)), []);
  assert.match(
    root,
    /^# my group\nZoneId: cn-hangzhou-b\nRegionId: \S+\nContainerGroupName: \S+\nContainer:\n  - Name: \S+\n    Image: \S+\n$/,
    'a container placeholder names itself first',
  );

  const item = `${BASE}Container:\n  - Name: web\n    Cpu: 1\n  - Image: nginx\n`;
  const { actions } = fixesFor(item, 'schema.required');
  assert.deepEqual(actions.map((a) => a.title).sort(), [
    'Add required Image to Container[]',
    'Add required Name to Container[]',
  ]);
  const fixedImage = apply(item, editsOf(actions.find((a) => a.title.includes('Image'))!));
  assert.match(fixedImage, /  - Name: web\n    Cpu: 1\n    Image: \S+\n  - Image: nginx\n/);
  const fixedBoth = applyFix(fixedImage, 'schema.required', 'Add required Name to Container[]');
  // Deeper list items, block and flow.
  const env = `${BASE}Container:\n  - Name: web\n    Image: nginx\n    EnvironmentVar:\n      - Value: x\n      - {Value: y}\n`;
  const envBlock = applyFix(env, 'schema.required', 'Add required Key to Container[].EnvironmentVar[]');
  assert.match(envBlock, /      - Value: x\n        Key: \S+\n      - \{Value: y\}\n$/);
  const envBoth = applyFix(envBlock, 'schema.required', 'Add required Key to Container[].EnvironmentVar[]');
  assert.deepEqual(diagnose(parse(envBoth)), []);
  assert.match(fixedBoth, /  - Image: nginx\n    Name: \S+\n$/);
  assert.deepEqual(diagnose(parse(fixedBoth)), []);
});

test('an empty document: its one diagnostic offers adding all three required keys', () => {
  const filled = applyFix(
    '# nothing yet\n',
    'schema.required',
    /^Add all missing required keys to the document \(RegionId, ContainerGroupName, Container\)/,
  );
  assert.deepEqual(diagnose(parse(filled)), []);
  assert.match(filled, /^# nothing yet\nRegionId: /);
});

test('required keys go into a flow mapping', () => {
  const flow = applyFix(`${BASE}Container: [{Name: web}]\n`, 'schema.required', /Add required Image/);
  assert.match(flow, /Container: \[\{Name: web, Image: "[^"]+"\}\]/);
  assert.deepEqual(diagnose(parse(flow)), []);
});

test('an enum value in the wrong case is corrected (preferred), quotes kept', () => {
  const text = `${BASE}RestartPolicy: always\nContainer:\n  - Name: web\n    Image: nginx\n    ImagePullPolicy: 'ifnotpresent'\n`;
  const { actions } = fixesFor(text, 'schema.enum');
  const a = actions.find((x) => x.title === 'Change always to Always')!;
  assert.equal(a.isPreferred, true);
  const once = applyFix(text, 'schema.enum', 'Change always to Always');
  const out = applyFix(once, 'schema.enum', 'Change ifnotpresent to IfNotPresent');
  assert.ok(out.includes("ImagePullPolicy: 'IfNotPresent'"));
  assert.deepEqual(diagnose(parse(out)), []);
});

test('ConfigFile content written as plain text is Base64-encoded', () => {
  const text = `${BASE}Container:\n  - Name: web\n    Image: nginx\nVolume:\n  - Name: cfg\n    Type: ConfigFileVolume\n    ConfigFileVolume:\n      ConfigFileToPath:\n        - Path: app.conf\n          Content: |\n            listen 80;\n            root /srv;\n`;
  const out = applyFix(
    text,
    'config-file.base64',
    'Encode Volume[].ConfigFileVolume.ConfigFileToPath[].Content as Base64',
  );
  const content = /Content: (\S+)\n$/.exec(out)?.[1];
  assert.ok(content, out);
  assert.equal(Buffer.from(content, 'base64').toString('utf8'), 'listen 80;\nroot /srv;\n');
});

test('a probe with two handlers: remove either one', () => {
  const text = `${BASE}Container:\n  - Name: web\n    Image: nginx\n    ReadinessProbe:\n      HttpGet:\n        Path: /\n        Port: 80\n      TcpSocket:\n        Port: 80\n      PeriodSeconds: 5\n`;
  const { actions } = fixesFor(text, 'probe.single-handler');
  assert.deepEqual(
    actions.map((a) => a.title),
    ['Remove HttpGet from Container[].ReadinessProbe', 'Remove TcpSocket from Container[].ReadinessProbe'],
  );
  const noHttp = applyFix(text, 'probe.single-handler', 'Remove HttpGet from Container[].ReadinessProbe');
  assert.ok(
    noHttp.endsWith('    ReadinessProbe:\n      TcpSocket:\n        Port: 80\n      PeriodSeconds: 5\n'),
    noHttp,
  );
  const noTcp = applyFix(text, 'probe.single-handler', 'Remove TcpSocket from Container[].ReadinessProbe');
  assert.ok(
    noTcp.endsWith('    ReadinessProbe:\n      HttpGet:\n        Path: /\n        Port: 80\n      PeriodSeconds: 5\n'),
    noTcp,
  );
});

test('a probe with three handlers: keep only one of them', () => {
  const text = `${BASE}Container:\n  - Name: web\n    Image: nginx\n    LivenessProbe:\n      HttpGet: {Path: /, Port: 80}\n      Exec:\n        Command: [cat, /ok]\n      TcpSocket:\n        Port: 80\n`;
  const { actions } = fixesFor(text, 'probe.single-handler');
  assert.equal(actions.length, 3);
  const out = applyFix(
    text,
    'probe.single-handler',
    'Keep only Exec in Container[].LivenessProbe (remove HttpGet, TcpSocket)',
  );
  assert.ok(out.endsWith('    LivenessProbe:\n      Exec:\n        Command: [cat, /ok]\n'), out);
});

test('SpotWithPriceLimit without SpotPriceLimit: add it after SpotStrategy', () => {
  const text = `${BASE}SpotStrategy: SpotWithPriceLimit\nContainer:\n  - Name: web\n    Image: nginx\n`;
  const out = applyFix(text, 'spot.price-limit-required', /^Add SpotPriceLimit: /);
  assert.match(out, /SpotStrategy: SpotWithPriceLimit\nSpotPriceLimit: [0-9.]+\nContainer:/);
  assert.deepEqual(diagnose(parse(out)), []);
});

test('a ClientToken that is not valid is replaced by a generated one; a missing one can be added as a source action', () => {
  const text = `${BASE}ClientToken: ${'x'.repeat(70)}\nContainer:\n  - Name: web\n    Image: nginx\n`;
  const parsed = parse(text);
  const diagnostics = diagnose(parsed).filter((d) => (d.data as { path?: string } | undefined)?.path === 'ClientToken');
  assert.ok(diagnostics.length, JSON.stringify(diagnose(parsed)));
  const [a] = codeActions(parsed, { uri: URI, range: diagnostics[0].range, diagnostics });
  assert.equal(a.title, 'Generate a new ClientToken');
  const out = apply(text, editsOf(a));
  assert.match(out, /ClientToken: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n/);
  assert.deepEqual(diagnose(parse(out)), []);

  const without = `${BASE}Container:\n  - Name: web\n    Image: nginx\n`;
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  assert.deepEqual(
    codeActions(parse(without), { uri: URI, range, diagnostics: [] }),
    [],
    'not offered among quick fixes',
  );
  const [add] = codeActions(parse(without), { uri: URI, range, diagnostics: [], only: [CodeActionKind.Source] });
  assert.equal(add.kind, ADD_CLIENT_TOKEN_KIND);
  const added = apply(without, editsOf(add));
  assert.match(added, /\n    Image: nginx\nClientToken: [0-9a-f-]{36}\n$/);
  assert.deepEqual(diagnose(parse(added)), []);
  const two = [
    apply(without, editsOf(add)),
    apply(without, editsOf(codeActions(parse(without), { uri: URI, range, diagnostics: [], only: ['source'] })[0])),
  ];
  assert.notEqual(two[0], two[1], 'each token is fresh');
  assert.deepEqual(
    codeActions(parse(added), { uri: URI, range, diagnostics: [], only: ['source'] }),
    [],
    'not offered when there is one',
  );
});

test('a flat dotted key is nested, merged into the mapping that exists', () => {
  const merged = `${BASE}Container:\n  - Name: web\n    Image: nginx\n    ReadinessProbe:\n      PeriodSeconds: 5\n    ReadinessProbe.HttpGet.Path: /healthz\n    ReadinessProbe.HttpGet.Port: 80\n`;
  const once = applyFix(merged, 'schema.unknown-key', 'Write ReadinessProbe.HttpGet.Path in nested form');
  assert.ok(
    once.includes(
      '    ReadinessProbe:\n      PeriodSeconds: 5\n      HttpGet:\n        Path: /healthz\n    ReadinessProbe.HttpGet.Port: 80\n',
    ),
    once,
  );
  const twice = applyFix(once, 'schema.unknown-key', 'Write ReadinessProbe.HttpGet.Port in nested form');
  assert.ok(
    twice.endsWith(
      '    ReadinessProbe:\n      PeriodSeconds: 5\n      HttpGet:\n        Path: /healthz\n        Port: 80\n',
    ),
    twice,
  );
  assert.deepEqual(diagnose(parse(twice)), []);

  const fresh = `${BASE}Container:\n  - ReadinessProbe.TcpSocket.Port: 8080\n    Name: web\n    Image: nginx\n`;
  const out = applyFix(fresh, 'schema.unknown-key', 'Write ReadinessProbe.TcpSocket.Port in nested form');
  assert.equal(
    out,
    `${BASE}Container:\n  - ReadinessProbe:\n      TcpSocket:\n        Port: 8080\n    Name: web\n    Image: nginx\n`,
  );
});

test('a VolumeMount naming no volume: create the volume, in the Volume list or in a new one', () => {
  const withList = `${BASE}Container:\n  - Name: web\n    Image: nginx\n    VolumeMount:\n      - Name: cache\n        MountPath: /cache\nVolume:\n- Name: other\n  Type: EmptyDirVolume\n`;
  const out = applyFix(withList, 'volume-mount.unknown-volume', 'Create volume "cache" (EmptyDirVolume)');
  assert.ok(
    out.endsWith('Volume:\n- Name: other\n  Type: EmptyDirVolume\n- Name: cache\n  Type: EmptyDirVolume\n'),
    out,
  );

  const noList = `${BASE}Container:\n  - Name: web\n    Image: nginx\n    VolumeMount:\n      - Name: cache\n        MountPath: /cache`;
  const created = applyFix(noList, 'volume-mount.unknown-volume', 'Create volume "cache" (EmptyDirVolume)');
  assert.ok(
    created.endsWith('        MountPath: /cache\nVolume:\n  - Name: cache\n    Type: EmptyDirVolume\n'),
    created,
  );
  assert.deepEqual(diagnose(parse(created)), []);

  const emptyList = `${noList}\nVolume:\nTag: []\n`;
  const filled = apply(emptyList, editsOf(fixesFor(emptyList, 'volume-mount.unknown-volume').actions[0]));
  assert.ok(
    filled.endsWith('        MountPath: /cache\nVolume:\n  - Name: cache\n    Type: EmptyDirVolume\nTag: []\n'),
    filled,
  );
  assert.deepEqual(diagnose(parse(filled)), []);

  const flow = `${noList}\nVolume: [{Name: other, Type: EmptyDirVolume}]\n`;
  const flowFixed = applyFix(flow, 'volume-mount.unknown-volume', 'Create volume "cache" (EmptyDirVolume)');
  assert.deepEqual(diagnose(parse(flowFixed)), []);
  assert.deepEqual(
    (parse(flowFixed).doc!.toJS() as { Volume: { Name: string }[] }).Volume.map((v) => v.Name),
    ['other', 'cache'],
  );
});

test('quick fix titles follow the locale', () => {
  const { actions } = fixesFor(
    `${BASE}RestartPolicy: never\nContainer:\n  - Name: a\n    Image: b\n`,
    'schema.enum',
    'ja',
  );
  assert.equal(actions[0].title, 'never を Never に変更');
});

test('no actions for diagnostics the fixes do not know, nor for an unparsable document', () => {
  const text = `${BASE}Container:\n  - Name: a\n    Image: b\nCpu: -1\n`;
  const parsed = parse(text);
  const d = diagnose(parsed);
  assert.ok(d.length > 0);
  assert.deepEqual(
    codeActions(parsed, { uri: URI, range: d[0].range, diagnostics: d.filter((x) => x.code === 'schema.minimum') }),
    [],
  );
  assert.deepEqual(
    codeActions(parse('a: [\n'), { uri: URI, range: d[0].range, diagnostics: [{ ...d[0], code: 'schema.enum' }] }),
    [],
  );
});

test('a quoted number is unquoted; a number where a string belongs is quoted', () => {
  const text = `${BASE}Cpu: "2"\nContainer:\n  - Name: web\n    Image: nginx\n    Tty: 'true'\n    EnvironmentVar:\n      - Key: PORT\n        Value: 8080\n`;
  let out = applyFix(text, 'schema.type', 'Write "2" without quotes');
  out = applyFix(out, 'schema.type', "Write 'true' without quotes");
  out = applyFix(out, 'schema.type', 'Quote 8080 to make it a string');
  assert.ok(
    out.includes('\nCpu: 2\n') && out.includes('    Tty: true\n') && out.includes('        Value: "8080"\n'),
    out,
  );
  assert.deepEqual(diagnose(parse(out)), []);
  const { actions } = fixesFor(`${BASE}Cpu: "two"\nContainer:\n  - Name: web\n    Image: nginx\n`, 'schema.type');
  assert.deepEqual(actions, [], 'no fix when the quoted text is no number');
});

test('rule fixes: Tty for /bin/bash, AutoCreateEip, Ipv6GatewayBandwidthEnable, SpotPriceLimit decimals and strategy, volume Type', () => {
  const bash = `${BASE}Container:\n  - Name: sh\n    Image: busybox\n    Command: [/bin/bash]\n`;
  assert.ok(
    applyFix(bash, 'container.tty-for-bash', 'Set Tty: true').endsWith('    Command: [/bin/bash]\n    Tty: true\n'),
  );

  const eip = `${BASE}EipBandwidth: 10\nAutoCreateEip: false\nContainer:\n  - Name: a\n    Image: b\n`;
  assert.ok(
    applyFix(eip, 'eip.options-require-auto-create', 'Set AutoCreateEip: true').includes('\nAutoCreateEip: true\n'),
  );
  assert.ok(!applyFix(eip, 'eip.options-require-auto-create', 'Remove EipBandwidth').includes('EipBandwidth'));

  const ipv6 = `${BASE}Ipv6GatewayBandwidth: "100"\nContainer:\n  - Name: a\n    Image: b\n`;
  assert.ok(
    applyFix(ipv6, 'ipv6.gateway-bandwidth-requires-enable', 'Set Ipv6GatewayBandwidthEnable: true').endsWith(
      '    Image: b\nIpv6GatewayBandwidthEnable: true\n',
    ),
  );

  const decimals = `${BASE}SpotStrategy: SpotWithPriceLimit\nSpotPriceLimit: 0.02549\nContainer:\n  - Name: a\n    Image: b\n`;
  assert.ok(
    applyFix(decimals, 'spot.price-limit-decimals', 'Round SpotPriceLimit to 0.025').includes(
      '\nSpotPriceLimit: 0.025\n',
    ),
  );

  const ignored = `${BASE}SpotStrategy: SpotAsPriceGo\nSpotPriceLimit: 0.5\nContainer:\n  - Name: a\n    Image: b\n`;
  assert.ok(
    applyFix(ignored, 'spot.price-limit-ignored', 'Set SpotStrategy: SpotWithPriceLimit').includes(
      'SpotStrategy: SpotWithPriceLimit\n',
    ),
  );
  assert.ok(!applyFix(ignored, 'spot.price-limit-ignored', 'Remove SpotPriceLimit').includes('SpotPriceLimit'));

  const noType = `${BASE}Container:\n  - Name: a\n    Image: b\nVolume:\n  - Name: v\n    EmptyDirVolume:\n      Medium: memory\n`;
  assert.ok(
    applyFix(noType, 'volume.type-mismatch', 'Set Type: EmptyDirVolume').endsWith(
      '      Medium: memory\n    Type: EmptyDirVolume\n',
    ),
  );
  const otherType = `${BASE}Container:\n  - Name: a\n    Image: b\nVolume:\n  - Name: v\n    Type: NFSVolume\n    EmptyDirVolume:\n      Medium: memory\n`;
  assert.ok(
    applyFix(otherType, 'volume.type-mismatch', 'Set Type: EmptyDirVolume').includes('    Type: EmptyDirVolume\n'),
  );
  assert.ok(applyFix(otherType, 'volume.type-mismatch', 'Remove EmptyDirVolume').endsWith('    Type: NFSVolume\n'));
});

test('a duplicate key: remove this one, or keep it and remove the first', () => {
  const text = `RegionId: cn-beijing\nContainerGroupName: web\nRegionId: cn-hangzhou\nContainer:\n  - Name: a\n    Image: b\n`;
  const { actions } = fixesFor(text, 'yaml.duplicate-key');
  assert.deepEqual(
    actions.map((a) => a.title),
    ['Remove this RegionId (line 3)', 'Keep this RegionId: remove the one on line 1'],
  );
  assert.equal(
    applyFix(text, 'yaml.duplicate-key', 'Remove this RegionId (line 3)'),
    `RegionId: cn-beijing\nContainerGroupName: web\nContainer:\n  - Name: a\n    Image: b\n`,
  );
  assert.equal(
    applyFix(text, 'yaml.duplicate-key', 'Keep this RegionId: remove the one on line 1'),
    `ContainerGroupName: web\nRegionId: cn-hangzhou\nContainer:\n  - Name: a\n    Image: b\n`,
  );
  const inItem = `${BASE}Container:\n  - Name: a\n    Image: b\n    Name: c\n`;
  assert.ok(
    applyFix(inItem, 'yaml.duplicate-key', 'Keep this Name: remove the one on line 4').endsWith(
      'Container:\n  - Image: b\n    Name: c\n',
    ),
  );
});

test('diagnostics of another source are left alone', () => {
  const text = `${BASE}RestartPolicy: always\nContainer:\n  - Name: a\n    Image: b\n`;
  const parsed = parse(text);
  const [d] = diagnose(parsed).filter((x) => x.code === 'schema.enum');
  assert.equal(codeActions(parsed, { uri: URI, range: d.range, diagnostics: [d] }).length, 1);
  assert.deepEqual(
    codeActions(parsed, { uri: URI, range: d.range, diagnostics: [{ ...d, source: 'yaml-schema' }] }),
    [],
  );
});
