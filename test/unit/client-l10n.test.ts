// The extension speaks English and Japanese: every contributed %key% has both texts, and every
// runtime message of client/src (vscode.l10n.t) has a Japanese translation with the same placeholders.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
const readJson = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8')) as Record<string, unknown>;

function runtimeMessages(): Map<string, string> {
  const found = new Map<string, string>();
  const dir = join(root, 'client/src');
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.ts')) continue;
    const text = readFileSync(join(dir, f), 'utf8');
    for (const m of text.matchAll(/vscode\.l10n\.t\(\s*(['"`])((?:(?!\1)[^\\]|\\.)*)\1/g)) {
      assert.notEqual(m[1], '`', `${f}: a template literal cannot be translated: ${m[2]}`);
      found.set(m[2].replace(/\\(['"\\])/g, '$1'), f);
    }
    // Every call has a literal first argument (a computed one could never be in the bundle).
    for (const m of text.matchAll(/vscode\.l10n\.t\(\s*([^'"\s])/g))
      assert.fail(`${f}: vscode.l10n.t called with a non-literal message (${m[1]}...)`);
  }
  return found;
}

const placeholders = (s: string) =>
  [...s.matchAll(/\{(\d+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

test('every runtime message has a Japanese translation with the same placeholders', () => {
  const messages = runtimeMessages();
  assert.ok(messages.size > 20, `only ${messages.size} messages found: is the scan broken?`);
  const ja = readJson('l10n/bundle.l10n.ja.json');
  for (const [message, file] of messages) {
    const t = ja[message];
    assert.equal(typeof t, 'string', `${file}: no Japanese for "${message}"`);
    assert.equal(placeholders(t as string), placeholders(message), `placeholders differ for "${message}"`);
  }
  const stale = Object.keys(ja).filter((k) => !messages.has(k));
  assert.deepEqual(stale, [], 'translations of messages no longer used');
});

test('every %key% of package.json has an English and a Japanese text, and no text is unused', () => {
  const manifest = readFileSync(join(root, 'package.json'), 'utf8');
  const keys = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
  assert.ok(keys.size > 10);
  assert.equal(readJson('package.json').l10n, './l10n');
  for (const file of ['package.nls.json', 'package.nls.ja.json']) {
    const texts = readJson(file);
    for (const k of keys) assert.equal(typeof texts[k], 'string', `${file} lacks ${k}`);
    assert.deepEqual(
      Object.keys(texts).filter((k) => !keys.has(k)),
      [],
      `${file} has unused keys`,
    );
  }
});

test('every contributed command has a localised title in category ECI', () => {
  const pkg = readJson('package.json') as {
    contributes: { commands: { command: string; title: string; category?: string }[] };
  };
  for (const c of pkg.contributes.commands) {
    assert.match(c.title, /^%.+%$/, c.command);
    assert.equal(c.category, 'ECI', c.command);
  }
});
