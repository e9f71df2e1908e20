// `npm test`: builds, type-checks, then runs every test layer and prints one summary line per layer.
//   npm test                    all layers
//   npm test -- unit protocol   only the named layers (build, compile and lint always run)
// Layers of node:test files live in out/test/<layer>/ (compiled from test/<layer>/*.test.ts);
// the extension-host and UI layers are scripts that print their own `N passed, N failed` line.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const LAYERS = [
  { name: 'unit', kind: 'node-test', dir: 'out/test/unit' },
  { name: 'protocol', kind: 'node-test', dir: 'out/test/protocol' },
  { name: 'endpoint', kind: 'node-test', dir: 'out/test/endpoint' },
  { name: 'cli', kind: 'node-test', dir: 'out/test/cli' },
  // The built server under real Neovim and Emacs/Eglot (Debian packages, installed on first use).
  { name: 'editors', kind: 'node-test', dir: 'out/test/editors' },
  { name: 'extension-host', kind: 'script', script: 'scripts/run-extension-tests.mjs' },
  { name: 'ui', kind: 'script', script: 'scripts/run-ui-tests.mjs' },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !LAYERS.some((l) => l.name === w));
if (unknown.length) {
  console.error(`unknown test layer(s): ${unknown.join(', ')}; layers are ${LAYERS.map((l) => l.name).join(', ')}`);
  process.exit(2);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, {
    stdio: opts.capture ? ['inherit', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    ...opts,
  });
  if (opts.capture && r.stdout) process.stdout.write(r.stdout);
  return r;
}

function step(label, cmd, args) {
  console.log(`\n=== ${label} ===`);
  const r = run(cmd, args);
  if (r.status !== 0) {
    console.error(`${label} failed (exit ${r.status})`);
    process.exit(1);
  }
}

if (!existsSync('node_modules/.package-lock.json')) {
  step('install dependencies (npm ci)', process.platform === 'win32' ? 'npm.cmd' : 'npm', [
    'ci',
    '--no-audit',
    '--no-fund',
  ]);
}
step('build', process.execPath, ['scripts/build.mjs']);
// out/ is compiled afresh: a test file renamed or removed must not run on from an old compile.
rmSync('out', { recursive: true, force: true });
step('type-check and compile tests', process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.']);
// npm run lint: the formatting (Prettier) and the lint rules with the import boundaries (ESLint).
step('lint: prettier --check', process.execPath, [
  'node_modules/prettier/bin/prettier.cjs',
  '--check',
  '--log-level=warn',
  '.',
]);
step('lint: eslint', process.execPath, ['node_modules/eslint/bin/eslint.js', '--max-warnings=0', '.']);

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...testFiles(p));
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

const summaries = [];
let totalPass = 0;
let totalFail = 0;
for (const layer of LAYERS) {
  if (wanted.length && !wanted.includes(layer.name)) continue;
  console.log(`\n=== ${layer.name} tests ===`);
  let pass;
  let fail;
  if (layer.kind === 'node-test') {
    const files = testFiles(layer.dir);
    if (!files.length) {
      // A layer whose compiled tests went missing must not pass quietly.
      console.log(`no test files in ${layer.dir}: counted as a failure`);
      summaries.push(`${layer.name}: 0 passed, 1 failed`);
      totalFail += 1;
      continue;
    }
    const r = run(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', ...files], {
      capture: true,
    });
    pass = Number(/ℹ pass (\d+)/.exec(r.stdout ?? '')?.[1] ?? 0);
    fail = Number(/ℹ fail (\d+)/.exec(r.stdout ?? '')?.[1] ?? 0);
    if (r.status !== 0 && fail === 0) fail = 1;
  } else {
    if (!existsSync(layer.script)) {
      console.log(`${layer.script} is missing: counted as a failure`);
      summaries.push(`${layer.name}: 0 passed, 1 failed`);
      totalFail += 1;
      continue;
    }
    const r = run(process.execPath, [layer.script], { capture: true });
    const m = [...(r.stdout ?? '').matchAll(/(\d+) passed, (\d+) failed/g)].pop();
    pass = Number(m?.[1] ?? 0);
    fail = Number(m?.[2] ?? 0);
    if (r.status !== 0 && fail === 0) fail = 1;
  }
  summaries.push(`${layer.name}: ${pass} passed, ${fail} failed`);
  totalPass += pass;
  totalFail += fail;
}

console.log('\n=== summary ===');
for (const s of summaries) console.log(s);
console.log(`${totalPass} passed, ${totalFail} failed`);
process.exit(totalFail === 0 && totalPass > 0 ? 0 : 1);
