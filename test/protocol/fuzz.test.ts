// Differential fuzzing over LSP (issue 16): a spawned server (`node dist/server.js --stdio`) gets
// random incremental edits (tabs, lone CRs and CRLF, tags, explicit keys, anchors, quotes...), sent
// as the editor sends them (a range in LSP positions and the new text). After each edit, the
// diagnostics it publishes for that version and its `eci/wireRequest` answer must equal a fresh
// analysis of the same text. The text itself is kept by vscode-languageserver-textdocument, as in
// the server. A small budget with a fixed seed by default; ECI_FUZZ_ITERATIONS runs longer, and
// ECI_FUZZ_SEED replays another seed.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from './lspClient';
import { createLanguageService } from '../../server/src/service/index';
import { WireRequestMethod, type WireRequestResult } from '../../server/src/protocol';
import { prng, validFixtureTexts } from '../support/seeded';
import { applyEdit, budgetFromEnv, randomEdit, withLineEnds } from '../support/edits';

const SEEDS = validFixtureTexts();

test('random incremental edits over LSP: published diagnostics and the wire request equal a fresh analysis', async (t) => {
  const iterations = budgetFromEnv('ECI_FUZZ_ITERATIONS', 150);
  const seed = budgetFromEnv('ECI_FUZZ_SEED', 16);
  const rnd = prng(seed);
  const client = await LspClient.start({ locale: 'en' });
  const started = Date.now();
  let compared = 0;
  let withDiagnostics = 0;
  try {
    let doc: TextDocument | undefined;
    let uri = '';
    for (let i = 0; i < iterations; i++) {
      if (i % 20 === 0) {
        // A new document now and then: another fixture, with LF, CRLF, CR or one CRLF line in an LF file.
        if (doc) await client.close(uri);
        uri = `file:///fuzz/${i}.eci.yaml`;
        doc = TextDocument.create(uri, 'eci-yaml', 1, withLineEnds(SEEDS[Math.floor(rnd() * SEEDS.length)], rnd));
        await client.open(uri, doc.getText(), 1);
        await client.diagnosticsFor(uri, 1);
      }
      const before = doc!.getText();
      const edit = randomEdit(before, rnd);
      const change = {
        range: { start: doc!.positionAt(edit.start), end: doc!.positionAt(edit.end) },
        text: edit.insert,
      };
      const version = doc!.version + 1;
      doc = TextDocument.update(doc!, [change], version);
      const text = doc.getText();
      // The test's own model of the text agrees with the edit it meant.
      assert.equal(text, applyEdit(before, edit));
      await client.change(uri, version, [change]);
      const published = await client.diagnosticsFor(uri, version);
      const wire = (await client.connection.sendRequest(WireRequestMethod, { uri })) as WireRequestResult | null;
      const fresh = createLanguageService({ locale: 'en' });
      const where = `seed ${seed}, edit ${i}: ${JSON.stringify(change)}\n--- before ---\n${JSON.stringify(before)}\n--- after ---\n${JSON.stringify(text)}`;
      assert.deepEqual(published.diagnostics, fresh.diagnose(text), where);
      assert.deepEqual(wire, { ...fresh.wireRequest(text), version }, where);
      compared++;
      if (published.diagnostics.length) withDiagnostics++;
      // Mostly on from a text that still reads cleanly, else back to the text before the edit.
      if (fresh.parse(text).problems.length && rnd() < 0.8) {
        // The whole text (an edit inserting a LF after a CR has no position to be undone from).
        doc = TextDocument.update(doc, [{ text: before }], version + 1);
        await client.change(uri, version + 1, [{ text: before }]);
      }
    }
    assert.deepEqual(client.stderr, [], "nothing on the server's stderr");
  } finally {
    assert.equal(await client.stop(), 0);
  }
  t.diagnostic(
    `${compared} edits over LSP (seed ${seed}) in ${Date.now() - started} ms; ${withDiagnostics} with diagnostics`,
  );
  assert.ok(withDiagnostics > 0 && withDiagnostics < compared, 'edits gave both clean and flawed documents');
});
