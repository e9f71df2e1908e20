// The built server under real Neovim 0.7 (Debian's `neovim`, its built-in LSP client with its own
// capabilities, no plugins): one scripted session (test/editors/neovim.lua) opens a document, hovers,
// applies quick fixes, renames a volume, accepts completions and types edits; the assertions are on
// the buffer text and the diagnostics Neovim shows.
import { test, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { editorSession, ensureEditors, freshDiagnostics, SCRIPTS, type EditorStep } from './helpers';

interface Diag {
  code: string;
  lnum: number;
  col: number;
  message: string;
}

// The first container's name is Japanese: Neovim 0.7 sends the diagnostic after it back with its
// columns counted in bytes, and the quick fix must still be found.
const DOC = [
  'RegionId: cn-hangzhou',
  'ContainerGroupName: web',
  'Container:',
  '  - {Name: "ウェブ", Image: nginx, Cpu: "2"}',
  '  - Name: sidecar',
  '    Image: busybox',
  '    VolumeMount:',
  '      - Name: data',
  '        MountPath: /data',
  '  - Name: worker',
  'Volume:',
  '  - Name: data',
  '    Type: EmptyDirVolume',
  '',
].join('\n');

let steps: Map<string, EditorStep<Diag>['value']>;
let ms = 0;

before(async () => {
  await ensureEditors();
  ({ steps, ms } = await editorSession<Diag>(
    'nvim',
    ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(SCRIPTS, 'neovim.lua')}`],
    DOC,
  ));
});

const codes = (list: Diag[] | undefined) => (list ?? []).map((d) => `${d.lnum}:${d.code}`);

test('neovim: the opened document shows its diagnostics', () => {
  const open = steps.get('open')!;
  assert.deepEqual(codes(open.diagnostics), ['3:schema.type', '9:schema.required']);
  // After the Japanese name, Neovim shows the column in bytes: 37 characters, 43 bytes.
  assert.equal(
    open.diagnostics![0].col,
    Buffer.byteLength(DOC.split('\n')[3].slice(0, DOC.split('\n')[3].indexOf('"2"'))),
  );
});

test('neovim: hover shows the parameter documentation', () => {
  const lines = steps.get('hover')!.lines as string[];
  assert.match(lines.join('\n'), /ContainerGroupName\*\* · string · required/);
  assert.match(lines.join('\n'), /2 to 128 characters/);
});

test('neovim: quick fixes apply although the diagnostic comes back with byte columns and the required-key fix is found', () => {
  const type = steps.get('quick-fix-type')!;
  assert.deepEqual(type.offered, ['Write "2" without quotes', 'Ignore schema.type on this line']);
  assert.match(type.text!, /\{Name: "ウェブ", Image: nginx, Cpu: 2\}/);
  assert.deepEqual(codes(type.diagnostics), ['9:schema.required']);
  const required = steps.get('quick-fix-required')!;
  assert.equal(required.applied, true);
  assert.match(required.text!, /  - Name: worker\n    Image: \S+\nVolume:/);
  assert.deepEqual(codes(required.diagnostics), []);
});

test('neovim: renaming a volume renames its mounts', () => {
  const r = steps.get('rename')!;
  assert.match(r.text!, /VolumeMount:\n      - Name: shared\n/);
  assert.match(r.text!, /Volume:\n  - Name: shared\n/);
  assert.doesNotMatch(r.text!, /Name: data/);
  assert.deepEqual(codes(r.diagnostics), []);
});

test('neovim: omnifunc completion of a key, then of its value, of a region and of an object key (single line)', () => {
  const kv = steps.get('complete-key-and-value')!;
  assert.match(kv.text!, /\nContainerGroupName: web\nRestartPolicy: Never\n/);
  const region = steps.get('complete-region')!;
  // Neovim's omnifunc kept the items although the region's `-` is not a keyword character.
  assert.equal(region.line, 'RegionId: cn-shanghai');
  const object = steps.get('complete-object-key')!;
  assert.match(object.text!, /\nDnsConfig:\nRestartPolicy: Never\n/);
  assert.doesNotMatch(object.text!, /\u0000/);
});

test('neovim: a snippet item arrives as plain text with the first choice and the same indentation', () => {
  const s = steps.get('complete-snippet')!;
  assert.equal(s.insertTextFormat, 1);
  assert.match(
    s.text!,
    /    Image: busybox\n    ReadinessProbe:\n      TcpSocket:\n        Port: 80\n      InitialDelaySeconds: 5\n      PeriodSeconds: 10\n      TimeoutSeconds: 1\n    VolumeMount:/,
  );
  assert.doesNotMatch(s.text!, /\$\{|\|\}/);
});

test('neovim: a typed edit sequence ends with the diagnostics of a fresh open', () => {
  const t = steps.get('typed-edits')!;
  assert.ok(codes(t.broken as Diag[]).includes('1:schema.pattern'));
  const shown = (t.diagnostics ?? []).map((d) => ({ code: d.code, line: d.lnum }));
  assert.deepEqual(shown, freshDiagnostics(t.text!));
  // Only the empty DnsConfig the object-key completion left is still to fill in.
  assert.deepEqual(codes(t.diagnostics), ['2:schema.type']);
});

test('neovim: the whole session takes a few seconds', () => {
  assert.ok(ms < 30_000, `${ms} ms`);
});
