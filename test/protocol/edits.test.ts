// A typing session over LSP: many incremental edits (values, keys, whole lines, new lines), and
// after each one the server publishes for that version exactly the diagnostics a fresh analysis
// of the same text gives. Guards the incremental re-parse and the edit scheduling end to end.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { LspClient } from './lspClient';
import { createLanguageService } from '../../server/src/service/index';

const FIXTURE = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'valid', 'web-server.eci.yaml');

function applyChange(text: string, change: TextDocumentContentChangeEvent): string {
  if (!('range' in change)) return change.text;
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(change.range.start)) + change.text + text.slice(offset(change.range.end));
}

test('after every incremental edit the published diagnostics equal a fresh analysis of the text', async () => {
  const client = await LspClient.start({ locale: 'en' });
  try {
    const uri = 'file:///typing.eci.yaml';
    let text = readFileSync(FIXTURE, 'utf8');
    await client.open(uri, text, 1);
    await client.diagnosticsFor(uri, 1);
    const lines = () => text.split('\n');
    const lineOf = (needle: string) => lines().findIndex((l) => l.includes(needle));
    const edits: (() => TextDocumentContentChangeEvent)[] = [
      // Typing a value character by character.
      () => ({
        range: {
          start: { line: lineOf('ClientToken'), character: 13 },
          end: { line: lineOf('ClientToken'), character: 13 },
        },
        text: 'x',
      }),
      () => ({
        range: {
          start: { line: lineOf('RestartPolicy'), character: 15 },
          end: { line: lineOf('RestartPolicy'), character: 21 },
        },
        text: 'always',
      }),
      () => ({
        range: {
          start: { line: lineOf('RestartPolicy'), character: 15 },
          end: { line: lineOf('RestartPolicy'), character: 21 },
        },
        text: 'Always',
      }),
      // A key misspelt and fixed.
      () => ({
        range: {
          start: { line: lineOf('ImagePullPolicy'), character: 4 },
          end: { line: lineOf('ImagePullPolicy'), character: 9 },
        },
        text: 'Imag',
      }),
      () => ({
        range: {
          start: { line: lineOf('ImagPullPolicy'), character: 4 },
          end: { line: lineOf('ImagPullPolicy'), character: 8 },
        },
        text: 'Image',
      }),
      // A whole line rewritten (key and value).
      () => {
        const l = lineOf('Memory: 3');
        return {
          range: { start: { line: l, character: 0 }, end: { line: l, character: lines()[l].length } },
          text: '    Memroy: "3"',
        };
      },
      () => {
        const l = lineOf('Memroy');
        return {
          range: { start: { line: l, character: 0 }, end: { line: l, character: lines()[l].length } },
          text: '    Memory: 3',
        };
      },
      // A new line typed, then completed.
      () => {
        const l = lineOf('Memory: 3');
        return {
          range: { start: { line: l, character: lines()[l].length }, end: { line: l, character: lines()[l].length } },
          text: '\n    Gpu: ',
        };
      },
      () => {
        const l = lineOf('Gpu:');
        return { range: { start: { line: l, character: 9 }, end: { line: l, character: 9 } }, text: '-1' };
      },
      () => {
        const l = lineOf('Gpu:');
        return { range: { start: { line: l, character: 9 }, end: { line: l, character: 11 } }, text: '1' };
      },
      // A volume renamed so that a mount no longer finds it, then back.
      () => {
        const l = lines().indexOf('  - Name: workdir');
        return { range: { start: { line: l, character: 10 }, end: { line: l, character: 17 } }, text: 'workdur' };
      },
      () => {
        const l = lines().indexOf('  - Name: workdur');
        return { range: { start: { line: l, character: 10 }, end: { line: l, character: 17 } }, text: 'workdir' };
      },
      // Broken YAML for a moment.
      () => ({
        range: { start: { line: lineOf('Cpu: 2'), character: 5 }, end: { line: lineOf('Cpu: 2'), character: 6 } },
        text: '[2',
      }),
      () => ({
        range: { start: { line: lineOf('Cpu: [2'), character: 5 }, end: { line: lineOf('Cpu: [2'), character: 7 } },
        text: '2',
      }),
    ];
    const reference = createLanguageService({ locale: 'en' });
    let version = 1;
    for (const edit of edits) {
      const change = edit();
      assert.ok('range' in change && change.range.start.line >= 0, 'the edit finds its line');
      text = applyChange(text, change);
      version++;
      await client.change(uri, version, [change]);
      const published = await client.diagnosticsFor(uri, version);
      assert.deepEqual(published.diagnostics, reference.diagnose(text), `after edit ${version - 1}:\n${text}`);
    }
    // The edits did change the diagnostics along the way (the comparison was not between empty lists only).
    assert.ok(reference.diagnose(applyChange(text, edits[1]())).length > 0);
  } finally {
    assert.equal(await client.stop(), 0);
  }
});
