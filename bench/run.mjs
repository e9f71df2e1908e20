// Language-server benchmark: this project's server (dist/server.js) against
// yaml-language-server given this project's schema, on the same generated documents,
// measured through the real LSP protocol over stdio.
//
//   npm run bench                                 sizes 100, 1000, 10000; the committed server (HEAD)
//   node bench/run.mjs --sizes=1000               one size
//   node bench/run.mjs --source=worktree          build and measure the working tree instead of HEAD
//   node bench/run.mjs --servers=eci              only this project's server
//   node bench/run.mjs --cpu-prof                 also write V8 CPU profiles of our server to bench/.cache/profiles/
//   node bench/run.mjs --budget=20 --max-iterations=100
//   node bench/run.mjs --startup-runs=9           fresh server processes per server and size for the start-up figures (default 7)
//   node bench/run.mjs --eci-node-flags="--max-semi-space-size=2"   experiment with V8 flags for our server
//   node bench/run.mjs --eci-entry=/path/to/server.js                experiment: measure another build of our server
//
// Measured per server and document size, each in a fresh server process:
//   startup      spawn -> first textDocument/publishDiagnostics for the opened document: the median of
//                --startup-runs fresh processes per server (the servers alternating, so that both meet the same
//                machine), split into spawn -> initialize answered and didOpen -> diagnostics, beside the time
//                a bare `node -e 0` takes to start and exit on the same machine (Node's own share)
//   edit         incremental didChange -> its publishDiagnostics: a value edit (an EnvironmentVar Key renamed,
//                alternately invalid/valid), a key edit (a VolumeMount line rewritten, key alternately misspelled)
//                and a structural edit (a line added, then removed with the value before it rewritten)
//   completion   keys inside a VolumeMount item of a container in the middle of the document (on an unchanged
//                text, and right after an edit); an enum value
//   hover        a nested key (Container[].ReadinessProbe.HttpGet.Port); an enum value (Port[].Protocol)
//   memory       peak RSS of the server process (VmHWM from /proc/<pid>/status) after all of the above
// Results: a table on stdout and JSON in bench/results/ (ignored by git).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import os from 'node:os';
import { generateDocument } from './generate.mjs';
import { LspSession } from './lsp-session.mjs';
import { ensurePeer } from './peer.mjs';
import { summarizeProfiles } from './profile-summary.mjs';
import { summarize } from './summarize.mjs';

const require = createRequire(import.meta.url);
const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const CACHE = join(BENCH, '.cache');
const RESULTS = join(BENCH, 'results');
// The documents live outside dot-folders: yaml-language-server's `**/*.eci.yaml` match skips them.
const DOCS = join(RESULTS, 'docs');
const SCHEMA_REL = 'schemas/eci-container-group.schema.json';

// ---------------------------------------------------------------- options
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) {
      console.error(`unknown argument ${JSON.stringify(a)}; see the header of bench/run.mjs for the options`);
      process.exit(2);
    }
    return [m[1], m[2] ?? 'true'];
  }),
);
const KNOWN = [
  'sizes',
  'servers',
  'source',
  'cpu-prof',
  'budget',
  'max-iterations',
  'eci-node-flags',
  'eci-entry',
  'startup-runs',
];
for (const k of Object.keys(args)) {
  if (!KNOWN.includes(k)) {
    console.error(`unknown option --${k}; options are ${KNOWN.map((o) => `--${o}`).join(', ')}`);
    process.exit(2);
  }
}
const sizes = (args.sizes ?? '100,1000,10000').split(',').map(Number);
if (sizes.some((s) => !Number.isInteger(s) || s < 50)) {
  console.error(`--sizes must be a comma-separated list of line counts of at least 50, got ${args.sizes}`);
  process.exit(2);
}
const serverNames = (args.servers ?? 'eci,yaml-language-server').split(',');
const source = args.source ?? 'head';
if (!['head', 'worktree'].includes(source)) {
  console.error(`--source must be head or worktree, got ${source}`);
  process.exit(2);
}
const budgetMs = Number(args.budget ?? 20) * 1000;
const startupRunCount = Math.max(1, Number(args['startup-runs'] ?? 7));
const maxIterations = Number(args['max-iterations'] ?? 100);
const WARMUP = 3;
const MIN_ITERATIONS = 10;

// ---------------------------------------------------------------- helpers
function sh(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (exit ${r.status}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const rank = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  const round = (x) => Math.round(x * 100) / 100;
  return {
    n: s.length,
    median: round(rank(0.5)),
    p95: round(rank(0.95)),
    min: round(s[0]),
    max: round(s[s.length - 1]),
    mean: round(s.reduce((a, b) => a + b, 0) / s.length),
  };
}

/**
 * Runs fn repeatedly (after WARMUP unmeasured runs) until maxIterations or the time budget is spent.
 * Returns the wall-clock samples and the server's CPU time per measured run (user + system, from
 * /proc/<pid>/stat): on a shared machine the wall clock includes waiting for a core, the CPU time does not.
 */
async function measure(session, fn) {
  for (let i = 0; i < WARMUP; i++) await fn(i);
  const samples = [];
  const cpu0 = session.cpuMs();
  const started = performance.now();
  for (let i = 0; i < maxIterations; i++) {
    if (i >= MIN_ITERATIONS && performance.now() - started > budgetMs) break;
    samples.push(await fn(WARMUP + i));
  }
  const s = stats(samples);
  s.serverCpuMsPerOp = Math.round(((session.cpuMs() - cpu0) / samples.length) * 100) / 100;
  return s;
}

function labelsOf(result) {
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return items.map((i) => i.label);
}

function hoverText(result) {
  if (!result) return '';
  const c = result.contents;
  const one = (x) => (typeof x === 'string' ? x : (x?.value ?? ''));
  return Array.isArray(c) ? c.map(one).join('\n') : one(c);
}

// ---------------------------------------------------------------- the servers
/** Builds the server to measure and returns {entry, cwd, commit, dirty}. */
function prepareOurServer() {
  const commit = sh('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).trim();
  if (source === 'worktree') {
    sh(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
    const dirty = sh('git', ['status', '--porcelain', '--', 'server', 'schemas'], { cwd: ROOT }).trim() !== '';
    return { entry: join(ROOT, 'dist/server.js'), cwd: ROOT, commit, dirty, schema: join(ROOT, SCHEMA_REL) };
  }
  // The committed tree, extracted beside the bench; esbuild and the server resolve
  // node_modules by walking up to the repository's own node_modules.
  const head = join(CACHE, 'head');
  rmSync(head, { recursive: true, force: true });
  mkdirSync(head, { recursive: true });
  const paths = ['package.json', 'scripts', 'server', 'schemas', 'client', 'cli', 'calls', 'simulator'].filter(
    (p) => spawnSync('git', ['cat-file', '-e', `HEAD:${p}`], { cwd: ROOT }).status === 0,
  );
  const tar = spawnSync('git', ['archive', '--format=tar', 'HEAD', ...paths], {
    cwd: ROOT,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (tar.status !== 0) throw new Error(`git archive failed: ${tar.stderr}`);
  sh('tar', ['-x', '-C', head], { input: tar.stdout, encoding: undefined });
  sh(process.execPath, ['scripts/build.mjs'], { cwd: head });
  return { entry: join(head, 'dist/server.js'), cwd: head, commit, dirty: false, schema: join(head, SCHEMA_REL) };
}

/** An unminified bundle of the same server source, so that CPU profiles name the functions. */
async function buildProfilingServer(ours) {
  const esbuild = await import('esbuild');
  const outfile = join(CACHE, 'profiling', 'server.js');
  await esbuild.build({
    absWorkingDir: ours.cwd,
    entryPoints: [join(ours.cwd, 'server/src/server.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    minify: false,
    logLevel: 'warning',
  });
  return outfile;
}

function serverDefinitions(ours, schemaPath) {
  const defs = {};
  if (serverNames.includes('eci')) {
    defs.eci = {
      label: `eci (${ours.commit}${ours.dirty ? '+worktree' : ''}${args['cpu-prof'] ? ', profiled' : ''}${args['eci-node-flags'] ? ` ${args['eci-node-flags']}` : ''})`,
      argv: [
        ...(args['eci-node-flags'] ? args['eci-node-flags'].split(' ').filter(Boolean) : []),
        ...(args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${join(CACHE, 'profiles')}`] : []),
        ours.entry,
        '--stdio',
      ],
      cwd: ours.cwd,
      languageId: 'eci-yaml',
      settings: null,
      debounceMs: 0,
    };
  }
  if (serverNames.includes('yaml-language-server')) {
    const peer = ensurePeer(BENCH);
    defs['yaml-language-server'] = {
      label: `yaml-language-server ${peer.version}`,
      argv: [peer.bin, '--stdio'],
      cwd: BENCH,
      languageId: 'yaml',
      // The project's schema for every *.eci.yaml; no network (schema store, CRD store off).
      // yaml-language-server pulls these (workspace/configuration) when told the configuration changed.
      settings: {
        http: { proxy: '', proxyStrictSSL: false },
        '[yaml]': {},
        editor: {},
        yaml: {
          schemas: { [pathToFileURL(schemaPath).href]: ['*.eci.yaml'] },
          validate: true,
          hover: true,
          completion: true,
          format: { enable: false },
          schemaStore: { enable: false },
          kubernetesCRDStore: { enable: false },
        },
      },
      // yaml-language-server validates 200 ms after the last change (yamlSettings.validationDelayMs, not configurable).
      debounceMs: 200,
      version: peer.version,
    };
  }
  for (const n of serverNames)
    if (!defs[n]) throw new Error(`unknown server ${n}; servers are eci, yaml-language-server`);
  return defs;
}

async function openSession(def, name, uri, text) {
  const session = new LspSession({
    name,
    argv: def.argv,
    cwd: def.cwd,
    logFile: join(CACHE, `${name}.stderr.log`),
    configuration: def.settings ?? {},
  });
  const init = await session.request('initialize', {
    processId: process.pid,
    clientInfo: { name: 'eci-bench' },
    locale: 'en',
    rootUri: pathToFileURL(join(DOCS)).href,
    workspaceFolders: null,
    capabilities: {
      textDocument: {
        synchronization: { dynamicRegistration: false },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { versionSupport: true, relatedInformation: false },
      },
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
    },
  });
  const initializedAt = performance.now();
  session.notify('initialized', {});
  if (def.settings) session.notify('workspace/didChangeConfiguration', { settings: null });
  const first = session.nextDiagnostics(uri, 1);
  const openedAt = performance.now();
  session.notify('textDocument/didOpen', { textDocument: { uri, languageId: def.languageId, version: 1, text } });
  const diag = await first;
  return {
    session,
    capabilities: init.capabilities ?? {},
    startupMs: diag.at - session.spawnedAt,
    initializedMs: initializedAt - session.spawnedAt,
    openToDiagnosticsMs: diag.at - openedAt,
    diagnostics: diag.diagnostics,
  };
}

// ---------------------------------------------------------------- start-up
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[s.length >> 1] * 10) / 10 : undefined;
};

/** Wall time of `node -e 0` (Node's start and exit, no project code), median of `runs`. */
function nodeStartMs(runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    times.push(performance.now() - t0);
  }
  return median(times);
}

/**
 * Start-up of every server on one document, `runs` fresh processes each, the servers alternating. Our server's
 * first process of a build also writes V8's code cache (server/src/start.ts); that run is made first and not
 * counted, as a user's second start of the same version would be the usual one.
 */
async function startupRuns(defs, name, uri, text, runs) {
  const out = {};
  const samples = Object.fromEntries(Object.keys(defs).map((k) => [k, []]));
  for (const [key, def] of Object.entries(defs)) {
    const { session } = await openSession(def, `${key}-startup-warm`, uri, text);
    await session.close();
  }
  for (let i = 0; i < runs; i++) {
    for (const [key, def] of Object.entries(defs)) {
      const { session, startupMs, initializedMs, openToDiagnosticsMs, diagnostics } = await openSession(
        def,
        `${key}-${name}-startup`,
        uri,
        text,
      );
      samples[key].push({
        startupMs,
        initializedMs,
        openToDiagnosticsMs,
        cpuMs: session.cpuMs(),
        diagnostics: diagnostics.length,
      });
      await session.close();
    }
  }
  for (const [key, xs] of Object.entries(samples)) {
    out[key] = {
      runs: xs.length,
      medianMs: median(xs.map((x) => x.startupMs)),
      initializeMedianMs: median(xs.map((x) => x.initializedMs)),
      openToDiagnosticsMedianMs: median(xs.map((x) => x.openToDiagnosticsMs)),
      cpuMedianMs: median(xs.map((x) => x.cpuMs)),
      allMs: xs.map((x) => Math.round(x.startupMs)),
    };
  }
  return out;
}

// ---------------------------------------------------------------- checks
/** Opens a document with two schema defects and returns what the server reports. */
async function validationCheck(def, name, doc) {
  const broken = doc.text
    .replace('ContainerGroupName:', 'ContainerGroupNmae:')
    .replace('ImagePullPolicy: IfNotPresent', 'ImagePullPolicy: IfNotPresemt');
  const uri = pathToFileURL(join(DOCS, `check-${name}.eci.yaml`)).href;
  writeFileSync(fileURLToPath(uri), broken);
  const { session, diagnostics } = await openSession(def, `${name}-check`, uri, broken);
  await session.close();
  return {
    count: diagnostics.length,
    messages: diagnostics.map(
      (d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message.split('\n')[0]}`,
    ),
  };
}

/** Validates the generated document against the project's schema with ajv (the benchmark documents must be valid). */
function schemaErrors(schemaPath, text) {
  const Ajv = require('ajv');
  const YAML = require('yaml');
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  if (validate(YAML.parse(text))) return [];
  return validate.errors.slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

// ---------------------------------------------------------------- one server, one document
async function benchOne(def, name, doc, uri) {
  const result = { server: def.label };
  const { session, capabilities, startupMs, diagnostics } = await openSession(def, name, uri, doc.text);
  try {
    result.startupMs = Math.round(startupMs * 10) / 10;
    result.baselineDiagnostics = diagnostics.length;
    if (diagnostics.length)
      result.baselineMessages = diagnostics
        .slice(0, 5)
        .map((d) => `${d.range.start.line + 1}: ${d.message.split('\n')[0]}`);
    const p = doc.positions;
    let version = 1;

    // Edit -> diagnostics: replace an environment variable name of the middle container, alternately
    // with an invalid and a valid name; every edit gives a new text (no server-side cache can answer).
    const ev = p.editValue;
    let current = ev.initial;
    let editCount = 0;
    const editChecks = { invalid: new Set(), valid: new Set() };
    const replaceEnvKey = (invalid) => {
      editCount += 1;
      const next = invalid ? ev.invalid(editCount) : ev.valid(editCount);
      const range = { start: ev.start, end: { line: ev.start.line, character: ev.start.character + current.length } };
      current = next;
      version += 1;
      const published = session.nextDiagnostics(uri, version);
      const sent = performance.now();
      session.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range, text: next }],
      });
      return { sent, published };
    };
    result.edit = await measure(session, async (i) => {
      const invalid = i % 2 === 0;
      const { sent, published } = replaceEnvKey(invalid);
      const d = await published;
      (invalid ? editChecks.invalid : editChecks.valid).add(d.diagnostics.length);
      return d.at - sent;
    });
    // Each edit with the bad name must report more than the valid document, each without it exactly as many.
    const withTypo = [...editChecks.invalid];
    const without = [...editChecks.valid];
    result.edit.validates =
      withTypo.every((n) => n > diagnostics.length) && without.every((n) => n === diagnostics.length);
    if (!result.edit.validates)
      result.edit.note = `diagnostic counts: valid document ${diagnostics.length}, with an invalid EnvironmentVar Key ${withTypo.join('/')}, with a valid one ${without.join('/')}`;
    if (def.debounceMs) {
      result.edit.debounceMs = def.debounceMs;
      result.edit.medianMinusDebounce = Math.round((result.edit.median - def.debounceMs) * 100) / 100;
      result.edit.p95MinusDebounce = Math.round((result.edit.p95 - def.debounceMs) * 100) / 100;
    }
    if (current !== ev.valid(editCount)) await replaceEnvKey(false).published; // leave the document valid

    // Edit -> diagnostics for a key edit: the MountPath line rewritten, alternately misspelled.
    const ke = p.keyEdit;
    let keyLine = doc.text.split('\n')[ke.line];
    let keyEdits = 0;
    const keyChecks = { invalid: new Set(), valid: new Set() };
    const rewriteKeyLine = (invalid) => {
      keyEdits += 1;
      const next = ke.indent + (invalid ? ke.invalid(keyEdits) : ke.valid(keyEdits));
      const range = { start: { line: ke.line, character: 0 }, end: { line: ke.line, character: keyLine.length } };
      keyLine = next;
      version += 1;
      const published = session.nextDiagnostics(uri, version);
      const sent = performance.now();
      session.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range, text: next }],
      });
      return { sent, published, invalid };
    };
    result.editKey = await measure(session, async (i) => {
      const { sent, published, invalid } = rewriteKeyLine(i % 2 === 0);
      const d = await published;
      (invalid ? keyChecks.invalid : keyChecks.valid).add(d.diagnostics.length);
      return d.at - sent;
    });
    result.editKey.validates =
      [...keyChecks.invalid].every((n) => n > diagnostics.length) &&
      [...keyChecks.valid].every((n) => n === diagnostics.length);
    if (!result.editKey.validates)
      result.editKey.note = `diagnostic counts: valid document ${diagnostics.length}, with MountPth ${[...keyChecks.invalid].join('/')}, with MountPath ${[...keyChecks.valid].join('/')}`;
    if (keyLine !== ke.indent + ke.valid(keyEdits)) await rewriteKeyLine(false).published; // leave the document valid

    // Edit -> diagnostics for a structural edit: alternately a line is added after the MountPath line
    // (`SubPth: x-<n>`, an unknown key), and removed again together with a new MountPath value
    // (one change spanning two lines); the line count changes with every edit, every text is new.
    let extraLine;
    let lineEdits = 0;
    const lineChecks = { invalid: new Set(), valid: new Set() };
    const addOrRemoveLine = () => {
      lineEdits += 1;
      let change;
      const adding = extraLine === undefined;
      if (adding) {
        extraLine = `${ke.indent}SubPth: x-${lineEdits}`;
        const end = { line: ke.line, character: keyLine.length };
        change = { range: { start: end, end }, text: `\n${extraLine}` };
      } else {
        const valueStart = keyLine.indexOf(': ') + 2;
        const value = `/data-s${lineEdits}`;
        change = {
          range: {
            start: { line: ke.line, character: valueStart },
            end: { line: ke.line + 1, character: extraLine.length },
          },
          text: value,
        };
        keyLine = keyLine.slice(0, valueStart) + value;
        extraLine = undefined;
      }
      version += 1;
      const published = session.nextDiagnostics(uri, version);
      const sent = performance.now();
      session.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      return { sent, published, invalid: adding };
    };
    result.editLine = await measure(session, async () => {
      const { sent, published, invalid } = addOrRemoveLine();
      const d = await published;
      (invalid ? lineChecks.invalid : lineChecks.valid).add(d.diagnostics.length);
      return d.at - sent;
    });
    result.editLine.validates =
      [...lineChecks.invalid].every((n) => n > diagnostics.length) &&
      [...lineChecks.valid].every((n) => n === diagnostics.length);
    if (!result.editLine.validates)
      result.editLine.note = `diagnostic counts: valid document ${diagnostics.length}, with the SubPth line ${[...lineChecks.invalid].join('/')}, without it ${[...lineChecks.valid].join('/')}`;
    if (extraLine !== undefined) await addOrRemoveLine().published; // leave the document valid, with its line count

    // Insert an indented blank line at the end of a VolumeMount item: the key-completion position.
    version += 1;
    const afterLine = p.keyCompletionAfterLine;
    const lineEnd = doc.text.split('\n')[afterLine].length;
    const inserted = session.nextDiagnostics(uri, version);
    session.notify('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [
        {
          range: { start: { line: afterLine, character: lineEnd }, end: { line: afterLine, character: lineEnd } },
          text: `\n${p.keyCompletionIndent}`,
        },
      ],
    });
    await inserted;
    const shift = (pos) => (pos.line > afterLine ? { line: pos.line + 1, character: pos.character } : pos);
    const textDocument = { uri };

    const timed = async (method, position) => {
      const t0 = performance.now();
      const r = await session.request(method, { textDocument, position });
      return { ms: performance.now() - t0, r };
    };
    const measureRequest = async (method, position, check) => {
      let last;
      const measured = await measure(session, async () => {
        const { ms, r } = await timed(method, position);
        last = r;
        return ms;
      });
      return { ...measured, ...check(last) };
    };

    if (capabilities.completionProvider) {
      const keyPos = { line: afterLine + 1, character: p.keyCompletionIndent.length };
      result.completionKey = await measureRequest('textDocument/completion', keyPos, (r) => {
        const labels = labelsOf(r);
        return {
          items: labels.length,
          answers: p.keyCompletionExpect.every((k) => labels.includes(k)),
          expected: p.keyCompletionExpect,
        };
      });
      // Completion as it happens while typing: an edit (a new text) immediately followed by the request,
      // timed from the request; the diagnostics of that edit are awaited before the next iteration.
      let lastAfterEdit;
      const afterEdit = await measure(session, async () => {
        const { published } = replaceEnvKey(false);
        const t0 = performance.now();
        lastAfterEdit = await session.request('textDocument/completion', { textDocument, position: keyPos });
        const ms = performance.now() - t0;
        await published;
        return ms;
      });
      const afterEditLabels = labelsOf(lastAfterEdit);
      result.completionAfterEdit = {
        ...afterEdit,
        items: afterEditLabels.length,
        answers: p.keyCompletionExpect.every((k) => afterEditLabels.includes(k)),
        expected: p.keyCompletionExpect,
      };
      result.completionEnum = await measureRequest('textDocument/completion', shift(p.enumCompletion), (r) => {
        const labels = labelsOf(r);
        return {
          items: labels.length,
          answers: p.enumCompletionExpect.every((k) => labels.includes(k)),
          expected: p.enumCompletionExpect,
        };
      });
    } else {
      result.completionKey =
        result.completionEnum =
        result.completionAfterEdit =
          { unsupported: 'no completionProvider in the initialize result' };
    }
    if (capabilities.hoverProvider) {
      result.hoverKey = await measureRequest('textDocument/hover', shift(p.hoverKey), (r) => {
        const text = hoverText(r);
        return { answers: text.length > 0, excerpt: text.slice(0, 160) };
      });
      result.hoverEnum = await measureRequest('textDocument/hover', shift(p.hoverEnum), (r) => {
        const text = hoverText(r);
        return { answers: text.length > 0, excerpt: text.slice(0, 160) };
      });
    } else {
      result.hoverKey = result.hoverEnum = { unsupported: 'no hoverProvider in the initialize result' };
    }
    Object.assign(result, session.memory());
    result.peakRssMiB = Math.round(result.peakRssMiB * 10) / 10;
    result.rssMiB = Math.round(result.rssMiB * 10) / 10;
  } finally {
    await session.close();
  }
  return result;
}

// ---------------------------------------------------------------- report
function fmt(m) {
  if (!m) return '—';
  if (m.unsupported) return 'n/a';
  return `${m.median} / ${m.p95}${m.answers === false || m.validates === false ? ' (!)' : ''}`;
}

/** The results as a Markdown table (also what is printed). */
function resultTable(run) {
  const rows = [];
  const header = [
    'lines',
    'metric (ms: median / p95)',
    ...run.servers.map((s) => run.labels[s]),
    ...(run.servers.length === 2 ? ['peer/eci', 'peer-200ms/eci'] : []),
  ];
  for (const size of run.sizes) {
    const r = size.results;
    const ours = r.eci;
    const peer = r['yaml-language-server'];
    const metric = (label, get, adjust) => {
      const cells = run.servers.map((s) => (r[s] ? get(r[s]) : '—'));
      const extra = run.servers.length === 2 ? [ratioCell(get, 0), adjust ? ratioCell(get, 200) : ''] : [];
      rows.push([String(size.lines), label, ...cells, ...extra]);
    };
    const ratioCell = (get, minus) => {
      const o = ours && get(ours, true);
      const q = peer && get(peer, true);
      if (typeof o !== 'number' || typeof q !== 'number' || o <= 0) return '—';
      return `${((q - minus) / o).toFixed(1)}x`;
    };
    metric('startup → first diagnostics', (x, raw) => (raw ? x.startupMs : `${x.startupMs}`), true);
    metric('edit → diagnostics: a value', (x, raw) => (raw ? x.edit?.median : fmt(x.edit)), true);
    metric('edit → diagnostics: a key (line rewritten)', (x, raw) => (raw ? x.editKey?.median : fmt(x.editKey)), true);
    metric(
      'edit → diagnostics: a line added / removed',
      (x, raw) => (raw ? x.editLine?.median : fmt(x.editLine)),
      true,
    );
    metric('completion: key in VolumeMount item', (x, raw) =>
      raw ? (x.completionKey?.unsupported ? undefined : x.completionKey?.median) : fmt(x.completionKey),
    );
    metric('completion: key, right after an edit', (x, raw) =>
      raw
        ? x.completionAfterEdit?.unsupported
          ? undefined
          : x.completionAfterEdit?.median
        : fmt(x.completionAfterEdit),
    );
    metric('completion: enum value', (x, raw) =>
      raw ? (x.completionEnum?.unsupported ? undefined : x.completionEnum?.median) : fmt(x.completionEnum),
    );
    metric('hover: nested key', (x, raw) =>
      raw ? (x.hoverKey?.unsupported ? undefined : x.hoverKey?.median) : fmt(x.hoverKey),
    );
    metric('hover: enum value', (x, raw) =>
      raw ? (x.hoverEnum?.unsupported ? undefined : x.hoverEnum?.median) : fmt(x.hoverEnum),
    );
    const cpu = (x, raw) => (raw ? x?.serverCpuMsPerOp : x && !x.unsupported ? `${x.serverCpuMsPerOp}` : 'n/a');
    metric('server CPU ms per edit: a value (all threads)', (x, raw) => cpu(x.edit, raw));
    metric('server CPU ms per edit: a key', (x, raw) => cpu(x.editKey, raw));
    metric('server CPU ms per edit: a line added / removed', (x, raw) => cpu(x.editLine, raw));
    metric('server CPU ms per completion (key)', (x, raw) => cpu(x.completionKey, raw));
    metric('server CPU ms per completion after edit (incl. that edit)', (x, raw) => cpu(x.completionAfterEdit, raw));
    metric('peak RSS (MiB)', (x, raw) => (raw ? x.peakRssMiB : `${x.peakRssMiB}`));
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  const table = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
  table.push(
    '',
    '(!) = the answer was not the expected one (see the JSON). peer-200ms = yaml-language-server minus its fixed 200 ms validation delay.',
  );
  return table.join('\n');
}

// ---------------------------------------------------------------- main
async function main() {
  mkdirSync(join(DOCS), { recursive: true });
  mkdirSync(CACHE, { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  if (args['cpu-prof']) {
    rmSync(join(CACHE, 'profiles'), { recursive: true, force: true });
    mkdirSync(join(CACHE, 'profiles'), { recursive: true });
  }
  const ours = args['eci-entry']
    ? {
        entry: resolve(args['eci-entry']),
        cwd: ROOT,
        commit: `custom ${args['eci-entry']}`,
        dirty: false,
        schema: join(ROOT, SCHEMA_REL),
      }
    : prepareOurServer();
  if (args['cpu-prof']) ours.entry = await buildProfilingServer(ours);
  const schemaPath = existsSync(ours.schema) ? ours.schema : join(ROOT, SCHEMA_REL);
  if (!existsSync(schemaPath))
    throw new Error(
      `${SCHEMA_REL} does not exist (in ${source === 'head' ? 'HEAD' : 'the working tree'}); the peer needs it`,
    );
  const defs = serverDefinitions(ours, schemaPath);
  const run = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.type()} ${os.release()}`,
    },
    eci: { source, commit: ours.commit, dirty: ours.dirty },
    peer: defs['yaml-language-server']
      ? { name: 'yaml-language-server', version: defs['yaml-language-server'].version, node: process.version }
      : undefined,
    method: {
      warmup: WARMUP,
      minIterations: MIN_ITERATIONS,
      maxIterations,
      budgetSecondsPerMeasurement: budgetMs / 1000,
    },
    servers: Object.keys(defs),
    labels: Object.fromEntries(Object.entries(defs).map(([k, d]) => [k, d.label])),
    loadAverage: { start: os.loadavg().map((x) => Math.round(x * 100) / 100) },
    checks: {},
    sizes: [],
  };
  console.log(
    `eci server: ${ours.entry} (${source}, ${ours.commit}); node ${process.version}; ${run.machine.cpus} cpus`,
  );

  // Every server must validate a broken document before its timings are trusted.
  const small = generateDocument(100);
  for (const [name, def] of Object.entries(defs)) {
    const check = await validationCheck(def, name, small);
    run.checks[name] = check;
    console.log(
      `${def.label}: broken document -> ${check.count} diagnostics${check.count ? `: ${check.messages.slice(0, 3).join(' | ')}` : ''}`,
    );
    if (name === 'yaml-language-server' && check.count === 0)
      throw new Error(
        'yaml-language-server reported nothing for a document with an unknown key and a bad enum value: it is not using the schema, so its timings would be meaningless',
      );
  }

  for (const target of sizes) {
    const doc = generateDocument(target);
    const file = join(DOCS, `bench-${target}.eci.yaml`);
    writeFileSync(file, doc.text);
    const invalid = schemaErrors(schemaPath, doc.text);
    if (invalid.length)
      console.log(
        `warning: the generated ${doc.lines}-line document is not valid against ${SCHEMA_REL}: ${invalid.join('; ')}`,
      );
    const size = {
      target,
      lines: doc.lines,
      containers: doc.containers,
      schemaValid: invalid.length === 0,
      schemaErrors: invalid,
      results: {},
    };
    process.stdout.write(
      `${doc.lines} lines, start-up of ${Object.keys(defs).join(' and ')}, ${startupRunCount} fresh processes each ... `,
    );
    size.startup = await startupRuns(defs, String(target), pathToFileURL(file).href, doc.text, startupRunCount);
    size.nodeStartMs = nodeStartMs(startupRunCount);
    console.log('done');
    for (const [name, def] of Object.entries(defs)) {
      process.stdout.write(`${doc.lines} lines, ${def.label} ... `);
      try {
        size.results[name] = await benchOne(def, `${name}-${target}`, doc, pathToFileURL(file).href);
        // The start-up figure is the median of the fresh processes above, not this one process's.
        size.results[name].firstProcessStartupMs = size.results[name].startupMs;
        size.results[name].startupMs = size.startup[name]?.medianMs;
        size.results[name].startup = size.startup[name];
        console.log('done');
      } catch (e) {
        size.results[name] = { server: def.label, error: e.message };
        console.log(`failed: ${e.message}`);
      }
    }
    run.sizes.push(size);
  }

  run.loadAverage.end = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const table = resultTable(run);
  const heading = [
    `Measured ${run.date} on ${run.machine.cpus} cores (${run.machine.cpuModel}), ${run.machine.memoryGiB} GiB, Node ${process.version}, ${run.machine.platform};`,
    `eci server ${source === 'head' ? 'at commit' : 'from the working tree at'} ${ours.commit}${run.peer ? `; peer yaml-language-server ${run.peer.version} on the same Node` : ''};`,
    `load average at start ${run.loadAverage.start.join(' ')}, at end ${run.loadAverage.end.join(' ')} (the machine is shared).`,
  ].join('\n');
  console.log(`\n${heading}\n\n${table}`);
  if (args['cpu-prof']) {
    run.profile = summarizeProfiles(join(CACHE, 'profiles'));
    console.log('\nour server, CPU self time by function (all profiles):');
    for (const f of run.profile.slice(0, 25))
      console.log(`  ${String(f.selfMs).padStart(8)} ms  ${f.name}  ${f.location}`);
  }
  const stamp = run.date.replace(/[:.]/g, '-');
  writeFileSync(join(RESULTS, `bench-${stamp}.json`), JSON.stringify(run, null, 2));
  writeFileSync(join(RESULTS, 'latest.json'), JSON.stringify(run, null, 2));
  writeFileSync(join(RESULTS, 'latest.md'), `${heading}\n\n${table}\n`);
  writeFileSync(join(RESULTS, `bench-${stamp}.md`), `${heading}\n\n${table}\n`);
  if (run.sizes.length) console.log(`\n${summarize(run)}`);
  console.log(`\nresults: bench/results/bench-${stamp}.json`);
}

main().catch((e) => {
  console.error(`benchmark failed: ${e.message}`);
  process.exit(1);
});
