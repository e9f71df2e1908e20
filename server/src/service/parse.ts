// YAML text -> syntax tree with offsets. Never throws: every problem is data.
import {
  LineCounter,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Document,
  type Node,
  type Scalar,
} from 'yaml';
import type { Position, Range } from 'vscode-languageserver-types';

/** Documents above this size are not analysed (the whole request travels in one URL). */
export const MAX_DOCUMENT_CHARS = 2 * 1024 * 1024;

/** Deeper nesting (block indentation levels, list markers and flow brackets together) is refused. */
export const MAX_NESTING = 200;

export interface SyntaxProblem {
  /** Stable rule id, e.g. `yaml.syntax`, `yaml.multiple-documents`, `yaml.too-large`. */
  code: string;
  message: string;
  range: Range;
  /** The `yaml` library's error code (`BAD_INDENT`, `MISSING_CHAR`, ...), for syntax errors. */
  yamlCode?: string;
  /** What went wrong, read from the library's message and the line (each kind has its own message in `messages.ts`). */
  kind?: SyntaxKind;
  /** The text the message names: the key without its colon, the unclosed bracket or quote, the reserved character... */
  subject?: string;
}

/** The situations a syntax error is told apart by; `messages.ts` words each in English and Japanese. */
export type SyntaxKind =
  | 'missingColon'
  | 'keyOnOneLine'
  | 'badIndent'
  | 'overIndented'
  | 'tabIndent'
  | 'unclosedBracket'
  | 'unclosedBrace'
  | 'unclosedQuote'
  | 'itemWithoutDash'
  | 'colonInValue'
  | 'reservedStart'
  | 'badEscape'
  | 'strayLine';

export interface ParsedDocument {
  /**
   * The text analysed: the document's text with every lone CR made a LF (see `normalizeLineEnds`),
   * so that lines are told by `\n` alone (a CRLF line keeps its CR) and every offset is the document's.
   */
  readonly text: string;
  /** The first YAML document; `undefined` when the text is too large to analyse. */
  readonly doc: Document.Parsed | undefined;
  readonly problems: SyntaxProblem[];
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  /** Range of [start, end) offsets. */
  range(start: number, end: number): Range;
  /**
   * Set when one stray line broke the YAML and the document read without it has no syntax error
   * left: the line (0-based) that was blanked. `doc` is that recovered tree.
   */
  readonly recoveredLine?: number;
}

/**
 * The text with every lone CR made a LF. YAML 1.2 and LSP both end a line at `\r\n`, `\r` and `\n`;
 * the \`yaml\` library and the line scans of the service end lines at `\n` only. The replacement keeps
 * the length, so every offset (and every LSP position) of the result is one of the document's.
 */
export function normalizeLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** Position helpers over a text whose line starts are in `lineCounter`. */
/** Offset <-> position helpers of `text`, its line starts recorded in `lineCounter`. */
export function positions(text: string, lineCounter: LineCounter) {
  const positionAt = (offset: number): Position => {
    const o = Math.max(0, Math.min(offset, text.length));
    const { line, col } = lineCounter.linePos(o);
    return { line: line - 1, character: col - 1 };
  };
  const offsetAt = (p: Position): number => {
    const starts = lineCounter.lineStarts;
    if (p.line < 0) return 0;
    if (p.line >= starts.length) return text.length;
    const lineStart = starts[p.line];
    const next = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
    return Math.min(lineStart + Math.max(0, p.character), next);
  };
  const range = (start: number, end: number): Range => ({ start: positionAt(start), end: positionAt(end) });
  return { positionAt, offsetAt, range };
}

export function parse(documentText: string): ParsedDocument {
  const text = normalizeLineEnds(documentText);
  const lineCounter = new LineCounter();
  const problems: SyntaxProblem[] = [];
  const { positionAt, offsetAt, range } = positions(text, lineCounter);
  /** A syntax error's range, kept to the line it starts on. */
  const lineBoundRange = (start: number, end: number): Range => {
    const s = positionAt(start);
    const lineEnd = s.line + 1 < lineCounter.lineStarts.length ? lineCounter.lineStarts[s.line + 1] - 1 : text.length;
    let e = Math.min(Math.max(end, start), lineEnd);
    if (e === start && start < lineEnd) e = start + 1;
    return { start: s, end: positionAt(e) };
  };

  /** Indexes the lines without parsing, so positions work for a document that is refused. */
  const indexLines = () => {
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  };

  if (text.length > MAX_DOCUMENT_CHARS) {
    indexLines();
    problems.push({
      code: 'yaml.too-large',
      message: `The document has ${text.length} characters; documents above ${MAX_DOCUMENT_CHARS} characters are not analysed. A CreateContainerGroup request travels in one URL and cannot be this large.`,
      range: lineBoundRange(0, 1),
    });
    return { text, doc: undefined, problems, positionAt, offsetAt, range };
  }

  const deep = excessiveNesting(text, MAX_NESTING);
  if (deep >= 0) {
    // The YAML parser recurses once per level; a hostile depth must not reach it.
    indexLines();
    problems.push({
      code: 'yaml.too-deep',
      message: `The document nests collections more than ${MAX_NESTING} levels deep here; it is not analysed. A container group needs fewer than 10 levels.`,
      range: lineBoundRange(deep, deep + 1),
    });
    return { text, doc: undefined, problems, positionAt, offsetAt, range };
  }

  let docs: Document.Parsed[];
  try {
    // Duplicate keys are found below in linear time; the parser's own check is quadratic in the size of a mapping.
    docs = parseAllDocuments(text, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: false,
      logLevel: 'error',
    }) as Document.Parsed[];
  } catch (err) {
    // `yaml` reports problems as data; this is a last line of defence.
    problems.push({
      code: 'yaml.syntax',
      message: `The YAML could not be read: ${(err as Error).message}`,
      range: lineBoundRange(0, 1),
    });
    return { text, doc: undefined, problems, positionAt, offsetAt, range };
  }
  if (!Array.isArray(docs)) docs = [];

  // One stray line (a word being typed, a key without its colon) derails the parser for the rest of
  // the file: report that line once and read the document without it.
  const stray = findStrayLine(text, docs);
  let recoveredLine: number | undefined;
  if (stray) {
    const lineStart = lineCounter.lineStarts[stray.line];
    const lineText = text.slice(lineStart, stray.lineEnd);
    const onLine = docs
      .flatMap((d) => d.errors)
      .find((e) => e.code !== 'DUPLICATE_KEY' && positionAt(e.pos[0]).line === stray.line);
    const contentStart = lineStart + (/^\s*/.exec(lineText)?.[0].length ?? 0);
    const lineRange = { start: positionAt(contentStart), end: positionAt(Math.max(contentStart + 1, stray.lineEnd)) };
    const opener = unclosedOpener(lineText);
    const content = lineText.trim();
    const previousIndent = stray.previousIndent;
    if (opener) {
      // An unclosed bracket or quote, not a stray line: shown on the opener, where the fix goes.
      const at = lineStart + opener.index;
      problems.push({
        code: 'yaml.syntax',
        message: `${opener.char} is not closed`,
        range: lineBoundRange(at, at + 1),
        yamlCode: onLine?.code ?? 'MISSING_CHAR',
        kind: OPENER_KIND[opener.char],
        subject: opener.char,
      });
    } else if (BARE_KEY.test(content)) {
      problems.push({
        code: 'yaml.syntax',
        message: `${content} needs a colon`,
        range: lineRange,
        yamlCode: onLine?.code ?? 'MISSING_CHAR',
        kind: 'missingColon',
        subject: content,
      });
    } else if (WELL_FORMED.test(content) && previousIndent !== undefined && contentStart - lineStart > previousIndent) {
      const key = /^(?:-\s+)?([^:]*?):/.exec(content)?.[1] ?? content;
      problems.push({
        code: 'yaml.syntax',
        message: `${key} is indented more than the line before it`,
        range: lineRange,
        yamlCode: onLine?.code ?? 'BAD_INDENT',
        kind: 'overIndented',
        subject: key,
      });
    } else {
      const classified = onLine ? classify(onLine.message, lineText) : undefined;
      problems.push({
        code: 'yaml.syntax',
        message: onLine ? firstLine(onLine.message).replace(/ at line \d+, column \d+:?$/, '') : STRAY_LINE_MESSAGE,
        // A tab's problem is shown from the tab, not from the text after it.
        range:
          classified?.kind === 'tabIndent'
            ? lineBoundRange(lineStart + /^ */.exec(lineText)![0].length, stray.lineEnd)
            : lineRange,
        yamlCode: onLine?.code ?? 'STRAY_LINE',
        kind: classified?.kind ?? 'strayLine',
        ...(classified?.subject ? { subject: classified.subject } : {}),
      });
    }
    docs = stray.docs;
    if (stray.errors === 0) recoveredLine = stray.line;
  }

  for (const d of docs) {
    for (const e of d.errors) {
      let [s, en] = e.pos;
      // An unclosed flow collection or quote is reported where the parser gave up (often the next
      // line); show it on the opening bracket or quote instead, which is where the fix goes.
      const opener = /^Flow sequence/.test(e.message)
        ? '['
        : /^Flow map/.test(e.message)
          ? '{'
          : /^Missing closing "quote/.test(e.message)
            ? '"'
            : /^Missing closing 'quote/.test(e.message)
              ? "'"
              : '';
      if (opener) {
        const at = text.lastIndexOf(opener, Math.max(0, s - 1));
        if (at >= 0) [s, en] = [at, at + 1];
      }
      const lineOfError = positionAt(s).line;
      const lineText = text.slice(
        lineCounter.lineStarts[lineOfError],
        lineCounter.lineStarts[lineOfError + 1] ?? text.length,
      );
      const classified = opener
        ? { kind: OPENER_KIND[opener], subject: opener }
        : classify(e.message, lineText, text.slice(e.pos[0], e.pos[1]));
      if (classified?.kind === 'tabIndent') {
        // Shown from the tab itself, not from the text after it.
        const tab = /^ *\t/.exec(lineText);
        if (tab)
          [s, en] = [
            lineCounter.lineStarts[lineOfError] + tab[0].length - 1,
            Math.max(en, lineCounter.lineStarts[lineOfError] + tab[0].length),
          ];
      }
      problems.push({
        code: e.code === 'DUPLICATE_KEY' ? 'yaml.duplicate-key' : 'yaml.syntax',
        message: firstLine(e.message).replace(/ at line \d+, column \d+:?$/, ''),
        range: lineBoundRange(s, en),
        yamlCode: e.code,
        ...(classified && e.code !== 'DUPLICATE_KEY'
          ? { kind: classified.kind, ...(classified.subject ? { subject: classified.subject } : {}) }
          : {}),
      });
    }
  }
  if (docs[0]) {
    for (const key of duplicateKeys(docs[0])) {
      const r = key.range!;
      problems.push({
        code: 'yaml.duplicate-key',
        message: JSON.stringify(String((key as Scalar).value)),
        range: lineBoundRange(r[0], r[1]),
        yamlCode: 'DUPLICATE_KEY',
      });
    }
  }
  if (docs.length > 1) {
    const start = docs[1].range?.[0] ?? 0;
    problems.push({
      code: 'yaml.multiple-documents',
      message:
        'A *.eci.yaml file describes one container group: only the first YAML document is used. Move this document into a file of its own.',
      range: lineBoundRange(start, start + 3),
    });
  }
  return {
    text,
    doc: docs[0],
    problems,
    positionAt,
    offsetAt,
    range,
    ...(recoveredLine !== undefined ? { recoveredLine } : {}),
  };
}

const OPENER_KIND: Record<string, SyntaxKind> = {
  '[': 'unclosedBracket',
  '{': 'unclosedBrace',
  '"': 'unclosedQuote',
  "'": 'unclosedQuote',
};

/** A line that is one word or phrase with no colon: a key being typed. */
const BARE_KEY = /^[A-Za-z_][\w.\-/ ]*$/;

/** `Key: value`, `Key:`, or a list item. */
const WELL_FORMED = /^(-(\s|$)|[^\s#][^#]*?:(\s|$))/;

/**
 * The situation behind one of the `yaml` library's messages (matched by its wording, which tells
 * apart what its codes lump together: MISSING_CHAR is a key without colon as well as a list item
 * without `-`), with the text the message should name.
 */
function classify(
  message: string,
  lineText: string,
  errorText = '',
): { kind: SyntaxKind; subject?: string } | undefined {
  const msg = firstLine(message);
  const content = lineText.trim();
  if (/^Implicit map keys need to be followed by map values/.test(msg)) {
    const word = errorText.trim() || content;
    return BARE_KEY.test(word) ? { kind: 'missingColon', subject: word } : { kind: 'keyOnOneLine' };
  }
  if (/^Implicit keys need to be on a single line/.test(msg))
    return BARE_KEY.test(content) ? { kind: 'missingColon', subject: content } : { kind: 'keyOnOneLine' };
  if (/^Sequence item without - indicator/.test(msg)) return { kind: 'itemWithoutDash' };
  if (/^All mapping items must start at the same column/.test(msg)) return { kind: 'badIndent' };
  if (/^Tabs are not allowed as indentation/.test(msg)) return { kind: 'tabIndent' };
  if (/^Nested mappings are not allowed in compact mappings/.test(msg)) {
    return /:\s+[^\s#"'][^#]*?:(\s|$)/.test(content) ? { kind: 'colonInValue' } : { kind: 'overIndented' };
  }
  if (/^Flow sequence/.test(msg)) return { kind: 'unclosedBracket', subject: '[' };
  if (/^Flow map/.test(msg)) return { kind: 'unclosedBrace', subject: '{' };
  const quote = /^Missing closing ("|')quote/.exec(msg);
  if (quote) return { kind: 'unclosedQuote', subject: quote[1] };
  const reserved = /^Plain value cannot start with reserved character (\S)/.exec(msg);
  if (reserved) return { kind: 'reservedStart', subject: reserved[1] };
  const escape = /^Invalid escape sequence (\S+)/.exec(msg);
  if (escape) return { kind: 'badEscape', subject: escape[1] };
  return undefined;
}

/** The first `[`, `{` or quote of a line that the line does not close (comments and closed quotes skipped). */
function unclosedOpener(line: string): { index: number; char: string } | undefined {
  const open: { index: number; char: string }[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    const prev = i > 0 ? line[i - 1] : ' ';
    if ((c === '"' || c === "'") && /[\s[{,:]/.test(prev)) {
      let j = i + 1;
      for (; j < line.length; j++) {
        if (c === '"' && line[j] === '\\') j++;
        else if (line[j] === c) {
          if (c === "'" && line[j + 1] === "'") j++;
          else break;
        }
      }
      if (j >= line.length) return open[0] ?? { index: i, char: c };
      i = j;
    } else if (c === '#' && /\s/.test(prev)) break;
    else if (c === '[' || c === '{') open.push({ index: i, char: c });
    else if ((c === ']' || c === '}') && open.length) open.pop();
  }
  return open[0];
}

const STRAY_LINE_MESSAGE =
  'This line is neither `Key: value` nor a list item `- value`, so the lines after it cannot be read';

/** Syntax errors the parser reported, duplicate keys aside (those are found separately). */
function syntaxErrorCount(docs: Document.Parsed[]): number {
  let n = 0;
  for (const d of docs) for (const e of d.errors) if (e.code !== 'DUPLICATE_KEY') n++;
  return n;
}

/** Documents above this size are not searched for a stray line (each try is a full parse). */
const STRAY_LINE_SEARCH_MAX_CHARS = 256 * 1024;

/**
 * The one line whose removal makes the YAML readable (or most reduces its syntax errors): the line of
 * the first error or one of the three content lines before it. The line is blanked with spaces, so
 * every offset of the returned parse is an offset of `text`.
 */
function findStrayLine(
  text: string,
  docs: Document.Parsed[],
): { line: number; lineEnd: number; docs: Document.Parsed[]; errors: number; previousIndent?: number } | undefined {
  const errors = syntaxErrorCount(docs);
  if (errors === 0 || text.length > STRAY_LINE_SEARCH_MAX_CHARS) return undefined;
  const first = Math.min(
    ...docs.flatMap((d) => d.errors.filter((e) => e.code !== 'DUPLICATE_KEY').map((e) => e.pos[0])),
  );
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const lineEnd = (line: number) => (line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length);
  const candidates: number[] = [];
  for (let line = lineOf(first); line >= 0 && candidates.length < 4; line--) {
    const content = text.slice(lineStarts[line], lineEnd(line)).trim();
    if (content && !content.startsWith('#') && content !== '---') candidates.push(line);
  }
  const indentOf = (line: number) => /^ */.exec(text.slice(lineStarts[line], lineEnd(line)))![0].length;
  const contentLine = (from: number, step: 1 | -1) => {
    for (let line = from; line >= 0 && line < lineStarts.length; line += step) {
      const content = text.slice(lineStarts[line], lineEnd(line)).trim();
      if (content && !content.startsWith('#')) return line;
    }
    return -1;
  };
  // A key indented more than the `Key: value` line before it: the parser blames the line above, the
  // indented line is the one to fix. It is tried right after the lines that are not well formed.
  const errorLine = lineOf(first);
  const next = contentLine(errorLine + 1, 1);
  const overIndented = next >= 0 && indentOf(next) > indentOf(errorLine) ? next : -1;
  if (overIndented >= 0) candidates.push(overIndented);
  // A line that is not shaped like `Key: value`, `- item` or a block scalar's text is tried first.
  const wellFormed = (line: number) => WELL_FORMED.test(text.slice(lineStarts[line], lineEnd(line)).trim());
  const rank = (line: number) => (wellFormed(line) ? (line === overIndented ? 1 : 2) : 0);
  candidates.sort((a, b) => rank(a) - rank(b));
  let best: { line: number; lineEnd: number; docs: Document.Parsed[]; errors: number } | undefined;
  for (const line of candidates) {
    const end = lineEnd(line);
    const blanked = text.slice(0, lineStarts[line]) + ' '.repeat(end - lineStarts[line]) + text.slice(end);
    let tried: Document.Parsed[];
    try {
      tried = parseAllDocuments(blanked, {
        prettyErrors: false,
        uniqueKeys: false,
        logLevel: 'error',
      }) as Document.Parsed[];
    } catch {
      continue;
    }
    if (!Array.isArray(tried)) continue;
    const n = syntaxErrorCount(tried);
    if (n < errors && (!best || n < best.errors)) best = { line, lineEnd: end, docs: tried, errors: n };
    if (n === 0) break;
  }
  // Worth it only when the line explains the errors: all of them, or all but one.
  if (!best || best.errors > 1 || errors <= best.errors) return undefined;
  // The column of the keys of the line before, when that line is `Key: value` (a line after it may not be indented more).
  const before = contentLine(best.line - 1, -1);
  const keyValue =
    before >= 0
      ? /^((?:\s*-\s+)*\s*)[^\s#][^#]*?:\s+[^\s#|>&!]/.exec(text.slice(lineStarts[before], lineEnd(before)))
      : null;
  return { ...best, ...(keyValue ? { previousIndent: keyValue[1].length } : {}) };
}

function firstLine(message: string): string {
  const i = message.indexOf('\n');
  return (i < 0 ? message : message.slice(0, i)).trim();
}

/**
 * The offset where the nesting of collections first exceeds `limit` levels, or -1. Counts block
 * indentation levels, the `- `, `? ` and `: ` markers that open levels on one line, and open flow
 * brackets, skipping quoted scalars and comments.
 */
export function excessiveNesting(text: string, limit: number): number {
  const indents: number[] = [];
  let flow = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let col = 0;
    while (i < n && text.charCodeAt(i) === 32) {
      i++;
      col++;
    }
    const c0 = text[i];
    if (flow === 0 && i < n && c0 !== '\n' && c0 !== '\r' && c0 !== '#') {
      while (indents.length && indents[indents.length - 1] >= col) indents.pop();
      indents.push(col);
      // `- ` list items, `? ` explicit keys and `: ` explicit values: each opens a level on the same line.
      let dashes = 0;
      while ((text[i] === '-' || text[i] === '?' || text[i] === ':') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        dashes++;
        i += 2;
        while (text[i] === ' ' || text[i] === '\t') i++;
      }
      if (indents.length + dashes > limit) return i;
    }
    let quote = '';
    for (; i < n && text[i] !== '\n'; i++) {
      const c = text[i];
      if (quote) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) quote = '';
        continue;
      }
      const prev = i > 0 ? text[i - 1] : '\n';
      if ((c === '"' || c === "'") && /[\s[{,:]/.test(prev)) quote = c;
      else if (c === '#' && /\s/.test(prev)) {
        while (i < n && text[i] !== '\n') i++;
        break;
      } else if (c === '[' || c === '{') {
        flow++;
        if (flow + indents.length > limit) return i;
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    i++;
  }
  return -1;
}

/** The scalar keys that repeat an earlier key of the same mapping, in document order. */
function duplicateKeys(doc: Document.Parsed): Node[] {
  const out: Node[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const n = stack.pop();
    if (!n) continue;
    if (isPair(n)) {
      stack.push(n.value, n.key);
    } else if (isMap(n)) {
      const seen = new Set<string>();
      for (const pair of n.items) {
        const k = pair.key as unknown;
        if (isScalar(k) && k.range) {
          const id = `${typeof k.value}:${String(k.value)}`;
          if (seen.has(id)) out.push(k);
          else seen.add(id);
        }
      }
      for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
    } else if (isSeq(n)) {
      for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
    }
  }
  return out.sort((a, b) => a.range![0] - b.range![0]);
}
