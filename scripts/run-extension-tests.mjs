// The `extension-host` test layer: runs the mocha suite of test/integration inside the real
// extension host of a real VS Code (code-server 1.139, see scripts/install-vscode-runtime.mjs),
// with this folder as the extension under development, and prints `N passed, N failed`.
//
//   node scripts/run-extension-tests.mjs
//
// code-server takes no --extensionDevelopmentPath/--extensionTestsPath: with the smoke-test driver
// enabled, a browser window reads them from its URL payload, runs the suite's `run()` in the
// extension host and hands the exit code to `window.codeAutomationExit`, which Playwright exposes.
// The suite itself (test/integration/index.ts) is runner-agnostic: @vscode/test-electron runs it too.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureVscodeRuntime, launchChromium, startCodeServer } from './install-vscode-runtime.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const testsIndex = join(root, 'out', 'test', 'integration', 'index.js');
const RUN_TIMEOUT_MS = 10 * 60_000;

/** Test-only credentials: the suite checks that the secret never shows in what the extension writes. */
export const TEST_ACCESS_KEY_ID = 'LTAI5tIntegrationTestKeyId';
export const TEST_ACCESS_KEY_SECRET = 'integration-test-secret-Zq7vW3xN9pL2';
/** Secrets the suite writes into its documents (a registry password, an EnvironmentVarHide value). */
const TEST_REGISTRY_PASSWORD = 'registry-password-Vx8cJ4nT';
const TEST_HIDDEN_VALUE = 'hidden-env-value-Rw2gF7kM';
const SECRETS = { 'access key secret': TEST_ACCESS_KEY_SECRET, 'registry password': TEST_REGISTRY_PASSWORD, 'hidden environment value': TEST_HIDDEN_VALUE };

/** Every file below `dir`. */
function filesBelow(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesBelow(join(dir, e.name)) : [join(dir, e.name)]));
}

/**
 * After the suite: everything VS Code logged during the run (the output channels as VS Code keeps
 * them, the extension host's and the server's logs) and code-server's own output must be free of
 * the secrets the suite used. Returns the problems found, and how many files were read.
 */
function scanForSecrets(server) {
  const logs = filesBelow(join(server.userDataDir, 'logs'));
  const sources = [...logs.map((f) => [f, readFileSync(f, 'utf8')]), ['code-server output', server.output()]];
  const problems = [];
  for (const [where, text] of sources) {
    for (const [name, secret] of Object.entries(SECRETS)) if (text.includes(secret)) problems.push(`the ${name} appears in ${where}`);
  }
  const eciOutput = logs.filter((f) => /output_logging/.test(f) && /ECI/.test(f));
  if (eciOutput.length === 0) problems.push(`VS Code kept no log of the "ECI" output channel under ${join(server.userDataDir, 'logs')}: nothing to scan`);
  return { problems, files: logs.length, eciOutput };
}

function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    newest = Math.max(newest, s.isDirectory() ? newestMtime(p) : s.mtimeMs);
  }
  return newest;
}

/** Builds dist/ and compiles the suite when run on its own (npm test has done both already). */
function prepare() {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build (scripts/build.mjs) failed');
  const sources = Math.max(newestMtime(join(root, 'test', 'integration')), newestMtime(join(root, 'test', 'support')));
  if (!existsSync(testsIndex) || statSync(testsIndex).mtimeMs < sources) {
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'test', 'integration')], { cwd: root, stdio: 'inherit' });
    if (tsc.status !== 0 && !existsSync(testsIndex)) throw new Error('compiling test/integration failed');
  }
}

async function main() {
  prepare();
  const runtime = ensureVscodeRuntime();
  const reportDir = join(root, '.vscode-test', 'reports');
  mkdirSync(reportDir, { recursive: true });
  const reportFile = join(reportDir, `extension-host-${process.pid}-${Date.now()}.jsonl`);
  writeFileSync(reportFile, '');

  const server = await startCodeServer(runtime, {
    name: 'extension-host',
    workspaceSource: join(root, 'examples'),
    smokeTestDriver: true,
    env: {
      ECI_TEST_REPORT: reportFile,
      ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_ACCESS_KEY_ID,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_ACCESS_KEY_SECRET,
      ECI_TEST_REGISTRY_PASSWORD: TEST_REGISTRY_PASSWORD,
      ECI_TEST_HIDDEN_VALUE: TEST_HIDDEN_VALUE,
    },
  });
  let browser;
  let exitCode;
  let secretScan;
  const consoleLines = [];
  try {
    browser = await launchChromium(runtime);
    const page = await browser.newPage();
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
    const exited = new Promise((res) => page.exposeFunction('codeAutomationExit', (code) => res(Number(code))));
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(root)],
      ['extensionTestsPath', remote(testsIndex)],
    ]);
    const url = `${server.url}/?folder=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(payload)}`;
    const started = Date.now();
    await page.goto(url);
    let timer;
    exitCode = await Promise.race([
      exited,
      new Promise((_, rej) => {
        timer = setTimeout(() => rej(new Error(`the extension-host suite did not finish within ${RUN_TIMEOUT_MS / 1000} s`)), RUN_TIMEOUT_MS);
      }),
      server.exited.then(({ code, signal }) => {
        throw new Error(`code-server exited (${code ?? signal}) during the run`);
      }),
    ]);
    clearTimeout(timer);
    console.log(`extension-host run finished in ${((Date.now() - started) / 1000).toFixed(1)} s (exit code ${exitCode})`);
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    secretScan = scanForSecrets(server);
    writeFileSync(join(server.sessionDir, 'code-server.log'), server.output());
    writeFileSync(join(server.sessionDir, 'browser-console.log'), consoleLines.join('\n'));
  }

  const records = readFileSync(reportFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  for (const r of records) if (r.event === 'log') console.log(r.text);
  const measurements = records.filter((r) => r.event === 'measure');
  for (const m of measurements) console.log(`measurement: ${m.name} = ${m.value} ${m.unit}`);
  const end = records.find((r) => r.event === 'end');
  let passed = records.filter((r) => r.event === 'pass').length;
  let failed = records.filter((r) => r.event === 'fail').length;
  // One more test, outside the extension host: the secrets never reached VS Code's logs.
  const scanTitle = `no secret in VS Code's logs of the run (${secretScan.files} files, ECI output: ${secretScan.eciOutput.map((f) => f.split('/').slice(-2).join('/')).join(', ') || 'none'})`;
  if (secretScan.problems.length === 0) {
    passed += 1;
    console.log(`  ✔ ${scanTitle}`);
  } else {
    failed += 1;
    console.log(`  ✖ ${scanTitle}\n    ${secretScan.problems.join('\n    ')}`);
  }
  if (!end) {
    console.log(`the suite did not report its end (exit code ${exitCode}); code-server's log: ${join(server.sessionDir, 'code-server.log')}, browser console: ${join(server.sessionDir, 'browser-console.log')}`);
    if (end?.error) console.log(end.error);
    failed = Math.max(failed, 1);
  } else if (end.error) {
    console.log(end.error);
  }
  if (exitCode !== 0 && failed === 0) failed = 1;
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
  // A passing run leaves nothing behind; a failing one keeps its logs and workspace.
  if (process.exitCode === 0) {
    rmSync(server.sessionDir, { recursive: true, force: true });
    rmSync(reportFile, { force: true });
  } else {
    console.log(`logs and workspace kept in ${server.sessionDir}`);
  }
}

main().catch((err) => {
  console.error(err?.stack ?? String(err));
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
