// Shared by the editors layer: the editors installed on first use (Debian packages, the same helper
// that installs Chromium for the VS Code runtime), a scratch workspace, and a run of an editor script
// that reports what the editor shows as JSON.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLanguageService } from '../../server/src/service/index';

export const ROOT = join(__dirname, '..', '..', '..');
export const SERVER = join(ROOT, 'dist', 'server.js');
/** The editor scripts are read from the sources (tsc compiles only the TypeScript). */
export const SCRIPTS = join(ROOT, 'test', 'editors');

/** Neovim 0.7 and Emacs 28 with Eglot, as Debian bookworm packages them. */
export const EDITOR_PACKAGES = ['neovim', 'emacs-nox', 'elpa-eglot'];

export async function ensureEditors(): Promise<void> {
  const helper = (await import(pathToFileURL(join(ROOT, 'scripts', 'debian-packages.mjs')).href)) as {
    ensureDebianPackages(packages: string[], options: { purpose: string }): void;
  };
  helper.ensureDebianPackages(EDITOR_PACKAGES, { purpose: 'the editors test layer' });
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run node scripts/build.mjs first`);
}

export function scratch(
  name: string,
  files: Record<string, string>,
): { dir: string; path(file: string): string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), `eci-${name}-`));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return { dir, path: (file) => join(dir, file), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface EditorRun<T> {
  result: T;
  ms: number;
  output: string;
}

/**
 * Runs an editor (nvim, emacs) in batch mode until it exits; it writes its findings as JSON to `out`.
 * The environment names no locale unless `env` does, so that the machine's LANG does not choose the language.
 */
export function runEditor<T>(
  command: string,
  args: string[],
  out: string,
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<EditorRun<T>> {
  const started = Date.now();
  const base: Record<string, string | undefined> = {
    ...process.env,
    LC_ALL: undefined,
    LC_MESSAGES: undefined,
    LANG: undefined,
    HOME: join(out, '..'),
    ...env,
  };
  for (const k of Object.keys(base)) if (base[k] === undefined) delete base[k];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: base as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const ms = Date.now() - started;
      if (!existsSync(out))
        return reject(new Error(`${command} exited (${code ?? signal}) without a result; its output:\n${output}`));
      const result = JSON.parse(readFileSync(out, 'utf8')) as T & { error?: string };
      if (result.error || code !== 0)
        return reject(new Error(`${command} failed (exit ${code ?? signal}): ${result.error ?? ''}\n${output}`));
      resolve({ result, ms, output });
    });
  });
}

/** One step of an editor script: what the editor showed (buffer text, its diagnostics D, ...). */
export interface EditorStep<D> {
  name: string;
  ms: number;
  value: Record<string, unknown> & { text?: string; diagnostics?: D[] };
}

/**
 * Runs one scripted editor session on a scratch copy of `doc` (file `web.eci.yaml`): `command` with
 * `args`, the script told through ECI_OUT, ECI_FILE and ECI_SERVER (and `env`) where things are.
 */
export async function editorSession<D>(
  command: string,
  args: string[],
  doc: string,
  env: Record<string, string> = {},
): Promise<{ steps: Map<string, EditorStep<D>['value']>; ms: number }> {
  const ws = scratch(command, { 'web.eci.yaml': doc });
  try {
    const out = ws.path('out.json');
    const run = await runEditor<{ steps: EditorStep<D>[] }>(command, args, out, {
      ECI_OUT: out,
      ECI_FILE: ws.path('web.eci.yaml'),
      ECI_SERVER: SERVER,
      ...env,
    });
    return { steps: new Map(run.result.steps.map((s) => [s.name, s.value])), ms: run.ms };
  } finally {
    ws.dispose();
  }
}

/** What a fresh open of `text` publishes, as (code, line) pairs: what the edited buffer must show too. */
export function freshDiagnostics(text: string): { code: string; line: number }[] {
  return createLanguageService({ locale: 'en' })
    .diagnose(text)
    .map((d) => ({ code: String(d.code), line: d.range.start.line }))
    .sort((a, b) => a.line - b.line || a.code.localeCompare(b.code));
}
