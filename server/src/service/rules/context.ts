// What a cross-field rule sees and how it reports. Each rule id of schemas/eci-rules.json is
// implemented once, in the family file of server/src/service/rules/ that its id prefix names.
import type { ParsedDocument } from '../parse';
import type { Messages, Locale } from '../messages';
import { resolveSchema, schemaAtPath, type DocPath } from '../schema';
import { nearest } from '../suggest';

/** Where a finding is shown: the key of the parameter, its value, or (for something missing) its parent. */
export type Anchor = 'key' | 'value' | 'parent';

export interface RuleContext {
  /** The document's value; rules run only when it is a mapping. */
  readonly value: Record<string, unknown>;
  readonly parsed: ParsedDocument;
  readonly m: Messages;
  readonly locale: Locale;
  /** Reports a finding of rule `id` about the parameter at `path` (severity comes from the rules file). */
  report(id: string, path: DocPath, message: string, anchor?: Anchor): void;
}

export interface RuleChecker {
  /** The rule ids of schemas/eci-rules.json this checker implements. */
  readonly ids: readonly string[];
  check(ctx: RuleContext): void;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The mapping items of a list parameter, with their indexes; other items are skipped. */
export function objectItems(v: unknown): [number, Record<string, unknown>][] {
  if (!Array.isArray(v)) return [];
  const out: [number, Record<string, unknown>][] = [];
  v.forEach((item, i) => {
    if (isObject(item)) out.push([i, item]);
  });
  return out;
}

/** The containers and init containers, each with the path of its list. */
export function allContainers(root: Record<string, unknown>): { list: 'Container' | 'InitContainer'; index: number; item: Record<string, unknown> }[] {
  const out: { list: 'Container' | 'InitContainer'; index: number; item: Record<string, unknown> }[] = [];
  for (const list of ['Container', 'InitContainer'] as const) {
    for (const [index, item] of objectItems(root[list])) out.push({ list, index, item });
  }
  return out;
}

/** True when a key is present with a value (YAML `Key:` with nothing after it reads as null). */
export function present(obj: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key) && obj[key] !== null && obj[key] !== undefined;
}

/** True when a value holds only "not set" values ("", 0, false, empty lists and mappings), as generators send them. */
export function allUnset(v: unknown): boolean {
  if (v === '' || v === 0 || v === false || v === null || v === undefined) return true;
  if (Array.isArray(v)) return v.every(allUnset);
  if (typeof v === 'object') return Object.values(v as Record<string, unknown>).every(allUnset);
  return false;
}

/**
 * True when `key` of the mapping `obj` (at document path `path`) has no usable value and the
 * schema's findings already say why: the key is written with nothing after it (a type finding),
 * or an unknown key of the same mapping is a near miss of it (the unknown-key finding with its
 * "did you mean"). A cross-field rule about that key stays silent then: one defect, one diagnostic.
 */
export function explainedBySchema(obj: Record<string, unknown>, path: DocPath, key: string): boolean {
  if (Object.prototype.hasOwnProperty.call(obj, key)) return !present(obj, key);
  const allowed = Object.keys(resolveSchema(schemaAtPath(path))?.properties ?? {});
  if (!allowed.includes(key)) return false;
  return Object.keys(obj).some((k) => !allowed.includes(k) && nearest(k, allowed) === key);
}
