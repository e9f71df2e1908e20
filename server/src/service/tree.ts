// The tree toolkit: spans of nodes and pairs, key names, lookups in a mapping, and the walk from the document
// root to the node at an offset, shared by the outline, navigation, quick fixes and rules. Plain data in and out.
import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ParsedDocument } from './parse';

/** One step of the walk from the root to the node at an offset: a collection, a key/value pair, or a scalar. */
export interface TreeStep {
  kind: 'map' | 'seq' | 'pair' | 'key' | 'scalar' | 'alias';
  node: Node | Pair;
  /** Offsets [start, end) of the step's text, without trailing blank space. */
  start: number;
  end: number;
}

export interface NodeAtOffset {
  /** From the document's root collection down to the innermost node containing the offset. */
  chain: TreeStep[];
  /** Keys and item indexes (0-based) from the root to the innermost node, e.g. `['Container', 0, 'VolumeMount', 1, 'Name']`. */
  path: (string | number)[];
  /** True when the offset is on a key rather than on its value. */
  onKey: boolean;
}

/** The text offsets [start, end) a node covers, without trailing blank space and line breaks. */
export function nodeSpan(text: string, node: Node | null | undefined): [number, number] | undefined {
  const r = node?.range;
  if (!r) return undefined;
  const start = r[0];
  let end = Math.max(start, r[1]);
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

/** The offsets a key/value pair covers: from its key to the end of its value. */
export function pairSpan(text: string, pair: Pair): [number, number] | undefined {
  const k = nodeSpan(text, pair.key as Node | null);
  const v = nodeSpan(text, pair.value as Node | null);
  if (!k && !v) return undefined;
  const start = k ? k[0] : v![0];
  const end = Math.max(k ? k[1] : start, v ? v[1] : start);
  return [start, end];
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * The name of a key as the document value names it (ast.ts documentValue, document paths): the scalar's text
 * (`Container`), `''` for an empty key (`: v`, `~: v`), the flow text of a collection or alias key.
 */
export function keyText(pair: Pair): string {
  const k = pair.key as unknown;
  if (k === null || k === undefined) return '';
  if (isScalar(k)) return k.value === null || k.value === undefined ? '' : String(k.value);
  return flowKeyText(k);
}

/** A key that is a collection or an alias, in flow style (`[a, b]`, `{k: v}`, `*a`), cut after 80 characters. */
export function flowKeyText(key: unknown): string {
  return shortFlowText(key, MAX_KEY_TEXT);
}

/** A key that is itself a collection is named by at most this many characters. */
const MAX_KEY_TEXT = 80;

/**
 * A collection or alias written in flow style (`[a, b]`, `{k: v}`, `*a`), cut after `max` characters.
 * The library's `String(node)` costs (and gives) twice as much for each level of keys inside keys:
 * `? ? ? … a` 30 levels deep, gigabytes.
 */
function shortFlowText(node: unknown, max: number): string {
  let out = '';
  const put = (s: string): boolean => {
    out += s;
    return out.length > max;
  };
  const walk = (n: unknown): boolean => {
    if (n === null || n === undefined) return put('');
    if (isScalar(n)) return put(n.value === null || n.value === undefined ? '' : String(n.value));
    if (isAlias(n)) return put(`*${n.source}`);
    if (isSeq(n)) {
      if (put('[')) return true;
      for (let i = 0; i < n.items.length; i++) if ((i && put(', ')) || walk(n.items[i])) return true;
      return put(']');
    }
    if (isMap(n)) {
      if (put('{')) return true;
      for (let i = 0; i < n.items.length; i++) {
        const p = n.items[i] as Pair;
        if ((i && put(', ')) || walk(p.key) || (p.value !== null && (put(': ') || walk(p.value)))) return true;
      }
      return put('}');
    }
    return put('?');
  };
  return walk(node) ? `${out.slice(0, max - 1)}…` : out;
}

/** The pair of `map` whose key is `name`. */
export function pairOf(map: unknown, name: string): Pair<Node, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  for (const p of map.items) if (keyText(p) === name) return p as Pair<Node, Node | null>;
  return undefined;
}

/** The value node of `map[name]`. */
export function valueOf(map: unknown, name: string): Node | null | undefined {
  return pairOf(map, name)?.value;
}

/** The string a scalar value holds, or `undefined` when the node is not a scalar with a value. */
export function scalarString(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

/** Walks from the document's root to the innermost node whose text contains `offset` (ends included). */
export function nodeAtOffset(parsed: ParsedDocument, offset: number): NodeAtOffset {
  const out: NodeAtOffset = { chain: [], path: [], onKey: false };
  const text = parsed.text;
  let node = parsed.doc?.contents as Node | null | undefined;
  // A depth bound keeps a pathological document from costing more than its nesting.
  for (let depth = 0; node && depth < 10_000; depth++) {
    const span = nodeSpan(text, node);
    if (!span || offset < span[0] || offset > span[1]) return out;
    if (isMap(node)) {
      out.chain.push({ kind: 'map', node, start: span[0], end: span[1] });
      const pair = pairContaining(text, node, offset);
      if (!pair) return out;
      const ps = pairSpan(text, pair)!;
      out.chain.push({ kind: 'pair', node: pair, start: ps[0], end: ps[1] });
      out.path.push(keyText(pair));
      const ks = nodeSpan(text, pair.key as Node | null);
      if (ks && offset >= ks[0] && offset <= ks[1]) {
        out.onKey = true;
        out.chain.push({ kind: 'key', node: pair.key as Node, start: ks[0], end: ks[1] });
        return out;
      }
      node = pair.value as Node | null;
    } else if (isSeq(node)) {
      out.chain.push({ kind: 'seq', node, start: span[0], end: span[1] });
      const index = itemContaining(text, node, offset);
      if (index < 0) return out;
      out.path.push(index);
      node = node.items[index] as Node;
    } else {
      out.chain.push({ kind: isScalar(node) ? 'scalar' : 'alias', node, start: span[0], end: span[1] });
      return out;
    }
  }
  return out;
}

function pairContaining(text: string, map: YAMLMap, offset: number): Pair | undefined {
  for (const p of map.items) {
    const s = pairSpan(text, p);
    if (s && offset >= s[0] && offset <= s[1]) return p;
  }
  return undefined;
}

function itemContaining(text: string, seq: YAMLSeq, offset: number): number {
  for (let i = 0; i < seq.items.length; i++) {
    const s = nodeSpan(text, seq.items[i] as Node);
    if (s && offset >= s[0] && offset <= s[1]) return i;
  }
  return -1;
}
