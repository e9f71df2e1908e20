// Quick fixes: code actions on the service's diagnostics, each a WorkspaceEdit on the document.
// They find what to change from the diagnostic's range and `data` (wire path, suggestion, missing key)
// and from the schema; they never guess from the message text.
import { randomUUID } from 'node:crypto';
import { isMap, isScalar, isSeq, stringify as stringifyYaml, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { ParsedDocument } from './parse';
import { localeOf, type Locale } from './messages';
import { resolveSchema, schemaAtPath, wirePathOf, type DocPath, type JsonSchema } from './schema';
import { nearest } from './suggest';
import { keyText, nodeAtOffset, nodeSpan, pairOf, pairSpan, scalarString, valueOf } from './selection';
import { yamlScalar } from './navigation';
import { DIAGNOSTIC_SOURCE } from './diagnose';
import { DECIMAL_MODES } from './rules/configFile';
import { hasComment, isSuppressible, lineDirective, suppressionComment } from './suppress';

/** The code action kind of "add a ClientToken" in the Source Action menu. */
export const ADD_CLIENT_TOKEN_KIND = `${CodeActionKind.Source}.addClientToken`;

export interface CodeActionParams {
  uri: string;
  /** The range the editor asks about (the cursor or selection). */
  range: Range;
  /** The diagnostics the editor sends for that range (as the server published them, `data` included). */
  diagnostics: Diagnostic[];
  /** Only these kinds (prefix match), when the editor asks for some only. */
  only?: string[];
  locale?: string;
  /**
   * The diagnostics the service published for this text. An editor may send a diagnostic back without
   * its `data` (no `publishDiagnostics.dataSupport`) or with a shifted range (Neovim 0.7 counts columns
   * after non-ASCII text in bytes): each one is matched to its published original, whose data and range
   * the fixes then use.
   */
  published?: Diagnostic[];
}

/** A text change by offsets into the document's text. */
interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

const T = {
  en: {
    renameKey: (from: string, to: string) => `Change ${from} to ${to}`,
    addRequired: (keys: readonly string[], where: string) => `Add required ${keys.join(', ')} to ${where}`,
    addAllRequired: (keys: readonly string[], where: string) => `Add all missing required keys to ${where} (${keys.join(', ')})`,
    theDocument: 'the document',
    enumValue: (from: string, to: string) => `Change ${from} to ${to}`,
    base64: (path: string) => `Encode ${path} as Base64`,
    removeHandler: (handler: string, probe: string) => `Remove ${handler} from ${probe}`,
    keepOnlyHandler: (handler: string, probe: string, removed: readonly string[]) => `Keep only ${handler} in ${probe} (remove ${removed.join(', ')})`,
    addSpotPriceLimit: (value: string) => `Add SpotPriceLimit: ${value}`,
    generateClientToken: 'Generate a new ClientToken',
    addClientToken: 'Add a ClientToken (makes retries of create idempotent)',
    nestKey: (key: string) => `Write ${key} in nested form`,
    createVolume: (name: string, type: string) => `Create volume ${JSON.stringify(name)} (${type})`,
    setValue: (key: string, value: string) => `Set ${key}: ${value}`,
    removeKey: (key: string) => `Remove ${key}`,
    roundPrice: (value: string) => `Round SpotPriceLimit to ${value}`,
    unquote: (value: string) => `Write ${value} without quotes`,
    quote: (value: string) => `Quote ${value} to make it a string`,
    quoteSecret: 'Quote the value to make it a string',
    removeDuplicate: (key: string, line: number) => `Remove this ${key} (line ${line})`,
    removeEarlier: (key: string, line: number) => `Keep this ${key}: remove the one on line ${line}`,
    ignoreOnLine: (id: string) => `Ignore ${id} on this line`,
    ignoreReason: 'reason',
    octalMode: (from: string, to: string) => `Write mode ${from} as octal ${to}`,
  },
  ja: {
    renameKey: (from: string, to: string) => `${from} を ${to} に変更`,
    addRequired: (keys: readonly string[], where: string) => `${where} に必須の ${keys.join(', ')} を追加`,
    addAllRequired: (keys: readonly string[], where: string) => `${where} に不足している必須キーをすべて追加 (${keys.join(', ')})`,
    theDocument: 'ドキュメント',
    enumValue: (from: string, to: string) => `${from} を ${to} に変更`,
    base64: (path: string) => `${path} を Base64 でエンコード`,
    removeHandler: (handler: string, probe: string) => `${probe} から ${handler} を削除`,
    keepOnlyHandler: (handler: string, probe: string, removed: readonly string[]) => `${probe} に ${handler} だけを残す (${removed.join(', ')} を削除)`,
    addSpotPriceLimit: (value: string) => `SpotPriceLimit: ${value} を追加`,
    generateClientToken: '新しい ClientToken を生成',
    addClientToken: 'ClientToken を追加 (create の再試行を冪等にする)',
    nestKey: (key: string) => `${key} をネストした形式で書く`,
    createVolume: (name: string, type: string) => `ボリューム ${JSON.stringify(name)} を作成 (${type})`,
    setValue: (key: string, value: string) => `${key}: ${value} を設定`,
    removeKey: (key: string) => `${key} を削除`,
    roundPrice: (value: string) => `SpotPriceLimit を ${value} に丸める`,
    unquote: (value: string) => `${value} の引用符を外す`,
    quote: (value: string) => `${value} を引用符で囲んで文字列にする`,
    quoteSecret: '値を引用符で囲んで文字列にする',
    removeDuplicate: (key: string, line: number) => `この ${key} を削除 (${line} 行目)`,
    removeEarlier: (key: string, line: number) => `この ${key} を残し、${line} 行目のものを削除`,
    ignoreOnLine: (id: string) => `この行の ${id} を無視`,
    ignoreReason: '理由',
    octalMode: (from: string, to: string) => `モード ${from} を 8 進数 ${to} で書く`,
  },
} satisfies Record<Locale, unknown>;
type Titles = (typeof T)['en'];

const PROBE_HANDLERS = ['HttpGet', 'Exec', 'TcpSocket'] as const;
/** The volume type a quick fix creates for a mount that names no volume: needs no other settings. */
const NEW_VOLUME_TYPE = 'EmptyDirVolume';

/** The quick fixes for the diagnostics in `params`, plus source actions that need no diagnostic. */
export function codeActions(parsed: ParsedDocument, params: CodeActionParams): CodeAction[] {
  // No tree: refused or unreadable (nothing to edit), or an empty text (the required keys can be added).
  if (!parsed.doc && parsed.problems.length) return [];
  const t = T[localeOf(params.locale)];
  const ctx = new EditContext(parsed);
  const out: CodeAction[] = [];
  const wants = (kind: string) => !params.only?.length || params.only.some((k) => kind === k || kind.startsWith(`${k}.`));

  if (wants(CodeActionKind.QuickFix)) {
    const requiredGroups = new Map<string, { path: DocPath; diagnostics: Diagnostic[]; keys: string[] }>();
    const taken = new Set<Diagnostic>();
    /** Published original -> the diagnostic as the editor sent it (actions name the editor's own). */
    const asSent = new Map<Diagnostic, Diagnostic>();
    for (const sent of params.diagnostics) {
      const d = publishedOriginal(sent, params.published ?? [], taken) ?? sent;
      asSent.set(d, sent);
      const code = typeof d.code === 'string' ? d.code : undefined;
      // Only this service's diagnostics: another extension's codes mean something else.
      if (!code || (d.source !== undefined && d.source !== DIAGNOSTIC_SOURCE)) continue;
      try {
        if (code === 'schema.required') {
          const fix = requiredTarget(ctx, d);
          if (!fix) continue;
          const id = JSON.stringify(fix.path);
          const g = requiredGroups.get(id) ?? { path: fix.path, diagnostics: [], keys: [] };
          // The empty document's one finding names every missing key.
          const all = (d.data as { missingKeys?: unknown } | undefined)?.missingKeys;
          for (const k of Array.isArray(all) ? all.filter((x): x is string => typeof x === 'string') : [fix.missing]) if (!g.keys.includes(k)) g.keys.push(k);
          g.diagnostics.push(d);
          requiredGroups.set(id, g);
          continue;
        }
        out.push(...fixesFor(ctx, t, code, d, params.uri));
      } catch {
        // A quick fix that cannot be computed for an odd document is simply not offered.
      }
    }
    for (const g of requiredGroups.values()) {
      try {
        out.push(...requiredFixes(ctx, t, g.path, g.keys, g.diagnostics, params.uri));
      } catch {
        // As above: not offered rather than failing the request.
      }
    }
    for (const a of out) if (a.diagnostics) a.diagnostics = a.diagnostics.map((d) => asSent.get(d) ?? d);
  }

  if (wants(ADD_CLIENT_TOKEN_KIND) && params.only?.length) {
    // Offered only when asked for source actions: it changes the request, not a defect.
    const root = parsed.doc?.contents ?? null;
    if ((isMap(root) || root === null) && !pairOf(root, 'ClientToken')) {
      const edit = ctx.addPairs([], [{ key: 'ClientToken', value: randomUUID() }]);
      if (edit) out.push(action(t.addClientToken, ADD_CLIENT_TOKEN_KIND, params.uri, ctx, [edit], undefined, false));
    }
  }
  return out;
}

function fixesFor(ctx: EditContext, t: Titles, code: string, d: Diagnostic, uri: string): CodeAction[] {
  const data = (d.data ?? {}) as { path?: string; suggestion?: string; missing?: string };
  switch (code) {
    case 'schema.unknown-key':
    case 'schema.former-name':
      return unknownKeyFixes(ctx, t, d, data.suggestion, uri);
    case 'config-file.mode-decimal': {
      const at = ctx.valueAt(d.range);
      if (!at || !isScalar(at.node)) return [];
      const written = String(at.node.value);
      const octal = DECIMAL_MODES[written];
      return octal ? [action(t.octalMode(written, octal), CodeActionKind.QuickFix, uri, ctx, [ctx.replaceNode(at.node, octal)], d, true)] : [];
    }
    case 'schema.enum': {
      const at = ctx.valueAt(d.range);
      if (!at || !isScalar(at.node)) return [];
      const current = scalarString(at.node);
      const schema = schemaAtPath(at.path);
      const allowed = (resolveSchema(schema)?.enum ?? []).filter((v): v is string => typeof v === 'string');
      const suggestion =
        data.suggestion ?? (current === undefined ? undefined : (allowed.find((a) => a.toLowerCase() === current.toLowerCase()) ?? nearest(current, allowed)));
      if (current === undefined || suggestion === undefined || suggestion === current) return [];
      const edit = ctx.replaceNode(at.node, yamlScalar(suggestion, quoteStyle(at.node)));
      const caseOnly = suggestion.toLowerCase() === current.toLowerCase();
      return [action(t.enumValue(current, suggestion), CodeActionKind.QuickFix, uri, ctx, [edit], d, caseOnly)];
    }
    case 'config-file.base64': {
      const at = ctx.valueAt(d.range);
      if (!at || !isScalar(at.node)) return [];
      const content = scalarString(at.node);
      if (content === undefined) return [];
      const encoded = Buffer.from(content, 'utf8').toString('base64');
      return [action(t.base64(wirePathOf(at.path)), CodeActionKind.QuickFix, uri, ctx, [ctx.replaceNode(at.node, encoded)], d, true)];
    }
    case 'probe.single-handler':
      return probeFixes(ctx, t, d, uri);
    case 'spot.price-limit-required': {
      const root = ctx.parsed.doc?.contents;
      if (!isMap(root) || pairOf(root, 'SpotPriceLimit')) return [];
      const value = placeholder(schemaAtPath(['SpotPriceLimit']));
      const edit = ctx.addPairs([], [{ key: 'SpotPriceLimit', value }], 'SpotStrategy');
      return edit ? [action(t.addSpotPriceLimit(String(value)), CodeActionKind.QuickFix, uri, ctx, [edit], d, true)] : [];
    }
    case 'schema.type':
      return typeFixes(ctx, t, d, uri);
    case 'yaml.duplicate-key':
      return duplicateKeyFixes(ctx, t, d, uri);
    case 'container.tty-for-bash': {
      const container = ctx.pathForWire(d.range, 'Container[]', false);
      const edit = container && ctx.setPair(container, 'Tty', true);
      return edit ? [action(t.setValue('Tty', 'true'), CodeActionKind.QuickFix, uri, ctx, [edit], d, true)] : [];
    }
    case 'eip.options-require-auto-create': {
      const edit = ctx.setPair([], 'AutoCreateEip', true);
      const out = edit ? [action(t.setValue('AutoCreateEip', 'true'), CodeActionKind.QuickFix, uri, ctx, [edit], d, false)] : [];
      return [...out, ...removeKeyFix(ctx, t, d, uri)];
    }
    case 'ipv6.gateway-bandwidth-requires-enable': {
      const edit = ctx.setPair([], 'Ipv6GatewayBandwidthEnable', true);
      const out = edit ? [action(t.setValue('Ipv6GatewayBandwidthEnable', 'true'), CodeActionKind.QuickFix, uri, ctx, [edit], d, false)] : [];
      return [...out, ...removeKeyFix(ctx, t, d, uri)];
    }
    case 'spot.price-limit-ignored': {
      const edit = ctx.setPair([], 'SpotStrategy', 'SpotWithPriceLimit');
      const out = edit ? [action(t.setValue('SpotStrategy', 'SpotWithPriceLimit'), CodeActionKind.QuickFix, uri, ctx, [edit], d, false)] : [];
      return [...out, ...removeKeyFix(ctx, t, d, uri)];
    }
    case 'spot.price-limit-decimals': {
      const at = ctx.valueAt(d.range);
      const n = at && isScalar(at.node) ? Number(scalarString(at.node)) : NaN;
      if (!at || !Number.isFinite(n)) return [];
      // Rounded to the allowed 3 decimals; never down to 0, which is no price.
      const rounded = Math.max(0.001, Math.round(n * 1000) / 1000);
      const written = String(rounded);
      return [action(t.roundPrice(written), CodeActionKind.QuickFix, uri, ctx, [ctx.replaceNode(at.node, written)], d, true)];
    }
    case 'volume.type-mismatch': {
      // The range is the settings key (`EmptyDirVolume:`) of a volume whose Type is another one, or absent.
      const at = nodeAtOffset(ctx.parsed, ctx.parsed.offsetAt(d.range.start));
      if (!at.onKey || at.path.length !== 3 || at.path[0] !== 'Volume' || typeof at.path[1] !== 'number') return [];
      const settings = String(at.path[2]);
      const volumePath = at.path.slice(0, 2);
      const volume = ctx.nodeAt(volumePath);
      if (!isMap(volume)) return [];
      const out: CodeAction[] = [];
      const setType = ctx.setPair(volumePath, 'Type', settings);
      if (setType) out.push(action(t.setValue('Type', settings), CodeActionKind.QuickFix, uri, ctx, [setType], d, !pairOf(volume, 'Type')));
      if (pairOf(volume, 'Type')) out.push(...removeKeyFix(ctx, t, d, uri));
      return out;
    }
    case 'volume-mount.unknown-volume': {
      const at = ctx.valueAt(d.range);
      const name = at ? scalarString(at.node) : undefined;
      if (!name) return [];
      const edit = ctx.appendListItem(['Volume'], { Name: name, Type: NEW_VOLUME_TYPE });
      return edit ? [action(t.createVolume(name, NEW_VOLUME_TYPE), CodeActionKind.QuickFix, uri, ctx, [edit], d, true)] : [];
    }
    default:
      if (data.path === 'ClientToken') {
        // Whatever is wrong with it (length, characters, empty), a fresh UUID is a valid token.
        const at = ctx.valueAt(d.range);
        if (!at || at.path.length !== 1 || at.path[0] !== 'ClientToken' || !isScalar(at.node)) return [];
        return [action(t.generateClientToken, CodeActionKind.QuickFix, uri, ctx, [ctx.replaceNode(at.node, randomUUID())], d, true)];
      }
      return [];
  }
}

/**
 * The published diagnostic that `sent` stands for: same code and source, the same `data.path` when the
 * editor kept the data, on the same line; when several are left (two missing keys of one mapping),
 * the same message, then the nearest range. Undefined when none fits (the text changed since).
 */
export function publishedOriginal(sent: Diagnostic, published: readonly Diagnostic[], taken: Set<Diagnostic> = new Set()): Diagnostic | undefined {
  const sentData = sent.data as { path?: unknown; missing?: unknown } | undefined;
  const candidates = published.filter(
    (p) =>
      !taken.has(p) &&
      p.code === sent.code &&
      (sent.source === undefined || p.source === sent.source) &&
      p.range.start.line === sent.range.start.line &&
      (typeof sentData?.path !== 'string' || (p.data as { path?: unknown } | undefined)?.path === sentData.path) &&
      (typeof sentData?.missing !== 'string' || (p.data as { missing?: unknown } | undefined)?.missing === sentData.missing),
  );
  if (!candidates.length) return undefined;
  const distance = (p: Diagnostic) => Math.abs(p.range.start.character - sent.range.start.character) + Math.abs(p.range.end.character - sent.range.end.character) + Math.abs(p.range.end.line - sent.range.end.line) * 1000;
  const sameMessage = candidates.filter((p) => p.message === sent.message);
  const best = (sameMessage.length ? sameMessage : candidates).reduce((a, b) => (distance(b) < distance(a) ? b : a));
  taken.add(best);
  return best;
}

/** Removes the pair whose key the diagnostic's range starts on. */
function removeKeyFix(ctx: EditContext, t: Titles, d: Diagnostic, uri: string): CodeAction[] {
  const at = nodeAtOffset(ctx.parsed, ctx.parsed.offsetAt(d.range.start));
  const steps = at.chain;
  const pairIndex = steps.map((s) => s.kind).lastIndexOf('pair');
  if (pairIndex < 1 || steps[pairIndex - 1].kind !== 'map') return [];
  const map = steps[pairIndex - 1].node as YAMLMap;
  const pair = steps[pairIndex].node as Pair;
  const key = keyText(pair);
  if (!key) return [];
  return [action(t.removeKey(key), CodeActionKind.QuickFix, uri, ctx, [ctx.removePair(map, pair)], d, false)];
}

/** A key written twice in one mapping: remove this one, or keep this one and remove the first. */
function duplicateKeyFixes(ctx: EditContext, t: Titles, d: Diagnostic, uri: string): CodeAction[] {
  const at = nodeAtOffset(ctx.parsed, ctx.parsed.offsetAt(d.range.start));
  const pairIndex = at.chain.map((s) => s.kind).lastIndexOf('pair');
  if (!at.onKey || pairIndex < 1 || at.chain[pairIndex - 1].kind !== 'map') return [];
  const map = at.chain[pairIndex - 1].node as YAMLMap;
  const pair = at.chain[pairIndex].node as Pair;
  const key = keyText(pair);
  if (key === undefined) return [];
  const first = map.items.find((p) => p !== pair && keyText(p) === key);
  if (!first) return [];
  const lineOf = (p: Pair) => ctx.parsed.positionAt(pairSpan(ctx.text, p)![0]).line + 1;
  return [
    action(t.removeDuplicate(key, lineOf(pair)), CodeActionKind.QuickFix, uri, ctx, [ctx.removePair(map, pair)], d, false),
    action(t.removeEarlier(key, lineOf(first)), CodeActionKind.QuickFix, uri, ctx, [ctx.removePair(map, first)], d, false),
  ];
}

/** `Cpu: "1"` -> `Cpu: 1` for a number, boolean or integer written in quotes; `Name: 123` -> `Name: "123"` for a string. */
function typeFixes(ctx: EditContext, t: Titles, d: Diagnostic, uri: string): CodeAction[] {
  const at = ctx.valueAt(d.range);
  if (!at || !isScalar(at.node) || !at.node.range) return [];
  const types = typesOfSchema(schemaAtPath(at.path));
  const source = ctx.text.slice(at.node.range[0], at.node.range[1]).trim();
  const quoted = at.node.type === 'QUOTE_DOUBLE' || at.node.type === 'QUOTE_SINGLE';
  if (quoted && typeof at.node.value === 'string') {
    const inner = at.node.value.trim();
    const asNumber = inner !== '' && Number.isFinite(Number(inner)) ? Number(inner) : undefined;
    const fits =
      (asNumber !== undefined && (types.includes('number') || (types.includes('integer') && Number.isInteger(asNumber)))) ||
      (types.includes('boolean') && (inner === 'true' || inner === 'false'));
    if (!fits) return [];
    return [action(t.unquote(source), CodeActionKind.QuickFix, uri, ctx, [ctx.replaceNode(at.node, inner)], d, true)];
  }
  if (!quoted && types.includes('string') && (typeof at.node.value === 'number' || typeof at.node.value === 'boolean')) {
    const secret = (d.data as { secret?: boolean } | undefined)?.secret === true;
    return [action(secret ? t.quoteSecret : t.quote(source), CodeActionKind.QuickFix, uri, ctx, [ctx.replaceNode(at.node, JSON.stringify(source))], d, true)];
  }
  return [];
}

function typesOfSchema(node: JsonSchema | undefined): string[] {
  const n = resolveSchema(node);
  if (!n?.type) return [];
  return Array.isArray(n.type) ? n.type : [n.type];
}

// ---------------------------------------------------------------- suppression comments

/**
 * The user's overrule of the findings in `params` (after their fixes): "Ignore RULE-ID on this line",
 * one per suppressible finding. Kept apart from the fixes of the defects, which it does not fix.
 */
export function ignoreActions(parsed: ParsedDocument, params: CodeActionParams): CodeAction[] {
  if (!parsed.doc || params.only?.length && !params.only.some((k) => CodeActionKind.QuickFix === k || CodeActionKind.QuickFix.startsWith(`${k}.`))) return [];
  const t = T[localeOf(params.locale)];
  const ctx = new EditContext(parsed);
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  for (const d of params.diagnostics) {
    const code = typeof d.code === 'string' ? d.code : undefined;
    if (!code || (d.source !== undefined && d.source !== DIAGNOSTIC_SOURCE) || !isSuppressible(code)) continue;
    const key = `${code}:${d.range.start.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    try {
      out.push(...ignoreFix(ctx, t, code, d, params.uri));
    } catch {
      // Not offered rather than failing the request.
    }
  }
  return out;
}

/**
 * "Ignore RULE-ID on this line": adds the id to the line's `# eci-ignore` comment, or writes one at
 * the end of the line, or (when the line already ends with another comment) on its own line before.
 */
function ignoreFix(ctx: EditContext, t: Titles, code: string, d: Diagnostic, uri: string): CodeAction[] {
  const start = ctx.parsed.offsetAt({ line: d.range.start.line, character: 0 });
  const lineEnd = ctx.text.indexOf('\n', start);
  const end = lineEnd < 0 ? ctx.text.length : lineEnd;
  const line = ctx.text.slice(start, end).replace(/\r$/, '');
  let edit: OffsetEdit;
  const existing = lineDirective(line);
  if (existing) {
    const ids = line.slice(existing.start, existing.idsEnd);
    if (new RegExp(`[\\s,]${code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s,]|$)`).test(ids)) return [];
    edit = { start: start + existing.idsEnd, end: start + existing.idsEnd, newText: `, ${code}` };
  } else if (hasComment(line) || line.trim() === '') {
    const own = /^[ \t]*/.exec(line)![0];
    edit = { start, end: start, newText: `${own}${suppressionComment(code, t.ignoreReason)}\n` };
  } else {
    const content = line.replace(/\s+$/, '');
    edit = { start: start + content.length, end: start + line.length, newText: `  ${suppressionComment(code, t.ignoreReason)}` };
  }
  return [action(t.ignoreOnLine(code), CodeActionKind.QuickFix, uri, ctx, [edit], d, false)];
}

// ---------------------------------------------------------------- unknown keys

function unknownKeyFixes(ctx: EditContext, t: Titles, d: Diagnostic, suggestion: string | undefined, uri: string): CodeAction[] {
  const at = nodeAtOffset(ctx.parsed, ctx.parsed.offsetAt(d.range.start));
  const pairStep = [...at.chain].reverse().find((s) => s.kind === 'pair');
  if (!at.onKey || !pairStep) return [];
  const pair = pairStep.node as Pair<Node, Node | null>;
  const key = keyText(pair);
  if (!key || !isScalar(pair.key)) return [];
  const parentPath = at.path.slice(0, -1);
  const parentSchema = resolveSchema(schemaAtPath(parentPath));
  const allowed = Object.keys(parentSchema?.properties ?? {});
  const parts = key.split('.');
  if (parts.length > 1 && parts.every((p) => p.length > 0) && allowed.includes(parts[0])) {
    const edits = ctx.nestDottedKey(parentPath, pair, parts);
    return edits ? [action(t.nestKey(key), CodeActionKind.QuickFix, uri, ctx, edits, d, true)] : [];
  }
  const target = suggestion ?? nearest(key, allowed);
  if (!target || target === key) return [];
  // With the right key already there, renaming would duplicate it: offer removing the misspelled one.
  if (pairOf(ctx.nodeAt(parentPath), target)) return removeKeyFix(ctx, t, d, uri);
  return [action(t.renameKey(key, target), CodeActionKind.QuickFix, uri, ctx, [ctx.replaceNode(pair.key, target)], d, true)];
}

// ---------------------------------------------------------------- required keys

function requiredTarget(ctx: EditContext, d: Diagnostic): { path: DocPath; missing: string } | undefined {
  const data = (d.data ?? {}) as { path?: string; missing?: string };
  if (!data.missing || typeof data.path !== 'string') return undefined;
  const suffix = data.path === data.missing ? '' : `.${data.missing}`;
  if (suffix && !data.path.endsWith(suffix)) return undefined;
  const parentWire = data.path.slice(0, data.path.length - (suffix ? suffix.length : data.missing.length));
  const path = ctx.pathForWire(d.range, parentWire, true);
  return path ? { path, missing: data.missing } : undefined;
}

function requiredFixes(ctx: EditContext, t: Titles, path: DocPath, keys: string[], diagnostics: Diagnostic[], uri: string): CodeAction[] {
  const where = path.length ? wirePathOf(path) : t.theDocument;
  const schema = schemaAtPath(path);
  const entries = (ks: string[]) => ks.map((k) => ({ key: k, value: placeholder(resolveSchema(schema)?.properties?.[k]) }));
  const out: CodeAction[] = [];
  if (keys.length > 1) {
    const all = ctx.addPairs(path, entries(keys));
    if (all) out.push(action(t.addAllRequired(keys, where), CodeActionKind.QuickFix, uri, ctx, [all], diagnostics, true));
  }
  keys.forEach((k, i) => {
    const one = ctx.addPairs(path, entries([k]));
    const d = diagnostics.find((x) => (x.data as { missing?: string } | undefined)?.missing === k) ?? diagnostics[i];
    if (one) out.push(action(t.addRequired([k], where), CodeActionKind.QuickFix, uri, ctx, [one], d ? [d] : [], keys.length === 1));
  });
  return out;
}

/** A value for a key the user has to fill in: the schema's default or example, else the simplest valid value. */
export function placeholder(node: JsonSchema | undefined, depth = 0): unknown {
  const n = resolveSchema(node);
  if (!n || depth > 8) return '';
  const types = Array.isArray(n.type) ? n.type : n.type ? [n.type] : n.properties ? ['object'] : n.items ? ['array'] : [];
  if (n.enum?.length) return n.default !== undefined && n.enum.includes(n.default) ? n.default : n.enum[0];
  if (n.const !== undefined) return n.const;
  if (types.includes('object')) {
    const out: Record<string, unknown> = {};
    // What names an item (Name, Key) comes first, as people write it.
    const required = [...(n.required ?? [])].sort((a, b) => Number(b === 'Name' || b === 'Key') - Number(a === 'Name' || a === 'Key'));
    for (const k of required) out[k] = placeholder(n.properties?.[k], depth + 1);
    return out;
  }
  if (types.includes('array')) {
    const item = Array.isArray(n.items) ? n.items[0] : n.items;
    const min = n.minItems ?? 0;
    const itemSchema = resolveSchema(item);
    const wantsItem = min > 0 || (itemSchema?.required?.length ?? 0) > 0;
    return wantsItem ? Array.from({ length: Math.max(1, min) }, () => placeholder(item, depth + 1)) : [];
  }
  const example = n.examples?.find((e) => e !== null && typeof e !== 'object');
  if (example !== undefined && typeMatches(example, types)) return example;
  if (n.default !== undefined && typeMatches(n.default, types)) return n.default;
  if (types.includes('boolean')) return false;
  if (types.includes('integer') || types.includes('number')) {
    if (typeof n.minimum === 'number') return n.minimum;
    if (typeof n.exclusiveMinimum === 'number') return types.includes('integer') ? Math.floor(n.exclusiveMinimum) + 1 : n.exclusiveMinimum + 1;
    return 0;
  }
  return '';
}

function typeMatches(v: unknown, types: string[]): boolean {
  if (!types.length) return true;
  if (typeof v === 'number') return types.includes('number') || (types.includes('integer') && Number.isInteger(v));
  return types.includes(typeof v);
}

// ---------------------------------------------------------------- probes

function probeFixes(ctx: EditContext, t: Titles, d: Diagnostic, uri: string): CodeAction[] {
  const at = nodeAtOffset(ctx.parsed, ctx.parsed.offsetAt(d.range.start));
  const i = at.path.findIndex((s, k) => (s === 'ReadinessProbe' || s === 'LivenessProbe') && k >= 2 && typeof at.path[k - 1] === 'number');
  if (i < 0) return [];
  const probePath = at.path.slice(0, i + 1);
  const probe = ctx.nodeAt(probePath);
  if (!isMap(probe)) return [];
  const present = PROBE_HANDLERS.filter((h) => pairOf(probe, h));
  if (present.length < 2) return [];
  const probeName = wirePathOf(probePath);
  const out: CodeAction[] = [];
  if (present.length === 2) {
    for (const h of present) {
      const edit = ctx.removePair(probe, pairOf(probe, h)!);
      out.push(action(t.removeHandler(h, probeName), CodeActionKind.QuickFix, uri, ctx, [edit], d, false));
    }
  } else {
    for (const keep of present) {
      const removed = present.filter((h) => h !== keep);
      const edits = removed.map((h) => ctx.removePair(probe, pairOf(probe, h)!));
      out.push(action(t.keepOnlyHandler(keep, probeName, removed), CodeActionKind.QuickFix, uri, ctx, edits, d, false));
    }
  }
  return out;
}

// ---------------------------------------------------------------- building actions

function action(title: string, kind: string, uri: string, ctx: EditContext, edits: OffsetEdit[], diagnostics: Diagnostic | Diagnostic[] | undefined, isPreferred: boolean): CodeAction {
  const a: CodeAction = { title, kind, edit: ctx.workspaceEdit(uri, edits) };
  if (diagnostics) a.diagnostics = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
  if (isPreferred) a.isPreferred = true;
  return a;
}

function quoteStyle(node: Scalar): Scalar['type'] {
  return node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE' ? node.type : undefined;
}

/** Edits on one parsed document: where things are, and text changes that keep its indentation. */
class EditContext {
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
    let node = this.parsed.doc?.contents as Node | null | undefined;
    for (const seg of path) {
      if (typeof seg === 'number') node = isSeq(node) ? (node.items[seg] as Node) : undefined;
      else node = isMap(node) ? valueOf(node, seg) : undefined;
      if (node === undefined) return undefined;
    }
    return node;
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
      const text = this.blockPairs([{ key: rest[0], value: nested }], column).slice(column).replace(/\n$/, '');
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
