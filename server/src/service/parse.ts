// YAML text -> syntax tree with offsets. Never throws: every problem is data.
import { LineCounter, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Scalar } from 'yaml';
import type { Position, Range } from 'vscode-languageserver-types';
import { reparseScalarEdit } from './incremental';

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
}

export interface ParsedDocument {
  readonly text: string;
  /** The first YAML document; `undefined` when the text is too large to analyse. */
  readonly doc: Document.Parsed | undefined;
  readonly problems: SyntaxProblem[];
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  /** Range of [start, end) offsets. */
  range(start: number, end: number): Range;
}

/** Position helpers over a text whose line starts are in `lineCounter`. */
function positions(text: string, lineCounter: LineCounter) {
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

/**
 * The parse of `text` built from the parse of a previous text that differs only inside one plain
 * scalar value (a value being typed): the tree is reused with that scalar updated and the offsets
 * after it shifted. Undefined whenever that does not hold; then a full parse is needed. Takes
 * ownership of `previous`'s tree: `previous` must not be used afterwards.
 */
export function reparse(previous: ParsedDocument, text: string): ParsedDocument | undefined {
  return reparseScalarEdit(previous, text, (t) => {
    const lineCounter = new LineCounter();
    lineCounter.addNewLine(0);
    for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    return positions(t, lineCounter);
  });
}

export function parse(text: string): ParsedDocument {
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

  let docs: Document.Parsed[] = [];
  try {
    // Duplicate keys are found below in linear time; the parser's own check is quadratic in the size of a mapping.
    docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false, logLevel: 'error' }) as Document.Parsed[];
  } catch (err) {
    // `yaml` reports problems as data; this is a last line of defence.
    problems.push({ code: 'yaml.syntax', message: `The YAML could not be read: ${(err as Error).message}`, range: lineBoundRange(0, 1) });
    return { text, doc: undefined, problems, positionAt, offsetAt, range };
  }
  if (!Array.isArray(docs)) docs = [];

  // One stray line (a word being typed, a key without its colon) derails the parser for the rest of
  // the file: report that line once and read the document without it.
  const stray = findStrayLine(text, docs);
  if (stray) {
    const lineStart = lineCounter.lineStarts[stray.line];
    const onLine = docs.flatMap((d) => d.errors).find((e) => e.code !== 'DUPLICATE_KEY' && positionAt(e.pos[0]).line === stray.line);
    const contentStart = lineStart + (/^\s*/.exec(text.slice(lineStart, stray.lineEnd))?.[0].length ?? 0);
    problems.push({
      code: 'yaml.syntax',
      message: onLine ? firstLine(onLine.message).replace(/ at line \d+, column \d+:?$/, '') : STRAY_LINE_MESSAGE,
      range: { start: positionAt(contentStart), end: positionAt(Math.max(contentStart + 1, stray.lineEnd)) },
      yamlCode: onLine?.code ?? 'STRAY_LINE',
    });
    docs = stray.docs;
  }

  for (const d of docs) {
    for (const e of d.errors) {
      let [s, en] = e.pos;
      // An unclosed flow collection or quote is reported where the parser gave up (often the next
      // line); show it on the opening bracket or quote instead, which is where the fix goes.
      const opener = /^Flow sequence/.test(e.message) ? '[' : /^Flow map/.test(e.message) ? '{' : /^Missing closing "quote/.test(e.message) ? '"' : /^Missing closing 'quote/.test(e.message) ? "'" : '';
      if (opener) {
        const at = text.lastIndexOf(opener, Math.max(0, s - 1));
        if (at >= 0) [s, en] = [at, at + 1];
      }
      problems.push({ code: e.code === 'DUPLICATE_KEY' ? 'yaml.duplicate-key' : 'yaml.syntax', message: firstLine(e.message).replace(/ at line \d+, column \d+:?$/, ''), range: lineBoundRange(s, en), yamlCode: e.code });
    }
  }
  if (docs[0]) {
    for (const key of duplicateKeys(docs[0])) {
      const r = key.range!;
      problems.push({ code: 'yaml.duplicate-key', message: JSON.stringify(String((key as Scalar).value)), range: lineBoundRange(r[0], r[1]), yamlCode: 'DUPLICATE_KEY' });
    }
  }
  if (docs.length > 1) {
    const start = docs[1].range?.[0] ?? 0;
    problems.push({
      code: 'yaml.multiple-documents',
      message: 'A *.eci.yaml file describes one container group: only the first YAML document is used. Move this document into a file of its own.',
      range: lineBoundRange(start, start + 3),
    });
  }
  return { text, doc: docs[0], problems, positionAt, offsetAt, range };
}

const STRAY_LINE_MESSAGE = 'This line is neither `Key: value` nor a list item `- value`, so the lines after it cannot be read';

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
function findStrayLine(text: string, docs: Document.Parsed[]): { line: number; lineEnd: number; docs: Document.Parsed[] } | undefined {
  const errors = syntaxErrorCount(docs);
  if (errors === 0 || text.length > STRAY_LINE_SEARCH_MAX_CHARS) return undefined;
  const first = Math.min(...docs.flatMap((d) => d.errors.filter((e) => e.code !== 'DUPLICATE_KEY').map((e) => e.pos[0])));
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
  // A line that is not shaped like `Key: value`, `- item` or a block scalar's text is tried first.
  const wellFormed = (line: number) => /^(-(\s|$)|[^\s#][^#]*?:(\s|$))/.test(text.slice(lineStarts[line], lineEnd(line)).trim());
  candidates.sort((a, b) => Number(wellFormed(a)) - Number(wellFormed(b)));
  let best: { line: number; lineEnd: number; docs: Document.Parsed[]; errors: number } | undefined;
  for (const line of candidates) {
    const end = lineEnd(line);
    const blanked = text.slice(0, lineStarts[line]) + ' '.repeat(end - lineStarts[line]) + text.slice(end);
    let tried: Document.Parsed[];
    try {
      tried = parseAllDocuments(blanked, { prettyErrors: false, uniqueKeys: false, logLevel: 'error' }) as Document.Parsed[];
    } catch {
      continue;
    }
    if (!Array.isArray(tried)) continue;
    const n = syntaxErrorCount(tried);
    if (n < errors && (!best || n < best.errors)) best = { line, lineEnd: end, docs: tried, errors: n };
    if (n === 0) break;
  }
  // Worth it only when the line explains the errors: all of them, or all but one.
  return best && best.errors <= 1 && errors > best.errors ? best : undefined;
}

function firstLine(message: string): string {
  const i = message.indexOf('\n');
  return (i < 0 ? message : message.slice(0, i)).trim();
}

/**
 * The offset where the nesting of collections first exceeds `limit` levels, or -1. Counts block
 * indentation levels, `- ` list markers and open flow brackets, skipping quoted scalars and comments.
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
      let dashes = 0;
      while (text[i] === '-' && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
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
