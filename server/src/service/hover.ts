// Hover: on a key, the parameter's documentation (wire path, type, required-ness, default, allowed
// values, ranges, example, description in the locale); on an enum or boolean value, its meaning.
import type { Hover, Position } from 'vscode-languageserver-types';
import { messagesFor, type Locale } from './messages';
import { resolveSchema, schemaAtPath, wirePathOf, type DocPath } from './schema';
import { nearest } from './suggest';
import { ITEM, flowPosition, pathAt, scanLine } from './cursor';
import { enumValueMarkdown, parameterMarkdown } from './docs';
import { documentation, type DocumentationFormat } from './clientFeatures';

export interface HoverInput {
  lines: readonly string[];
  position: Position;
  locale: Locale;
  /** The format the editor shows (`hover.contentFormat`); markdown when not said. */
  format?: DocumentationFormat;
}

const WORD = /[^\s:,{}[\]#"']/;

export function hover(input: HoverInput): Hover | null {
  const found = markdownHover(input);
  return found && input.format === 'plaintext'
    ? { ...found, contents: documentation((found.contents as { value: string }).value, 'plaintext') }
    : found;
}

function markdownHover(input: HoverInput): Hover | null {
  const { lines, position, locale } = input;
  if (position.line < 0 || position.line >= lines.length) return null;
  const lineText = lines[position.line].replace(/\r$/, '');
  const c = Math.min(position.character, lineText.length);
  const info = scanLine(lineText);
  if (info.indent < 0) return null;

  // The token under the cursor (a quoted token includes everything between its quotes).
  let from = c;
  let to = c;
  const quoted = quotedAround(lineText, c);
  if (quoted) [from, to] = quoted;
  else {
    while (from > 0 && WORD.test(lineText[from - 1])) from--;
    while (to < lineText.length && WORD.test(lineText[to])) to++;
    // Plain scalars may contain ':' not followed by a space (`nginx:1.25`), and spaces inside a value.
  }
  if (from === to) return null;
  const token = lineText.slice(from, to);
  const range = { start: { line: position.line, character: from }, end: { line: position.line, character: to } };

  // A block key on this line.
  if (info.keyCol >= 0 && from <= info.keyCol + 1 && to <= info.colonEnd) {
    const { path, structural } = pathAt(lines, position.line, info.keyCol);
    if (!structural) return null;
    return keyHover([...path, info.key], locale, range);
  }
  // Inside a flow collection on this line, or a block value.
  const flowStart =
    info.valueCol >= 0 && /^[[{]/.test(info.value)
      ? info.valueCol
      : info.keyCol < 0 && info.scalarCol >= 0 && /^[[{]/.test(lineText.slice(info.scalarCol))
        ? info.scalarCol
        : -1;
  if (flowStart >= 0 && from > flowStart) {
    const owner =
      info.keyCol >= 0
        ? [...pathAt(lines, position.line, info.keyCol).path, info.key]
        : pathAt(lines, position.line, info.scalarCol).path;
    const fp = flowPosition(lineText.slice(flowStart, quoted ? from - 1 : from));
    if (!fp) return null;
    const afterToken = lineText.slice(quoted ? to + 1 : to);
    if (fp.inside === 'map' && !fp.afterColon && /^\s*:/.test(afterToken))
      return keyHover([...owner, ...fp.path, token], locale, range);
    if (fp.inside === 'map' && fp.afterColon) return valueHover([...owner, ...fp.path, fp.key], token, locale, range);
    if (fp.inside === 'seq') return valueHover([...owner, ...fp.path, ITEM], token, locale, range);
    return null;
  }
  if (info.keyCol >= 0 && info.valueCol >= 0 && from >= info.valueCol) {
    const { path, structural } = pathAt(lines, position.line, info.keyCol);
    if (!structural) return null;
    return valueHover([...path, info.key], token, locale, range);
  }
  if (info.keyCol < 0 && info.scalarCol >= 0 && from >= info.scalarCol) {
    // A list item's scalar (`- NET_RAW`).
    const { path, structural } = pathAt(lines, position.line, info.scalarCol);
    if (!structural) return null;
    return valueHover(path, token, locale, range);
  }
  return null;
}

function quotedAround(line: string, c: number): [number, number] | undefined {
  let quote = '';
  let start = -1;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === '\\' && quote === '"') {
        i++;
        continue;
      }
      if (ch === quote) {
        if (c >= start && c <= i) return [start, i];
        quote = '';
      }
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      start = i + 1;
    } else if (ch === '#' && (i === 0 || line[i - 1] === ' ')) break;
    if (i > c && !quote) break;
  }
  return undefined;
}

function keyHover(path: DocPath, locale: Locale, range: Hover['range']): Hover | null {
  if (!schemaAtPath(path)) {
    // An unknown key: say so, and document the parameter it was probably meant to be.
    const parentPath = path.slice(0, -1);
    const parent = resolveSchema(schemaAtPath(parentPath));
    const key = String(path[path.length - 1]);
    if (!parent?.properties) return null;
    const m = messagesFor(locale);
    const suggestion = nearest(key, Object.keys(parent.properties));
    const head = m.unknownKey(key, parentPath.length ? wirePathOf(parentPath) : m.unknownKeyRoot);
    const value = suggestion
      ? `${m.sentences(head, m.didYouMean(suggestion))}\n\n---\n\n${parameterMarkdown([...parentPath, suggestion], locale)}`
      : head;
    return { contents: { kind: 'markdown', value }, range };
  }
  const md = parameterMarkdown(path, locale);
  return md ? { contents: { kind: 'markdown', value: md }, range } : null;
}

function valueHover(path: DocPath, token: string, locale: Locale, range: Hover['range']): Hover | null {
  if (!schemaAtPath(path)) return null;
  const md = enumValueMarkdown(path, token, locale);
  return md ? { contents: { kind: 'markdown', value: md }, range } : null;
}
