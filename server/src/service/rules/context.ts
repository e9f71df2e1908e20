// What a cross-field rule sees, how it reports, and what it tells the rest of the service (its quick
// fixes, whether its finding says something is missing). Each rule id of schemas/eci-rules.json is
// implemented once, in the family file of server/src/service/rules/ that its id prefix names.
import type { ParsedDocument } from '../parse';
import type { Messages, Locale } from '../messages';
import { resolveSchema, schemaAtPath, wirePathOf, type DocPath } from '../schema';
import { nearest } from '../suggest';
import type { QuickFix } from '../fix';

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

/** What the rest of the service knows of one rule id besides its check. */
export interface RuleTraits {
  /**
   * Its finding says something is missing in a mapping (a probe's handler, SpotPriceLimit, a Type...):
   * on a document read without a half-typed line, the recovery filter of diagnose.ts drops the finding
   * when that line, typed in the same mapping, may be what is missing.
   */
  readonly saysMissing?: boolean;
  /** Its quick fixes (actions.ts dispatches a finding of this id to them). */
  readonly fixes?: QuickFix;
}

/** One family of cross-field rules: the ids it implements, each with its traits, and the check of them all. */
export interface RuleFamily {
  /** The rule ids of schemas/eci-rules.json this family implements, with their traits. */
  readonly rules: Readonly<Record<string, RuleTraits>>;
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
export function allContainers(
  root: Record<string, unknown>,
): { list: 'Container' | 'InitContainer'; index: number; item: Record<string, unknown> }[] {
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

/**
 * Test mode: `value` seen through a proxy that calls `onRead` with the wire path of each value a rule
 * reads (present, not null), so a test can observe which parameters a rule examined on a document.
 */
export function tracedValue<T extends object>(
  value: T,
  onRead: (wirePath: string) => void,
  path: (string | number)[] = [],
): T {
  return new Proxy(value, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver) as unknown;
      if (
        typeof key !== 'string' ||
        !Object.prototype.hasOwnProperty.call(target, key) ||
        v === null ||
        v === undefined
      )
        return v;
      const seg = Array.isArray(target) && /^\d+$/.test(key) ? Number(key) : key;
      if (Array.isArray(target) && typeof seg === 'string') return v;
      const at = [...path, seg];
      onRead(wirePathOf(at));
      return typeof v === 'object' ? tracedValue(v as object, onRead, at) : v;
    },
  });
}
