// Random edits for the differential tests (in process and over LSP): what a user types and pastes,
// with the characters that read differently from how they look: tabs, lone CRs and CRLF line ends,
// tags, explicit keys (`? `), anchors and aliases, quotes and brackets.

/** Text typed or pasted at a random place. */
export const EDIT_TOKENS = [
  '\t',
  '\r',
  '\r\n',
  '\n',
  ' ',
  '  ',
  '!!str ',
  '!!int ',
  '!!float ',
  '? ',
  ': ',
  '- ',
  '&a ',
  '*a',
  '#',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '-',
  '0',
  '1',
  '23',
  'x',
  'Name',
  'Cpu: 1',
  'Image: nginx',
  '日本',
];

/** Whole lines added (at a line start, with the file's line end). */
export const EDIT_LINES = [
  '\t',
  '\r',
  ' \t ',
  '',
  '    Cpu: 1',
  '    Cpu: !!str 2',
  '    Imagee: x',
  '    Command:',
  '      - sleep',
  '? a',
  ': b',
  '? ? a',
  '    ? Key',
  '    : v',
  '  - Name: n',
  '    Image: !!str 1',
  '- ? x',
  '    WorkingDir: /srv',
  'Memory: 2',
  '  \t  Cpu: 1',
];

/** A number of the environment variable `name` (the fuzz budget), or `fallback`. */
export function budgetFromEnv(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}

export interface TextEdit {
  start: number;
  end: number;
  insert: string;
}

/** One random edit of `text`: [start, end) replaced by `insert`; never between the CR and LF of a CRLF (no LSP position is there). */
export function randomEdit(text: string, rnd: () => number): TextEdit {
  const edit = anyEdit(text, rnd);
  const outsideCrlf = (o: number) => (o > 0 && text[o - 1] === '\r' && text[o] === '\n' ? o + 1 : o);
  return {
    start: outsideCrlf(edit.start),
    end: Math.max(outsideCrlf(edit.start), outsideCrlf(edit.end)),
    insert: edit.insert,
  };
}

function anyEdit(text: string, rnd: () => number): TextEdit {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) lineStarts.push(i + 1);
  }
  const line = Math.floor(rnd() * lineStarts.length);
  const lineStart = lineStarts[line];
  const next = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
  let lineEnd = next;
  while (lineEnd > lineStart && (text[lineEnd - 1] === '\n' || text[lineEnd - 1] === '\r')) lineEnd--;
  const eol = text.includes('\r\n') ? '\r\n' : /\r(?!\n)/.test(text) && !text.includes('\n') ? '\r' : '\n';
  const at = lineStart + Math.floor(rnd() * (lineEnd - lineStart + 1));
  switch (Math.floor(rnd() * 8)) {
    case 0:
      return { start: at, end: at, insert: pick(EDIT_TOKENS) };
    case 1:
      return { start: at, end: Math.min(text.length, at + 1 + Math.floor(rnd() * 4)), insert: '' };
    case 2:
      return { start: lineStart, end: lineStart, insert: pick(EDIT_LINES) + pick([eol, eol, eol, '\n', '\r\n', '\r']) };
    case 3:
      return { start: lineStart, end: lineEnd, insert: pick(EDIT_LINES) };
    case 4:
      return { start: lineStart, end: lineStart, insert: rnd() < 0.7 ? '  ' : '\t' };
    case 5:
      return { start: lineStart, end: next, insert: '' };
    case 6: {
      // Typing into a value: after the colon of a `key: value` line.
      const colon = text.slice(lineStart, lineEnd).indexOf(': ');
      const where = colon >= 0 ? lineStart + colon + 2 + Math.floor(rnd() * (lineEnd - lineStart - colon - 1)) : at;
      return { start: where, end: where, insert: pick(['1', '2', 'x', '!!str ', ' ', '.5', '-']) };
    }
    default:
      return { start: at, end: at, insert: pick(EDIT_TOKENS) + pick(EDIT_TOKENS) };
  }
}

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.insert + text.slice(edit.end);
}

/** The same document with other line ends: CRLF, CR only, or one CRLF line inside an LF file. */
export function withLineEnds(text: string, rnd: () => number): string {
  const r = rnd();
  if (r < 0.25) return text.replace(/\n/g, '\r\n');
  if (r < 0.4) return text.replace(/\n/g, '\r');
  if (r < 0.6) {
    const lines = text.split('\n');
    const i = Math.floor(rnd() * lines.length);
    lines[i] += '\r';
    return lines.join('\n');
  }
  return text;
}
