// Entry point of the extension-host test suite: `run()` is called by VS Code inside the real
// extension host, with the real `vscode` API. Runner-agnostic: the same module is the
// `extensionTestsPath` for @vscode/test-electron (desktop VS Code) and for code-server's
// smoke-test-driver URL payload (scripts/run-extension-tests.mjs).
//
// Results go to the extension host's console and, when ECI_TEST_REPORT names a file, to that file as
// JSON lines ({"event":"pass"|"fail"|"log"|"end",...}) so that a runner that cannot see the extension
// host's console (code-server runs it in a process of its own) can print them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

function reportLine(record: Record<string, unknown>): void {
  const file = process.env.ECI_TEST_REPORT;
  if (file) fs.appendFileSync(file, JSON.stringify(record) + '\n');
}

/** Called by VS Code; resolves when every test passed, rejects with the failure count otherwise. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  // The spec reporter prints through Base.consoleLog; mirror every line into the report file.
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const consoleLog = base.consoleLog;
  base.consoleLog = (...args: unknown[]) => {
    consoleLog(...args);
    reportLine({ event: 'log', text: util.format(...args) });
  };
  const testsDir = __dirname;
  // The activation test goes first: it opens the first eci-yaml document of the session, while the
  // extension is still inactive. The others follow in name order.
  // ECI_TEST_ONLY=activation.test.js runs that file alone (scripts/run-extension-tests.mjs --activation-runs).
  const only = process.env.ECI_TEST_ONLY;
  const files = fs
    .readdirSync(testsDir)
    .filter((name) => name.endsWith('.test.js') && (!only || name === only))
    .sort();
  files.sort((a, b) => Number(b === 'activation.test.js') - Number(a === 'activation.test.js'));
  for (const name of files) mocha.addFile(path.join(testsDir, name));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        reportLine({ event: 'end', passes: runner.stats?.passes ?? 0, failures });
        base.consoleLog = consoleLog;
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
        else resolve();
      });
      runner.on('pass', (test) => reportLine({ event: 'pass', title: test.fullTitle(), durationMs: test.duration }));
      runner.on('fail', (test, err: Error) =>
        reportLine({ event: 'fail', title: test.fullTitle(), error: err?.stack ?? String(err) }),
      );
    } catch (err) {
      reportLine({ event: 'end', passes: 0, failures: 1, error: (err as Error)?.stack ?? String(err) });
      reject(err);
    }
  });
}
