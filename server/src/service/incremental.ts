// Re-validating only what an edit invalidates: when a new text differs from the previous one only
// inside one plain scalar (a value or a key being typed, the common case), the previous parse tree
// is reused: that scalar gets its new value and every offset after it moves by the edit's length.
// When the change (lines added, removed or rewritten) lies inside one item of a block sequence below
// its `- ` line, only that item's lines are parsed and its node replaced. Anything else (quotes or
// brackets in the change, comments, anchors, a key made a duplicate...) takes a full parse.
import {
  LineCounter,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Node,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { Position, Range } from 'vscode-languageserver-types';
import { excessiveNesting, MAX_NESTING, normalizeLineEnds, positions, type ParsedDocument } from './parse';

/** A plain scalar that stays one plain scalar wherever it stands (block or flow, key or value). */
const SAFE_PLAIN = /^(?:[^\s\-?:,[\]{}#&*!|>'"%@`]|-(?=\S))(?:[^\r\n#:,[\]{}]|:(?=[^\s,[\]{}]))*$/;
/** Whole-tree rewrites above this size of text difference are not worth it. */
const MAX_EDIT_CHARS = 256;

interface PositionHelpers {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  range(start: number, end: number): Range;
}

/**
 * The parse of `text` built from the parse of a previous text that differs only inside one plain
 * scalar (a value or key being typed: the tree is reused with that scalar updated and the offsets after it
 * shifted) or inside one block-sequence item (only the item is parsed again). Undefined whenever that does not hold; then a full parse is needed. Takes
 * ownership of `previous`'s tree: `previous` must not be used afterwards.
 */
export function reparse(previous: ParsedDocument, documentText: string): ParsedDocument | undefined {
  const text = normalizeLineEnds(documentText);
  return reparseEdit(previous, text, (t) => {
    const lineCounter = new LineCounter();
    lineCounter.addNewLine(0);
    for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    return positions(t, lineCounter);
  });
}

function reparseEdit(
  previous: ParsedDocument,
  text: string,
  positionsOf: (text: string) => PositionHelpers,
): ParsedDocument | undefined {
  return reparseInlineEdit(previous, text, positionsOf) ?? reparseItemEdit(previous, text, positionsOf);
}

/** The changed region: [start, oldEnd) in the old text became [start, newEnd) in the new one; undefined when the texts are equal. */
function changedRegion(old: string, text: string): { start: number; oldEnd: number; newEnd: number } | undefined {
  const limit = Math.min(old.length, text.length);
  let start = 0;
  while (start < limit && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  if (start === old.length && start === text.length) return undefined;
  // From the start of its line: a line added or removed is then told as whole lines.
  start = old.lastIndexOf('\n', start - 1) + 1;
  let oldEnd = old.length;
  let newEnd = text.length;
  while (oldEnd > start && newEnd > start && old.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

/**
 * Characters that make a re-parsed item uncertain anywhere in it: anchors, aliases and tags, comments
 * (which node owns them), block scalars (chomping of the blank lines after them), explicit keys,
 * directives, reserved indicators, tabs and carriage returns.
 */
const ITEM_UNSAFE = /[|>&*!%#@`?\t\r]/;
/** Quotes and flow brackets: a changed line holding one could open or close a flow scalar or collection across lines. */
const FLOW_INDICATOR = /["'[\]{}]/;
/** Items above this share of the document are re-parsed with the whole document. */
const MAX_ITEM_SHARE = 0.5;

/**
 * An edit (lines added, removed or rewritten) inside one item of a block sequence that leaves the
 * item's first (`- `) line alone: the item's lines are parsed on their own (a one-item sequence at
 * the same indentation), the new item node replaces the old one and every offset after the edit
 * moves by its length. Anything that could read differently in context takes the full parse.
 */
function reparseItemEdit(
  previous: ParsedDocument,
  text: string,
  positionsOf: (text: string) => PositionHelpers,
): ParsedDocument | undefined {
  const old = previous.text;
  const doc = previous.doc;
  if (!doc || previous.problems.length || doc.errors.length || doc.warnings.length) return undefined;
  if (Math.abs(text.length - old.length) > MAX_EDIT_CHARS) return undefined;
  const region = changedRegion(old, text);
  if (!region) return undefined;
  const { start, oldEnd, newEnd } = region;
  if (oldEnd - start > MAX_EDIT_CHARS || newEnd - start > MAX_EDIT_CHARS) return undefined;
  const delta = newEnd - oldEnd;
  if (hasAnchors(doc)) return undefined;

  // Block sequence items containing the region, outermost first; the innermost that fits is used.
  const candidates: { seq: YAMLSeq; index: number; ancestors: Node[] }[] = [];
  const path: Node[] = [];
  let cur: unknown = doc.contents;
  for (let depth = 0; depth < 1000 && cur; depth++) {
    path.push(cur as Node);
    let next: unknown;
    if (isMap(cur)) {
      for (const pair of cur.items) {
        const v = pair.value as Node | null;
        if (v && v.range && v.range[0] <= start && oldEnd <= v.range[2]) {
          next = v;
          break;
        }
      }
    } else if (isSeq(cur)) {
      const index = cur.items.findIndex((item) => {
        const r = (item as Node | null)?.range;
        return r && r[0] <= start && oldEnd <= r[2];
      });
      if (index >= 0) {
        if (!cur.flow) candidates.push({ seq: cur, index, ancestors: path.slice() });
        next = cur.items[index];
      }
    }
    cur = next;
  }
  for (let c = candidates.length - 1; c >= 0; c--) {
    const result = replaceItem(
      previous,
      text,
      candidates[c].seq,
      candidates[c].index,
      candidates[c].ancestors,
      start,
      oldEnd,
      delta,
      positionsOf,
    );
    if (result !== 'next') return result;
  }
  return undefined;
}

/** Replaces `seq.items[index]` by its re-parsed lines; 'next' when the change is not inside this item's lines below its first. */
function replaceItem(
  previous: ParsedDocument,
  text: string,
  seq: YAMLSeq,
  index: number,
  ancestors: Node[],
  start: number,
  oldEnd: number,
  delta: number,
  positionsOf: (text: string) => PositionHelpers,
): ParsedDocument | undefined | 'next' {
  const old = previous.text;
  const doc = previous.doc!;
  const item = seq.items[index] as Node | null;
  if (!item || !item.range || !(isMap(item) || isSeq(item) || isScalar(item))) return 'next';
  // The `- ` line: the dash alone on its line before the item's start, or the item starting on it.
  const lineStart = old.lastIndexOf('\n', item.range[0] - 1) + 1;
  const dash = /^( *)- /.exec(old.slice(lineStart, item.range[0] + 1));
  if (!dash || lineStart + dash[0].length > item.range[0] + 1) return 'next';
  const dashColumn = dash[1].length;
  const firstLineEnd = old.indexOf('\n', lineStart);
  if (firstLineEnd < 0 || start <= firstLineEnd) return 'next';
  // The item's lines end before the first line of content indented at most as much as its dash.
  let sliceEnd = old.length;
  for (let at = firstLineEnd + 1; at < old.length;) {
    const eol = old.indexOf('\n', at);
    const lineEnd = eol < 0 ? old.length : eol;
    const line = old.slice(at, lineEnd);
    const indent = /^ */.exec(line)![0].length;
    // A line of spaces, tabs and CRs is blank to YAML: the item goes on after it. A tab before content
    // could be indentation or separation: the full parse decides.
    const blank = /^[ \t\r]*$/.test(line);
    if (!blank && /^ *[\t\r]/.test(line)) return undefined;
    // A comment line does not end a collection: it is taken into the slice (which then takes the full parse).
    if (!blank && indent <= dashColumn && old.charCodeAt(at + indent) !== 35) {
      sliceEnd = at;
      break;
    }
    at = lineEnd + 1;
  }
  if (oldEnd > sliceEnd) return 'next';
  if (oldEnd === sliceEnd && sliceEnd < old.length && text.charCodeAt(sliceEnd + delta - 1) !== 10) return 'next';
  if (sliceEnd - lineStart > old.length * MAX_ITEM_SHARE) return undefined;
  const oldSlice = old.slice(lineStart, sliceEnd);
  const newSlice = text.slice(lineStart, sliceEnd + delta);
  if (ITEM_UNSAFE.test(oldSlice) || ITEM_UNSAFE.test(newSlice)) return undefined;
  if (FLOW_INDICATOR.test(old.slice(start, oldEnd)) || FLOW_INDICATOR.test(text.slice(start, oldEnd + delta)))
    return undefined;
  if (flowAcross(item, start, oldEnd)) return undefined;
  // Every line after the first stays inside the item (more indented than the dash), and the item
  // neither ends with a blank line (the next node's spacing) nor holds a document marker.
  const newLines = newSlice.split('\n');
  if (newSlice.endsWith('\n')) newLines.pop();
  for (let i = 1; i < newLines.length; i++) {
    const line = newLines[i];
    if (line.trim() === '') {
      if (i === newLines.length - 1) return undefined;
      continue;
    }
    if (/^ */.exec(line)![0].length <= dashColumn) return undefined;
  }
  const oldLines = oldSlice.split('\n');
  if (oldSlice.endsWith('\n')) oldLines.pop();
  if (oldLines[oldLines.length - 1].trim() === '') return undefined;

  // Deeper nesting than the full parse accepts: each level outside the item takes at least one column of the dash's indentation.
  if (excessiveNesting(newSlice, MAX_NESTING - dashColumn - 2) >= 0) return undefined;
  const fresh = parseDocument(newSlice, { logLevel: 'error' });
  if (
    fresh.errors.length ||
    fresh.warnings.length ||
    !isSeq(fresh.contents) ||
    fresh.contents.flow ||
    fresh.contents.items.length !== 1
  )
    return undefined;
  const replacement = fresh.contents.items[0] as Node | null;
  if (!replacement || !replacement.range || !(isMap(replacement) || isSeq(replacement) || isScalar(replacement)))
    return undefined;
  if (isScalar(item) !== isScalar(replacement) || isMap(item) !== isMap(replacement)) return undefined;
  someNode(replacement, (n) => {
    const r = n.range as unknown as number[] | undefined;
    if (r) for (let i = 0; i < r.length; i++) r[i] += lineStart;
  });
  if (flowAcross(replacement, start, oldEnd + delta)) return undefined;
  const [s0, s1, s2] = item.range;
  if (replacement.range[0] !== s0) return undefined;
  const [, n1, n2] = replacement.range;
  // The collections (and the document) that end where the item ends end where the new item ends; the others move with the text after the edit.
  const endsWithItem = [...ancestors, doc as unknown as Node].map((n) => {
    const r = n.range as unknown as number[] | undefined;
    return { r, at1: r?.[1] === s1, at2: r?.[2] === s2, end1: r?.[1] === s2 };
  });
  for (const { r } of endsWithItem)
    if (r && ((r[1] > s1 && r[1] < oldEnd) || (r[2] > s2 && r[2] < oldEnd) || (r[1] > s2 && r[1] < oldEnd)))
      return undefined;

  shiftOffsets(doc, oldEnd, delta);
  for (const { r, at1, at2, end1 } of endsWithItem) {
    if (!r) continue;
    if (at1) r[1] = n1;
    else if (end1) r[1] = n2;
    if (at2) r[2] = n2;
  }
  const before = item as { spaceBefore?: boolean; commentBefore?: string | null };
  if (before.spaceBefore) (replacement as { spaceBefore?: boolean }).spaceBefore = true;
  seq.items[index] = replacement;
  return { text, doc, problems: [], ...positionsOf(text) };
}

/** Whether a flow collection or a quoted scalar under `node` overlaps [from, to] (an empty region: contains it). */
function flowAcross(node: unknown, from: number, to: number): boolean {
  return someNode(node, (n) => {
    const r = n.range;
    const flow = isScalar(n) ? n.type !== 'PLAIN' : (isMap(n) || isSeq(n)) && !!n.flow;
    return !!(flow && r && r[0] <= to && from <= r[1]);
  });
}

/**
 * Visits every node under `root` (keys and values of pairs, items of collections) until `visit`
 * returns true; says whether it did. The one walk of the tree in this file.
 */
function someNode(root: unknown, visit: (node: Node) => boolean | void): boolean {
  const stack: unknown[] = [root];
  while (stack.length) {
    const n = stack.pop();
    if (!n) continue;
    if (isPair(n)) {
      stack.push(n.key, n.value);
      continue;
    }
    if (visit(n as Node)) return true;
    if (isMap(n) || isSeq(n)) for (const child of n.items as unknown[]) stack.push(child);
  }
  return false;
}

function reparseInlineEdit(
  previous: ParsedDocument,
  text: string,
  positionsOf: (text: string) => PositionHelpers,
): ParsedDocument | undefined {
  const old = previous.text;
  const doc = previous.doc;
  if (!doc || previous.problems.length || doc.errors.length || doc.warnings.length) return undefined;
  if (Math.abs(text.length - old.length) > MAX_EDIT_CHARS) return undefined;
  // The changed region: [start, oldEnd) in the old text became [start, newEnd) in the new one.
  const limit = Math.min(old.length, text.length);
  let start = 0;
  while (start < limit && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  if (start === old.length && start === text.length) return undefined;
  let oldEnd = old.length;
  let newEnd = text.length;
  while (oldEnd > start && newEnd > start && old.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  if (oldEnd - start > MAX_EDIT_CHARS || newEnd - start > MAX_EDIT_CHARS) return undefined;
  const delta = newEnd - oldEnd;

  // The one scalar whose token contains the whole region.
  const edited = scalarAround(doc.contents as Node | null, start, oldEnd);
  if (!edited) return undefined;
  if (edited.value) return reparsePairEdit(previous, text, edited as Required<EditedScalar>, delta, positionsOf);
  const scalar = edited.scalar;
  // A tag decides how the token is read (`!!str 2` is a string); the token re-read alone would lose it.
  if (!scalar.range || scalar.type !== 'PLAIN' || scalar.tag || hasProperties(old, scalar)) return undefined;
  const [r0, r1] = scalar.range;
  const oldToken = old.slice(r0, r1);
  const newToken = text.slice(r0, r1 + delta);
  if (!SAFE_PLAIN.test(oldToken) || !SAFE_PLAIN.test(newToken) || /\s$/.test(newToken)) return undefined;
  // Anchors and aliases tie nodes together; a document with any takes the full parse.
  if (hasAnchors(doc)) return undefined;

  // The new value, resolved exactly as the YAML schema resolves a plain scalar.
  const fresh = parseDocument(newToken, { logLevel: 'error' });
  if (fresh.errors.length || !isScalar(fresh.contents)) return undefined;
  const resolved = fresh.contents as Scalar;
  if (edited.keyOf) {
    // A key stays an implicit key (at most 1024 characters) and must not repeat another key of its mapping.
    if (newToken.length > 1000) return undefined;
    const id = (v: unknown) => `${typeof v}:${String(v)}`;
    const renamed = id(resolved.value);
    if (
      edited.keyOf.items.some(
        (pair) => pair.key !== scalar && isScalar(pair.key) && id((pair.key as Scalar).value) === renamed,
      )
    )
      return undefined;
  }

  shiftOffsets(doc, r1, delta);
  for (const key of Object.keys(scalar))
    if (key !== 'range' && !(key in resolved)) delete (scalar as unknown as Record<string, unknown>)[key];
  for (const [key, value] of Object.entries(resolved))
    if (key !== 'range') (scalar as unknown as Record<string, unknown>)[key] = value;
  scalar.range = [r0, r1 + delta, scalar.range[2]]; // its end was moved with the rest

  const helpers = positionsOf(text);
  return { text, doc, problems: [], ...helpers };
}

/**
 * Whether a node property (a tag or an anchor) stands before the scalar's token: the token's range
 * does not include it, so the line before the token is looked at back to its key or dash.
 */
function hasProperties(text: string, scalar: Scalar): boolean {
  const lineStart = text.lastIndexOf('\n', scalar.range![0] - 1) + 1;
  return /[!&]/.test(text.slice(lineStart, scalar.range![0]));
}

/** The scalar that is a mapping value or a list item and whose token [start, valueEnd] contains [from, to]. */
interface EditedScalar {
  scalar: Scalar;
  /** The mapping whose key the scalar is, when it is a key. */
  keyOf?: YAMLMap;
  /** The key's value, when the edit spans the key and its value on one line. */
  value?: Scalar;
}

/**
 * A `key: value` line rewritten: both plain scalars, on one line before and after. The new pair is
 * read on its own (one line of YAML) and put in place of the old one.
 */
function reparsePairEdit(
  previous: ParsedDocument,
  text: string,
  edited: Required<EditedScalar>,
  delta: number,
  positionsOf: (text: string) => PositionHelpers,
): ParsedDocument | undefined {
  const doc = previous.doc!;
  const { scalar: key, value, keyOf } = edited;
  if (!key.range || !value.range || key.type !== 'PLAIN' || value.type !== 'PLAIN' || key.tag || value.tag)
    return undefined;
  const k0 = key.range[0];
  const v1 = value.range[1];
  const oldSlice = previous.text.slice(k0, v1);
  const newSlice = text.slice(k0, v1 + delta);
  if (/[\r\n]/.test(oldSlice) || /[\r\n]/.test(newSlice) || newSlice.length > 1000) return undefined;
  if (hasAnchors(doc)) return undefined;
  const fresh = parseDocument(newSlice, { logLevel: 'error' });
  if (fresh.errors.length || !isMap(fresh.contents) || fresh.contents.items.length !== 1) return undefined;
  const pair = fresh.contents.items[0];
  const nk = pair.key as Scalar;
  const nv = pair.value as Scalar;
  if (!isScalar(nk) || !isScalar(nv) || nk.type !== 'PLAIN' || nv.type !== 'PLAIN' || !nk.range || !nv.range)
    return undefined;
  if (nk.range[0] !== 0 || nv.range[1] !== newSlice.length) return undefined;
  const newKeyToken = newSlice.slice(nk.range[0], nk.range[1]);
  const newValueToken = newSlice.slice(nv.range[0], nv.range[1]);
  if (
    !SAFE_PLAIN.test(newKeyToken) ||
    !SAFE_PLAIN.test(newValueToken) ||
    !/^[ \t]*:[ \t]+$/.test(newSlice.slice(nk.range[1], nv.range[0]))
  )
    return undefined;
  if (
    !SAFE_PLAIN.test(previous.text.slice(k0, key.range[1])) ||
    !SAFE_PLAIN.test(previous.text.slice(value.range[0], v1))
  )
    return undefined;
  const id = (v: unknown) => `${typeof v}:${String(v)}`;
  if (keyOf.items.some((p) => p.key !== key && isScalar(p.key) && id((p.key as Scalar).value) === id(nk.value)))
    return undefined;

  shiftOffsets(doc, v1, delta);
  const adopt = (target: Scalar, from: Scalar) => {
    for (const prop of Object.keys(target))
      if (prop !== 'range' && !(prop in from)) delete (target as unknown as Record<string, unknown>)[prop];
    for (const [prop, v] of Object.entries(from))
      if (prop !== 'range') (target as unknown as Record<string, unknown>)[prop] = v;
  };
  adopt(key, nk);
  adopt(value, nv);
  key.range = [k0 + nk.range[0], k0 + nk.range[1], k0 + nk.range[2]];
  value.range = [k0 + nv.range[0], k0 + nv.range[1], value.range[2]]; // its end was moved with the rest
  return { text, doc, problems: [], ...positionsOf(text) };
}

/** The scalar (a mapping key or value, or a list item) whose token [start, valueEnd] contains [from, to]. */
function scalarAround(node: Node | null | undefined, from: number, to: number): EditedScalar | undefined {
  let cur: unknown = node;
  for (let depth = 0; depth < 1000; depth++) {
    if (isMap(cur)) {
      let next: unknown;
      for (const pair of cur.items) {
        const k = pair.key as Node | null;
        if (k && k.range && k.range[0] <= to && from <= k.range[1]) {
          if (isScalar(k) && k.range[0] <= from && to <= k.range[1]) return { scalar: k as Scalar, keyOf: cur };
          // The edit spans the key and its value (a `key: value` line rewritten).
          const v = pair.value as Node | null;
          if (isScalar(k) && isScalar(v) && v.range && k.range[0] <= from && to <= v.range[1])
            return { scalar: k as Scalar, keyOf: cur, value: v as Scalar };
          return undefined;
        }
        const v = pair.value as Node | null;
        if (v && v.range && v.range[0] <= from && to <= v.range[1]) {
          next = v;
          break;
        }
      }
      if (!next) return undefined;
      cur = next;
    } else if (isSeq(cur)) {
      const next = cur.items.find((item) => {
        const r = (item as Node | null)?.range;
        return r && r[0] <= from && to <= r[1];
      });
      if (!next) return undefined;
      cur = next;
    } else if (isScalar(cur)) {
      return { scalar: cur as Scalar };
    } else {
      return undefined;
    }
  }
  return undefined;
}

const anchored = new WeakMap<object, boolean>();
/** Whether any node of the document has an anchor or is an alias (computed once per tree). */
function hasAnchors(doc: NonNullable<ParsedDocument['doc']>): boolean {
  const known = anchored.get(doc);
  if (known !== undefined) return known;
  const found = someNode(doc.contents, (n) => isAlias(n) || !!(n as { anchor?: string }).anchor);
  anchored.set(doc, found);
  return found;
}

/** Moves every offset at or after `from` by `delta`, in every node of the document. */
function shiftOffsets(doc: NonNullable<ParsedDocument['doc']>, from: number, delta: number): void {
  if (delta === 0) return;
  const shift = (r: number[] | null | undefined) => {
    if (!r) return;
    for (let i = 0; i < r.length; i++) if (r[i] >= from) r[i] += delta;
  };
  shift(doc.range as unknown as number[]);
  someNode(doc.contents, (n) => shift(n.range as unknown as number[]));
}
