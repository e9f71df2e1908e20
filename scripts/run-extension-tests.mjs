// The `extension-host` test layer: runs the mocha suite of test/integration inside the real
// extension host of a real VS Code (code-server 1.139, see scripts/install-vscode-runtime.mjs),
// with this folder as the extension under development, and prints `N passed, N failed`.
//
//   node scripts/run-extension-tests.mjs              in code-server (works offline, used by npm test)
//   node scripts/run-extension-tests.mjs --desktop    in desktop VS Code via @vscode/test-electron
//   node scripts/run-extension-tests.mjs --activation-runs=5 [--cold]
//                                                     only the activation test, in N fresh code-server sessions:
//                                                     the activation figures of each run and their medians
//
// code-server takes no --extensionDevelopmentPath/--extensionTestsPath: with the smoke-test driver
// enabled, a browser window reads them from its URL payload, runs the suite's `run()` in the
// extension host and hands the exit code to `window.codeAutomationExit`, which Playwright exposes.
// The suite itself (test/integration/index.ts) is runner-agnostic: @vscode/test-electron runs it too.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  compileTestsIfStale,
  ensureVscodeRuntime,
  launchChromium,
  startCodeServer,
} from './install-vscode-runtime.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const testsIndex = join(root, 'out', 'test', 'integration', 'index.js');
const RUN_TIMEOUT_MS = 10 * 60_000;

/** Test-only credentials: the suite checks that the secret never shows in what the extension writes. */
export const TEST_ACCESS_KEY_ID = 'LTAI5tIntegrationTestKeyId';
// Its first 8 characters (what redaction also masks on their own) appear in no name the suite writes.
export const TEST_ACCESS_KEY_SECRET = 'Zq7vW3xN9pL2-host-test-secret';
/** Secrets the suite writes into its documents (a registry password, an EnvironmentVarHide value). */
const TEST_REGISTRY_PASSWORD = 'registry-password-Vx8cJ4nT';
const TEST_HIDDEN_VALUE = 'hidden-env-value-Rw2gF7kM';
const SECRETS = {
  'access key secret': TEST_ACCESS_KEY_SECRET,
  'registry password': TEST_REGISTRY_PASSWORD,
  'hidden environment value': TEST_HIDDEN_VALUE,
};

/** Every file below `dir`. */
function filesBelow(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesBelow(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/**
 * After the suite: everything VS Code logged during the run (the output channels as VS Code keeps
 * them, the extension host's and the server's logs) and code-server's own output must be free of
 * the secrets the suite used. Returns the problems found, and how many files were read.
 */
function scanForSecrets(session) {
  const logs = filesBelow(join(session.userDataDir, 'logs'));
  const sources = [...logs.map((f) => [f, readFileSync(f, 'utf8')]), ['code-server output', session.output()]];
  const problems = [];
  for (const [where, text] of sources) {
    for (const [name, secret] of Object.entries(SECRETS))
      if (text.includes(secret)) problems.push(`the ${name} appears in ${where}`);
  }
  const eciOutput = logs.filter((f) => /output_logging/.test(f) && /ECI/.test(f));
  if (eciOutput.length === 0)
    problems.push(
      `VS Code kept no log of the "ECI" output channel under ${join(session.userDataDir, 'logs')}: nothing to scan`,
    );
  return { problems, files: logs.length, eciOutput };
}

/** Builds dist/ and compiles the suite when run on its own (npm test has done both already). */
function prepare() {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build (scripts/build.mjs) failed');
  compileTestsIfStale({
    root,
    project: join(root, 'test', 'integration'),
    compiled: testsIndex,
    sources: [join(root, 'test', 'integration'), join(root, 'test', 'support')],
  });
}

/** The environment the suite runs with: where to report, and the test credentials and secrets. */
function suiteEnv(reportFile) {
  return {
    ECI_TEST_REPORT: reportFile,
    ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_ACCESS_KEY_ID,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_ACCESS_KEY_SECRET,
    ECI_TEST_REGISTRY_PASSWORD: TEST_REGISTRY_PASSWORD,
    ECI_TEST_HIDDEN_VALUE: TEST_HIDDEN_VALUE,
  };
}

/** Runs the suite in code-server's extension host; returns the exit code and where VS Code logged. */
async function runInCodeServer(reportFile, extraEnv = {}, workspaceSource = join(root, 'examples')) {
  const runtime = ensureVscodeRuntime();
  const server = await startCodeServer(runtime, {
    name: 'extension-host',
    workspaceSource,
    smokeTestDriver: true,
    env: { ...suiteEnv(reportFile), ...extraEnv },
  });
  let browser;
  const consoleLines = [];
  const session = {
    sessionDir: server.sessionDir,
    userDataDir: server.userDataDir,
    output: () => server.output(),
    exitCode: undefined,
  };
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
    session.exitCode = await Promise.race([
      exited,
      new Promise((_, rej) => {
        timer = setTimeout(
          () => rej(new Error(`the extension-host suite did not finish within ${RUN_TIMEOUT_MS / 1000} s`)),
          RUN_TIMEOUT_MS,
        );
      }),
      server.exited.then(({ code, signal }) => {
        throw new Error(`code-server exited (${code ?? signal}) during the run`);
      }),
    ]).finally(() => clearTimeout(timer));
    console.log(
      `extension-host run (code-server) finished in ${((Date.now() - started) / 1000).toFixed(1)} s (exit code ${session.exitCode})`,
    );
  } catch (err) {
    console.log(err?.message ?? String(err));
    session.exitCode = 1;
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    writeFileSync(join(server.sessionDir, 'code-server.log'), server.output());
    writeFileSync(join(server.sessionDir, 'browser-console.log'), consoleLines.join('\n'));
  }
  return session;
}

/**
 * Runs the same suite in desktop VS Code through @vscode/test-electron (which downloads VS Code:
 * only where Microsoft's update host is reachable, not on the project's CI machines).
 */
async function runInDesktop(reportFile) {
  const { runTests } = await import('@vscode/test-electron');
  const sessionDir = join(root, '.vscode-test', 'sessions', `desktop-${process.pid}-${Date.now()}`);
  const workspace = join(sessionDir, 'workspace');
  const userDataDir = join(sessionDir, 'user-data');
  mkdirSync(workspace, { recursive: true });
  cpSync(join(root, 'examples'), workspace, { recursive: true });
  const session = { sessionDir, userDataDir, output: () => '', exitCode: undefined };
  try {
    session.exitCode = await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: testsIndex,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${userDataDir}`],
      extensionTestsEnv: suiteEnv(reportFile),
    });
  } catch (err) {
    console.log(`@vscode/test-electron: ${err?.message ?? String(err)}`);
    session.exitCode = 1;
  }
  return session;
}

/** `--activation-runs=N`: the activation test alone in N fresh sessions; each run's figures and the medians. */
async function measureActivation(runs, cold) {
  prepare();
  const reportDir = join(root, '.vscode-test', 'reports');
  mkdirSync(reportDir, { recursive: true });
  const figures = [];
  for (let i = 1; i <= runs; i++) {
    const reportFile = join(reportDir, `activation-${process.pid}-${i}.jsonl`);
    writeFileSync(reportFile, '');
    // --cold: a workspace without *.eci.yaml files (activation when the first one opens); else the examples
    // folder, whose documents activate the extension with the window (workspaceContains).
    const workspace = cold ? mkdtempSync(join(tmpdir(), 'eci-empty-workspace-')) : join(root, 'examples');
    const session = await runInCodeServer(reportFile, { ECI_TEST_ONLY: 'activation.test.js' }, workspace);
    if (cold) rmSync(workspace, { recursive: true, force: true });
    const records = readFileSync(reportFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    const failed = records.filter((r) => r.event === 'fail');
    if (session.exitCode !== 0 || failed.length || !records.some((r) => r.event === 'pass')) {
      for (const r of records) if (r.event === 'log') console.log(r.text);
      throw new Error(`activation run ${i} failed; logs in ${session.sessionDir}`);
    }
    const run = Object.fromEntries(records.filter((r) => r.event === 'measure').map((m) => [m.name, m.value]));
    figures.push(run);
    console.log(
      `run ${i}: ${Object.entries(run)
        .map(([k, v]) => `${k} ${v} ms`)
        .join(', ')}`,
    );
    rmSync(session.sessionDir, { recursive: true, force: true });
    rmSync(reportFile, { force: true });
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  console.log(`\nmedians over ${runs} fresh sessions:`);
  for (const name of Object.keys(figures[0]))
    console.log(`  ${name}: ${median(figures.map((f) => f[name]))} ms (${figures.map((f) => f[name]).join(', ')})`);
}

async function main() {
  const activationRuns = Number(
    /^--activation-runs=(\d+)$/.exec(process.argv.find((a) => a.startsWith('--activation-runs=')) ?? '')?.[1] ?? 0,
  );
  if (activationRuns > 0) return measureActivation(activationRuns, process.argv.includes('--cold'));
  const desktop = process.argv.includes('--desktop');
  prepare();
  const reportDir = join(root, '.vscode-test', 'reports');
  mkdirSync(reportDir, { recursive: true });
  const reportFile = join(reportDir, `extension-host-${process.pid}-${Date.now()}.jsonl`);
  writeFileSync(reportFile, '');

  const session = desktop ? await runInDesktop(reportFile) : await runInCodeServer(reportFile);
  const secretScan = scanForSecrets(session);

  const records = readFileSync(reportFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  for (const r of records) if (r.event === 'log') console.log(r.text);
  for (const m of records.filter((r) => r.event === 'measure'))
    console.log(`measurement: ${m.name} = ${m.value} ${m.unit}`);
  const end = records.find((r) => r.event === 'end');
  let passed = records.filter((r) => r.event === 'pass').length;
  let failed = records.filter((r) => r.event === 'fail').length;
  if (end) {
    // One more test, outside the extension host: the secrets never reached VS Code's logs.
    const scanTitle = `no secret in VS Code's logs of the run (${secretScan.files} files, ECI output: ${secretScan.eciOutput.map((f) => f.split('/').slice(-2).join('/')).join(', ') || 'none'})`;
    if (secretScan.problems.length === 0) {
      passed += 1;
      console.log(`  ✔ ${scanTitle}`);
    } else {
      failed += 1;
      console.log(`  ✖ ${scanTitle}\n    ${secretScan.problems.join('\n    ')}`);
    }
    if (end.error) console.log(end.error);
  } else {
    console.log(`the suite did not report its end (exit code ${session.exitCode}); logs: ${session.sessionDir}`);
    failed = Math.max(failed, 1);
  }
  if (session.exitCode !== 0 && failed === 0) failed = 1;
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
  // A passing run leaves nothing behind; a failing one keeps its logs and workspace.
  if (process.exitCode === 0) {
    rmSync(session.sessionDir, { recursive: true, force: true });
    rmSync(reportFile, { force: true });
  } else {
    console.log(`logs and workspace kept in ${session.sessionDir}`);
  }
}

main().catch((err) => {
  console.error(err?.stack ?? String(err));
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
