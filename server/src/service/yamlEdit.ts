// The YAML edit engine: text changes on one parsed document that keep its indentation, quoting and
// flow or block style (add, set, remove a pair; append a list item; nest a dotted key), and how a
// string is written as a YAML scalar. Quick fixes (actions.ts, rules/) and rename (navigation.ts) use it.
import {
  isMap,
  isScalar,
  isSeq,
  parse as parseYaml,
  stringify as stringifyYaml,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { ParsedDocument } from './parse';
import { wirePathOf, type DocPath } from './schema';
import { locate } from './ast';
import { nodeAtOffset, nodeSpan, pairOf, pairSpan, valueOf } from './tree';

/** A text change by offsets into the document's text. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** `value` written as a YAML string scalar: in the quote style the old value used, plain when that reads back the same. */
export function yamlScalar(value: string, style?: Scalar['type']): string {
  if (style === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  if (style !== 'QUOTE_DOUBLE' && readsBackAsString(value)) return value;
  return JSON.stringify(value);
}

function readsBackAsString(value: string): boolean {
  if (value !== value.trim() || /[#\n\r]/.test(value)) return false;
  try {
    return parseYaml(`k: ${value}\n`)?.k === value;
  } catch {
    return false;
  }
}

/** The quote style of a scalar, to write its replacement alike (undefined: plain or block). */
export function quoteStyle(node: Scalar): Scalar['type'] {
  return node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE' ? node.type : undefined;
}

/** Edits on one parsed document: where things are, and text changes that keep its indentation. */
export class EditContext {
  constructor(readonly parsed: ParsedDocument) {}

  get text(): string {
    return this.parsed.text;
  }

  workspaceEdit(uri: string, edits: OffsetEdit[]): WorkspaceEdit {
    const merged = mergeTouching(edits);
    const changes: TextEdit[] = merged.map((e) => ({ range: this.parsed.range(e.start, e.end), newText: e.newText }));
    return { changes: { [uri]: changes } };
  }

  /** The node at a document path (list indexes as numbers). */
  nodeAt(path: DocPath): Node | null | undefined {
    // Aliases are not followed: an edit reaches the node written at the path, never an anchor's elsewhere.
    const at = locate(this.parsed, path, { followAliases: false });
    return at.found.length === path.length ? (at.value ?? null) : undefined;
  }

  /** The value node where a diagnostic's range starts, and its document path. */
  valueAt(range: Range): { node: Node; path: DocPath } | undefined {
    const at = nodeAtOffset(this.parsed, this.parsed.offsetAt(range.start));
    const last = at.chain[at.chain.length - 1];
    if (!last) return undefined;
    if (last.kind === 'key') {
      const pair = at.chain[at.chain.length - 2]?.node as Pair<Node, Node | null> | undefined;
      return pair?.value ? { node: pair.value, path: at.path } : undefined;
    }
    return { node: last.node as Node, path: at.path };
  }

  /**
   * The document path, among those leading to the diagnostic's range, whose wire path is `wire`.
   * With `valueOfKey`, a range on a key also stands for the mapping that key holds.
   */
  pathForWire(range: Range, wire: string, valueOfKey: boolean): DocPath | undefined {
    const at = nodeAtOffset(this.parsed, this.parsed.offsetAt(range.start));
    const candidates: DocPath[] = [];
    if (valueOfKey && at.onKey) candidates.push(at.path);
    for (let n = at.path.length; n >= 0; n--) candidates.push(at.path.slice(0, n));
    return candidates.find((p) => wirePathOf(p) === wire && (p.length === 0 || isMap(this.nodeAt(p))));
  }

  replaceNode(node: Node, newText: string): OffsetEdit {
    const span = nodeSpan(this.text, node)!;
    return { start: span[0], end: span[1], newText };
  }

  lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** The offset just after the line break ending the line that holds `offset` (or the text's end). */
  nextLineStart(offset: number): number {
    const nl = this.text.indexOf('\n', offset);
    return nl < 0 ? this.text.length : nl + 1;
  }

  column(offset: number): number {
    return offset - this.lineStart(offset);
  }

  /** The indentation step the document uses (the first nested key's extra indentation), 2 by default. */
  indentUnit(): number {
    const root = this.parsed.doc?.contents;
    if (isMap(root)) {
      for (const p of root.items) {
        const v = p.value as Node | null;
        const inner = isMap(v) ? v.items[0]?.key : isSeq(v) ? v.items[0] : undefined;
        const innerSpan = nodeSpan(this.text, inner as Node | undefined);
        const keySpan = nodeSpan(this.text, p.key as Node | null);
        if (!innerSpan || !keySpan) continue;
        const d = this.column(innerSpan[0]) - this.column(keySpan[0]);
        if (isMap(v) && d > 0 && d <= 8) return d;
        if (isSeq(v) && v.flow !== true) {
          // `- ` items: the item's content column minus the key's column, minus the `- `.
          const step = this.column(innerSpan[0]) - this.column(keySpan[0]) - 2;
          if (step > 0 && step <= 8) return step;
        }
      }
    }
    return 2;
  }

  /** `key: value` lines at a column, in block style (lists with `- ` items), ending with a line break. */
  blockPairs(entries: { key: string; value: unknown }[], column: number): string {
    const indent = ' '.repeat(column);
    const body: Record<string, unknown> = {};
    for (const e of entries) body[e.key] = e.value;
    const yaml = stringifyYaml(body, { indent: this.indentUnit(), lineWidth: 0 });
    return yaml
      .split('\n')
      .filter((l, i, all) => i < all.length - 1 || l !== '')
      .map((l) => (l ? indent + l : l))
      .join('\n')
      .concat('\n');
  }

  /**
   * Adds pairs to the mapping at `path` (the root for `[]`): after the pair named `after` if there is one,
   * else after the mapping's last pair, at its keys' column. Flow mappings get `, key: value`.
   */
  addPairs(path: DocPath, entries: { key: string; value: unknown }[], after?: string): OffsetEdit | undefined {
    const map = this.nodeAt(path);
    if (path.length === 0 && (map === null || map === undefined)) {
      // An empty document: the pairs are the document.
      const prefix = this.text.length && !this.text.endsWith('\n') ? '\n' : '';
      return { start: this.text.length, end: this.text.length, newText: prefix + this.blockPairs(entries, 0) };
    }
    if (!isMap(map)) return undefined;
    if (map.flow) {
      const span = nodeSpan(this.text, map)!;
      const close = this.text.lastIndexOf('}', span[1]);
      if (close < span[0]) return undefined;
      const inner = entries.map((e) => `${e.key}: ${JSON.stringify(e.value)}`).join(', ');
      return { start: close, end: close, newText: `${map.items.length ? ', ' : ''}${inner}` };
    }
    const anchorPair = (after && pairOf(map, after)) || map.items[map.items.length - 1];
    if (!anchorPair) return undefined;
    const keySpan = nodeSpan(this.text, anchorPair.key as Node | null);
    const span = pairSpan(this.text, anchorPair);
    if (!keySpan || !span) return undefined;
    const column = this.column(keySpan[0]);
    const at = this.nextLineStart(span[1]);
    const lead = at === this.text.length && !this.text.endsWith('\n') ? '\n' : '';
    return { start: at, end: at, newText: lead + this.blockPairs(entries, column) };
  }

  /** Sets `key` to `value` in the mapping at `path`: replaces the value when the key is there, adds the pair otherwise. */
  setPair(path: DocPath, key: string, value: string | number | boolean): OffsetEdit | undefined {
    const map = this.nodeAt(path);
    const written = typeof value === 'string' ? yamlScalar(value) : String(value);
    const pair = pairOf(map, key);
    if (pair) {
      const v = pair.value as Node | null;
      const span = nodeSpan(this.text, v);
      if (v && span && span[1] > span[0]) return isScalar(v) ? this.replaceNode(v, written) : undefined;
      // `Key:` with nothing after it: write the value after the colon.
      const keySpan = nodeSpan(this.text, pair.key as Node)!;
      const colon = this.text.indexOf(':', keySpan[1]);
      if (colon < 0) return undefined;
      return { start: colon + 1, end: colon + 1, newText: ` ${written}` };
    }
    return this.addPairs(path, [{ key, value }]);
  }

  /** Appends an item to the list at `path` (a key of the root), creating the list when it is absent. */
  appendListItem(path: DocPath, item: Record<string, unknown>): OffsetEdit | undefined {
    const found = this.nodeAt(path);
    // `Volume:` with nothing after it holds a null scalar: treat it as an empty value.
    const list = isScalar(found) && (found.value === null || found.value === undefined) ? null : found;
    if (list === undefined || list === null) {
      const parentPath = path.slice(0, -1);
      const key = String(path[path.length - 1]);
      const parent = this.nodeAt(parentPath);
      if (list === null && isMap(parent)) {
        // `Volume:` with nothing after it: write the list as its value.
        const pair = pairOf(parent, key)!;
        const keySpan = nodeSpan(this.text, pair.key as Node)!;
        const text = this.blockPairs([{ key, value: [item] }], this.column(keySpan[0]));
        const lineEnd = this.nextLineStart(keySpan[1]);
        return { start: this.lineStart(keySpan[0]), end: lineEnd, newText: text };
      }
      return this.addPairs(parentPath, [{ key, value: [item] }]);
    }
    if (!isSeq(list)) return undefined;
    if (list.flow) {
      const span = nodeSpan(this.text, list)!;
      const close = this.text.lastIndexOf(']', span[1]);
      if (close < span[0]) return undefined;
      return { start: close, end: close, newText: `${list.items.length ? ', ' : ''}${JSON.stringify(item)}` };
    }
    const last = list.items[list.items.length - 1] as Node | undefined;
    const lastSpan = nodeSpan(this.text, last);
    if (!lastSpan) return undefined;
    // The `- ` of the last item sits before its content; new items go at the same column.
    const dash = this.text.lastIndexOf('-', lastSpan[0]);
    const column = this.column(dash >= 0 && dash >= this.lineStart(lastSpan[0]) ? dash : lastSpan[0]);
    const yaml = stringifyYaml([item], { indent: this.indentUnit(), lineWidth: 0 });
    const text = yaml
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => ' '.repeat(column) + l)
      .join('\n')
      .concat('\n');
    const at = this.nextLineStart(lastSpan[1]);
    const lead = at === this.text.length && !this.text.endsWith('\n') ? '\n' : '';
    return { start: at, end: at, newText: lead + text };
  }

  /** Removes one pair of a mapping, with its value and the lines it spans. */
  removePair(map: YAMLMap, pair: Pair): OffsetEdit {
    const span = pairSpan(this.text, pair)!;
    const index = map.items.indexOf(pair);
    if (map.flow) {
      // `{A: 1, B: 2}`: remove `B: 2` with the comma before it (or `A: 1, ` with the comma after it).
      const next = map.items[index + 1];
      if (next) {
        const nextStart = pairSpan(this.text, next)![0];
        return { start: span[0], end: nextStart, newText: '' };
      }
      const prev = map.items[index - 1];
      const prevEnd = prev ? pairSpan(this.text, prev)![1] : span[0];
      return { start: prevEnd, end: span[1], newText: '' };
    }
    const next = map.items[index + 1];
    if (next) {
      // Up to the next key: the next key takes this key's place (and its `- ` if it had one).
      return { start: span[0], end: pairSpan(this.text, next)![0], newText: '' };
    }
    const start = this.text.slice(this.lineStart(span[0]), span[0]).trim() === '' ? this.lineStart(span[0]) : span[0];
    return { start, end: this.nextLineStart(span[1]), newText: '' };
  }

  /**
   * `ReadinessProbe.HttpGet.Path: /x` in the mapping at `parentPath` -> the nested form, merged into the
   * mappings that already exist (`ReadinessProbe:` with other keys gets `HttpGet:` added).
   */
  nestDottedKey(parentPath: DocPath, pair: Pair<Node, Node | null>, parts: string[]): OffsetEdit[] | undefined {
    let map = this.nodeAt(parentPath);
    if (!isMap(map)) return undefined;
    let depth = 0;
    const mapPath: (string | number)[] = [...parentPath];
    while (depth < parts.length - 1) {
      const existing = valueOf(map, parts[depth]);
      if (!isMap(existing) || existing.flow) break;
      map = existing;
      mapPath.push(parts[depth]);
      depth++;
    }
    const rest = parts.slice(depth);
    // The key to add must not be there already (a flow mapping or a plain value of that name cannot be merged into).
    if (pairOf(map, rest[0])) return undefined;
    const value = pair.value === null ? null : (pair.value as Node).toJS(this.parsed.doc!, { maxAliasCount: 1000 });
    let nested: unknown = value;
    for (let i = rest.length - 1; i >= 1; i--) nested = { [rest[i]]: nested };
    const dottedSpan = pairSpan(this.text, pair)!;
    if (depth === 0) {
      // Nothing to merge into: the nested form replaces the dotted pair where it stands.
      const column = this.column(dottedSpan[0]);
      const text = this.blockPairs([{ key: rest[0], value: nested }], column)
        .slice(column)
        .replace(/\n$/, '');
      return [{ start: dottedSpan[0], end: dottedSpan[1], newText: text }];
    }
    const add = this.addPairs(mapPath, [{ key: rest[0], value: nested }]);
    const parent = this.nodeAt(parentPath) as YAMLMap;
    if (!add) return undefined;
    return [add, this.removePair(parent, pair)];
  }
}

/** Sorts edits and merges an insertion that touches a deletion, so no two edits share a position. */
function mergeTouching(edits: OffsetEdit[]): OffsetEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: OffsetEdit[] = [];
  for (const e of sorted) {
    const prev = out[out.length - 1];
    if (prev && e.start <= prev.end) {
      // Touching edits (an insertion where a deletion starts or ends) become one replacement.
      out[out.length - 1] = { start: prev.start, end: Math.max(prev.end, e.end), newText: prev.newText + e.newText };
      continue;
    }
    out.push(e);
  }
  return out;
}
