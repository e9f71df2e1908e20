// The outline: a hierarchical symbol per key, with containers, init containers, volumes, volume mounts,
// ports, environment variables and tags named by what identifies them rather than by their index.
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { ParsedDocument } from './parse';
import { messagesFor, type Locale, type Messages } from './messages';
import { keyText, nodeSpan, pairSpan, scalarString, valueOf } from './selection';

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

/** A symbol for the whole document: one per top-level key, nested as the document nests. */
export function documentSymbols(parsed: ParsedDocument, locale: Locale = 'en'): DocumentSymbol[] {
  const root = parsed.doc?.contents;
  if (!isMap(root)) return [];
  const m = messagesFor(locale);
  const out: DocumentSymbol[] = [];
  for (const pair of root.items) {
    const s = pairSymbol(parsed, m, pair, 0);
    if (s) out.push(s);
  }
  return out;
}

/** Nesting deeper than this is not shown (documents 100 levels deep stay cheap). */
const MAX_DEPTH = 64;

function pairSymbol(parsed: ParsedDocument, m: Messages, pair: Pair, depth: number): DocumentSymbol | undefined {
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
    if (depth < MAX_DEPTH) symbol.children = mapChildren(parsed, m, value.items, depth + 1);
  } else if (isSeq(value)) {
    symbol.kind = SymbolKind.Array;
    symbol.detail = m.outline.items(value.items.length);
    if (depth < MAX_DEPTH) symbol.children = itemSymbols(parsed, m, key ?? '', value.items as Node[], depth + 1);
  } else if (isScalar(value)) {
    const v = scalarString(value);
    if (v !== undefined) symbol.detail = oneLine(v);
    if (typeof value.value === 'boolean') symbol.kind = SymbolKind.Boolean;
    else if (typeof value.value === 'number') symbol.kind = SymbolKind.Number;
  }
  return symbol;
}

function mapChildren(parsed: ParsedDocument, m: Messages, pairs: Pair[], depth: number): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const p of pairs) {
    const s = pairSymbol(parsed, m, p, depth);
    if (s) out.push(s);
  }
  return out;
}

/** One symbol per mapping item of a list; lists of plain values (`Command`, `Arg`) show only as the list. */
function itemSymbols(parsed: ParsedDocument, m: Messages, listKey: string, items: Node[], depth: number): DocumentSymbol[] {
  const style = ITEM_STYLES[listKey];
  const out: DocumentSymbol[] = [];
  items.forEach((item, index) => {
    if (!isMap(item)) return;
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
      children: depth < MAX_DEPTH ? mapChildren(parsed, m, item.items, depth + 1) : [],
    };
    const detail = style?.detailKey ? scalarString(valueOf(item, style.detailKey)) : undefined;
    if (detail !== undefined && detail !== '') symbol.detail = oneLine(detail);
    out.push(symbol);
  });
  return out;
}

function oneLine(s: string): string {
  const line = s.split(/\r?\n/, 1)[0];
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
