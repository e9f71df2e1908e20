// The outline: a hierarchical symbol per key, with containers, init containers, volumes, volume mounts,
// ports, environment variables and tags named by what identifies them rather than by their index.
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { ParsedDocument } from './parse';
import { messagesFor, type Locale, type Messages } from './messages';
import { keyText, nodeSpan, pairSpan, scalarString, valueOf } from './tree';
import { buildWireRequest } from './request';

/** How the items of a list are named and shown, by the list's key. */
interface ItemStyle {
  kind: SymbolKind;
  /** The key whose value names an item. */
  nameKey?: string;
  /** The key whose value is shown beside the name. */
  detailKey?: string;
  /** A name built from several keys (ports: `80/TCP`). */
  name?: (item: Node) => string | undefined;
}

const ITEM_STYLES: Record<string, ItemStyle> = {
  Container: { kind: SymbolKind.Class, nameKey: 'Name', detailKey: 'Image' },
  InitContainer: { kind: SymbolKind.Constructor, nameKey: 'Name', detailKey: 'Image' },
  Volume: { kind: SymbolKind.File, nameKey: 'Name', detailKey: 'Type' },
  VolumeMount: { kind: SymbolKind.Field, nameKey: 'Name', detailKey: 'MountPath' },
  Tag: { kind: SymbolKind.Key, nameKey: 'Key', detailKey: 'Value' },
  EnvironmentVar: { kind: SymbolKind.Variable, nameKey: 'Key', detailKey: 'Value' },
  ImageRegistryCredential: { kind: SymbolKind.Key, nameKey: 'Server', detailKey: 'UserName' },
  ConfigFileToPath: { kind: SymbolKind.File, nameKey: 'Path' },
  Sysctl: { kind: SymbolKind.Constant, nameKey: 'Name', detailKey: 'Value' },
  Option: { kind: SymbolKind.Constant, nameKey: 'Name', detailKey: 'Value' },
  HostAliase: { kind: SymbolKind.Constant, nameKey: 'Ip' },
  AcrRegistryInfo: { kind: SymbolKind.Key, nameKey: 'InstanceId', detailKey: 'InstanceName' },
  LifecyclePostStartHandlerHttpGetHttpHeader: { kind: SymbolKind.Constant, nameKey: 'Name', detailKey: 'Value' },
  LifecyclePreStopHandlerHttpGetHttpHeader: { kind: SymbolKind.Constant, nameKey: 'Name', detailKey: 'Value' },
  Port: {
    kind: SymbolKind.Interface,
    name: (item) => {
      const port = scalarString(valueOf(item, 'Port'));
      if (port === undefined) return undefined;
      return `${port}/${scalarString(valueOf(item, 'Protocol')) ?? 'TCP'}`;
    },
  },
};

/** What building one outline needs: the messages, the symbols still allowed, the secret values. */
interface Outline {
  parsed: ParsedDocument;
  m: Messages;
  /** Symbols that may still be made (the outline of a huge document is cut, not the editor). */
  left: number;
  /** Offsets where the value of a secret parameter starts, and the secret values as sent. */
  secretAt: Set<number>;
  secretValues: Set<string>;
}

/** An outline holds at most this many symbols (a 2 MB document of short keys would give 200,000). */
export const MAX_SYMBOLS = 10_000;

/** A symbol for the whole document: one per top-level key, nested as the document nests. */
export function documentSymbols(parsed: ParsedDocument, locale: Locale = 'en'): DocumentSymbol[] {
  const root = parsed.doc?.contents;
  if (!isMap(root)) return [];
  // The values the request marks secret (`x-secret` parameters, environment values of containers with
  // EnvironmentVarHide: true) are masked in details, as everywhere else.
  const wire = buildWireRequest(parsed);
  const secretAt = new Set<number>();
  const secretValues = new Set<string>();
  for (const key of wire.secrets) {
    const at = wire.locations[key];
    if (at) secretAt.add(parsed.offsetAt(at.start));
    if (wire.params[key] !== '') secretValues.add(wire.params[key]);
  }
  const o: Outline = { parsed, m: messagesFor(locale), left: MAX_SYMBOLS, secretAt, secretValues };
  return mapChildren(o, root.items, 0);
}

/** Nesting deeper than this is not shown (documents 100 levels deep stay cheap). */
const MAX_DEPTH = 64;

/** A value's text for a detail, masked when the value is a secret. */
function detailOf(o: Outline, node: unknown): string | undefined {
  const v = scalarString(node);
  if (v === undefined) return undefined;
  const span = nodeSpan(o.parsed.text, node as Node);
  if ((span && o.secretAt.has(span[0])) || o.secretValues.has(v)) return o.m.outline.secret;
  return oneLine(v);
}

function pairSymbol(o: Outline, pair: Pair, depth: number): DocumentSymbol | undefined {
  const { parsed, m } = o;
  const span = pairSpan(parsed.text, pair);
  const keySpan = nodeSpan(parsed.text, pair.key as Node | null);
  if (!span) return undefined;
  const key = keyText(pair);
  const name = key && key.trim() ? key : m.outline.emptyKey;
  const value = pair.value as Node | null;
  const selection = keySpan ?? span;
  const symbol: DocumentSymbol = {
    name,
    kind: SymbolKind.Property,
    range: parsed.range(span[0], span[1]),
    selectionRange: parsed.range(selection[0], selection[1]),
  };
  if (isMap(value)) {
    symbol.kind = SymbolKind.Object;
    if (depth < MAX_DEPTH) symbol.children = mapChildren(o, value.items, depth + 1);
  } else if (isSeq(value)) {
    symbol.kind = SymbolKind.Array;
    symbol.detail = m.outline.items(value.items.length);
    if (depth < MAX_DEPTH) symbol.children = itemSymbols(o, key ?? '', value.items as Node[], depth + 1);
  } else if (isScalar(value)) {
    const detail = detailOf(o, value);
    if (detail !== undefined) symbol.detail = detail;
    if (typeof value.value === 'boolean') symbol.kind = SymbolKind.Boolean;
    else if (typeof value.value === 'number') symbol.kind = SymbolKind.Number;
  }
  return symbol;
}

function mapChildren(o: Outline, pairs: Pair[], depth: number): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const p of pairs) {
    if (o.left <= 0) break;
    o.left--;
    const s = pairSymbol(o, p, depth);
    if (s) out.push(s);
  }
  return out;
}

/** One symbol per mapping item of a list; lists of plain values (`Command`, `Arg`) show only as the list. */
function itemSymbols(o: Outline, listKey: string, items: Node[], depth: number): DocumentSymbol[] {
  const { parsed, m } = o;
  const style = ITEM_STYLES[listKey];
  const out: DocumentSymbol[] = [];
  items.forEach((item, index) => {
    if (!isMap(item) || o.left <= 0) return;
    o.left--;
    const span = nodeSpan(parsed.text, item);
    if (!span) return;
    const fallback = `${listKey || m.outline.item}[${index + 1}]`;
    let name: string | undefined;
    let selection: [number, number] | undefined;
    if (style?.name) name = style.name(item);
    else if (style?.nameKey) {
      const nameNode = valueOf(item, style.nameKey);
      name = scalarString(nameNode);
      selection = nodeSpan(parsed.text, nameNode);
    }
    if (!name || !name.trim()) name = fallback;
    if (!selection || selection[0] === selection[1]) {
      const first = item.items[0];
      selection = (first && nodeSpan(parsed.text, first.key as Node | null)) || [span[0], span[0]];
    }
    const symbol: DocumentSymbol = {
      name: oneLine(name),
      kind: style?.kind ?? SymbolKind.Object,
      range: parsed.range(span[0], span[1]),
      selectionRange: parsed.range(selection[0], selection[1]),
      children: depth < MAX_DEPTH ? mapChildren(o, item.items, depth + 1) : [],
    };
    const detail = style?.detailKey ? detailOf(o, valueOf(item, style.detailKey)) : undefined;
    if (detail !== undefined && detail !== '') symbol.detail = detail;
    out.push(symbol);
  });
  return out;
}

function oneLine(s: string): string {
  const line = s.split(/\r?\n/, 1)[0];
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
