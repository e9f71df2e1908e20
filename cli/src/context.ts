// What every command gets: where it runs, its streams, its language and colours.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { messages, type CliLocale } from './locale';
import { paint, type Paint, type Stream } from './terminal';
import { displayPath } from './files';
import { formatTextLine } from './report';

export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: Stream;
  stderr: Stream;
}

export interface CliContext extends CliIO {
  locale: CliLocale;
  msg: ReturnType<typeof messages>;
  /** Colours for stdout and for stderr, each decided by its own stream. */
  out: Paint;
  err: Paint;
}

export function createContext(io: CliIO, locale: CliLocale, colourOut: boolean, colourErr: boolean): CliContext {
  return { ...io, locale, msg: messages(locale), out: paint(colourOut), err: paint(colourErr) };
}

/** `eci: message` on stderr. */
export function complain(ctx: CliContext, message: string): void {
  ctx.stderr.write(`${ctx.err.bold('eci')}: ${message}\n`);
}

export type ReadResult = { ok: true; text: string; absolutePath: string; displayPath: string } | { ok: false; message: string; absolutePath: string; displayPath: string };

/** Reads one document (UTF-8, byte-order mark dropped as an editor does). */
export function readDocument(ctx: CliContext, arg: string): ReadResult {
  const absolutePath = resolve(ctx.cwd, arg);
  const shown = displayPath(absolutePath, ctx.cwd);
  try {
    if (statSync(absolutePath).isDirectory()) return { ok: false, message: ctx.msg.notAFile(shown), absolutePath, displayPath: shown };
    let text = readFileSync(absolutePath, 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text, absolutePath, displayPath: shown };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? ctx.msg.notFound(shown) : ctx.msg.unreadableFile(shown, code ?? (err as Error).message);
    return { ok: false, message, absolutePath, displayPath: shown };
  }
}

/** Diagnostics as text lines on stderr (request, dry-run and create explain their refusals this way). */
export function printDiagnosticsToStderr(ctx: CliContext, shownPath: string, diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) ctx.stderr.write(formatTextLine(shownPath, d, ctx.err) + '\n');
}
