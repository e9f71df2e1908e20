// The parsed YAML tree seen by document path: where a parameter's key and value are written,
// and the plain value of the document (aliases expanded within a budget).
import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Document, type Node, type Pair } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from './parse';
import { flowKeyText, keyText, nodeSpan } from './tree';
import type { DocPath } from './schema';

/** Aliases may expand to at most this many nodes in total (a "billion laughs" document stops here). */
export const MAX_ALIAS_EXPANSION = 10_000;

/**
 * The document with its aliases written out may hold at most this many values: the wire request is
 * built from that many at most, so a document that passes never loses a parameter to the bound.
 */
export const MAX_EXPANDED_VALUES = 200_000;

const aliasTargets = new WeakMap<object, Map<Alias, Node | undefined>>();

/**
 * The node an alias refers to: the last node anchored with its name before it, as `Alias.resolve`
 * finds it. `Alias.resolve` walks the whole document for every alias (9,000 aliases: seconds); here
 * one walk per tree maps every alias to its node. A tree changed since (an alias not in the map) is
 * walked again.
 */
export function resolveAlias(doc: Document.Parsed | Document, alias: Alias): Node | undefined {
  let targets = aliasTargets.get(doc);
  if (!targets || !targets.has(alias)) {
    const map = new Map<Alias, Node | undefined>();
    const latest = new Map<string, Node>();
    visit(doc, {
      Node(_, node) {
        if (isAlias(node)) map.set(node, latest.get(node.source));
        else if (node.anchor) latest.set(node.anchor, node);
      },
    });
    aliasTargets.set(doc, map);
    targets = map;
  }
  return targets.get(alias);
}

export interface Located {
  /** The key node of the pair holding the value (absent for list items and the root). */
  key?: Node;
  /** The value node (absent when the key has no value). */
  value?: Node;
  /** The deepest path prefix that exists in the document (equals the path when everything was found). */
  found: DocPath;
}

/**
 * Finds the nodes of a document path; stops at the deepest part that exists. Aliases on the way are followed
 * (what the path denotes), unless `followAliases` is false (an edit must not reach into an anchor's node).
 * A key is matched by its name as the document value names it (keyText).
 */
export function locate(parsed: ParsedDocument, path: DocPath, { followAliases = true } = {}): Located {
  let node: unknown = parsed.doc?.contents ?? undefined;
  let key: Node | undefined;
  const found: (string | number)[] = [];
  for (const seg of path) {
    if (followAliases && isAlias(node) && parsed.doc) node = resolveAlias(parsed.doc, node) ?? node;
    if (typeof seg === 'number') {
      if (!isSeq(node) || seg >= node.items.length) break;
      node = node.items[seg];
      key = undefined;
    } else {
      if (!isMap(node)) break;
      const pair = node.items.find((p) => keyText(p as Pair) === seg) as Pair | undefined;
      if (!pair) break;
      key = (pair.key as Node) ?? undefined;
      node = pair.value ?? undefined;
    }
    found.push(seg);
  }
  return { key, value: (node as Node | undefined) ?? undefined, found };
}

/** Range of the first line of a node (a mapping's first key, a list's first item...). */
export function firstLineRange(parsed: ParsedDocument, node: Node | undefined): Range | undefined {
  const o = nodeSpan(parsed.text, node);
  if (!o) return undefined;
  const s = o[0];
  let e = o[1];
  const nl = parsed.text.indexOf('\n', s);
  if (nl >= 0 && nl < e) e = nl;
  while (e > s && /\s/.test(parsed.text[e - 1])) e--;
  if (e === s) e = Math.min(parsed.text.length, s + 1);
  return parsed.range(s, e);
}

/** Range of the document's first non-empty, non-comment line (where document-level problems are shown). */
export function documentStartRange(parsed: ParsedDocument): Range {
  const text = parsed.text;
  let i = 0;
  while (i < text.length) {
    const nl = text.indexOf('\n', i);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(i, end);
    const t = line.trim();
    if (t && !t.startsWith('#') && t !== '---') {
      const s = i + (line.length - line.trimStart().length);
      return parsed.range(s, i + line.trimEnd().length);
    }
    if (nl < 0) break;
    i = nl + 1;
    if (i > 1_000_000) break;
  }
  return parsed.range(0, Math.min(text.length, Math.max(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n'))));
}

/** The range where a problem with the value at `path` is shown: the scalar value, or the key of a collection/empty value. */
export function valueRange(parsed: ParsedDocument, path: DocPath): Range {
  const loc = locate(parsed, path);
  if (loc.found.length === path.length) {
    const v = loc.value;
    if (v && (isScalar(v) || isAlias(v))) {
      const o = nodeSpan(parsed.text, v);
      if (o && o[1] > o[0]) return parsed.range(o[0], o[1]);
    }
    if (loc.key) return keyRange(parsed, loc.key);
    if (v) return firstLineRange(parsed, v) ?? documentStartRange(parsed);
  }
  return containerRange(parsed, loc);
}

/** The range of the key of the pair at `path` (or of the item's first line for list items). */
export function keyRangeOf(parsed: ParsedDocument, path: DocPath): Range {
  const loc = locate(parsed, path);
  if (loc.found.length === path.length && loc.key) return keyRange(parsed, loc.key);
  if (loc.found.length === path.length && loc.value)
    return firstLineRange(parsed, loc.value) ?? documentStartRange(parsed);
  return containerRange(parsed, loc);
}

/** Where something missing from the mapping at `path` is reported: its key, an item's first line, or the document start. */
export function parentRange(parsed: ParsedDocument, path: DocPath): Range {
  const loc = locate(parsed, path);
  return containerRange(parsed, loc);
}

function containerRange(parsed: ParsedDocument, loc: Located): Range {
  if (loc.found.length === 0) return documentStartRange(parsed);
  if (loc.key) return keyRange(parsed, loc.key);
  return firstLineRange(parsed, loc.value) ?? documentStartRange(parsed);
}

function keyRange(parsed: ParsedDocument, key: Node): Range {
  const o = nodeSpan(parsed.text, key);
  if (!o) return documentStartRange(parsed);
  return parsed.range(o[0], Math.max(o[1], o[0] + 1));
}

export type ToValueResult =
  | { ok: true; value: unknown }
  | {
      ok: false;
      /** `unresolved-alias`: an alias names no anchor before it; `excessive-aliases`: the expansion exceeds MAX_ALIAS_EXPANSION. */
      problem: 'unresolved-alias' | 'excessive-aliases';
      /** The alias node the problem is shown on. */
      alias: Alias | undefined;
      /** The anchor name the alias refers to. */
      name: string;
      /** The limit exceeded, for `excessive-aliases`. */
      limit?: number;
    };

/** The document's plain value; aliases expand up to MAX_ALIAS_EXPANSION nodes. */
const MAY_HOLD_ALIAS = /(?:^|[\s[{,:])\*/;

export function documentValue(parsed: ParsedDocument): ToValueResult {
  const doc = parsed.doc;
  if (!doc) return { ok: true, value: undefined };
  const aliases: Alias[] = [];
  // An alias is written `*name` after white space, a flow indicator or a colon: without one in the
  // text there is none, and the walk over the whole tree (on every validation) is skipped.
  if (MAY_HOLD_ALIAS.test(parsed.text)) {
    visit(doc, {
      Alias(_, node) {
        aliases.push(node);
      },
    });
  }
  for (const a of aliases) {
    if (!resolveAlias(doc, a)) return { ok: false, problem: 'unresolved-alias', alias: a, name: a.source };
  }
  try {
    const converted = plainValue(doc, MAX_ALIAS_EXPANSION);
    const value = converted ? converted.value : doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
    if (aliases.length) {
      // Many aliases of one anchor pass the library's count (it multiplies nested aliases, not
      // the size of what each alias stands for); the values written out are bounded here.
      const sizes = new Map<unknown, number>();
      const size = (node: unknown, depth = 0): number => {
        if (isAlias(node)) node = resolveAlias(doc, node);
        const known = sizes.get(node);
        if (known !== undefined) return known;
        if (depth > 5000) return Infinity;
        sizes.set(node, Infinity); // an alias inside its own anchor expands without end
        let n = 1;
        if (isMap(node)) for (const p of node.items) n += size(p.value, depth + 1);
        else if (isSeq(node)) for (const item of node.items) n += size(item, depth + 1);
        sizes.set(node, n);
        return n;
      };
      if (size(doc.contents) > MAX_EXPANDED_VALUES) {
        let worst: Alias | undefined;
        for (const a of aliases) if (!worst || size(a) > size(worst)) worst = a;
        return {
          ok: false,
          problem: 'excessive-aliases',
          alias: worst,
          name: worst?.source ?? '',
          limit: MAX_EXPANDED_VALUES,
        };
      }
    }
    return { ok: true, value };
  } catch {
    // The expansion is too large: shown on the alias that expands to the most (the first of them).
    const sizes = new Map<unknown, number>();
    const size = (node: unknown, depth: number): number => {
      if (depth > 100) return 1;
      if (isAlias(node)) return size(resolveAlias(doc, node), depth + 1);
      if (sizes.has(node)) return sizes.get(node)!;
      let n = 1;
      if (isMap(node)) for (const p of node.items) n += size(p.key, depth + 1) + size(p.value, depth + 1);
      else if (isSeq(node)) for (const item of node.items) n += size(item, depth + 1);
      n = Math.min(n, Number.MAX_SAFE_INTEGER);
      sizes.set(node, n);
      return n;
    };
    let worst: Alias | undefined;
    let worstSize = -1;
    for (const a of aliases) {
      const n = size(a, 0);
      if (n > worstSize) [worst, worstSize] = [a, n];
    }
    return { ok: false, problem: 'excessive-aliases', alias: worst, name: worst?.source ?? '' };
  }
}

const MAP_TAG = 'tag:yaml.org,2002:map';
const SEQ_TAG = 'tag:yaml.org,2002:seq';
/** Thrown (as `Document.toJS` does) when aliases expand beyond the limit. */
class ExcessiveAliases extends Error {}
/** What cannot be converted here and is left to the library's `toJS` (merge keys, collection keys, tagged collections). */
class NotPlain extends Error {}

/**
 * The document's plain value as `doc.toJS({ maxAliasCount })` gives it (the same objects shared by
 * aliases, the same count of alias expansions against the limit, throwing as it throws), with
 * aliases resolved through `resolveAlias`: linear in the size of the document where the library's
 * conversion scans every anchor and alias for each alias. A key that is a collection is named by
 * its flow text cut short (`keyText`), not by the library's YAML text of it. Undefined for what it
 * leaves to the library: merge keys and tagged collections.
 */
function plainValue(doc: Document.Parsed, maxAliasCount: number): { value: unknown } | undefined {
  interface AnchorData {
    aliasCount: number;
    count: number;
    res: unknown;
  }
  const anchors = new Map<Node, AnchorData>();
  const mergeKeys = (doc.schema as unknown as { tags: { tag: string; default?: unknown }[] }).tags.some(
    (t) => t.tag === 'tag:yaml.org,2002:merge' && t.default,
  );
  const aliasCount = (node: unknown): number => {
    if (isAlias(node)) {
      const source = resolveAlias(doc, node);
      const data = source && anchors.get(source);
      return data ? data.count * data.aliasCount : 0;
    }
    if (isMap(node)) {
      let n = 0;
      for (const pair of node.items) n = Math.max(n, aliasCount(pair.key), aliasCount(pair.value));
      return n;
    }
    if (isSeq(node)) {
      let n = 0;
      for (const item of node.items) n = Math.max(n, aliasCount(item));
      return n;
    }
    return 1;
  };
  const convert = (node: unknown): unknown => {
    if (isAlias(node)) {
      const source = resolveAlias(doc, node);
      if (!source) throw new NotPlain();
      let data = anchors.get(source);
      if (!data) {
        convert(source);
        data = anchors.get(source)!;
      }
      data.count += 1;
      if (data.aliasCount === 0) data.aliasCount = aliasCount(source);
      if (data.count * data.aliasCount > maxAliasCount) throw new ExcessiveAliases();
      return data.res;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) return node ?? null;
    const data: AnchorData | undefined = node.anchor ? { aliasCount: 0, count: 1, res: undefined } : undefined;
    if (data) anchors.set(node, data);
    if (isScalar(node)) {
      const v = typeof node.value === 'bigint' ? Number(node.value) : node.value;
      if (data) data.res = v;
      return v;
    }
    if (node.tag && node.tag !== MAP_TAG && node.tag !== SEQ_TAG) throw new NotPlain();
    if (isSeq(node)) {
      const seq: unknown[] = [];
      if (data) data.res = seq;
      for (const item of node.items) seq.push(convert(item));
      return seq;
    }
    const map: Record<string, unknown> = {};
    if (data) data.res = map;
    for (const pair of node.items) {
      const key = pair.key as unknown;
      if (mergeKeys && isScalar(key) && key.value === '<<') throw new NotPlain();
      const jsKey = convert(key);
      // A collection (or an alias of one) as a key is named by its flow text, cut short: the library
      // writes the whole key out at every level of keys inside keys (`? ? ? … a`: seconds).
      const stringKey = jsKey === null ? '' : typeof jsKey === 'object' ? flowKeyText(key) : String(jsKey);
      const value = convert(pair.value);
      if (stringKey in map)
        Object.defineProperty(map, stringKey, { value, writable: true, enumerable: true, configurable: true });
      else map[stringKey] = value;
    }
    return map;
  };
  try {
    return { value: convert(doc.contents) };
  } catch (err) {
    if (err instanceof NotPlain) return undefined;
    throw err;
  }
}
