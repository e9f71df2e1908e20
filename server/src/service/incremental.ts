// Re-validating only what an edit invalidates: when a new text differs from the previous one only
// inside one plain scalar (a value or a key being typed, the common case), the previous parse tree
// is reused: that scalar gets its new value and every offset after it moves by the edit's length.
// Anything else (a newline typed, quotes, brackets, anchors, a key made a duplicate...) takes a full parse.
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { Position, Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from './parse';

/** A plain scalar that stays one plain scalar wherever it stands (block or flow, key or value). */
const SAFE_PLAIN = /^(?:[^\s\-?:,[\]{}#&*!|>'"%@`]|-(?=\S))(?:[^\r\n#:,[\]{}]|:(?=[^\s,[\]{}]))*$/;
/** Whole-tree rewrites above this size of text difference are not worth it. */
const MAX_EDIT_CHARS = 256;

interface PositionHelpers {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  range(start: number, end: number): Range;
}

export function reparseScalarEdit(previous: ParsedDocument, text: string, positionsOf: (text: string) => PositionHelpers): ParsedDocument | undefined {
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
  if (!scalar.range || scalar.type !== 'PLAIN') return undefined;
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
    if (edited.keyOf.items.some((pair) => pair.key !== scalar && isScalar(pair.key) && id((pair.key as Scalar).value) === renamed)) return undefined;
  }

  shiftOffsets(doc, r1, delta);
  for (const key of Object.keys(scalar)) if (key !== 'range' && !(key in resolved)) delete (scalar as unknown as Record<string, unknown>)[key];
  for (const [key, value] of Object.entries(resolved)) if (key !== 'range') (scalar as unknown as Record<string, unknown>)[key] = value;
  scalar.range = [r0, r1 + delta, scalar.range[2]]; // its end was moved with the rest

  const helpers = positionsOf(text);
  return { text, doc, problems: [], ...helpers };
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
function reparsePairEdit(previous: ParsedDocument, text: string, edited: Required<EditedScalar>, delta: number, positionsOf: (text: string) => PositionHelpers): ParsedDocument | undefined {
  const doc = previous.doc!;
  const { scalar: key, value, keyOf } = edited;
  if (!key.range || !value.range || key.type !== 'PLAIN' || value.type !== 'PLAIN') return undefined;
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
  if (!isScalar(nk) || !isScalar(nv) || nk.type !== 'PLAIN' || nv.type !== 'PLAIN' || !nk.range || !nv.range) return undefined;
  if (nk.range[0] !== 0 || nv.range[1] !== newSlice.length) return undefined;
  const newKeyToken = newSlice.slice(nk.range[0], nk.range[1]);
  const newValueToken = newSlice.slice(nv.range[0], nv.range[1]);
  if (!SAFE_PLAIN.test(newKeyToken) || !SAFE_PLAIN.test(newValueToken) || !/^[ \t]*:[ \t]+$/.test(newSlice.slice(nk.range[1], nv.range[0]))) return undefined;
  if (!SAFE_PLAIN.test(previous.text.slice(k0, key.range[1])) || !SAFE_PLAIN.test(previous.text.slice(value.range[0], v1))) return undefined;
  const id = (v: unknown) => `${typeof v}:${String(v)}`;
  if (keyOf.items.some((p) => p.key !== key && isScalar(p.key) && id((p.key as Scalar).value) === id(nk.value))) return undefined;

  shiftOffsets(doc, v1, delta);
  const adopt = (target: Scalar, from: Scalar) => {
    for (const prop of Object.keys(target)) if (prop !== 'range' && !(prop in from)) delete (target as unknown as Record<string, unknown>)[prop];
    for (const [prop, v] of Object.entries(from)) if (prop !== 'range') (target as unknown as Record<string, unknown>)[prop] = v;
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
          if (isScalar(k) && isScalar(v) && v.range && k.range[0] <= from && to <= v.range[1]) return { scalar: k as Scalar, keyOf: cur, value: v as Scalar };
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
  let found = false;
  const stack: unknown[] = [doc.contents];
  while (stack.length && !found) {
    const n = stack.pop();
    if (!n) continue;
    if (isPair(n)) stack.push(n.key, n.value);
    else if (isAlias(n) || (n as { anchor?: string }).anchor) found = true;
    else if (isMap(n) || isSeq(n)) for (const item of n.items as unknown[]) stack.push(item);
  }
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
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const n = stack.pop();
    if (!n) continue;
    if (isPair(n)) {
      stack.push(n.key, n.value);
      continue;
    }
    if (isScalar(n) || isAlias(n)) {
      shift((n as Node).range as unknown as number[]);
      continue;
    }
    if (isMap(n) || isSeq(n)) {
      shift((n as Node).range as unknown as number[]);
      for (const item of n.items as unknown[]) stack.push(item);
    }
  }
}
