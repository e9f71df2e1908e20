// Fuzzing: valid documents mutated many times (seeded, so a failure reproduces) must never make
// the service throw, must give ranges inside the document, and must answer in bounded time.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { prng, validFixtureTexts } from '../support/seeded';
import { budgetFromEnv } from '../support/edits';
import { createLanguageService } from '../../server/src/service/index';

const SEEDS = validFixtureTexts();


const ALPHABET = [':', '-', ' ', '  ', '\n', '[', ']', '{', '}', '"', "'", '#', ',', '&a', '*a', '|', '>', '\t', '?', '!', '%', '@', '0', 'x', 'Name', 'Container', '\u0000', '日本', '\r\n', '\r', '!!str ', '? ', '? ? '];

function mutate(text: string, rnd: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const at = Math.floor(rnd() * (text.length + 1));
  const lines = text.split('\n');
  const li = Math.floor(rnd() * lines.length);
  switch (Math.floor(rnd() * 8)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 5));
    case 1:
      return text.slice(0, at) + pick(ALPHABET) + text.slice(at);
    case 2:
      lines.splice(li, 0, lines[li]);
      return lines.join('\n');
    case 3:
      lines.splice(li, 1);
      return lines.join('\n');
    case 4: {
      const lj = Math.floor(rnd() * lines.length);
      [lines[li], lines[lj]] = [lines[lj], lines[li]];
      return lines.join('\n');
    }
    case 5:
      lines[li] = rnd() < 0.5 ? '  ' + lines[li] : lines[li].replace(/^ {1,2}/, '');
      return lines.join('\n');
    case 6:
      return text.slice(0, at);
    default:
      return text.slice(0, at) + text.slice(Math.floor(rnd() * text.length), Math.floor(rnd() * text.length)) + text.slice(at);
  }
}

test('mutated documents never throw, keep ranges in the document, and answer quickly', (t) => {
  const service = createLanguageService({ locale: 'en' });
  const serviceJa = createLanguageService({ locale: 'ja' });
  const rnd = prng(20261127);
  const started = Date.now();
  let runs = 0;
  let slowest = 0;
  // A fixed number of cases, bounded in time too so that a loaded machine does not time the suite out.
  // ECI_FUZZ_ITERATIONS runs more cases (without the time bound).
  const iterations = budgetFromEnv('ECI_FUZZ_ITERATIONS', 1500);
  const timeBound = process.env.ECI_FUZZ_ITERATIONS ? Infinity : 8000;
  for (let i = 0; i < iterations && Date.now() - started < timeBound; i++) {
    let text = SEEDS[i % SEEDS.length];
    const mutations = 1 + Math.floor(rnd() * 4);
    for (let m = 0; m < mutations; m++) text = mutate(text, rnd);
    const t0 = Date.now();
    const lines = text.split(/\r\n|\r|\n/); // the LSP line model
    const s = i % 5 === 0 ? serviceJa : service;
    let diagnostics;
    try {
      diagnostics = s.diagnose(text);
      const line = Math.floor(rnd() * lines.length);
      const character = Math.floor(rnd() * (lines[line].length + 2));
      const items = s.complete(text, { line, character }).items;
      for (const item of items) {
        const edit = item.textEdit as { range: { start: { line: number; character: number }; end: { line: number; character: number } } } | undefined;
        if (edit) assert.ok(edit.range.start.line === line && edit.range.end.line === line && edit.range.start.character <= edit.range.end.character, `completion edit stays on the line: ${JSON.stringify(text)}`);
      }
      s.hover(text, { line, character });
      s.wireRequest(text);
    } catch (err) {
      assert.fail(`case ${i} threw ${(err as Error).stack}\n--- document ---\n${JSON.stringify(text)}`);
    }
    for (const d of diagnostics) {
      assert.ok(d.range.start.line >= 0 && d.range.end.line < lines.length, `case ${i}: ${d.code} range outside the document: ${JSON.stringify(text)}`);
      assert.ok(d.range.start.line < d.range.end.line || d.range.start.character <= d.range.end.character, `case ${i}: inverted range`);
      assert.ok(String(d.message).length > 0 && typeof d.code === 'string' && d.source === 'eci');
    }
    slowest = Math.max(slowest, Date.now() - t0);
    runs++;
  }
  t.diagnostic(`${runs} mutated documents in ${Date.now() - started} ms, slowest ${slowest} ms`);
  assert.ok(runs >= 100, `only ${runs} cases ran`);
  assert.ok(slowest < 2000, `the slowest case took ${slowest} ms`);
});
