// A minimal LSP client for the benchmark: spawns a language server over stdio and
// talks to it through vscode-jsonrpc's stream reader/writer (real Content-Length framing).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, createWriteStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

/** Milliseconds a single wait (diagnostics, request) may take before the benchmark gives up on it. */
export const WAIT_LIMIT_MS = 120_000;

/** Clock ticks per second of /proc/<pid>/stat times. */
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

export class LspSession {
  /**
   * @param {object} o
   * @param {string} o.name        label used in messages
   * @param {string[]} o.argv      node arguments (script and flags), run with this process's node
   * @param {string} o.logFile     where the server's stderr goes
   * @param {string} o.cwd
   * @param {Record<string, unknown>} [o.configuration]  answers to workspace/configuration, by section
   */
  constructor({ name, argv, logFile, cwd, configuration = {} }) {
    this.name = name;
    this.spawnedAt = performance.now();
    this.child = spawn(process.execPath, argv, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.pid = this.child.pid;
    const log = createWriteStream(logFile);
    this.child.stderr.pipe(log);
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    this.child.once('exit', (code, signal) => {
      this.exitInfo = { code, signal };
      for (const w of this.diagnosticWaiters.splice(0))
        w.reject(
          new Error(
            `${this.name} exited (code ${code}, signal ${signal}) while the benchmark waited for diagnostics; see ${logFile}`,
          ),
        );
    });
    this.connection = rpc.createMessageConnection(
      new rpc.StreamMessageReader(this.child.stdout),
      new rpc.StreamMessageWriter(this.child.stdin),
    );
    /** @type {{uri: string, minVersion: number, resolve: Function, reject: Function, timer: any}[]} */
    this.diagnosticWaiters = [];
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => this.onDiagnostics(params));
    // Configuration pulls get the configured sections; every other server-to-client request
    // (capability registration, progress creation) gets null; other notifications are ignored.
    this.connection.onRequest('workspace/configuration', (params) =>
      params.items.map((i) => configuration[i.section] ?? null),
    );
    this.connection.onRequest(() => null);
    this.connection.onNotification(() => {});
    this.connection.listen();
  }

  onDiagnostics(params) {
    const at = performance.now();
    const waiters = this.diagnosticWaiters;
    for (let i = 0; i < waiters.length; i++) {
      const w = waiters[i];
      // A server that sends versions is matched on the version; one that does not
      // (yaml-language-server) is matched on the first publication after the change.
      if (
        w.uri === params.uri &&
        (params.version === undefined || params.version === null || params.version >= w.minVersion)
      ) {
        waiters.splice(i, 1);
        clearTimeout(w.timer);
        w.resolve({ at, diagnostics: params.diagnostics });
        return;
      }
    }
  }

  /** Resolves with {at, diagnostics} on the next publication for uri at version >= minVersion. */
  nextDiagnostics(uri, minVersion) {
    return new Promise((resolve, reject) => {
      if (this.exitInfo) {
        reject(new Error(`${this.name} has exited (code ${this.exitInfo.code})`));
        return;
      }
      const w = { uri, minVersion, resolve, reject, timer: undefined };
      w.timer = setTimeout(() => {
        this.diagnosticWaiters.splice(this.diagnosticWaiters.indexOf(w), 1);
        reject(
          new Error(
            `${this.name} published no diagnostics for ${uri} (version ${minVersion}) within ${WAIT_LIMIT_MS} ms`,
          ),
        );
      }, WAIT_LIMIT_MS);
      this.diagnosticWaiters.push(w);
    });
  }

  async request(method, params) {
    let timer;
    const limit = new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${this.name} did not answer ${method} within ${WAIT_LIMIT_MS} ms`)),
        WAIT_LIMIT_MS,
      );
    });
    try {
      return await Promise.race([this.connection.sendRequest(method, params), limit]);
    } finally {
      clearTimeout(timer);
    }
  }

  notify(method, params) {
    return this.connection.sendNotification(method, params);
  }

  /** Peak resident set size (VmHWM) and current RSS of the server process, in MiB. */
  memory() {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kib = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { peakRssMiB: kib('VmHWM') / 1024, rssMiB: kib('VmRSS') / 1024 };
  }

  /** CPU time (user + system, all threads) the server process has used so far, in ms. */
  cpuMs() {
    const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  }

  /** Polite LSP shutdown; kills the process (by its pid) if it does not exit in time. */
  async close() {
    if (!this.exitInfo) {
      try {
        await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]);
        await this.connection.sendNotification('exit');
      } catch {
        // the process may already be gone; the kill below covers it
      }
      const gone = await Promise.race([
        this.exited.then(() => true),
        new Promise((r) => setTimeout(() => r(false), 10_000)),
      ]);
      if (!gone) this.child.kill('SIGKILL');
    }
    this.connection.dispose();
  }
}
