// Where the cursor is, in document terms, read from the text around it rather than from the parse
// tree: it works on the line being typed, on broken documents, and costs a scan of the lines above
// the cursor, not a parse. Completion and hover both start here.
import { commentStart } from './comments';

/** A list item whose index does not matter (schema navigation treats every index alike). */
export const ITEM = 0;

export interface LineInfo {
  /** Column of the first non-blank character, or -1 for a blank or comment-only line. */
  indent: number;
  /** Columns of the `- ` list markers at the start of the line. */
  dashes: number[];
  /** Column of the key, or -1 when the line has no `key:`. */
  keyCol: number;
  key: string;
  /** Column just after the key's colon. */
  colonEnd: number;
  /** Column where the inline value starts, or -1 when nothing follows the colon. */
  valueCol: number;
  /** The inline value as written, comment removed. */
  value: string;
  /** Column of content that is not a key (a list item's scalar, a flow collection), or -1. */
  scalarCol: number;
}

const KEY_RE =
  /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"{}[\],&*!|>%@`-][^#]*?|-[^\s#][^#]*?))[ \t]*:(?=[ \t]|$)/;

/** Reads one line's structure: indentation, list markers, key, inline value. */
export function scanLine(line: string): LineInfo {
  const info: LineInfo = {
    indent: -1,
    dashes: [],
    keyCol: -1,
    key: '',
    colonEnd: -1,
    valueCol: -1,
    value: '',
    scalarCol: -1,
  };
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  if (i >= line.length || line[i] === '#' || line[i] === '\r') return info;
  info.indent = i;
  while (
    line[i] === '-' &&
    (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t' || line[i + 1] === '\r')
  ) {
    info.dashes.push(i);
    i++;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  }
  if (i >= line.length || line[i] === '#' || line[i] === '\r') return info;
  const rest = line.slice(i);
  const m = KEY_RE.exec(rest);
  if (m && !(line.startsWith('---', i) && i === 0) && !(line.startsWith('...', i) && i === 0)) {
    info.keyCol = i;
    info.key = m[1] !== undefined ? m[1] : m[2] !== undefined ? m[2].replace(/''/g, "'") : m[3].trimEnd();
    info.colonEnd = i + m[0].length;
    let j = info.colonEnd;
    while (j < line.length && (line[j] === ' ' || line[j] === '\t')) j++;
    if (j < line.length && line[j] !== '#' && line[j] !== '\r') {
      info.valueCol = j;
      info.value = stripComment(line.slice(j)).trimEnd();
    }
  } else {
    info.scalarCol = i;
  }
  return info;
}

function stripComment(s: string): string {
  const i = commentStart(s);
  return i < 0 ? s : s.slice(0, i);
}

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  if (i >= line.length || line[i] === '#' || line[i] === '\r') return -1;
  return i;
}

export interface NodePath {
  /** Keys and ITEM markers from the root to the node. */
  path: (string | number)[];
  /** False when the node lies inside a multi-line scalar (a block scalar, a value continued). */
  structural: boolean;
}

/**
 * The document path of the node whose content starts at column `col` of line `lineNo`
 * (list markers of that line before `col` included).
 */
export function pathAt(lines: readonly string[], lineNo: number, col: number): NodePath {
  const reversed: (string | number)[] = [];
  let T = col;
  let inSeq = false;
  let structural = true;
  const cur = scanLine(lines[lineNo] ?? '');
  for (let k = cur.dashes.length - 1; k >= 0; k--) {
    if (cur.dashes[k] < T) {
      reversed.push(ITEM);
      T = cur.dashes[k];
      inSeq = true;
    }
  }
  for (let i = lineNo - 1; i >= 0 && (T > 0 || inSeq); i--) {
    const raw = lines[i];
    const ind = indentOf(raw);
    if (ind < 0 || ind > T) continue;
    const info = scanLine(raw);
    if (ind === T) {
      if (inSeq && info.dashes.length === 0 && info.keyCol === T && info.valueCol < 0) {
        // `Container:` followed by an indentless `- ...` list.
        reversed.push(info.key);
        inSeq = false;
      }
      continue;
    }
    if (info.keyCol >= 0 && info.keyCol < T) {
      if (info.valueCol >= 0 && !/^[&!]/.test(info.value)) structural = false;
      reversed.push(info.key);
      T = info.keyCol;
      inSeq = false;
    } else if (info.keyCol < 0 && info.scalarCol >= 0 && info.scalarCol < T) {
      // A scalar above, less indented: we are inside a multi-line scalar or a broken structure.
      structural = false;
    }
    for (let k = info.dashes.length - 1; k >= 0; k--) {
      if (info.dashes[k] < T) {
        reversed.push(ITEM);
        T = info.dashes[k];
        inSeq = true;
      }
    }
  }
  return { path: reversed.reverse(), structural };
}

/**
 * Keys written in the block mapping whose keys start at column `col`, around line `lineNo`
 * (the line itself excluded).
 */
export function siblingKeys(lines: readonly string[], lineNo: number, col: number): string[] {
  const keys: string[] = [];
  const cur = scanLine(lines[lineNo] ?? '');
  const startsItem = cur.dashes.length > 0 && cur.dashes[cur.dashes.length - 1] < col;
  if (!startsItem) {
    for (let i = lineNo - 1; i >= 0; i--) {
      const ind = indentOf(lines[i]);
      if (ind < 0 || ind > col) continue;
      const info = scanLine(lines[i]);
      if (info.keyCol === col) keys.push(info.key);
      if (ind < col || (info.dashes.length && info.dashes[0] === col)) break;
    }
  }
  for (let i = lineNo + 1; i < lines.length; i++) {
    const ind = indentOf(lines[i]);
    if (ind < 0 || ind > col) continue;
    if (ind < col) break;
    const info = scanLine(lines[i]);
    if (info.dashes.length) break;
    if (info.keyCol === col) keys.push(info.key);
  }
  return keys;
}

export interface FlowPosition {
  /** Segments below the flow collection's owner: keys and ITEM markers to the innermost collection. */
  path: (string | number)[];
  /** The innermost collection: a mapping or a list. */
  inside: 'map' | 'seq';
  /** In a mapping: true after `key:` (a value is being typed). */
  afterColon: boolean;
  /** The key whose value is being typed (mapping, afterColon). */
  key: string;
  /** Keys already written in the innermost mapping. */
  keysSeen: string[];
  /** Offset in `text` where the token being typed starts. */
  tokenStart: number;
  /** The open quote, when the cursor is inside a quoted scalar. */
  quote: '' | '"' | "'";
}

/** Reads a flow collection (`{Name: a, Protocol: T` or `[NET_`) up to the end of `text`; undefined when all are closed. */
export function flowPosition(text: string): FlowPosition | undefined {
  interface Frame {
    kind: 'map' | 'seq';
    key: string;
    afterColon: boolean;
    keys: string[];
    tokenStart: number;
  }
  const stack: Frame[] = [];
  let quote: '' | '"' | "'" = '';
  let quoteStart = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = '';
      }
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === '"' || c === "'") {
      quote = c;
      quoteStart = i;
    } else if (c === '{' || c === '[') {
      stack.push({ kind: c === '{' ? 'map' : 'seq', key: '', afterColon: false, keys: [], tokenStart: i + 1 });
    } else if (c === '}' || c === ']') {
      stack.pop();
      if (!stack.length) return undefined;
    } else if (top && c === ',') {
      top.afterColon = false;
      top.key = '';
      top.tokenStart = i + 1;
    } else if (
      top &&
      top.kind === 'map' &&
      c === ':' &&
      !top.afterColon &&
      (i + 1 === text.length || /[\s,{}[\]]/.test(text[i + 1]))
    ) {
      top.key = text
        .slice(top.tokenStart, i)
        .trim()
        .replace(/^["']|["']$/g, '');
      top.keys.push(top.key);
      top.afterColon = true;
      top.tokenStart = i + 1;
    }
  }
  if (!stack.length) return undefined;
  const path: (string | number)[] = [];
  for (let f = 0; f < stack.length - 1; f++) {
    const fr = stack[f];
    if (fr.kind === 'seq') path.push(ITEM);
    else path.push(fr.key);
  }
  const top = stack[stack.length - 1];
  let tokenStart = top.tokenStart;
  while (tokenStart < text.length && /\s/.test(text[tokenStart])) tokenStart++;
  if (quote) tokenStart = quoteStart + 1;
  return {
    path,
    inside: top.kind,
    afterColon: top.afterColon,
    key: top.key,
    keysSeen: top.afterColon ? top.keys.slice(0, -1) : top.keys,
    tokenStart,
    quote,
  };
}

/** Splits text into lines; `\r\n`, `\r` and `\n` each end a line, as in LSP and YAML 1.2 (positions exclude the terminator). */
export function splitLines(text: string): string[] {
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}
