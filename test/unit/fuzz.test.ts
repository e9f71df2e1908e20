// Fuzzing: valid documents mutated many times (seeded, so a failure reproduces) must never make
// the service throw, must give ranges inside the document, and must answer in bounded time.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mutate, prng, validFixtureTexts } from '../support/seeded';
import { budgetFromEnv } from '../support/edits';
import { createLanguageService } from '../../server/src/service/index';

const SEEDS = validFixtureTexts();

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
        const edit = item.textEdit as
          | { range: { start: { line: number; character: number }; end: { line: number; character: number } } }
          | undefined;
        if (edit)
          assert.ok(
            edit.range.start.line === line &&
              edit.range.end.line === line &&
              edit.range.start.character <= edit.range.end.character,
            `completion edit stays on the line: ${JSON.stringify(text)}`,
          );
      }
      s.hover(text, { line, character });
      s.wireRequest(text);
    } catch (err) {
      assert.fail(`case ${i} threw ${(err as Error).stack}\n--- document ---\n${JSON.stringify(text)}`);
    }
    for (const d of diagnostics) {
      assert.ok(
        d.range.start.line >= 0 && d.range.end.line < lines.length,
        `case ${i}: ${d.code} range outside the document: ${JSON.stringify(text)}`,
      );
      assert.ok(
        d.range.start.line < d.range.end.line || d.range.start.character <= d.range.end.character,
        `case ${i}: inverted range`,
      );
      assert.ok(String(d.message).length > 0 && typeof d.code === 'string' && d.source === 'eci');
    }
    slowest = Math.max(slowest, Date.now() - t0);
    runs++;
  }
  t.diagnostic(`${runs} mutated documents in ${Date.now() - started} ms, slowest ${slowest} ms`);
  assert.ok(runs >= 100, `only ${runs} cases ran`);
  assert.ok(slowest < 2000, `the slowest case took ${slowest} ms`);
});
