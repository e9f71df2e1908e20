// Diagnostics of a *.eci.yaml document: YAML syntax, the document schema (via ajv), the
// cross-field rules of schemas/eci-rules.json, and the schema's x-warning annotations.
// One defect gives one diagnostic; every diagnostic names the parameter by its wire path.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { ErrorObject } from 'ajv';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { validateDocument } from './documentValidator';
import type { ParsedDocument } from './parse';
import { MAX_DOCUMENT_CHARS, MAX_NESTING } from './parse';
import { localeOf, messagesFor, type Locale, type Messages } from './messages';
import {
  childSchema,
  documentSchema,
  jsonType,
  patternDescriptionOf,
  resolveSchema,
  ruleDefinition,
  schemaAtPath,
  typesOf,
  warningMessageOf,
  wirePathOf,
  type DocPath,
  type JsonSchema,
} from './schema';
import {
  MAX_ALIAS_EXPANSION,
  documentStartRange,
  documentValue,
  keyRangeOf,
  locate,
  parentRange,
  valueRange,
} from './ast';
import { nodeSpan } from './tree';
import { nearest } from './suggest';
import { RULE_FAMILIES, idsOf, ruleTraits } from './rules';
import { allUnset, tracedValue, type Anchor, type RuleContext } from './rules/context';

export const DIAGNOSTIC_SOURCE = 'eci';
/** Schema problems reported at most; a summary diagnostic counts the rest. */
export const MAX_SCHEMA_PROBLEMS = 500;

/** Extra data on a diagnostic, for quick fixes and machine-readable output. */
export interface DiagnosticData {
  /** The parameter's wire path (`Container[].Name`). */
  path: string;
  /** The suggested replacement (a key name or an enum value). */
  suggestion?: string;
  /** Missing required key, for `schema.required`. */
  missing?: string;
  /** Every missing required key, when one finding names several (the empty document). */
  missingKeys?: string[];
  /** The value is a secret: front ends (quick-fix titles) must not quote it either. */
  secret?: true;
}

export function diagnose(parsed: ParsedDocument, locale?: string): Diagnostic[] {
  const loc = localeOf(locale);
  const m = messagesFor(loc);
  const out: Diagnostic[] = [];
  for (const p of parsed.problems) {
    const detail = p.kind ? m.syntax[p.kind](p.subject ?? '') : (p.yamlCode && m.yamlErrors[p.yamlCode]) || p.message;
    out.push(diagnostic(p.range, syntaxMessage(m, p.code, detail, parsed), p.code, DiagnosticSeverity.Error));
  }
  if (!parsed.doc && parsed.problems.length) return sortByPosition(out);
  // With the YAML itself broken, schema findings would describe the parser's guess: report the syntax
  // only. Unless one stray line (a key being typed) was the whole problem: then the document read
  // without that line is checked too, so the other findings do not vanish with each key typed.
  const syntaxProblems = parsed.problems.filter((p) => p.code === 'yaml.syntax').length;
  const recovered = parsed.recoveredLine !== undefined && syntaxProblems === 1;
  if (syntaxProblems && !recovered) return sortByPosition(out);

  const v = documentValue(parsed);
  if (!v.ok) {
    const range = v.alias ? aliasRange(parsed, v.alias) : documentStartRange(parsed);
    const message =
      v.problem === 'unresolved-alias' ? m.unresolvedAlias(v.name) : m.excessiveAliases(v.limit ?? MAX_ALIAS_EXPANSION);
    out.push(
      diagnostic(
        range,
        message,
        v.problem === 'unresolved-alias' ? 'yaml.unresolved-alias' : 'yaml.excessive-aliases',
        DiagnosticSeverity.Error,
      ),
    );
    return sortByPosition(out);
  }
  const value = v.value;
  if (value === null || value === undefined) {
    if (recovered) return sortByPosition(out);
    // An empty document (nothing, comments, `---`): one finding naming what a container group needs.
    const keys = (documentSchema.required ?? []) as string[];
    const d = diagnostic(
      documentStartRange(parsed),
      m.emptyDocument(keys),
      'schema.required',
      DiagnosticSeverity.Error,
      { path: keys[0] ?? '', missing: keys[0] ?? '', missingKeys: keys },
    );
    out.push(d);
    return sortByPosition(out);
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    const kind = Array.isArray(value) ? m.kindList : m.kindScalar(JSON.stringify(value).slice(0, 60));
    out.push(
      diagnostic(documentStartRange(parsed), m.notAMapping(kind), 'yaml.not-a-mapping', DiagnosticSeverity.Error),
    );
    return sortByPosition(out);
  }
  const root = value as Record<string, unknown>;
  const findings = [
    ...schemaDiagnostics(parsed, root, m, loc),
    ...ruleDiagnostics(parsed, root, m, loc),
    ...warningDiagnostics(parsed, root, loc),
  ];
  out.push(...(recovered ? notExplainedByLine(parsed, parsed.recoveredLine!, findings) : findings));
  return sortByPosition(out);
}

function aliasRange(parsed: ParsedDocument, alias: Node): Range {
  const o = nodeSpan(parsed.text, alias);
  return o ? parsed.range(o[0], Math.max(o[1], o[0] + 1)) : documentStartRange(parsed);
}

/**
 * The findings of a document read without its broken line `line`, minus those the half-typed line
 * could explain: something missing in the mapping being typed in (a required key, a probe's handler,
 * SpotPriceLimit...), and anything on the line itself.
 */
function notExplainedByLine(parsed: ParsedDocument, line: number, findings: Diagnostic[]): Diagnostic[] {
  const typedIn = mappingTypedIn(parsed, line);
  return findings.filter((d) => {
    if (d.range.start.line === line) return false;
    if (!typedIn) return true;
    const code = String(d.code);
    if (code !== 'schema.required' && !ruleTraits(code)?.saysMissing) return true;
    const path = (d.data as DiagnosticData | undefined)?.path ?? '';
    const parent = wirePathOf(typedIn.path);
    const rest = parent
      ? path.startsWith(parent + '.')
        ? path.slice(parent.length + 1)
        : path === parent
          ? ''
          : undefined
      : path;
    if (rest === undefined || /[.[]/.test(rest)) return true;
    return !(d.range.start.line >= typedIn.firstLine && d.range.start.line <= typedIn.lastLine);
  });
}

/**
 * The block mapping the broken line was meant for, by indentation: of the mappings above it that no
 * less indented line has closed, the innermost one whose keys start at or left of the line's column.
 * Its lines run from its key (or its list item's first line) to the broken line.
 */
function mappingTypedIn(
  parsed: ParsedDocument,
  line: number,
): { path: DocPath; firstLine: number; lastLine: number } | undefined {
  const lines = parsed.text.split('\n');
  const indentOf = (l: number) => /^[ \t]*/.exec(lines[l] ?? '')![0].length;
  const col = indentOf(line);
  if ((lines[line] ?? '').slice(col).startsWith('- ')) return undefined;
  // For each line, the least indentation of the content lines from it to the broken line (exclusive).
  const minIndentAfter: number[] = new Array(line + 1).fill(Infinity);
  for (let l = line - 1; l >= 0; l--) {
    const t = lines[l].trim();
    minIndentAfter[l] = Math.min(minIndentAfter[l + 1], t && !t.startsWith('#') ? indentOf(l) : Infinity);
  }
  let best: { path: DocPath; keyLine: number; keyCol: number } | undefined;
  const walk = (node: unknown, path: DocPath) => {
    if (isMap(node)) {
      const first = node.items[0]?.key as Node | undefined;
      const at = first?.range ? parsed.positionAt(first.range[0]) : undefined;
      const open = at && at.line < line && at.character <= col && minIndentAfter[at.line + 1] >= at.character;
      if (open && (!best || at.character > best.keyCol || (at.character === best.keyCol && at.line > best.keyLine)))
        best = { path, keyLine: at.line, keyCol: at.character };
      for (const p of node.items) if (isScalar(p.key)) walk(p.value, [...path, String(p.key.value)]);
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    }
  };
  walk(parsed.doc?.contents, []);
  if (!best && isMap(parsed.doc?.contents)) best = { path: [], keyLine: 0, keyCol: 0 };
  if (!best) return undefined;
  if (!best.path.length) return { path: [], firstLine: 0, lastLine: lines.length };
  return {
    path: best.path,
    firstLine: Math.min(parentRange(parsed, best.path).start.line, best.keyLine),
    lastLine: line,
  };
}

function sortByPosition(list: Diagnostic[]): Diagnostic[] {
  return list.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

function diagnostic(
  range: Range,
  message: string,
  code: string,
  severity: DiagnosticSeverity,
  data?: DiagnosticData,
): Diagnostic {
  const d: Diagnostic = { range, message, code, source: DIAGNOSTIC_SOURCE, severity };
  if (data) d.data = data;
  return d;
}

function syntaxMessage(m: Messages, code: string, english: string, parsed: ParsedDocument): string {
  switch (code) {
    case 'yaml.too-large':
      return m.tooLarge(parsed.text.length, MAX_DOCUMENT_CHARS);
    case 'yaml.too-deep':
      return m.tooDeep(MAX_NESTING);
    case 'yaml.multiple-documents':
      return m.multipleDocuments();
    case 'yaml.duplicate-key':
      return m.duplicateKey(english);
    default:
      return m.yamlSyntax(english);
  }
}

// ---------------------------------------------------------------- schema

/** ajv's instancePath -> document path (list indexes as numbers, decided by the data). */
function instancePath(pointer: string, root: unknown): (string | number)[] {
  if (!pointer) return [];
  const out: (string | number)[] = [];
  let cur: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      const i = Number(seg);
      out.push(i);
      cur = cur[i];
    } else {
      out.push(seg);
      cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

/** The diagnostic code of a finding of a JSON Schema keyword (the catalogue lists each one a schema keyword gives). */
export function schemaCodeOf(keyword: string): string {
  return CODE_OF_KEYWORD[keyword] ?? `schema.${keyword}`;
}

const CODE_OF_KEYWORD: Record<string, string> = {
  additionalProperties: 'schema.unknown-key',
  exclusiveMinimum: 'schema.minimum',
  exclusiveMaximum: 'schema.maximum',
  const: 'schema.enum',
};

/** Keywords whose findings are about the value itself; one of them per value is enough. */
const VALUE_PRIORITY = [
  'type',
  'enum',
  'const',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'exclusiveMinimum',
  'maximum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
];

function schemaDiagnostics(
  parsed: ParsedDocument,
  root: Record<string, unknown>,
  m: Messages,
  locale: Locale,
): Diagnostic[] {
  const all = validateDocument(root);
  if (!all.length) return [];
  // A document with thousands of problems is shown its first ones (each costs a walk to its node).
  const errors = all.length > MAX_SCHEMA_PROBLEMS ? all.slice(0, MAX_SCHEMA_PROBLEMS) : all;
  // Composite keywords (anyOf/oneOf/if...) only summarise their branches' errors: drop them.
  const relevant = errors.filter(
    (e) => !['anyOf', 'oneOf', 'allOf', 'if', 'then', 'else', 'not', '$ref'].includes(e.keyword),
  );
  // One finding per value: keep the most basic keyword per instance path.
  const byPath = new Map<string, ErrorObject>();
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of relevant) {
    if (e.keyword === 'required' || e.keyword === 'additionalProperties') {
      const extra =
        e.keyword === 'required'
          ? (e.params as { missingProperty: string }).missingProperty
          : (e.params as { additionalProperty: string }).additionalProperty;
      const id = `${e.instancePath}\u0000${e.keyword}\u0000${extra}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(schemaDiagnostic(parsed, root, m, locale, e));
      continue;
    }
    const prev = byPath.get(e.instancePath);
    const rank = (k: string) => {
      const i = VALUE_PRIORITY.indexOf(k);
      return i < 0 ? VALUE_PRIORITY.length : i;
    };
    if (!prev || rank(e.keyword) < rank(prev.keyword)) byPath.set(e.instancePath, e);
  }
  // A misspelled key and the required key it was meant to be are one defect: keep the
  // "did you mean" finding, drop the "missing" one.
  const misspelt = new Set(
    out
      .filter(
        (d) =>
          (d.code === 'schema.unknown-key' || d.code === 'schema.former-name') && (d.data as DiagnosticData).suggestion,
      )
      .map((d) => (d.data as DiagnosticData).path.replace(/[^.[\]]+$/, '') + (d.data as DiagnosticData).suggestion),
  );
  for (let i = out.length - 1; i >= 0; i--) {
    const data = out[i].data as DiagnosticData | undefined;
    if (out[i].code === 'schema.required' && data && misspelt.has(data.path)) out.splice(i, 1);
  }
  // A file mode quoted as digits ('0644') is accepted: rule config-file.mode-octal judges its digits.
  for (const [p, e] of byPath) {
    if (
      e.keyword === 'type' &&
      typeof e.data === 'string' &&
      resolveSchema(schemaAtPath(instancePath(p, root)))?.['x-octalMode']
    )
      byPath.delete(p);
  }
  // A value whose type is wrong reports only that, and nothing about what lies below it.
  const typeBroken = [...byPath.values()].filter((e) => e.keyword === 'type').map((e) => e.instancePath);
  for (const e of byPath.values()) {
    if (typeBroken.some((p) => e.instancePath !== p && e.instancePath.startsWith(p + '/'))) continue;
    out.push(schemaDiagnostic(parsed, root, m, locale, e));
  }
  if (all.length > errors.length)
    out.push(
      diagnostic(
        documentStartRange(parsed),
        m.tooManyProblems(errors.length, all.length),
        'schema.too-many',
        DiagnosticSeverity.Error,
      ),
    );
  return out;
}

function unitSuffix(node: JsonSchema | undefined): string {
  const u = resolveSchema(node)?.['x-unit'];
  return u ? ` ${u}` : '';
}

function typeName(m: Messages, t: string): string {
  return m.typeNames[t] ?? t;
}

function describeActual(m: Messages, data: unknown): string {
  const t = jsonType(data);
  if (t === 'null') return m.typeNames.null;
  if (t === 'object' || t === 'array') return typeName(m, t);
  return `${typeName(m, t === 'integer' ? 'number' : t)} ${JSON.stringify(data).slice(0, 80)}`;
}

function schemaDiagnostic(
  parsed: ParsedDocument,
  root: Record<string, unknown>,
  m: Messages,
  locale: Locale,
  e: ErrorObject,
): Diagnostic {
  const path = instancePath(e.instancePath, root);
  const wire = wirePathOf(path);
  const code = schemaCodeOf(e.keyword);
  const node = schemaAtPath(path);
  const sev = DiagnosticSeverity.Error;
  // A secret's value is never quoted in a message (messages reach terminals, CI logs and SARIF uploads).
  const secret = isSecretPath(root, path, node);
  const shownValue = (v: unknown, max = 100) => (secret ? m.secretValue : JSON.stringify(v).slice(0, max));
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const full = [...path, key];
      const parentSchema = resolveSchema(node);
      const allowed = Object.keys(parentSchema?.properties ?? {});
      const today = formerNameOf(parentSchema, key);
      if (today) {
        // A name older official clients used: still an error (the service reads today's name only), told as such.
        return diagnostic(
          keyRangeOf(parsed, full),
          m.formerName(key, path.length ? wire : m.unknownKeyRoot, today),
          'schema.former-name',
          sev,
          { path: wirePathOf(full), suggestion: today },
        );
      }
      let message = m.unknownKey(key, path.length ? wire : m.unknownKeyRoot);
      let suggestion: string | undefined;
      const dotted = key.split('.');
      if (dotted.length > 1 && allowed.includes(dotted[0])) {
        message = m.sentences(message, m.dottedKey(key, nestedForm(dotted)));
      } else {
        suggestion = nearest(key, allowed);
        if (suggestion) message = m.sentences(message, m.didYouMean(suggestion));
        else if (allowed.length === 0) message = m.sentences(message, m.noKeysAllowed);
        else if (allowed.length <= 12) message = m.sentences(message, m.allowedKeys(allowed));
      }
      return diagnostic(keyRangeOf(parsed, full), message, code, sev, {
        path: wirePathOf(full),
        ...(suggestion ? { suggestion } : {}),
      });
    }
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const where = path.length ? m.requiredIn(wire) : m.requiredAtRoot;
      return diagnostic(parentRange(parsed, path), m.required(wirePathOf([...path, missing]), where), code, sev, {
        path: wirePathOf([...path, missing]),
        missing,
      });
    }
    case 'type': {
      const expectedTypes = String((e.params as { type: string | string[] }).type).split(',');
      const expected = expectedTypes.map((t) => typeName(m, t)).join(' / ');
      const loc = locate(parsed, path);
      const raw = scalarSource(parsed, loc.value);
      let message: string;
      if (secret) {
        message =
          expectedTypes.includes('string') &&
          (typeof e.data === 'number' || typeof e.data === 'boolean') &&
          raw &&
          !/^["']/.test(raw)
            ? m.typeUnquoteSecret(wire, typeof e.data === 'boolean')
            : m.type(wire, expected, typeName(m, jsonType(e.data) === 'integer' ? 'number' : jsonType(e.data)));
      } else if (
        typeof e.data === 'string' &&
        raw &&
        /^["']/.test(raw) &&
        (expectedTypes.includes('number') || expectedTypes.includes('integer') || expectedTypes.includes('boolean')) &&
        isLiteralOf(e.data, expectedTypes)
      ) {
        message = m.typeQuotedNumber(wire, expected, e.data);
      } else if (
        expectedTypes.includes('string') &&
        (typeof e.data === 'number' || typeof e.data === 'boolean') &&
        raw &&
        !/^["']/.test(raw)
      ) {
        message = m.typeUnquoteForString(wire, raw);
      } else {
        message = m.type(wire, expected, describeActual(m, e.data));
      }
      return diagnostic(valueRange(parsed, path), message, code, sev, {
        path: wire,
        ...(secret ? { secret: true as const } : {}),
      });
    }
    case 'enum':
    case 'const': {
      const allowed =
        e.keyword === 'enum'
          ? ((e.params as { allowedValues: unknown[] }).allowedValues ?? [])
          : [(e.params as { allowedValue: unknown }).allowedValue];
      const shown = shownValue(e.data, Infinity);
      // "" (or false where only true is allowed) on an optional key means "not set": a hint.
      if ((e.data === '' || e.data === false) && optionalKey(path)) {
        return diagnostic(
          valueRange(parsed, path),
          m.unsetValue(wire, shown),
          'schema.unset-value',
          DiagnosticSeverity.Hint,
          { path: wire },
        );
      }
      const open = resolveSchema(node)?.['x-openEnum'];
      const caseMatch =
        typeof e.data === 'string'
          ? allowed.find((a) => typeof a === 'string' && a.toLowerCase() === (e.data as string).toLowerCase())
          : undefined;
      const message =
        caseMatch !== undefined
          ? m.enumCase(wire, shown, caseMatch)
          : e.keyword === 'const'
            ? m.constValue(wire, shown, allowed[0])
            : m.enum(wire, shown, allowed);
      const suggestion =
        caseMatch !== undefined
          ? String(caseMatch)
          : typeof e.data === 'string'
            ? nearest(
                e.data,
                allowed.filter((a): a is string => typeof a === 'string'),
              )
            : undefined;
      if (open && typeof e.data === 'string') {
        // An open vocabulary (x-openEnum): the reference lists some values, the service may take others.
        return diagnostic(
          valueRange(parsed, path),
          m.undocumentedValue(wire, shown, allowed),
          'schema.undocumented-value',
          DiagnosticSeverity.Warning,
          { path: wire, ...(suggestion ? { suggestion } : {}) },
        );
      }
      return diagnostic(valueRange(parsed, path), message, code, sev, {
        path: wire,
        ...(suggestion ? { suggestion } : {}),
      });
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const limit = (e.params as { limit: number }).limit;
      // 0 where the reference states no minimum (x-unsetValue) means "not set": a hint.
      if (
        e.data === 0 &&
        (e.keyword === 'minimum' || e.keyword === 'exclusiveMinimum') &&
        resolveSchema(node)?.['x-unsetValue'] &&
        optionalKey(path)
      ) {
        return diagnostic(
          valueRange(parsed, path),
          m.unsetValue(wire, '0'),
          'schema.unset-value',
          DiagnosticSeverity.Hint,
          { path: wire },
        );
      }
      const message = m[e.keyword](wire, limit, e.data, unitSuffix(node));
      return diagnostic(valueRange(parsed, path), message, code, sev, { path: wire });
    }
    case 'minLength':
    case 'maxLength': {
      const limit = (e.params as { limit: number }).limit;
      const actual = typeof e.data === 'string' ? [...e.data].length : 0;
      return diagnostic(valueRange(parsed, path), m[e.keyword](wire, limit, actual), code, sev, { path: wire });
    }
    case 'minItems':
    case 'maxItems': {
      const limit = (e.params as { limit: number }).limit;
      const actual = Array.isArray(e.data) ? e.data.length : 0;
      return diagnostic(keyRangeOf(parsed, path), m[e.keyword](wire, limit, actual), code, sev, { path: wire });
    }
    case 'pattern': {
      const pattern = (e.params as { pattern: string }).pattern;
      const hint = patternDescriptionOf(node, locale);
      return diagnostic(valueRange(parsed, path), m.pattern(wire, shownValue(e.data), pattern, hint), code, sev, {
        path: wire,
      });
    }
    case 'uniqueItems': {
      const later = Math.max((e.params as { i: number; j: number }).i, (e.params as { i: number; j: number }).j);
      const item = Array.isArray(e.data) ? e.data[later] : undefined;
      return diagnostic(
        valueRange(parsed, [...path, later]),
        m.uniqueItems(wire, shownValue(item, Infinity)),
        code,
        sev,
        { path: wire },
      );
    }
    default:
      return diagnostic(valueRange(parsed, path), m.genericSchema(wire, e.message ?? e.keyword), code, sev, {
        path: wire,
      });
  }
}

/** Today's name of a key that older official clients spelt `key` (the schema's x-formerNames), if any. */
function formerNameOf(parent: JsonSchema | undefined, key: string): string | undefined {
  for (const [name, child] of Object.entries(parent?.properties ?? {})) {
    if (resolveSchema(child)?.['x-formerNames']?.some((f) => f.name === key)) return name;
  }
  return undefined;
}

/** True when the value at `path` is a mapping key its mapping does not require. */
function optionalKey(path: DocPath): boolean {
  const last = path[path.length - 1];
  if (typeof last !== 'string') return false;
  const parent = resolveSchema(schemaAtPath(path.slice(0, -1)));
  return !(parent?.required ?? []).includes(last);
}

/**
 * Whether the value at `path` is a secret: an `x-secret` parameter (or inside one), or an environment
 * value of a container with `EnvironmentVarHide: true` (as request.ts masks them on the wire).
 */
function isSecretPath(root: Record<string, unknown>, path: (string | number)[], node: JsonSchema | undefined): boolean {
  if (resolveSchema(node)?.['x-secret'] === true) return true;
  for (let i = path.length - 1; i > 0; i--)
    if (resolveSchema(schemaAtPath(path.slice(0, i)))?.['x-secret'] === true) return true;
  if (
    path.length >= 5 &&
    (path[0] === 'Container' || path[0] === 'InitContainer') &&
    path[2] === 'EnvironmentVar' &&
    path[4] === 'Value'
  ) {
    const list = root[path[0]];
    const container = Array.isArray(list)
      ? (list[path[1] as number] as Record<string, unknown> | undefined)
      : undefined;
    const hide = container && typeof container === 'object' ? container.EnvironmentVarHide : undefined;
    return hide === true || hide === 'true';
  }
  return false;
}

/** `ReadinessProbe.HttpGet.Path` -> `ReadinessProbe: {HttpGet: {Path: …}}`. */
function nestedForm(parts: string[]): string {
  let out = '…';
  for (let i = parts.length - 1; i >= 0; i--) out = i === 0 ? `${parts[i]}: ${out}` : `{${parts[i]}: ${out}}`;
  return out;
}

function scalarSource(parsed: ParsedDocument, node: Node | undefined): string | undefined {
  if (!node || !isScalar(node) || !node.range) return undefined;
  return parsed.text.slice(node.range[0], node.range[1]).trim();
}

function isLiteralOf(s: string, types: string[]): boolean {
  const t = s.trim();
  if ((types.includes('integer') || types.includes('number')) && t !== '' && Number.isFinite(Number(t))) {
    return types.includes('number') || Number.isInteger(Number(t));
  }
  return types.includes('boolean') && (t === 'true' || t === 'false');
}

// ---------------------------------------------------------------- cross-field rules

let ruleReadTrace: ((familyIds: readonly string[], wirePath: string) => void) | undefined;
/**
 * Test mode: `trace` is told each wire path whose value a rule family reads (undefined: off, no cost).
 * The fixture test observes with it that a valid fixture's parameters were examined by each rule.
 */
export function traceRuleReads(trace: typeof ruleReadTrace): void {
  ruleReadTrace = trace;
}

function ruleDiagnostics(
  parsed: ParsedDocument,
  root: Record<string, unknown>,
  m: Messages,
  locale: Locale,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const ctx: RuleContext = {
    value: root,
    parsed,
    m,
    locale,
    report(id: string, path: DocPath, message: string, anchor: Anchor = 'value') {
      if (out.length >= MAX_SCHEMA_PROBLEMS) return; // each finding costs a walk to its node: bounded
      const rule = ruleDefinition(id);
      if (!rule) throw new Error(`rule ${id} is not in schemas/eci-rules.json`);
      const range =
        anchor === 'key'
          ? keyRangeOf(parsed, path)
          : anchor === 'parent'
            ? parentRange(parsed, path)
            : valueRange(parsed, path);
      const dedupe = `${id}:${range.start.line}:${range.start.character}`;
      if (seen.has(dedupe)) return;
      seen.add(dedupe);
      const severity =
        rule.severity === 'warning'
          ? DiagnosticSeverity.Warning
          : rule.severity === 'hint'
            ? DiagnosticSeverity.Hint
            : DiagnosticSeverity.Error;
      const wire = wirePathOf(path);
      // Every finding names its parameter by wire path.
      const named =
        message.includes(wire) || (path.length > 2 && message.includes(wirePathOf(path.slice(0, -1)) + ' '));
      out.push(diagnostic(range, named ? message : `${wire}: ${message}`, id, severity, { path: wire }));
    },
  };
  for (const family of RULE_FAMILIES) {
    try {
      const trace = ruleReadTrace;
      family.check(
        trace ? { ...ctx, value: tracedValue(root, (wire) => trace(idsOf(family), wire)), report: ctx.report } : ctx,
      );
    } catch (err) {
      // A rule must never take diagnostics down; its failure is a bug, reported as such.
      out.push(
        diagnostic(
          documentStartRange(parsed),
          `internal error in rule ${idsOf(family).join(', ')}: ${(err as Error).message}`,
          idsOf(family)[0],
          DiagnosticSeverity.Warning,
        ),
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------- x-warning annotations

function warningDiagnostics(parsed: ParsedDocument, root: Record<string, unknown>, locale: Locale): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (value: unknown, node: JsonSchema | undefined, path: (string | number)[]) => {
    const n = resolveSchema(node);
    if (!n) return;
    if (Array.isArray(value)) {
      if (!typesOf(n).includes('array')) return;
      value.forEach((item, i) => walk(item, childSchema(n, i), [...path, i]));
      return;
    }
    if (value && typeof value === 'object') {
      if (!n.properties) return;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const child = childSchema(n, k);
        if (!child) continue;
        const w = child['x-warning'];
        // Present with only "not set" values (a generator's empty DiskVolume), the key warns of nothing.
        if (w && !allUnset(v) && out.length < MAX_SCHEMA_PROBLEMS) {
          const wire = wirePathOf([...path, k]);
          const message = warningMessageOf(w, locale);
          out.push(
            diagnostic(
              keyRangeOf(parsed, [...path, k]),
              message.includes(wire) ? message : `${wire}: ${message}`,
              w.code,
              DiagnosticSeverity.Warning,
              { path: wire },
            ),
          );
        }
        walk(v, child, [...path, k]);
      }
    }
  };
  walk(root, documentSchema, []);
  return out;
}
