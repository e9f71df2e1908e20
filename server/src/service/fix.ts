// What a quick fix is given and how it makes its code action. The generic fixes (actions.ts) and the
// fixes each cross-field rule carries (rules/<family>.ts, `fixes` of the rule) are written against it.
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { Pair, YAMLMap } from 'yaml';
import type { Messages } from './messages';
import { resolveSchema, type JsonSchema } from './schema';
import { keyText, nodeAtOffset } from './tree';
import type { EditContext, OffsetEdit } from './yamlEdit';

/** The quick fix titles, in the request's language (messages.ts `fix`). */
export type FixTitles = Messages['fix'];

/** The fixes of one finding: code actions (each a WorkspaceEdit on the document), none when no fix applies. */
export type QuickFix = (f: FixContext, d: Diagnostic) => CodeAction[];

/** One code action request's document, titles and uri, and the making of its actions. */
export class FixContext {
  constructor(
    readonly ctx: EditContext,
    readonly t: FixTitles,
    readonly uri: string,
  ) {}

  /** A quick fix of `d` made of `edits`. */
  quickFix(title: string, edits: OffsetEdit[], d: Diagnostic | Diagnostic[], isPreferred: boolean): CodeAction {
    return action(title, CodeActionKind.QuickFix, this.uri, this.ctx, edits, d, isPreferred);
  }

  /** Removes the pair whose key the diagnostic's range starts on. */
  removeKey(d: Diagnostic): CodeAction[] {
    const at = nodeAtOffset(this.ctx.parsed, this.ctx.parsed.offsetAt(d.range.start));
    const steps = at.chain;
    const pairIndex = steps.map((s) => s.kind).lastIndexOf('pair');
    if (pairIndex < 1 || steps[pairIndex - 1].kind !== 'map') return [];
    const map = steps[pairIndex - 1].node as YAMLMap;
    const pair = steps[pairIndex].node as Pair;
    const key = keyText(pair);
    if (!key) return [];
    return [this.quickFix(this.t.removeKey(key), [this.ctx.removePair(map, pair)], d, false)];
  }
}

export function action(
  title: string,
  kind: string,
  uri: string,
  ctx: EditContext,
  edits: OffsetEdit[],
  diagnostics: Diagnostic | Diagnostic[] | undefined,
  isPreferred: boolean,
): CodeAction {
  const a: CodeAction = { title, kind, edit: ctx.workspaceEdit(uri, edits) };
  if (diagnostics) a.diagnostics = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
  if (isPreferred) a.isPreferred = true;
  return a;
}

/** A value for a key the user has to fill in: the schema's default or example, else the simplest valid value. */
export function placeholder(node: JsonSchema | undefined, depth = 0): unknown {
  const n = resolveSchema(node);
  if (!n || depth > 8) return '';
  const types = Array.isArray(n.type)
    ? n.type
    : n.type
      ? [n.type]
      : n.properties
        ? ['object']
        : n.items
          ? ['array']
          : [];
  if (n.enum?.length) return n.default !== undefined && n.enum.includes(n.default) ? n.default : n.enum[0];
  if (n.const !== undefined) return n.const;
  if (types.includes('object')) {
    const out: Record<string, unknown> = {};
    // What names an item (Name, Key) comes first, as people write it.
    const required = [...(n.required ?? [])].sort(
      (a, b) => Number(b === 'Name' || b === 'Key') - Number(a === 'Name' || a === 'Key'),
    );
    for (const k of required) out[k] = placeholder(n.properties?.[k], depth + 1);
    return out;
  }
  if (types.includes('array')) {
    const item = n.items;
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
    if (typeof n.exclusiveMinimum === 'number')
      return types.includes('integer') ? Math.floor(n.exclusiveMinimum) + 1 : n.exclusiveMinimum + 1;
    return 0;
  }
  return '';
}

function typeMatches(v: unknown, types: string[]): boolean {
  if (!types.length) return true;
  if (typeof v === 'number') return types.includes('number') || (types.includes('integer') && Number.isInteger(v));
  return types.includes(typeof v);
}
