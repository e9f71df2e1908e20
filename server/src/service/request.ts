// Document -> wire-ready CreateContainerGroup parameters.
//
// The YAML tree is walked together with the schema: mapping keys are wire names, lists become
// `.1`, `.2`, ..., so `Container: [{ReadinessProbe: {HttpGet: {Path: /healthz}}}]` becomes
// `Container.1.ReadinessProbe.HttpGet.Path=/healthz`. Values are the strings the SDK would send
// (`true`/`false`, JavaScript number formatting); string parameters keep the text as written.
// The schema's `x-sdk: missing` and `x-secret` annotations say which keys the SDK model lacks and
// which values are secrets. Nothing the user wrote is dropped: a key the schema does not describe
// is still flattened (the diagnostics report it and block sending).
import { isAlias, isMap, isScalar, isSeq, Scalar, type Node, type Pair } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from './parse';
import { MAX_EXPANDED_VALUES, resolveAlias } from './ast';
import { nodeSpan } from './tree';
import { childSchema, documentSchema, resolveSchema, typesOf, type JsonSchema } from './schema';

export interface WireRequest {
  /** Flattened wire parameters (`Container.1.Name` -> `web`), every parameter the document sets. */
  params: Record<string, string>;
  /** Keys of `params` that the SDK model lacks (sent through RuntimeOptions.extendsParameters.queries). */
  sdkMissing: string[];
  /** Keys of `params` whose values are secrets: `x-secret` parameters and the environment values of
   *  containers with `EnvironmentVarHide: true`. */
  secrets: string[];
  /** Where each key's value is written in the document. */
  locations: Record<string, Range>;
  /** Keys of `params` the schema does not describe (reported as errors by the diagnostics). */
  undocumented: string[];
}

interface Ctx {
  parsed: ParsedDocument;
  out: WireRequest;
  budget: number;
}

/** The string the SDK sends for a scalar (JavaScript's own String() of numbers and booleans). */
function wireString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function keyOf(pair: Pair): string | undefined {
  const k = pair.key as unknown;
  if (isScalar(k)) return k.value === null || k.value === undefined ? undefined : String(k.value);
  if (typeof k === 'string') return k;
  return undefined;
}

/** Builds the wire request of a parsed document. Never throws for any document. */
export function buildWireRequest(parsed: ParsedDocument): WireRequest {
  const out: WireRequest = { params: {}, sdkMissing: [], secrets: [], locations: {}, undocumented: [] };
  const root = parsed.doc?.contents as Node | null | undefined;
  if (!root) return out;
  const ctx: Ctx = { parsed, out, budget: MAX_EXPANDED_VALUES };
  // The request is a mapping of parameters; anything else is reported by the diagnostics.
  if (!isMap(deref(ctx, root))) return out;
  walk(ctx, root, '', resolveSchema(documentSchema), { missing: false, secret: false, documented: true });
  markHiddenEnvironment(out);
  return out;
}

interface Inherited {
  missing: boolean;
  secret: boolean;
  documented: boolean;
}

function deref(ctx: Ctx, node: Node | null | undefined): Node | undefined {
  let n: unknown = node;
  for (let i = 0; i < 32 && isAlias(n); i++) n = ctx.parsed.doc ? resolveAlias(ctx.parsed.doc, n) : undefined;
  return (n as Node | undefined) ?? undefined;
}

function walk(
  ctx: Ctx,
  raw: Node | null | undefined,
  key: string,
  schema: JsonSchema | undefined,
  inherited: Inherited,
): void {
  if (--ctx.budget < 0) return; // an alias bomb: the diagnostics report it and block sending
  const node = deref(ctx, raw);
  if (!node) return;
  const here: Inherited = {
    // Documented but absent from the SDK model, or found in other official clients only (x-foundIn).
    missing: inherited.missing || schema?.['x-sdk'] === 'missing' || schema?.['x-foundIn'] !== undefined,
    secret: inherited.secret || schema?.['x-secret'] === true,
    documented: inherited.documented && schema !== undefined,
  };
  if (isMap(node)) {
    for (const item of node.items) {
      const pair = item as Pair;
      const k = keyOf(pair);
      if (k === undefined || k === '') continue;
      walk(ctx, pair.value as Node | null, key ? `${key}.${k}` : k, childSchema(schema, k), here);
    }
    return;
  }
  if (isSeq(node)) {
    node.items.forEach((item, i) => walk(ctx, item as Node | null, `${key}.${i + 1}`, childSchema(schema, i), here));
    return;
  }
  if (isScalar(node)) {
    if (node.value === null || node.value === undefined || !key) return;
    const value = scalarText(ctx, node, raw ?? node, schema);
    const out = ctx.out;
    out.params[key] = value;
    const offsets = nodeSpan(ctx.parsed.text, raw ?? node) ?? nodeSpan(ctx.parsed.text, node);
    if (offsets) out.locations[key] = ctx.parsed.range(offsets[0], Math.max(offsets[1], offsets[0]));
    if (here.missing) out.sdkMissing.push(key);
    if (here.secret) out.secrets.push(key);
    if (!here.documented) out.undocumented.push(key);
  }
}

/**
 * The wire text of a scalar: a string parameter keeps the text as written when YAML read it as
 * another type (`Value: 1.10` stays `1.10`, `Tag: 007` stays `007`); other parameters get the
 * SDK's formatting of the value.
 */
function scalarText(ctx: Ctx, node: Scalar, written: Node, schema: JsonSchema | undefined): string {
  const v = node.value;
  // A file mode (x-octalMode) travels as its digits are written: 0644 stays 0644, not 644.
  const octal = schema?.['x-octalMode'] === true;
  if (
    typeof v !== 'string' &&
    (octal || (typesOf(schema).includes('string') && !typesOf(schema).includes(jsType(v))))
  ) {
    if (node.type === Scalar.PLAIN) {
      const o = nodeSpan(ctx.parsed.text, node) ?? nodeSpan(ctx.parsed.text, written);
      if (o) return ctx.parsed.text.slice(o[0], o[1]);
    }
  }
  return wireString(v);
}

function jsType(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** `Container.N.EnvironmentVar.M.Value` is secret when `Container.N.EnvironmentVarHide` is true. */
function markHiddenEnvironment(out: WireRequest): void {
  const secret = new Set(out.secrets);
  for (const key of Object.keys(out.params)) {
    const m = /^((?:Init)?Container\.\d+)\.EnvironmentVar\.\d+\.Value$/.exec(key);
    if (m && out.params[`${m[1]}.EnvironmentVarHide`] === 'true' && !secret.has(key)) {
      secret.add(key);
      out.secrets.push(key);
    }
  }
}
