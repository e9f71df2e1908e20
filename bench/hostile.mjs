// Hostile-input check (issue 16): documents that once stalled the server, timed through the
// language server over LSP (dist/server.js --stdio, a fresh process per document) and through
// `eci validate` (dist/cli.js). Prints a table of figures; exits 1 when any figure is beyond its
// bound (generous: a loaded 2-core machine stays well inside; the defects took 6-26 s or answered
// 134 MB). Build first (`node scripts/build.mjs`).
//
//   node bench/hostile.mjs                 every case
//   node bench/hostile.mjs --cases=aliases-9000,explicit-keys-30
//   node bench/hostile.mjs --json          the figures as JSON too
//
// Per case: open -> first publishDiagnostics; one edit (a space typed at the end of the last line)
// -> its publishDiagnostics; documentSymbol, selectionRange (at the deepest point of the first
// line) and foldingRange: time and size of the answer; eci/wireRequest; the server's peak RSS;
// `eci validate FILE` wall time (process start included).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { LspSession } from './lsp-session.mjs';
import { generateDocument } from './generate.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = join(ROOT, 'dist', 'server.js');
const CLI = join(ROOT, 'dist', 'cli.js');

/** Bounds, in ms (times) and bytes (answers: 5 MB, or 8 bytes per character of the document when more; a wire request of every value is that large). */
const BOUND = { ms: 5000, answerBytes: 5 * 1024 * 1024, answerBytesPerChar: 8, peakRssMiB: 600 };

const HEAD = 'RegionId: cn-hangzhou\nContainerGroupName: web\n';
const CASES = {
  // 27 KB: 13-17 s to the first diagnostics before the one-pass alias resolution.
  'aliases-9000': () => `${HEAD}x: &a {Name: n, Image: i}\nContainer: [${Array(9000).fill('*a').join(', ')}]\n`,
  // The same content written out (125 KB): the reference.
  'expanded-9000': () =>
    `${HEAD}x: {Name: n, Image: i}\nContainer: [${Array(9000).fill('{Name: n, Image: i}').join(', ')}]\n`,
  // Keys inside keys: 134 MB of symbols at 26 levels, RangeError at 30.
  'explicit-keys-30': () => `${'? '.repeat(30)}a\n`,
  'explicit-keys-199': () => `${'? '.repeat(199)}a\n`,
  // Beyond the nesting limit: refused with one diagnostic.
  'explicit-keys-300': () => `${'? '.repeat(300)}a\n`,
  // A large valid document: 50,000 lines (about 1.2 MB).
  'large-50k-lines': () => generateDocument(50_000).text,
};

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .map((a) => a.replace(/^--/, '').split('='))
    .map(([k, v]) => [k, v ?? true]),
);
const selected = typeof args.cases === 'string' ? args.cases.split(',') : Object.keys(CASES);

async function measure(name, text, dir) {
  const session = new LspSession({
    name: 'eci',
    argv: [SERVER, '--stdio'],
    logFile: join(dir, `${name}.log`),
    cwd: ROOT,
  });
  const uri = `file:///hostile/${name}.eci.yaml`;
  const row = { case: name, kB: Math.round(text.length / 1024), chars: text.length };
  try {
    await session.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, locale: 'en' });
    session.notify('initialized', {});
    let t = performance.now();
    const opened = session.nextDiagnostics(uri, 1);
    session.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'eci-yaml', version: 1, text } });
    const first = await opened;
    row.openMs = first.at - t;
    row.diagnostics = first.diagnostics.length;
    const lines = text.split(/\r\n|\r|\n/);
    const last = lines.length - 1 - (lines[lines.length - 1] === '' ? 1 : 0);
    t = performance.now();
    const edited = session.nextDiagnostics(uri, 2);
    session.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        {
          range: {
            start: { line: last, character: lines[last].length },
            end: { line: last, character: lines[last].length },
          },
          text: ' ',
        },
      ],
    });
    row.editMs = (await edited).at - t;
    for (const [key, method, params] of [
      ['symbols', 'textDocument/documentSymbol', { textDocument: { uri } }],
      [
        'selection',
        'textDocument/selectionRange',
        { textDocument: { uri }, positions: [{ line: 0, character: Math.max(0, lines[0].length - 1) }] },
      ],
      ['folding', 'textDocument/foldingRange', { textDocument: { uri } }],
      ['wire', 'eci/wireRequest', { uri }],
    ]) {
      t = performance.now();
      const answer = await session.request(method, params);
      row[`${key}Ms`] = performance.now() - t;
      row[`${key}Bytes`] = JSON.stringify(answer ?? null).length;
    }
    row.peakRssMiB = Math.round(session.memory().peakRssMiB);
  } finally {
    await session.close();
  }
  const file = join(dir, `${name}.eci.yaml`);
  writeFileSync(file, text);
  const t = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'validate', '--format', 'json', file], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  row.validateMs = performance.now() - t;
  row.validateExit = r.status;
  return row;
}

const dir = mkdtempSync(join(tmpdir(), 'eci-hostile-'));
const rows = [];
let over = [];
try {
  for (const name of selected) {
    if (!CASES[name]) throw new Error(`unknown case ${name}; cases: ${Object.keys(CASES).join(', ')}`);
    const row = await measure(name, CASES[name](), dir);
    rows.push(row);
    for (const [k, v] of Object.entries(row)) {
      const answerBound = Math.max(BOUND.answerBytes, BOUND.answerBytesPerChar * row.chars);
      if (
        (k.endsWith('Ms') && v > BOUND.ms) ||
        (k.endsWith('Bytes') && v > answerBound) ||
        (k === 'peakRssMiB' && v > BOUND.peakRssMiB)
      )
        over.push(`${name}: ${k} ${Math.round(v)}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const cols = [
  'case',
  'kB',
  'openMs',
  'editMs',
  'diagnostics',
  'symbolsMs',
  'symbolsBytes',
  'selectionMs',
  'selectionBytes',
  'foldingMs',
  'wireMs',
  'wireBytes',
  'peakRssMiB',
  'validateMs',
  'validateExit',
];
const fmt = (v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(0)) : String(v));
const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => fmt(r[c]).length)));
console.log(cols.map((c, i) => c.padStart(widths[i])).join('  '));
for (const r of rows) console.log(cols.map((c, i) => fmt(r[c]).padStart(widths[i])).join('  '));
if (args.json) console.log(JSON.stringify(rows, null, 2));
console.log(
  `\nbounds: ${BOUND.ms} ms per step, ${BOUND.answerBytes} bytes per answer (or ${BOUND.answerBytesPerChar} per character of the document), ${BOUND.peakRssMiB} MiB peak RSS`,
);
if (over.length) {
  console.log(`OVER BOUND:\n  ${over.join('\n  ')}`);
  process.exitCode = 1;
} else console.log('every figure within its bound');
