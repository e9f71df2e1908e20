// Runs the BUILT command line (dist/cli.js) as a child process, as a user or a CI job would.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** out/test/cli/helpers.js -> the repository root. */
export const ROOT = resolve(__dirname, '..', '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** Added to a minimal environment (PATH, a private HOME, LANG=C); undefined removes a variable. */
  env?: Record<string, string | undefined>;
  /** Bound on the run; the child is killed and the test fails beyond it. */
  timeoutMs?: number;
}

/** A temporary directory used as HOME so that no real ~/.aliyun or ~/.alibabacloud is read. */
const emptyHome = mkdtempSync(join(tmpdir(), 'eci-cli-home-'));
process.on('exit', () => rmSync(emptyHome, { recursive: true, force: true }));

export function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return startCli(args, options).done;
}

function childEnv(options: RunOptions): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: emptyHome, LANG: 'C' };
  for (const [k, v] of Object.entries(options.env ?? {}))
    if (v === undefined) delete env[k];
    else env[k] = v;
  return env;
}

/**
 * Starts the CLI and returns the child (to signal it) and a promise of its result.
 * `wrap` runs it inside another command (e.g. `onTerminal`, for a pseudo-terminal).
 */
export function startCli(
  args: string[],
  options: RunOptions & { wrap?: (cliCommand: string[]) => string[] } = {},
): { child: ChildProcessWithoutNullStreams; done: Promise<CliResult> } {
  const env = childEnv(options);
  const argv = [process.execPath, CLI, ...args];
  const [cmd, ...cmdArgs] = options.wrap ? options.wrap(argv) : argv;
  const child = spawn(cmd, cmdArgs, { cwd: options.cwd ?? ROOT, env, stdio: 'pipe' });
  child.stdin.end();
  const done = new Promise<CliResult>((resolvePromise, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `eci ${args.join(' ')} did not finish within ${options.timeoutMs ?? 30000} ms\nstdout: ${stdout}\nstderr: ${stderr}`,
        ),
      );
    }, options.timeoutMs ?? 30000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr });
    });
  });
  return { child, done };
}

/** Wraps a command so that it runs on a pseudo-terminal (util-linux `script`); its output arrives on stdout. */
export function onTerminal(argv: string[]): string[] {
  const quoted = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return ['script', '-qec', quoted, '/dev/null'];
}

/** A temporary directory tree: `{ 'a/b.eci.yaml': 'text' }`. Removed by `dispose`. */
export function makeTree(files: Record<string, string>): { dir: string; path(rel: string): string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'eci-cli-'));
  for (const [rel, text] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return { dir, path: (rel) => join(dir, rel), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A document the service accepts without any diagnostic. */
export const VALID_DOCUMENT = `RegionId: cn-hangzhou
ContainerGroupName: web-frontend
SecurityGroupId: sg-bp1abcdefghijklmnopq
VSwitchId: vsw-bp1abcdefghijklmnopq
Cpu: 2
Memory: 4
Container:
  - Name: nginx
    Image: registry.cn-hangzhou.aliyuncs.com/acs/nginx:1.25
    Cpu: 1
    Memory: 2
`;

/** The line (0-based) of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in the document`);
  return i;
}

export const ANSI = /\x1b\[[0-9;]*m/;
