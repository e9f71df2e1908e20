// The `ui` test layer: packages the extension as a .vsix (as it would be published), then runs the
// Playwright tests of test/ui against code-server with that .vsix installed, in headless Chromium,
// and prints `N passed, N failed`. Screenshots: test-artifacts/ui/.
//
//   node scripts/run-ui-tests.mjs
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileTestsIfStale, ensureVscodeRuntime, packageExtension } from './install-vscode-runtime.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const compiledTests = join(root, 'out', 'test', 'ui');

function run(label, args, options = {}) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', ...options });
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status ?? r.signal})`);
  return r;
}

function main() {
  run('the build (scripts/build.mjs)', [join(root, 'scripts', 'build.mjs')]);
  compileTestsIfStale({
    root,
    project: join(root, 'test', 'ui'),
    compiled: join(compiledTests, 'vscode-ui.test.js'),
    sources: [join(root, 'test', 'ui'), join(root, 'test', 'support')],
  });

  const vsixDir = join(root, '.vscode-test', 'ui');
  mkdirSync(vsixDir, { recursive: true });
  const vsix = join(vsixDir, `eci-container-groups-${process.pid}.vsix`);
  packageExtension(vsix, { quiet: true });
  console.log(`packaged ${vsix}: ${(statSync(vsix).size / 1024).toFixed(1)} KiB`);

  ensureVscodeRuntime();
  const r = spawnSync(
    process.execPath,
    ['--test', '--test-reporter=spec', '--test-concurrency=1', join(compiledTests, 'vscode-ui.test.js')],
    {
      cwd: root,
      env: { ...process.env, ECI_UI_VSIX: vsix },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  rmSync(vsix, { force: true });
  process.stdout.write(r.stdout ?? '');
  const passed = Number(/ℹ pass (\d+)/.exec(r.stdout ?? '')?.[1] ?? 0);
  let failed = Number(/ℹ fail (\d+)/.exec(r.stdout ?? '')?.[1] ?? 0);
  if (r.status !== 0 && failed === 0) failed = 1;
  console.log(`screenshots: ${join(root, 'test-artifacts', 'ui')}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

try {
  main();
} catch (err) {
  console.error(err?.stack ?? String(err));
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
}
