// Code actions on the service's own diagnostics, each a WorkspaceEdit on the document: the generic
// quick fixes (schema findings, YAML duplicates, ClientToken, required keys), the dispatch of a
// rule's finding to the fixes its rule carries (rules/<family>.ts), "Ignore RULE-ID on this line", and
// the "add a ClientToken" source action. Fixes find what to change from the diagnostic's range and
// `data` (wire path, suggestion, missing key) and from the schema; they never guess from the message
// text. Their edits are made by the YAML edit engine (yamlEdit.ts), their titles are messages.ts `fix`.
import { ACCOUNT_CODES } from './accountCodes';
import { accountFixes } from './accountFacts';
import { randomUUID } from 'node:crypto';
import { isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from './parse';
import { messagesFor } from './messages';
import { resolveSchema, schemaAtPath, wirePathOf, type DocPath, type JsonSchema } from './schema';
import { nearest } from './suggest';
import { keyText, nodeAtOffset, pairOf, pairSpan, scalarString } from './tree';
import { DIAGNOSTIC_SOURCE } from './diagnose';
import { ruleFixes } from './rules';
import { hasComment, isSuppressible, lineDirective, suppressionComment } from './suppress';
import { EditContext, quoteStyle, yamlScalar, type OffsetEdit } from './yamlEdit';
import { action, FixContext, placeholder, type QuickFix } from './fix';

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

/** The quick fixes for the diagnostics in `params`, plus source actions that need no diagnostic. */
export function codeActions(parsed: ParsedDocument, params: CodeActionParams): CodeAction[] {
  // No tree: refused or unreadable (nothing to edit), or an empty text (the required keys can be added).
  if (!parsed.doc && parsed.problems.length) return [];
  const t = messagesFor(params.locale).fix;
  const ctx = new EditContext(parsed);
  const f = new FixContext(ctx, t, params.uri);
  const out: CodeAction[] = [];
  const wants = (kind: string) =>
    !params.only?.length || params.only.some((k) => kind === k || kind.startsWith(`${k}.`));

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
          for (const k of Array.isArray(all) ? all.filter((x): x is string => typeof x === 'string') : [fix.missing])
            if (!g.keys.includes(k)) g.keys.push(k);
          g.diagnostics.push(d);
          requiredGroups.set(id, g);
          continue;
        }
        out.push(...fixesFor(f, code, d));
      } catch {
        // A quick fix that cannot be computed for an odd document is simply not offered.
      }
    }
    for (const g of requiredGroups.values()) {
      try {
        out.push(...requiredFixes(f, g.path, g.keys, g.diagnostics));
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

/** The generic quick fixes, by diagnostic code (a rule's own fixes are in its family file in rules/). */
const GENERIC_FIXES: Readonly<Record<string, QuickFix>> = {
  'schema.unknown-key': unknownKeyFixes,
  'schema.former-name': unknownKeyFixes,
  'schema.enum': enumFixes,
  'schema.type': typeFixes,
  'yaml.duplicate-key': duplicateKeyFixes,
  ...Object.fromEntries(ACCOUNT_CODES.map((code) => [code, accountFixes])),
};

/** The fixes of one finding: the rule's own, the generic ones of its code, or a fresh ClientToken. */
function fixesFor(f: FixContext, code: string, d: Diagnostic): CodeAction[] {
  const fixes = ruleFixes(code) ?? GENERIC_FIXES[code];
  if (fixes) return fixes(f, d);
  if ((d.data as { path?: string } | undefined)?.path === 'ClientToken') return clientTokenFix(f, d);
  return [];
}

/** Whatever is wrong with the ClientToken (length, characters, empty), a fresh UUID is a valid token. */
function clientTokenFix(f: FixContext, d: Diagnostic): CodeAction[] {
  const at = f.ctx.valueAt(d.range);
  if (!at || at.path.length !== 1 || at.path[0] !== 'ClientToken' || !isScalar(at.node)) return [];
  return [f.quickFix(f.t.generateClientToken, [f.ctx.replaceNode(at.node, randomUUID())], d, true)];
}

/** A value the enum does not allow -> the allowed value it was meant to be (by case, then by spelling). */
function enumFixes(f: FixContext, d: Diagnostic): CodeAction[] {
  const at = f.ctx.valueAt(d.range);
  if (!at || !isScalar(at.node)) return [];
  const current = scalarString(at.node);
  const allowed = (resolveSchema(schemaAtPath(at.path))?.enum ?? []).filter((v): v is string => typeof v === 'string');
  const suggestion =
    (d.data as { suggestion?: string } | undefined)?.suggestion ??
    (current === undefined
      ? undefined
      : (allowed.find((a) => a.toLowerCase() === current.toLowerCase()) ?? nearest(current, allowed)));
  if (current === undefined || suggestion === undefined || suggestion === current) return [];
  const edit = f.ctx.replaceNode(at.node, yamlScalar(suggestion, quoteStyle(at.node)));
  const caseOnly = suggestion.toLowerCase() === current.toLowerCase();
  return [f.quickFix(f.t.enumValue(current, suggestion), [edit], d, caseOnly)];
}

/**
 * The published diagnostic that `sent` stands for: same code and source, the same `data.path` when the
 * editor kept the data, on the same line; when several are left (two missing keys of one mapping),
 * the same message, then the nearest range. Undefined when none fits (the text changed since).
 */
export function publishedOriginal(
  sent: Diagnostic,
  published: readonly Diagnostic[],
  taken: Set<Diagnostic> = new Set(),
): Diagnostic | undefined {
  const sentData = sent.data as { path?: unknown; missing?: unknown } | undefined;
  const candidates = published.filter(
    (p) =>
      !taken.has(p) &&
      p.code === sent.code &&
      (sent.source === undefined || p.source === sent.source) &&
      p.range.start.line === sent.range.start.line &&
      (typeof sentData?.path !== 'string' || (p.data as { path?: unknown } | undefined)?.path === sentData.path) &&
      (typeof sentData?.missing !== 'string' ||
        (p.data as { missing?: unknown } | undefined)?.missing === sentData.missing),
  );
  if (!candidates.length) return undefined;
  const distance = (p: Diagnostic) =>
    Math.abs(p.range.start.character - sent.range.start.character) +
    Math.abs(p.range.end.character - sent.range.end.character) +
    Math.abs(p.range.end.line - sent.range.end.line) * 1000;
  const sameMessage = candidates.filter((p) => p.message === sent.message);
  const best = (sameMessage.length ? sameMessage : candidates).reduce((a, b) => (distance(b) < distance(a) ? b : a));
  taken.add(best);
  return best;
}

/** A key written twice in one mapping: remove this one, or keep this one and remove the first. */
function duplicateKeyFixes(f: FixContext, d: Diagnostic): CodeAction[] {
  const { ctx, t } = f;
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
    f.quickFix(t.removeDuplicate(key, lineOf(pair)), [ctx.removePair(map, pair)], d, false),
    f.quickFix(t.removeEarlier(key, lineOf(first)), [ctx.removePair(map, first)], d, false),
  ];
}

/** `Cpu: "1"` -> `Cpu: 1` for a number, boolean or integer written in quotes; `Name: 123` -> `Name: "123"` for a string. */
function typeFixes(f: FixContext, d: Diagnostic): CodeAction[] {
  const { ctx, t } = f;
  const at = ctx.valueAt(d.range);
  if (!at || !isScalar(at.node) || !at.node.range) return [];
  const types = typesOfSchema(schemaAtPath(at.path));
  const source = ctx.text.slice(at.node.range[0], at.node.range[1]).trim();
  const quoted = at.node.type === 'QUOTE_DOUBLE' || at.node.type === 'QUOTE_SINGLE';
  if (quoted && typeof at.node.value === 'string') {
    const inner = at.node.value.trim();
    const asNumber = inner !== '' && Number.isFinite(Number(inner)) ? Number(inner) : undefined;
    const fits =
      (asNumber !== undefined &&
        (types.includes('number') || (types.includes('integer') && Number.isInteger(asNumber)))) ||
      (types.includes('boolean') && (inner === 'true' || inner === 'false'));
    if (!fits) return [];
    return [f.quickFix(t.unquote(source), [ctx.replaceNode(at.node, inner)], d, true)];
  }
  if (
    !quoted &&
    types.includes('string') &&
    (typeof at.node.value === 'number' || typeof at.node.value === 'boolean')
  ) {
    const secret = (d.data as { secret?: boolean } | undefined)?.secret === true;
    return [
      f.quickFix(secret ? t.quoteSecret : t.quote(source), [ctx.replaceNode(at.node, JSON.stringify(source))], d, true),
    ];
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
  if (
    !parsed.doc ||
    (params.only?.length &&
      !params.only.some((k) => CodeActionKind.QuickFix === k || CodeActionKind.QuickFix.startsWith(`${k}.`)))
  )
    return [];
  const t = messagesFor(params.locale).fix;
  const ctx = new EditContext(parsed);
  const f = new FixContext(ctx, t, params.uri);
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  for (const d of params.diagnostics) {
    const code = typeof d.code === 'string' ? d.code : undefined;
    if (!code || (d.source !== undefined && d.source !== DIAGNOSTIC_SOURCE) || !isSuppressible(code)) continue;
    const key = `${code}:${d.range.start.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    try {
      out.push(...ignoreFix(f, code, d));
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
function ignoreFix(f: FixContext, code: string, d: Diagnostic): CodeAction[] {
  const { ctx, t } = f;
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
    edit = {
      start: start + content.length,
      end: start + line.length,
      newText: `  ${suppressionComment(code, t.ignoreReason)}`,
    };
  }
  return [f.quickFix(t.ignoreOnLine(code), [edit], d, false)];
}

// ---------------------------------------------------------------- unknown keys

function unknownKeyFixes(f: FixContext, d: Diagnostic): CodeAction[] {
  const { ctx, t } = f;
  const suggestion = (d.data as { suggestion?: string } | undefined)?.suggestion;
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
    return edits ? [f.quickFix(t.nestKey(key), edits, d, true)] : [];
  }
  const target = suggestion ?? nearest(key, allowed);
  if (!target || target === key) return [];
  // With the right key already there, renaming would duplicate it: offer removing the misspelled one.
  if (pairOf(ctx.nodeAt(parentPath), target)) return f.removeKey(d);
  return [f.quickFix(t.renameKey(key, target), [ctx.replaceNode(pair.key, target)], d, true)];
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

function requiredFixes(f: FixContext, path: DocPath, keys: string[], diagnostics: Diagnostic[]): CodeAction[] {
  const { ctx, t } = f;
  const where = path.length ? wirePathOf(path) : t.theDocument;
  const schema = schemaAtPath(path);
  const entries = (ks: string[]) =>
    ks.map((k) => ({ key: k, value: placeholder(resolveSchema(schema)?.properties?.[k]) }));
  const out: CodeAction[] = [];
  if (keys.length > 1) {
    const all = ctx.addPairs(path, entries(keys));
    if (all) out.push(f.quickFix(t.addAllRequired(keys, where), [all], diagnostics, true));
  }
  keys.forEach((k, i) => {
    const one = ctx.addPairs(path, entries([k]));
    const d = diagnostics.find((x) => (x.data as { missing?: string } | undefined)?.missing === k) ?? diagnostics[i];
    if (one) out.push(f.quickFix(t.addRequired([k], where), [one], d ? [d] : [], keys.length === 1));
  });
  return out;
}
