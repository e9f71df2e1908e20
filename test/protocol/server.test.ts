// The language server over LSP stdio: handshake, diagnostics published and cleared on edits,
// completion, hover in English and Japanese, the wire request, and surviving bad documents.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient } from './lspClient';
import { WireRequestMethod, type WireRequestResult } from '../../server/src/protocol';

const VALID = [
  'RegionId: cn-hangzhou',
  'ContainerGroupName: web-app',
  'RestartPolicy: Always',
  'Container:',
  '  - Name: web',
  '    Image: nginx:1.25',
  '    Cpu: 1',
  '    Memory: 2',
  '',
].join('\n');

let client: LspClient;
before(async () => {
  client = await LspClient.start({ locale: 'en' });
});
after(async () => {
  const code = await client.stop();
  assert.equal(code, 0);
});

test('initialize announces incremental sync, completion with trigger characters, and hover', () => {
  const caps = client.initializeResult!.capabilities;
  const sync = caps.textDocumentSync as { change: number; openClose: boolean };
  assert.equal(sync.change, 2);
  assert.equal(sync.openClose, true);
  assert.ok(caps.completionProvider?.triggerCharacters?.includes(':'));
  assert.ok(caps.completionProvider?.triggerCharacters?.includes('-'));
  assert.equal(caps.hoverProvider, true);
});

test('serverInfo names the server and the version of package.json', () => {
  const info = client.initializeResult!.serverInfo;
  assert.equal(info?.name, 'eci-language-server');
  assert.equal(
    info?.version,
    JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')).version,
  );
});

test('diagnostics are published for a document and cleared when an incremental edit fixes it', async () => {
  const uri = 'file:///edit.eci.yaml';
  const broken = VALID.replace('ContainerGroupName: web-app', 'ContainerGroupNmae: web-app');
  await client.open(uri, broken, 1);
  const first = await client.diagnosticsFor(uri, 1);
  // One defect, one diagnostic: the misspelt key, not also "ContainerGroupName is missing".
  assert.deepEqual(
    first.diagnostics.map((d) => d.code),
    ['schema.unknown-key'],
  );
  const unknown = first.diagnostics.find((d) => d.code === 'schema.unknown-key')!;
  assert.equal(unknown.source, 'eci');
  assert.equal(unknown.range.start.line, 1);
  assert.match(String(unknown.message), /Did you mean ContainerGroupName\?/);

  // Fix the typo with a ranged change: "Nmae" -> "Name" on line 1.
  await client.change(uri, 2, [
    { range: { start: { line: 1, character: 14 }, end: { line: 1, character: 18 } }, text: 'Name' },
  ]);
  const second = await client.diagnosticsFor(uri, 2);
  assert.deepEqual(second.diagnostics, []);

  // Break it again: a quoted number.
  await client.change(uri, 3, [
    { range: { start: { line: 6, character: 9 }, end: { line: 6, character: 10 } }, text: '"1"' },
  ]);
  const third = await client.diagnosticsFor(uri, 3);
  assert.deepEqual(
    third.diagnostics.map((d) => [d.code, d.range.start.line]),
    [['schema.type', 6]],
  );

  await client.close(uri);
  const cleared = await client.diagnostics(uri, (p) => p.version === undefined && p.diagnostics.length === 0);
  assert.deepEqual(cleared.diagnostics, []);
});

test('completion offers container keys without those present, and enum values', async () => {
  const uri = 'file:///complete.eci.yaml';
  await client.open(uri, VALID.replace('    Memory: 2\n', '    Memory: 2\n    \n'));
  const keys = await client.completion(uri, { line: 8, character: 4 });
  const labels = keys.map((i) => i.label);
  assert.ok(labels.includes('ImagePullPolicy'));
  assert.ok(labels.includes('ReadinessProbe'));
  assert.ok(!labels.includes('Name'), 'Name is already present');
  assert.ok(!labels.includes('Image'), 'Image is already present');
  const pullPolicy = keys.find((i) => i.label === 'ImagePullPolicy')!;
  assert.equal(typeof pullPolicy.documentation === 'object' && pullPolicy.documentation.kind, 'markdown');

  const uri2 = 'file:///complete-values.eci.yaml';
  await client.open(uri2, 'RestartPolicy: \n');
  const values = await client.completion(uri2, { line: 0, character: 15 });
  assert.deepEqual(
    values.map((i) => i.label),
    ['Always', 'Never', 'OnFailure'],
  );
});

test('hover on a key gives the wire path, type and description; on an enum value its meaning', async () => {
  const uri = 'file:///hover.eci.yaml';
  await client.open(uri, VALID);
  const onKey = await client.hover(uri, { line: 5, character: 6 });
  assert.ok(onKey);
  const md = (onKey.contents as { value: string }).value;
  assert.match(md, /\*\*Container\[\]\.Image\*\*/);
  assert.match(md, /string/);
  assert.match(md, /required/);
  assert.deepEqual(onKey.range, { start: { line: 5, character: 4 }, end: { line: 5, character: 9 } });
  const onValue = await client.hover(uri, { line: 2, character: 17 });
  assert.ok(onValue);
  assert.match((onValue.contents as { value: string }).value, /`Always`/);
});

test('the wire request of a valid document, and the errors of an invalid one', async () => {
  const uri = 'file:///wire.eci.yaml';
  await client.open(uri, VALID, 7);
  const ok = (await client.connection.sendRequest(WireRequestMethod, { uri })) as WireRequestResult;
  assert.equal(ok.ok, true);
  assert.equal(ok.version, 7);
  if (ok.ok) {
    assert.equal(ok.params.RegionId, 'cn-hangzhou');
    assert.equal(ok.params['Container.1.Image'], 'nginx:1.25');
  }
  const bad = 'file:///wire-bad.eci.yaml';
  await client.open(bad, 'RegionId: cn-hangzhou\n');
  const no = (await client.connection.sendRequest(WireRequestMethod, { uri: bad })) as WireRequestResult;
  assert.equal(no.ok, false);
  if (!no.ok) assert.ok(no.errors.some((d) => d.code === 'schema.required'));
});

test('eci/wireRequest with force: built despite rule-only errors (listed as overruled), never despite a schema error', async () => {
  const uri = 'file:///wire-rule.eci.yaml';
  await client.open(uri, `${VALID}    ReadinessProbe:\n      PeriodSeconds: 5\n`);
  const refused = (await client.connection.sendRequest(WireRequestMethod, { uri })) as WireRequestResult;
  assert.ok(!refused.ok && refused.forcible === true, JSON.stringify(refused));
  const forced = (await client.connection.sendRequest(WireRequestMethod, { uri, force: true })) as WireRequestResult;
  assert.ok(forced.ok, JSON.stringify(forced));
  assert.deepEqual(
    forced.overruled?.map((d) => d.code),
    ['probe.single-handler'],
  );
  const bad = 'file:///wire-force-bad.eci.yaml';
  await client.open(bad, 'RegionId: cn-hangzhou\n');
  const no = (await client.connection.sendRequest(WireRequestMethod, { uri: bad, force: true })) as WireRequestResult;
  assert.ok(!no.ok && no.forcible === false);
});

test('the server survives hostile documents and keeps answering for others', async () => {
  const hostile: [string, string][] = [
    [
      'file:///bomb.eci.yaml',
      'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n',
    ],
    [
      'file:///binary.eci.yaml',
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1'),
    ],
    ['file:///huge.eci.yaml', 'RegionId: cn-hangzhou\n' + '# padding\n'.repeat(1_100_000)],
    ['file:///deep.eci.yaml', Array.from({ length: 100 }, (_, i) => ' '.repeat(i * 2) + `k${i}:`).join('\n') + ' x\n'],
  ];
  for (const [uri, text] of hostile) await client.open(uri, text);
  for (const [uri] of hostile) {
    const p = await client.diagnosticsFor(uri, 1);
    assert.ok(p.diagnostics.length > 0, uri);
    for (const d of p.diagnostics) assert.equal(d.range.start.line, d.range.end.line, `${uri}: ${JSON.stringify(d)}`);
  }
  // Requests on the hostile documents answer too.
  for (const [uri] of hostile) {
    await client.completion(uri, { line: 0, character: 1 });
    await client.hover(uri, { line: 0, character: 1 });
  }
  const uri = 'file:///after.eci.yaml';
  await client.open(uri, VALID);
  assert.deepEqual((await client.diagnosticsFor(uri, 1)).diagnostics, []);
  const h = await client.hover(uri, { line: 0, character: 2 });
  assert.ok(h);
  assert.equal(client.process.exitCode, null);
});
