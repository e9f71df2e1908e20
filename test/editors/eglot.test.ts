// The built server under real Emacs 28 with Eglot 1.9 (Debian's `emacs-nox` and `elpa-eglot`, no
// yasnippet or markdown-mode, so no snippet support and plain-text hover): one scripted session
// (test/editors/eglot.el) opens a document, hovers, applies a quick fix, renames a volume, accepts
// completions through Eglot's completion-at-point and types edits; the assertions are on the buffer
// text and the Flymake diagnostics. A second session shows Japanese chosen by the environment (LANG).
import { test, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { editorSession, ensureEditors, freshDiagnostics, SCRIPTS } from './helpers';

interface Diag {
  code: string;
  line: number;
  message: string;
}

const DOC = [
  'RegionId: cn-hangzhou',
  'ContainerGroupName: web',
  'RestartPolicy: always',
  'Container:',
  '  - Name: app',
  '    Image: busybox',
  '    VolumeMount:',
  '      - Name: data',
  '        MountPath: /data',
  'Volume:',
  '  - Name: data',
  '    Type: EmptyDirVolume',
  '',
].join('\n');

const session = (env: Record<string, string> = {}) =>
  editorSession<Diag>('emacs', ['--batch', '-l', join(SCRIPTS, 'eglot.el')], DOC, env);

let en: Awaited<ReturnType<typeof session>>;
before(async () => {
  await ensureEditors();
  en = await session();
});

const codes = (list: Diag[] | undefined) => (list ?? []).map((d) => `${d.line}:${d.code}`);

test('eglot: the opened document shows its diagnostics in Flymake', () => {
  const open = en.steps.get('open')!;
  assert.deepEqual(codes(open.diagnostics), ['2:schema.enum']);
  assert.match(open.diagnostics![0].message, /case-sensitive/);
});

test('eglot: hover arrives as plain text, without markdown syntax', () => {
  const h = en.steps.get('hover')!;
  assert.equal(h.kind, 'plaintext');
  const shown = String(h.shown);
  assert.match(shown, /^RestartPolicy · string · optional/);
  assert.match(shown, /- Always — /);
  assert.doesNotMatch(shown, /\*\*|`/);
});

test('eglot: the quick fix is offered and applied', () => {
  const q = en.steps.get('quick-fix')!;
  assert.deepEqual(q.offered, ['Change always to Always', 'Ignore schema.enum on this line']);
  assert.match(q.text!, /\nRestartPolicy: Always\n/);
  assert.deepEqual(codes(q.diagnostics), []);
});

test('eglot: renaming a volume renames its mount', () => {
  const r = en.steps.get('rename')!;
  assert.match(r.text!, /VolumeMount:\n      - Name: shared\n/);
  assert.match(r.text!, /Volume:\n  - Name: shared\n/);
  assert.deepEqual(codes(r.diagnostics), []);
});

test('eglot: completion of a key, then of its value', () => {
  const kv = en.steps.get('complete-key-and-value')!;
  assert.match(kv.text!, /\nContainerGroupName: web\nAutoMatchImageCache: true\nRestartPolicy: Always\n/);
  assert.equal(kv.valueItems, 2);
});

test('eglot: a snippet item is written as plain text: the first choice, the defaults, the same indentation', () => {
  const s = en.steps.get('complete-snippet')!;
  assert.match(
    s.text!,
    /    Image: busybox\n    ReadinessProbe:\n      HttpGet:\n        Path: \/healthz\n        Port: 80\n        Scheme: HTTP\n      InitialDelaySeconds: 5\n      PeriodSeconds: 10\n      TimeoutSeconds: 1\n    VolumeMount:/,
  );
  assert.doesNotMatch(s.text!, /\$\{|\|\}/);
  assert.deepEqual(codes(s.diagnostics), []);
});

test('eglot: a typed edit sequence ends with the diagnostics of a fresh open', () => {
  const t = en.steps.get('typed-edits')!;
  assert.deepEqual(codes(t.broken as Diag[]), ['1:schema.pattern']);
  assert.match(t.text!, /\nContainerGroupName: web-edge\n/);
  assert.deepEqual(
    (t.diagnostics ?? []).map((d) => ({ code: d.code, line: d.line })),
    freshDiagnostics(t.text!),
  );
});

test('eglot: LANG=ja_JP.UTF-8 in the editor environment gives Japanese', async () => {
  const ja = await session({ LANG: 'ja_JP.UTF-8', ECI_SHORT: '1' });
  const open = ja.steps.get('open')!;
  assert.match(open.diagnostics![0].message, /大文字と小文字を区別します/);
  assert.match(String(ja.steps.get('hover')!.shown), /RestartPolicy · string · 任意/);
});

test('eglot: the session takes a few seconds', () => {
  assert.ok(en.ms < 30_000, `${en.ms} ms`);
});
