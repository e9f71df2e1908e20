// Flattened wire parameters -> the SDK's CreateContainerGroupRequest model.
//
// The SDK's model constructors take camelCase property names and silently drop anything else, and
// nested objects must become model instances. The translation is generic: every wire name is looked
// up in the models' own static names() (camelCase -> PascalCase) and types() maps, walking nested
// model classes and `.N` list indexes. Whatever the model cannot carry (the 4 documented parameters
// the SDK lacks, or anything else) goes into RuntimeOptions.extendsParameters.queries, which the SDK
// merges into the same signed query. Finally the SDK's own flattening of the built model is compared
// with the intended parameters, so a key the model would drop or rewrite is sent through the
// extension queries instead: nothing the user wrote is lost or changed.

/** A model class of the SDK (a $tea.Model subclass). */
export interface SdkModelClass {
  new (map?: Record<string, unknown>): { toMap(): Record<string, unknown> };
  names(): Record<string, string>;
  types(): Record<string, unknown>;
}

type FieldType =
  | string
  | SdkModelClass
  | { type: 'array'; itemType: FieldType }
  | { type: 'map'; keyType: FieldType; valueType: FieldType };

interface Field {
  prop: string;
  type: FieldType;
}

const fieldCache = new WeakMap<SdkModelClass, Map<string, Field>>();

function isModelClass(t: unknown): t is SdkModelClass {
  return (
    typeof t === 'function' &&
    typeof (t as SdkModelClass).names === 'function' &&
    typeof (t as SdkModelClass).types === 'function'
  );
}

/** PascalCase wire name -> {camelCase property, type} of a model class. */
function fieldsOf(cls: SdkModelClass): Map<string, Field> {
  let m = fieldCache.get(cls);
  if (!m) {
    m = new Map();
    const names = cls.names();
    const types = cls.types();
    for (const prop of Object.keys(names)) m.set(names[prop], { prop, type: types[prop] as FieldType });
    fieldCache.set(cls, m);
  }
  return m;
}

/** The value the SDK would send as this exact string, typed as the model says when that round-trips. */
function typedLeaf(type: FieldType, value: string): unknown {
  if (type === 'number' && /^-?\d+(\.\d+)?$/.test(value) && String(Number(value)) === value) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

const INDEX = /^[1-9]\d*$/;

/**
 * Places one flattened key into the camelCase tree for `root`. Returns false when the model
 * cannot carry the key (it then travels as an extension query).
 */
function place(root: SdkModelClass, tree: Record<string, unknown>, key: string, value: string): boolean {
  const segs = key.split('.');
  let cls: SdkModelClass = root;
  let node: Record<string, unknown> = tree;
  // Assignments are collected and applied only when the whole path resolves.
  const writes: (() => void)[] = [];
  let i = 0;
  while (i < segs.length) {
    const field = fieldsOf(cls).get(segs[i]);
    if (!field) return false;
    const last = i === segs.length - 1;
    const t = field.type;
    const parent = node;
    if (typeof t === 'string') {
      if (!last || t === 'map' || t === 'any' || t === 'Readable') return false;
      writes.push(() => {
        parent[field.prop] = typedLeaf(t, value);
      });
      break;
    }
    if (isModelClass(t)) {
      if (last) return false;
      const child = (parent[field.prop] as Record<string, unknown> | undefined) ?? {};
      writes.push(() => {
        parent[field.prop] = child;
      });
      node = child;
      cls = t;
      i += 1;
      continue;
    }
    if (t && typeof t === 'object' && t.type === 'array') {
      const idx = segs[i + 1];
      if (idx === undefined || !INDEX.test(idx)) return false;
      const n = Number(idx) - 1;
      const arr = (parent[field.prop] as unknown[] | undefined) ?? [];
      writes.push(() => {
        parent[field.prop] = arr;
      });
      const item = t.itemType;
      if (typeof item === 'string') {
        if (i + 1 !== segs.length - 1) return false;
        writes.push(() => {
          arr[n] = typedLeaf(item, value);
        });
        break;
      }
      if (isModelClass(item)) {
        if (i + 1 === segs.length - 1) return false;
        const child = (arr[n] as Record<string, unknown> | undefined) ?? {};
        writes.push(() => {
          arr[n] = child;
        });
        node = child;
        cls = item;
        i += 2;
        continue;
      }
      return false;
    }
    return false;
  }
  for (const w of writes) w();
  return true;
}

export interface SdkRequestParts<R> {
  /** The SDK request model, built through its constructor from camelCase properties. */
  request: R;
  /** Parameters sent through RuntimeOptions.extendsParameters.queries (signed like the others). */
  extensionQueries: Record<string, string>;
  /** Keys of the input the model could not carry (a superset of sdkMissing when the SDK changes). */
  notInModel: string[];
}

/** The SDK's own flattening of a model (what ends up in the signed query). */
export type SdkFlatten = (model: { toMap(): Record<string, unknown> }) => Record<string, string>;

/**
 * Builds the SDK request for `params`. `sdkMissing` keys always go through the extension queries;
 * every other key goes into the model when the model has it, else into the extension queries too.
 */
export function toSdkRequest<R extends { toMap(): Record<string, unknown> }>(
  RequestClass: SdkModelClass & (new (map?: Record<string, unknown>) => R),
  params: Record<string, string>,
  sdkMissing: Iterable<string>,
  flatten: SdkFlatten,
): SdkRequestParts<R> {
  const missing = new Set(sdkMissing);
  const build = (excluded: Set<string>) => {
    const tree: Record<string, unknown> = {};
    const extensionQueries: Record<string, string> = {};
    const notInModel: string[] = [];
    for (const key of Object.keys(params)) {
      const value = params[key];
      if (missing.has(key) || excluded.has(key) || !place(RequestClass, tree, key, value)) {
        extensionQueries[key] = value;
        if (!missing.has(key)) notInModel.push(key);
      }
    }
    return { request: new RequestClass(tree) as R, extensionQueries, notInModel };
  };
  let built = build(new Set());
  // The SDK's own flattening must reproduce every modelled key exactly; a key it would drop or
  // rewrite is taken out of the model (the query of the model wins over extension queries).
  const sent = flatten(built.request);
  const differing = Object.keys(params).filter((k) => !(k in built.extensionQueries) && sent[k] !== params[k]);
  const unexpected = Object.keys(sent).filter((k) => !(k in params));
  if (differing.length || unexpected.length) {
    built = build(new Set(differing));
    const again = flatten(built.request);
    const still = Object.keys(again).filter(
      (k) => !(k in params) || (again[k] !== params[k] && !(k in built.extensionQueries)),
    );
    if (still.length)
      throw new Error(
        `The SDK model changes these parameters on the wire: ${still.join(', ')}. This is a bug of the ECI extension; please report it.`,
      );
  }
  const { request, extensionQueries, notInModel } = built;
  return { request, extensionQueries, notInModel };
}
