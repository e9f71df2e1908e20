// What every command gets: where it runs, its streams, its language and colours.
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_DOCUMENT_CHARS } from '../../server/src/service/parse';
import { resolve } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { messages, type CliLocale } from './locale';
import { paint, type Paint, type Stream } from './terminal';
import { displayPath, specialKind } from './files';
import { formatTextLine } from './report';

export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: Stream;
  stderr: Stream;
  /**
   * What must still reach the user when stdout cannot be written (a create's ContainerGroupId and
   * ClientToken): the entry point prints these lines on stderr after a write failure.
   */
  lostOutputNotes?: string[];
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

/** Lines printed on stderr only if stdout turns out not to be writable (see CliIO.lostOutputNotes). */
export function noteForLostOutput(ctx: CliContext, text: string): void {
  ctx.lostOutputNotes?.push(text);
}

/** `eci: message` on stderr. */
export function complain(ctx: CliContext, message: string): void {
  ctx.stderr.write(`${ctx.err.bold('eci')}: ${message}\n`);
}

export type ReadResult =
  | { ok: true; text: string; absolutePath: string; displayPath: string }
  | { ok: false; message: string; absolutePath: string; displayPath: string };

/**
 * The largest file read, in bytes. The service analyses documents up to MAX_DOCUMENT_CHARS UTF-16
 * code units, and no UTF-8 character takes more than 3 bytes per code unit: a larger file cannot be a
 * document the service analyses (nor a request that fits in one URL), so it is refused before reading.
 */
export const MAX_DOCUMENT_BYTES = MAX_DOCUMENT_CHARS * 3;

/**
 * Reads one document: only a regular file (a FIFO, a device or a socket is refused without blocking,
 * since the file is opened non-blocking and checked with fstat before any read), of at most
 * MAX_DOCUMENT_BYTES, as strict UTF-8: a UTF-8 byte-order mark is dropped as an editor does; a UTF-16 or
 * UTF-32 byte-order mark, a byte that is not UTF-8 or a NUL byte is reported (where it is) instead of
 * being read as something else.
 */
export function readDocument(ctx: CliContext, arg: string): ReadResult {
  const absolutePath = resolve(ctx.cwd, arg);
  const shown = displayPath(absolutePath, ctx.cwd);
  const fail = (message: string): ReadResult => ({ ok: false, message, absolutePath, displayPath: shown });
  let fd: number | undefined;
  let bytes: Buffer;
  try {
    fd = openSync(absolutePath, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (st.isDirectory()) return fail(ctx.msg.notAFile(shown));
    if (!st.isFile()) return fail(ctx.msg.notRegularFile(shown, specialKind(st)));
    if (st.size > MAX_DOCUMENT_BYTES) return fail(ctx.msg.fileTooLarge(shown, st.size, MAX_DOCUMENT_BYTES));
    // Read to the end, but never beyond the limit (the file may grow while it is read).
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, MAX_DOCUMENT_BYTES + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > MAX_DOCUMENT_BYTES) return fail(ctx.msg.fileTooLarge(shown, total, MAX_DOCUMENT_BYTES));
    }
    bytes = Buffer.concat(chunks, total);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(
      code === 'ENOENT'
        ? ctx.msg.notFound(shown)
        : code === 'EISDIR'
          ? ctx.msg.notAFile(shown)
          : ctx.msg.unreadableFile(shown, code ?? (err as Error).message),
    );
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const decoded = decodeUtf8Document(bytes);
  if (!decoded.ok) {
    const { problem } = decoded;
    switch (problem.kind) {
      case 'bom':
        return fail(ctx.msg.wrongEncoding(shown, problem.encoding));
      case 'nul':
        return fail(ctx.msg.nulByte(shown, problem.offset, problem.line, problem.column));
      case 'invalid':
        return fail(ctx.msg.invalidUtf8(shown, problem.byte, problem.offset, problem.line, problem.column));
    }
  }
  return { ok: true, text: decoded.text, absolutePath, displayPath: shown };
}

export type EncodingProblem =
  | { kind: 'bom'; encoding: 'UTF-16 LE' | 'UTF-16 BE' | 'UTF-32 LE' | 'UTF-32 BE' }
  /** `offset` 0-based in bytes; `line` 1-based; `column` 1-based, in bytes of that line. */
  | { kind: 'invalid'; byte: number; offset: number; line: number; column: number }
  | { kind: 'nul'; offset: number; line: number; column: number };

/** The text of a document's bytes as strict UTF-8 (a UTF-8 byte-order mark dropped), or what stops it being that. */
export function decodeUtf8Document(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; problem: EncodingProblem } {
  const b = bytes;
  // UTF-32 first: its little-endian mark begins with UTF-16's.
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0)
    return { ok: false, problem: { kind: 'bom', encoding: 'UTF-32 LE' } };
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff)
    return { ok: false, problem: { kind: 'bom', encoding: 'UTF-32 BE' } };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe)
    return { ok: false, problem: { kind: 'bom', encoding: 'UTF-16 LE' } };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff)
    return { ok: false, problem: { kind: 'bom', encoding: 'UTF-16 BE' } };
  const start = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  const where = (offset: number) => {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++)
      if (b[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    return { offset, line, column: offset - lineStart + 1 };
  };
  const bad = firstInvalidUtf8(b, start);
  if (bad >= 0) return { ok: false, problem: { kind: 'invalid', byte: b[bad], ...where(bad) } };
  const nul = b.indexOf(0, start);
  if (nul >= 0) return { ok: false, problem: { kind: 'nul', ...where(nul) } };
  return { ok: true, text: Buffer.from(b.buffer, b.byteOffset + start, b.length - start).toString('utf8') };
}

/** The offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(b: Uint8Array, from = 0): number {
  let i = from;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    // The continuation bytes a lead byte announces, and the least code point it may encode.
    const lead: [number, number] | undefined =
      c >= 0xc2 && c <= 0xdf
        ? [1, 0x80]
        : c >= 0xe0 && c <= 0xef
          ? [2, 0x800]
          : c >= 0xf0 && c <= 0xf4
            ? [3, 0x10000]
            : undefined;
    if (!lead) return i;
    const [n, min] = lead;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      // A truncated or broken sequence: the character starting at i cannot be read.
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/** Diagnostics as text lines on stderr (request, dry-run and create explain their refusals this way). */
export function printDiagnosticsToStderr(ctx: CliContext, shownPath: string, diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) ctx.stderr.write(formatTextLine(shownPath, d, ctx.err) + '\n');
}
