// The document schema and the rules file as data, and navigation in the schema by document path.
// Nothing here restates a fact of the schema: every enum, range, description and default is read from it.
import {
  CONTAINER_GROUP_SCHEMA,
  ECI_RULES,
  type EciRule,
  type JsonSchema,
  type SchemaWarning,
} from './schemaVocabulary';

export type { EciRule, JsonSchema };
import type { Locale } from './messages';

/** An `x-warning` annotation (declared with the vocabulary in schemaVocabulary.ts). */
export type WarningAnnotation = SchemaWarning;

export const documentSchema: JsonSchema = CONTAINER_GROUP_SCHEMA;
export const ruleDefinitions: readonly EciRule[] = ECI_RULES;

const ruleById = new Map(ruleDefinitions.map((r) => [r.id, r]));
export function ruleDefinition(id: string): EciRule | undefined {
  return ruleById.get(id);
}

/** A path in the document: keys of mappings and indices of lists (any number means "an item"). */
export type DocPath = readonly (string | number)[];

/** Follows `$ref` (local JSON pointers only) and merges `allOf` so callers see one plain node. */
export function resolveSchema(node: JsonSchema | undefined, root: JsonSchema = documentSchema): JsonSchema | undefined {
  let n = node;
  for (let guard = 0; n && n.$ref && guard < 32; guard++) {
    const target = derefPointer(root, n.$ref);
    if (!target) return undefined;
    // Sibling keywords next to $ref (draft-07 ignores them, but annotations there are useful).
    const { $ref: _ignored, ...rest } = n;
    n = Object.keys(rest).length ? { ...target, ...rest } : target;
  }
  if (n && n.allOf && n.allOf.length) {
    let merged: JsonSchema = { ...n };
    delete merged.allOf;
    for (const part of n.allOf) {
      const r = resolveSchema(part, root);
      if (!r) continue;
      merged = {
        ...r,
        ...merged,
        properties: { ...(r.properties ?? {}), ...(merged.properties ?? {}) },
        required: [...new Set([...(r.required ?? []), ...(merged.required ?? [])])],
      };
    }
    n = merged;
  }
  return n;
}

const pointerCache = new Map<string, JsonSchema | undefined>();
function derefPointer(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  if (root === documentSchema && pointerCache.has(ref)) return pointerCache.get(ref);
  let cur: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
  }
  const out = cur && typeof cur === 'object' ? (cur as JsonSchema) : undefined;
  if (root === documentSchema) pointerCache.set(ref, out);
  return out;
}

/** The schema node's child for one path segment, or undefined when the schema does not describe it. */
export function childSchema(node: JsonSchema | undefined, segment: string | number): JsonSchema | undefined {
  const n = resolveSchema(node);
  if (!n) return undefined;
  if (typeof segment === 'number') {
    return resolveSchema(n.items);
  }
  const p = n.properties?.[segment];
  if (p) return resolveSchema(p);
  if (n.additionalProperties && typeof n.additionalProperties === 'object')
    return resolveSchema(n.additionalProperties);
  return undefined;
}

export function schemaAtPath(path: DocPath): JsonSchema | undefined {
  let n: JsonSchema | undefined = resolveSchema(documentSchema);
  for (const seg of path) {
    n = childSchema(n, seg);
    if (!n) return undefined;
  }
  return n;
}

/** The parameter's path in the reference's notation: `Container[].ReadinessProbe.HttpGet.Port`. */
export function wirePathOf(path: DocPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += '[]';
    else out += out ? `.${seg}` : seg;
  }
  return out;
}

/** Declared types of a node as a list (`['integer']`, `['string', 'null']`). */
export function typesOf(node: JsonSchema | undefined): string[] {
  const n = resolveSchema(node);
  if (!n) return [];
  if (Array.isArray(n.type)) return n.type;
  if (typeof n.type === 'string') return [n.type];
  if (n.properties) return ['object'];
  if (n.items) return ['array'];
  if (n.enum && n.enum.length) return [...new Set(n.enum.map((v) => jsonType(v)))];
  return [];
}

export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

export function isObjectSchema(node: JsonSchema | undefined): boolean {
  return typesOf(node).includes('object');
}

export function descriptionOf(node: JsonSchema | undefined, locale: Locale): string {
  const n = resolveSchema(node);
  if (!n) return '';
  return (locale === 'ja' ? n['x-description-ja'] : undefined) ?? n.description ?? '';
}

export function enumDescriptionsOf(node: JsonSchema | undefined, locale: Locale): (string | undefined)[] {
  const n = resolveSchema(node);
  if (!n || !n.enum) return [];
  const ja = n['x-enumDescriptions-ja'];
  const en = n.enumDescriptions;
  return n.enum.map((_, i) => (locale === 'ja' && ja?.[i]) || en?.[i]);
}

export function warningMessageOf(w: WarningAnnotation, locale: Locale): string {
  return (locale === 'ja' ? w['x-message-ja'] : undefined) ?? w.message;
}

export function patternDescriptionOf(node: JsonSchema | undefined, locale: Locale): string {
  const n = resolveSchema(node);
  if (!n) return '';
  return (locale === 'ja' ? n['x-patternDescription-ja'] : undefined) ?? n['x-patternDescription'] ?? '';
}

/** Allowed values of a scalar node: its enum, its const, or true/false for booleans. */
export function allowedValuesOf(node: JsonSchema | undefined): unknown[] {
  const n = resolveSchema(node);
  if (!n) return [];
  if (n.enum) return n.enum;
  if ('const' in n) return [n.const];
  if (typesOf(n).includes('boolean')) return [true, false];
  return [];
}
