// Renders a benchmark results JSON (bench/results/*.json) as Markdown: the run's facts, a compact
// table for 1,000 and 10,000 lines (ours, the peer, the ratio) and each target of issue 3 with
// whether the run met it. Used for the README's Performance section and docs/benchmarks.md.
//
//   node bench/summarize.mjs [bench/results/latest.json] [--write]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PEER = 'yaml-language-server';

function median(m) {
  return m && !m.unsupported && !m.error && typeof m.median === 'number' ? m.median : undefined;
}

function cell(m) {
  const v = median(m);
  return v === undefined ? 'n/a' : `${v} ms`;
}

function ratio(peer, ours, minus = 0) {
  if (peer === undefined || ours === undefined || ours <= 0) return 'n/a';
  return `${((peer - minus) / ours).toFixed(1)}x`;
}

/** @param {any} run the parsed results JSON */
export function summarize(run) {
  const out = [];
  const date = run.date.slice(0, 16).replace('T', ' ');
  out.push(
    `Measured ${date} UTC on ${run.machine.cpus} cores (${run.machine.cpuModel}, shared: load average ${run.loadAverage.start[0]} at start, ${run.loadAverage.end[0]} at end), ` +
      `Node ${run.machine.node}; eci server at commit \`${run.eci.commit}\`${run.peer ? `, yaml-language-server ${run.peer.version} on the same Node with this project's schema` : ''}. ` +
      'Medians over up to 100 iterations after warm-up; ratio = peer ÷ eci (above 1: ours is faster or smaller).',
    '',
  );
  const sizes = run.sizes.filter((s) => s.target >= 1000);
  const head = ['', ...sizes.flatMap((s) => [`eci, ${s.lines.toLocaleString('en')} lines`, `peer`, `ratio`])];
  out.push(`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  const row = (label, pick, minus = 0) => {
    const cells = sizes.flatMap((s) => {
      const o = s.results.eci;
      const p = s.results[PEER];
      return [cell(pick(o)), p ? cell(pick(p)) : 'n/a', p ? ratio(median(pick(p)), median(pick(o)), minus) : 'n/a'];
    });
    out.push(`| ${label} | ${cells.join(' | ')} |`);
  };
  const sinceSpawn = (x) => (x && typeof x.startupMs === 'number' ? { median: x.startupMs } : undefined);
  row('spawn → first diagnostics', sinceSpawn);
  row('edit a value → diagnostics', (x) => x?.edit);
  row('edit a key → diagnostics', (x) => x?.editKey);
  row('add / remove a line → diagnostics', (x) => x?.editLine);
  row('completion (key in a VolumeMount item)', (x) => x?.completionKey);
  row('completion right after an edit', (x) => x?.completionAfterEdit);
  row('completion (enum value)', (x) => x?.completionEnum);
  row('hover (nested key)', (x) => x?.hoverKey);
  const cpuOf = (m) => (m && typeof m.serverCpuMsPerOp === 'number' ? { median: m.serverCpuMsPerOp } : undefined);
  row('server CPU per value edit', (x) => cpuOf(x?.edit));
  row('server CPU per key edit', (x) => cpuOf(x?.editKey));
  row('server CPU per line added / removed', (x) => cpuOf(x?.editLine));
  const rss = sizes.flatMap((s) => {
    const o = s.results.eci?.peakRssMiB;
    const p = s.results[PEER]?.peakRssMiB;
    return [
      o === undefined ? 'n/a' : `${o} MiB`,
      p === undefined ? 'n/a' : `${p} MiB`,
      o && p ? `${(p / o).toFixed(1)}x` : 'n/a',
    ];
  });
  out.push(`| peak RSS | ${rss.join(' | ')} |`, '');
  if (run.sizes.some((x) => x.target === 1000 && x.results[PEER]))
    out.push(
      `yaml-language-server waits ${200} ms after a change before it validates (a constant); its edit figures include that wait, as a user sees it. ` +
        'Without it, the ratios for edits at 1,000 lines are ' +
        [
          ['edit', 'value'],
          ['editKey', 'key'],
          ['editLine', 'line added / removed'],
        ]
          .map(([k, what]) => {
            const s = run.sizes.find((x) => x.target === 1000);
            return `${what} ${s ? ratio(median(s.results[PEER]?.[k]), median(s.results.eci?.[k]), 200) : 'n/a'}`;
          })
          .join(', ') +
        '; in server CPU per edit (no waiting counted on either side) they are ' +
        [
          ['edit', 'value'],
          ['editKey', 'key'],
          ['editLine', 'line added / removed'],
        ]
          .map(([k, what]) => {
            const s = run.sizes.find((x) => x.target === 1000);
            return `${what} ${s ? ratio(s.results[PEER]?.[k]?.serverCpuMsPerOp, s.results.eci?.[k]?.serverCpuMsPerOp) : 'n/a'}`;
          })
          .join(', ') +
        '.',
      '',
    );

  // Start-up, every size: the median of fresh processes and where the time goes.
  const withStartup = run.sizes.filter((s) => s.startup?.eci);
  if (withStartup.length) {
    out.push(
      'Start-up (spawn → first diagnostics), the median of ' +
        withStartup[0].startup.eci.runs +
        ' fresh processes per server and size, the servers alternating:',
      '',
      '| lines | eci | of which: spawn → initialize answered | didOpen → diagnostics | eci CPU | peer | ratio | `node -e 0` |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const s of withStartup) {
      const o = s.startup.eci;
      const p = s.startup[PEER];
      out.push(
        `| ${s.lines.toLocaleString('en')} | ${o.medianMs} ms | ${o.initializeMedianMs} ms | ${o.openToDiagnosticsMedianMs} ms | ${o.cpuMedianMs} ms | ${p ? `${p.medianMs} ms` : 'n/a'} | ${p ? ratio(p.medianMs, o.medianMs) : 'n/a'} | ${s.nodeStartMs ?? 'n/a'} ms |`,
      );
    }
    out.push('');
  }

  // Targets of issue 3.
  const at = (target) => run.sizes.find((s) => s.target === target);
  const k1 = at(1000);
  const k10 = at(10000);
  const targets = [];
  const check = (label, ok, detail) =>
    targets.push(`- ${ok === undefined ? '(not measured)' : ok ? 'met' : '**missed**'}: ${label} (${detail})`);
  if (k1 && k1.results[PEER]) {
    for (const [k, what] of [
      ['edit', 'edit a value'],
      ['editKey', 'edit a key'],
      ['editLine', 'add / remove a line'],
      ['completionKey', 'completion'],
      ['completionAfterEdit', 'completion right after an edit'],
    ]) {
      const o = median(k1.results.eci?.[k]);
      const p = median(k1.results[PEER]?.[k]);
      const r = o && p ? p / o : undefined;
      check(
        `at least 5x faster than yaml-language-server at 1,000 lines: ${what}`,
        r === undefined ? undefined : r >= 5,
        r === undefined ? 'n/a' : `${r.toFixed(1)}x`,
      );
    }
  }
  for (const target of [100, 1000]) {
    const s = at(target);
    const o = s?.startup?.eci?.medianMs;
    const p = s?.startup?.[PEER]?.medianMs;
    if (o !== undefined && p !== undefined)
      check(
        `spawn → first diagnostics at least 5x faster than yaml-language-server at ${target.toLocaleString('en')} lines`,
        p / o >= 5,
        `${(p / o).toFixed(1)}x: ${o} ms against ${p} ms`,
      );
  }
  if (k10) {
    for (const [k, what] of [
      ['completionKey', 'completion'],
      ['completionAfterEdit', 'completion right after an edit'],
      ['completionEnum', 'enum value completion'],
    ]) {
      const o = median(k10.results.eci?.[k]);
      check(
        `${what} under 10 ms median at 10,000 lines`,
        o === undefined ? undefined : o < 10,
        o === undefined ? 'n/a' : `${o} ms`,
      );
    }
  }
  const peaks = run.sizes.map((s) => s.results.eci?.peakRssMiB).filter((x) => typeof x === 'number');
  if (peaks.length)
    check(
      'under 150 MB RSS',
      Math.max(...peaks) * 1.048576 < 150,
      `peak ${Math.max(...peaks)} MiB = ${(Math.max(...peaks) * 1.048576).toFixed(0)} MB, highest of all sizes`,
    );
  out.push(...targets);
  return out.join('\n');
}

const README_INTRO = `## Performance

\`npm run bench\` measures the language server against
[yaml-language-server](https://github.com/redhat-developer/yaml-language-server) given this
project's schema, on the same generated documents of about 100, 1,000 and 10,000 lines, through
the LSP protocol over stdio: spawn → first diagnostics, edit → diagnostics (a value edit and a key
edit), completion, hover, server CPU time and peak RSS. Method, every figure and the profile of
where the time goes: [docs/benchmarks.md](docs/benchmarks.md).
`;

/** Replaces the block between the results markers of docs/benchmarks.md. */
function writeDocs(docsFile, summary, fullTable) {
  const text = readFileSync(docsFile, 'utf8');
  const start = '<!-- results:start -->';
  const end = '<!-- results:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${docsFile} has no ${start} ... ${end} block`);
  const block = `\n${summary}\n\nEvery figure of that run (median / p95 in ms; CPU per operation; \`(!)\` marks an answer that failed its check):\n\n${fullTable.trim()}\n`;
  writeFileSync(docsFile, text.slice(0, a + start.length) + block + text.slice(b));
}

/** Writes the "## Performance" section of the README (replacing it when present). */
function writeReadme(readmeFile, summary) {
  const text = readFileSync(readmeFile, 'utf8');
  const section = `${README_INTRO}\n${summary}\n`;
  const m = /^## Performance\n/m.exec(text);
  if (!m) {
    writeFileSync(readmeFile, `${text.replace(/\n*$/, '')}\n\n${section}`);
    return;
  }
  const rest = text.slice(m.index + m[0].length);
  const next = /^## /m.exec(rest);
  writeFileSync(readmeFile, text.slice(0, m.index) + section + (next ? `\n${rest.slice(next.index)}` : ''));
}

// node bench/summarize.mjs [results.json] [--write]
//   --write: also put the summary into README.md and the results block of docs/benchmarks.md
//            (the full table comes from the .md written beside the results JSON)
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const file =
    args.find((a) => !a.startsWith('--')) ?? fileURLToPath(new URL('./results/latest.json', import.meta.url));
  const summary = summarize(JSON.parse(readFileSync(file, 'utf8')));
  console.log(summary);
  if (args.includes('--write')) {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const fullTable = readFileSync(file.replace(/\.json$/, '.md'), 'utf8');
    writeDocs(join(root, 'docs/benchmarks.md'), summary, fullTable);
    writeReadme(join(root, 'README.md'), summary);
    console.log('\nwritten: README.md (Performance), docs/benchmarks.md (Results)');
  }
}
