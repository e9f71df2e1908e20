// Completion: keys at any depth (present keys left out, required keys first), values (enums,
// booleans, regions, the document's volume names) in block and flow style, quoted or not, and
// snippets for whole structures. Reads the cursor's context from the text, so the line being
// typed and broken documents complete too.
import { commentStart } from './comments';
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { messagesFor, type Locale } from './messages';
import {
  allowedValuesOf,
  childSchema,
  resolveSchema,
  schemaAtPath,
  typesOf,
  wirePathOf,
  type DocPath,
  type JsonSchema,
} from './schema';
import { ITEM, flowPosition, pathAt, scanLine, siblingKeys } from './cursor';
import { enumValueMarkdown, isRequired, parameterMarkdown } from './docs';
import { REGIONS } from './regions';
import { liveValues, lookedUpNote, type AccountFacts } from './accountFacts';
import { SNIPPETS, expandSnippet, type Snippet, type SnippetPlace } from './snippets';
import { templateCompletionItems } from './templates';
import { FULL_CLIENT_FEATURES, documentation, type ClientFeatures } from './clientFeatures';
import type { ParsedDocument } from './parse';
import { documentValue } from './ast';
import { isMap, isSeq } from 'yaml';

export interface CompletionInput {
  lines: readonly string[];
  position: Position;
  locale: Locale;
  /** The parse of the same text (cached by the façade); used only for the document's volume names. */
  parsed: () => ParsedDocument;
  /** What the editor takes (snippets, markdown, ...); everything when not said. */
  client?: ClientFeatures;
  /** Looked-up account facts (accountFacts.ts): live values for ids, zones and regions. */
  facts?: readonly AccountFacts[];
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

interface Place {
  kind: 'key' | 'value';
  /** key: path of the mapping whose keys are offered; value: path of the value. */
  path: DocPath;
  /** Columns of the text the item replaces, on the cursor's line. */
  from: number;
  to: number;
  /** key: keys already present. */
  present: string[];
  /** key: true inside a flow mapping (`{Name: a, |}`). */
  flow: boolean;
  /** key: the line already has `key:` after the token, insert the name only. */
  nameOnly: boolean;
  /** key: the column the key starts at, and the line's leading blank (for multi-line inserts). */
  keyCol: number;
  lineIndent: number;
  /** key: the cursor starts a new list item (`- |`). */
  newItem: boolean;
  /** key: items must be written as a list item (`- Key: `) because the list marker is missing. */
  needsDash: boolean;
  /** value: the open quote the cursor is in. */
  quote: '' | '"' | "'";
}

function isBlankOrComment(line: string): boolean {
  const t = line.trim();
  return t === '' || t.startsWith('#') || t === '---';
}

function inComment(before: string): boolean {
  return commentStart(before) >= 0;
}

const WORD = /[^\s:,{}[\]#"']/;

export function complete(input: CompletionInput): CompletionList {
  const { lines, position, locale } = input;
  const client = input.client ?? FULL_CLIENT_FEATURES;
  if (position.line < 0 || position.line >= lines.length) return EMPTY;
  const lineText = lines[position.line].replace(/\r$/, '');
  const c = Math.max(0, Math.min(position.character, lineText.length));
  const before = lineText.slice(0, c);

  if (inComment(before)) return EMPTY;
  if (lines.length < 2000 && lines.every(isBlankOrComment)) {
    return {
      isIncomplete: false,
      items: [
        ...snippetItems('document', [], position.line, 0, c, 0, locale, client),
        ...templateCompletionItems(position.line, before, locale, client.completionDocumentation),
        ...keyItemsFor(rootPlace(position.line, c), position.line, locale, client),
      ],
    };
  }
  const place = placeAt(lines, position.line, lineText, c);
  if (!place) return EMPTY;
  if (place.kind === 'key') {
    const items = keyItemsFor(place, position.line, locale, client);
    if (!place.flow) items.push(...snippetsFor(place, position.line, locale, client));
    return { isIncomplete: false, items };
  }
  return { isIncomplete: false, items: valueItems(place, position.line, locale, input.parsed, client, input.facts) };
}

function rootPlace(line: number, c: number): Place {
  return {
    kind: 'key',
    path: [],
    from: c,
    to: c,
    present: [],
    flow: false,
    nameOnly: false,
    keyCol: c,
    lineIndent: c,
    newItem: false,
    needsDash: false,
    quote: '',
  };
}

/** Reads what is being completed at column `c` of `lineText`. */
export function placeAt(lines: readonly string[], lineNo: number, lineText: string, c: number): Place | undefined {
  const before = lineText.slice(0, c);
  const info = scanLine(before);
  const lineIndent = lineText.length - lineText.trimStart().length;
  let tokenEnd = c;
  while (tokenEnd < lineText.length && WORD.test(lineText[tokenEnd])) tokenEnd++;
  const base: Omit<Place, 'kind' | 'path' | 'from' | 'to'> = {
    present: [],
    flow: false,
    nameOnly: false,
    keyCol: 0,
    lineIndent,
    newItem: false,
    needsDash: false,
    quote: '',
  };

  const flowPlace = (parent: DocPath, text: string, textCol: number): Place | undefined => {
    const fp = flowPosition(text);
    if (!fp) return undefined;
    const from = textCol + fp.tokenStart;
    const to = fp.quote ? c : tokenEnd;
    if (fp.inside === 'map') {
      if (!fp.afterColon) {
        return {
          ...base,
          kind: 'key',
          path: [...parent, ...fp.path],
          from,
          to,
          present: fp.keysSeen,
          flow: true,
          keyCol: from,
          nameOnly: /^\s*:/.test(lineText.slice(tokenEnd)),
        };
      }
      return { ...base, kind: 'value', path: [...parent, ...fp.path, fp.key], from, to, quote: fp.quote };
    }
    const itemPath = [...parent, ...fp.path, ITEM];
    if (typesOf(schemaAtPath(itemPath)).includes('object')) {
      return { ...base, kind: 'key', path: itemPath, from, to, flow: true, keyCol: from };
    }
    return { ...base, kind: 'value', path: itemPath, from, to, quote: fp.quote };
  };

  if (info.keyCol >= 0) {
    // `Key: val|` — a value is being typed.
    const { path, structural } = pathAt(lines, lineNo, info.keyCol);
    if (!structural) return undefined;
    const valuePath = [...path, info.key];
    let vc = info.colonEnd;
    while (vc < c && (before[vc] === ' ' || before[vc] === '\t')) vc++;
    const text = before.slice(vc);
    if (text.startsWith('{') || text.startsWith('[')) return flowPlace(valuePath, text, vc);
    if (/^[|>&!*]/.test(text)) return undefined;
    const quote = text.startsWith('"') ? '"' : text.startsWith("'") ? "'" : '';
    const from = quote ? vc + 1 : vc;
    let to = c;
    if (!quote) {
      to = c;
      while (to < lineText.length && !/[\s#]/.test(lineText[to])) to++;
    }
    return { ...base, kind: 'value', path: valuePath, from, to, quote };
  }

  // No `key:` before the cursor: a key (or a list item's scalar) is being typed.
  const contentCol = info.scalarCol >= 0 ? info.scalarCol : c;
  const text = before.slice(contentCol);
  const { path, structural } = pathAt(lines, lineNo, contentCol);
  if (!structural) return undefined;
  if (text.startsWith('{') || text.startsWith('[')) return flowPlace(path, text, contentCol);
  const node = schemaAtPath(path);
  const types = typesOf(node);
  const newItem = info.dashes.length > 0 && info.dashes[info.dashes.length - 1] < contentCol;
  if (types.includes('object')) {
    const nameOnly = /^\s*:/.test(lineText.slice(tokenEnd));
    return {
      ...base,
      kind: 'key',
      path,
      from: contentCol,
      to: tokenEnd,
      present: siblingKeys(lines, lineNo, contentCol),
      keyCol: contentCol,
      nameOnly,
      newItem,
    };
  }
  if (types.includes('array')) {
    const item = childSchema(node, ITEM);
    if (typesOf(item).includes('object')) {
      return {
        ...base,
        kind: 'key',
        path: [...path, ITEM],
        from: contentCol,
        to: tokenEnd,
        keyCol: contentCol,
        needsDash: true,
        newItem: true,
      };
    }
    return { ...base, kind: 'value', path: [...path, ITEM], from: contentCol, to: tokenEnd, needsDash: true };
  }
  if (!node) return undefined;
  const quote = text.startsWith('"') ? '"' : text.startsWith("'") ? "'" : '';
  return { ...base, kind: 'value', path, from: quote ? contentCol + 1 : contentCol, to: quote ? c : tokenEnd, quote };
}

function range(line: number, from: number, to: number): Range {
  return { start: { line, character: from }, end: { line, character: Math.max(from, to) } };
}

function typeDetail(node: JsonSchema | undefined): string {
  const n = resolveSchema(node);
  if (!n) return '';
  const t = typesOf(n);
  if (t.includes('array')) {
    const item = childSchema(n, ITEM);
    return `${typesOf(item).join(' | ') || 'any'}[]`;
  }
  return t.join(' | ');
}

function keyItemsFor(place: Place, line: number, locale: Locale, client: ClientFeatures): CompletionItem[] {
  const node = resolveSchema(schemaAtPath(place.path));
  if (!node?.properties) return [];
  const items: CompletionItem[] = [];
  // Items are inserted as is: continuation lines carry their full indentation.
  const pad = ' '.repeat(place.keyCol + (place.needsDash ? 2 : 0));
  const dash = place.needsDash ? '- ' : '';
  for (const name of Object.keys(node.properties)) {
    if (place.present.includes(name)) continue;
    const childPath = [...place.path, name];
    const child = resolveSchema(node.properties[name]);
    const types = typesOf(child);
    let insert: string;
    let retrigger = false;
    if (place.nameOnly) insert = name;
    else if (place.flow) insert = `${name}: `;
    // An editor without snippet support may not insert a line break (Neovim's omnifunc writes a NUL):
    // it gets the key line alone, and the next completion on the new line does the rest.
    else if ((types.includes('object') || types.includes('array')) && !client.snippets) insert = `${name}:`;
    else if (types.includes('object')) insert = `${name}:\n${pad}  `;
    else if (types.includes('array')) insert = `${name}:\n${pad}  - `;
    else {
      insert = `${name}: `;
      retrigger = allowedValuesOf(child).length > 0;
    }
    if (dash && !place.nameOnly) insert = dash + insert;
    const required = isRequired(childPath);
    const item: CompletionItem = {
      label: name,
      kind: CompletionItemKind.Property,
      detail: typeDetail(child) + (required ? ` · ${messagesFor(locale).hoverRequired}` : ''),
      documentation: documentation(parameterMarkdown(childPath, locale), client.completionDocumentation),
      sortText: `${required ? '0' : '1'}_${name}`,
      // No filterText: it would equal the label, and Neovim's omnifunc then ignores the edit's start.
      textEdit: { range: range(line, place.from, place.to), newText: insert },
      insertTextFormat: InsertTextFormat.PlainText,
    };
    if (client.insertTextMode) item.insertTextMode = InsertTextMode.asIs;
    if (retrigger && client.triggerSuggestCommand)
      item.command = { title: messagesFor(locale).suggestValues, command: client.triggerSuggestCommand };
    items.push(item);
  }
  return items;
}

/** Snippets offered where the cursor's key position matches their place. */
function snippetsFor(place: Place, line: number, locale: Locale, client: ClientFeatures): CompletionItem[] {
  const p = place.path;
  const places: SnippetPlace[] = [];
  if (p.length === 0) places.push('root');
  const list = p.length === 2 && typeof p[1] === 'number' ? p[0] : undefined;
  const fresh = place.newItem && place.present.length === 0 && !place.needsDash;
  if ((list === 'Container' || list === 'InitContainer') && fresh) places.push('container-item');
  if (list === 'Container' && !place.newItem) places.push('container');
  if (list === 'Volume' && fresh) places.push('volume-item');
  if (isProbe(p) && !place.newItem && !place.needsDash) places.push('probe');
  const out: CompletionItem[] = [];
  for (const pl of places)
    out.push(...snippetItems(pl, place.present, line, place.from, place.to, place.keyCol, locale, client, list));
  return out;
}

function snippetItems(
  place: SnippetPlace,
  present: string[],
  line: number,
  from: number,
  to: number,
  keyCol: number,
  locale: Locale,
  client: ClientFeatures,
  list?: string | number,
): CompletionItem[] {
  const m = messagesFor(locale);
  const out: CompletionItem[] = [];
  const volumeItem = schemaAtPath(['Volume', ITEM]);
  for (const s of SNIPPETS) {
    if (s.place !== place) continue;
    if (s.writes.some((w) => present.includes(w))) continue;
    if (s.excludedBy?.some((w) => present.includes(w))) continue;
    let text = s.body;
    if (s.keyChoices) {
      // A key already written is left out of the choice (it would be a duplicate key).
      const left = s.keyChoices.filter((k) => !present.includes(k));
      if (!left.length) continue;
      text = text.replace(
        '${1|' + s.keyChoices.join(',') + '|}',
        left.length > 1 ? '${1|' + left.join(',') + '|}' : left[0],
      );
    }
    if (s.labelArg && s.place === 'volume-item' && !resolveSchema(volumeItem)?.properties?.[s.labelArg]) continue;
    const label = snippetLabel(m, s, list);
    const expanded = expandSnippet(text);
    // Without snippet support: the same text with each placeholder's default (a choice's first value).
    const body = (client.snippets ? text : expanded).replace(/\n/g, '\n' + ' '.repeat(keyCol));
    const item: CompletionItem = {
      label,
      kind: CompletionItemKind.Snippet,
      detail: m.snippetDetail,
      documentation: documentation('```yaml\n' + expanded + '\n```', client.completionDocumentation),
      sortText: `2_${s.id}`,
      // What the user types to find it: the first key it writes (`ReadinessProbe`, `HttpGet`, `Name`).
      filterText: s.writes[0] ?? expanded.split(/[:\n]/)[0],
      textEdit: { range: range(line, from, to), newText: body },
      insertTextFormat: client.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    };
    if (client.insertTextMode) item.insertTextMode = InsertTextMode.asIs;
    out.push(item);
  }
  return out;
}

function snippetLabel(m: ReturnType<typeof messagesFor>, s: Snippet, list?: string | number): string {
  if (s.label === 'volume') return m.snippetLabel.volume(s.labelArg ?? '');
  if (s.id === 'container-item' && list === 'InitContainer') return m.snippetLabel.initContainer;
  return m.snippetLabel[s.label];
}

/** A scalar as YAML must write it to stay a string (`"true"`, `"0644"`), or as is. */
function yamlScalar(v: unknown, expectString: boolean): string {
  if (typeof v !== 'string') return String(v);
  const plainOk =
    v !== '' &&
    !/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(v) &&
    !/[:#]\s|\s$|:$/.test(v) &&
    !(
      expectString &&
      /^(true|false|null|~|yes|no|on|off|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan)$/i.test(
        v,
      )
    );
  return plainOk ? v : JSON.stringify(v);
}

function valueItems(
  place: Place,
  line: number,
  locale: Locale,
  parsed: () => ParsedDocument,
  client: ClientFeatures,
  facts?: readonly AccountFacts[],
): CompletionItem[] {
  const node = resolveSchema(schemaAtPath(place.path));
  if (!node) return [];
  const m = messagesFor(locale);
  const items: CompletionItem[] = [];
  const expectString = typesOf(node).includes('string');
  const r = range(line, place.from, place.to);
  const dash = place.needsDash ? '- ' : '';
  const add = (value: unknown, kind: CompletionItemKind, sort: string, detail: string, doc: string | undefined) => {
    const text = place.quote ? String(value) : yamlScalar(value, expectString);
    const item: CompletionItem = {
      label: String(value),
      kind,
      detail,
      sortText: sort,
      textEdit: { range: r, newText: dash + text },
    };
    if (doc) item.documentation = documentation(doc, client.completionDocumentation);
    items.push(item);
  };
  const allowed = allowedValuesOf(node);
  allowed.forEach((v, i) => {
    add(
      v,
      typeof v === 'boolean' ? CompletionItemKind.Value : CompletionItemKind.EnumMember,
      `0_${String(i).padStart(3, '0')}`,
      wirePathOf(place.path),
      enumValueMarkdown(place.path, v, locale),
    );
  });
  const path = place.path;
  const live = path.length === 1 && facts?.length ? liveValues(String(path[0]), parsed(), facts, locale) : undefined;
  if (live) {
    const note = lookedUpNote(parsed(), facts, locale);
    live.forEach((v, i) => add(v.value, v.kind, `0${v.rank}_${String(i).padStart(4, '0')}`, v.detail, note));
  }
  if (path[path.length - 1] === 'RegionId' && !allowed.length && !live?.length) {
    const seen = new Set<string>();
    for (const ex of node.examples ?? []) {
      if (typeof ex !== 'string' || seen.has(ex)) continue;
      seen.add(ex);
      const known = REGIONS.find((r) => r.id === ex);
      add(
        ex,
        CompletionItemKind.Value,
        `0_${seen.size.toString().padStart(3, '0')}`,
        known ? known[locale] : m.regionDetail,
        undefined,
      );
    }
    for (const region of REGIONS) {
      if (seen.has(region.id)) continue;
      seen.add(region.id);
      add(
        region.id,
        CompletionItemKind.Value,
        `1_${seen.size.toString().padStart(3, '0')}`,
        region[locale],
        `${m.regionDetail}: ${region[locale]}`,
      );
    }
  }
  if (isHandlerPort(path)) {
    for (const { port, container } of containerPorts(String(path[0]), { line, character: place.from }, parsed)) {
      add(
        port,
        CompletionItemKind.Reference,
        `1_${String(port).padStart(6, '0')}`,
        m.containerPortDetail(container),
        undefined,
      );
    }
  }
  // The schema's default and examples, marked as such, after the values above. The examples of a
  // free-text value (a name, an image, a path) are the schema's illustration, not a value to pick.
  const defaults = node.default === undefined ? [] : [node.default];
  const examples = expectString || isVolumeMountName(path) ? [] : (node.examples ?? []);
  for (const [values, sort, detail] of [
    [defaults, '2', m.defaultValueDetail(wirePathOf(path))],
    [examples, '3', m.exampleValueDetail(wirePathOf(path))],
  ] as const) {
    values.forEach((v, i) => {
      if (v === null || typeof v === 'object' || items.some((it) => it.label === String(v))) return;
      add(v, CompletionItemKind.Value, `${sort}_${String(i).padStart(3, '0')}`, detail, undefined);
    });
  }
  if (isVolumeMountName(path)) {
    const value = documentValue(parsed());
    const volumes =
      value.ok && value.value && typeof value.value === 'object'
        ? (value.value as Record<string, unknown>).Volume
        : undefined;
    if (Array.isArray(volumes)) {
      volumes.forEach((v, i) => {
        if (!v || typeof v !== 'object' || typeof (v as Record<string, unknown>).Name !== 'string') return;
        const vol = v as Record<string, unknown>;
        const type = typeof vol.Type === 'string' ? vol.Type : '';
        add(
          vol.Name,
          CompletionItemKind.Reference,
          `0_${String(i).padStart(3, '0')}`,
          m.volumeNameDetail(type),
          undefined,
        );
      });
    }
  }
  return items;
}

function isVolumeMountName(path: DocPath): boolean {
  return (
    path.length === 5 &&
    (path[0] === 'Container' || path[0] === 'InitContainer') &&
    path[2] === 'VolumeMount' &&
    path[4] === 'Name'
  );
}

/** A probe of a container item (`Container[].ReadinessProbe`): a mapping whose keys include every check method of the probe snippets. */
function isProbe(path: DocPath): boolean {
  if (path.length !== 3 || (path[0] !== 'Container' && path[0] !== 'InitContainer')) return false;
  const keys = Object.keys(resolveSchema(schemaAtPath(path))?.properties ?? {});
  const handlers = SNIPPETS.filter((s) => s.place === 'probe').flatMap((s) => s.writes);
  return handlers.length > 0 && handlers.every((h) => keys.includes(h));
}

/** A probe's or a lifecycle callback's HTTP/TCP port (`Container[].ReadinessProbe.HttpGet.Port`, `Container[].LifecyclePostStartHandlerTcpSocketPort`): a port of the container itself. */
function isHandlerPort(path: DocPath): boolean {
  if (path[0] !== 'Container' && path[0] !== 'InitContainer') return false;
  if (path.length === 5) return (path[3] === 'HttpGet' || path[3] === 'TcpSocket') && path[4] === 'Port';
  return (
    path.length === 3 && typeof path[2] === 'string' && /^Lifecycle\w+Handler(HttpGet|TcpSocket)Port$/.test(path[2])
  );
}

/** The `Port[].Port` values of the container item (of `list`) the cursor is in, read from the parse. */
function containerPorts(
  list: string,
  position: Position,
  parsed: () => ParsedDocument,
): { port: number; container: string }[] {
  const p = parsed();
  const seq = p.doc && isMap(p.doc.contents) ? p.doc.contents.get(list, true) : undefined;
  if (!isSeq(seq)) return [];
  const offset = p.offsetAt(position);
  // The item the cursor is in: the last one starting before it (a value being typed may end past the node).
  let index = -1;
  seq.items.forEach((item, i) => {
    const start = (item as { range?: [number, number, number] } | null)?.range?.[0];
    if (start !== undefined && start <= offset) index = i;
  });
  const value = documentValue(p);
  const items =
    value.ok && value.value && typeof value.value === 'object'
      ? (value.value as Record<string, unknown>)[list]
      : undefined;
  const container = Array.isArray(items) ? (items[index] as Record<string, unknown> | undefined) : undefined;
  if (!container || typeof container !== 'object' || !Array.isArray(container.Port)) return [];
  const name = typeof container.Name === 'string' ? container.Name : `${list}[${index}]`;
  const out: { port: number; container: string }[] = [];
  for (const entry of container.Port) {
    const port = entry && typeof entry === 'object' ? (entry as Record<string, unknown>).Port : undefined;
    if (typeof port === 'number' && !out.some((o) => o.port === port)) out.push({ port, container: name });
  }
  return out;
}
