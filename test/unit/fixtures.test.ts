// The fixture corpus: test/fixtures/valid/*.eci.yaml give no diagnostics; each
// test/fixtures/invalid/*.eci.yaml gives exactly the diagnostics listed beside it in
// `<name>.eci.yaml.expected.json` ([{code, line (1-based), severity, message?, ja?}]; when `message` /
// `ja` are given, the English / Japanese message must be exactly that text). Adding a case is adding files.
// The corpus must cover every code of the service's catalogue (but the few no fixture can show), each
// with an invalid case (in an expected file) and a valid case: a valid document observed being checked
// for it (its rule read a value at one of the rule's paths; a value stood where the schema keyword or
// annotation applies; the YAML read as one mapping, with aliases for the alias checks).
import { ACCOUNT_CODES } from '../../server/src/service/accountCodes';
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isMap, parseDocument, visit } from 'yaml';
import { createLanguageService, diagnosticCatalogue } from '../../server/src/service/index';
import { diagnose, schemaCodeOf, traceRuleReads } from '../../server/src/service/diagnose';
import { parse } from '../../server/src/service/parse';
import { ECI_RULES, CONTAINER_GROUP_SCHEMA, type JsonSchema } from '../../server/src/service/schemaVocabulary';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures');

interface Expected {
  code: string;
  line: number;
  severity: 'error' | 'warning' | 'hint';
  /** The exact English message, when the fixture pins it. */
  message?: string;
  /** The exact Japanese message, when the fixture pins it. */
  ja?: string;
}

const en = createLanguageService({ locale: 'en' });
const ja = createLanguageService({ locale: 'ja' });

function files(kind: 'valid' | 'invalid'): string[] {
  return readdirSync(join(FIXTURES, kind))
    .filter((f) => f.endsWith('.eci.yaml'))
    .sort();
}

function severityName(d: Diagnostic): string {
  return d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : d.severity === 4 ? 'hint' : String(d.severity);
}

function summary(list: { code?: unknown; line: number; severity: string }[]): string[] {
  return list.map((d) => `${d.line}:${String(d.code)}:${d.severity}`).sort();
}

/** The one helper: diagnoses a fixture and compares with its expected list. */
function check(
  kind: 'valid' | 'invalid',
  name: string,
): { text: string; diagnostics: Diagnostic[]; expected: Expected[] } {
  const path = join(FIXTURES, kind, name);
  const text = readFileSync(path, 'utf8');
  const expectedPath = `${path}.expected.json`;
  const expected: Expected[] = existsSync(expectedPath) ? JSON.parse(readFileSync(expectedPath, 'utf8')) : [];
  if (kind === 'invalid') assert.ok(existsSync(expectedPath), `${name} has no ${name}.expected.json`);
  const diagnostics = en.diagnose(text);
  const got = diagnostics.map((d) => ({ code: d.code, line: d.range.start.line + 1, severity: severityName(d) }));
  assert.deepEqual(
    summary(got),
    summary(expected),
    `${kind}/${name}:\n${diagnostics.map((d) => `  ${d.range.start.line + 1}: ${d.code} ${d.message}`).join('\n')}`,
  );
  const lineCount = text.split('\n').length;
  for (const d of diagnostics) {
    assert.equal(d.source, 'eci');
    assert.ok(typeof d.message === 'string' && d.message.length > 10, `${name}: a real message`);
    assert.ok(
      d.range.start.line <= d.range.end.line && d.range.end.line < lineCount,
      `${name}: range inside the document`,
    );
    assert.equal(d.range.start.line, d.range.end.line, `${name}: ${d.code} stays on one line`);
  }
  // The Japanese service finds the same defects, described in Japanese.
  const jaDiagnostics = ja.diagnose(text);
  assert.deepEqual(
    jaDiagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}:${String(d.code)}`),
    diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}:${String(d.code)}`),
  );
  for (const d of jaDiagnostics)
    assert.match(String(d.message), /[\u3040-\u30ff\u4e00-\u9fff]/, `${name}: ${d.code} has a Japanese message`);
  // Pinned texts: each expected entry with a message is matched to a diagnostic of its code and line.
  for (const e of expected) {
    if (e.message === undefined && e.ja === undefined) continue;
    const i = diagnostics.findIndex((d) => d.code === e.code && d.range.start.line + 1 === e.line);
    assert.ok(i >= 0, `${name}: a ${e.code} on line ${e.line}`);
    if (e.message !== undefined)
      assert.equal(diagnostics[i].message, e.message, `${name}: the English message of ${e.code}`);
    if (e.ja !== undefined) assert.equal(jaDiagnostics[i].message, e.ja, `${name}: the Japanese message of ${e.code}`);
  }
  return { text, diagnostics, expected };
}

for (const name of files('valid')) {
  test(`valid fixture ${name} has no diagnostics`, () => {
    check('valid', name);
  });
}

for (const name of files('invalid')) {
  test(`invalid fixture ${name} gives exactly its expected diagnostics`, () => {
    const { expected } = check('invalid', name);
    assert.ok(expected.length > 0, `${name} expects at least one diagnostic`);
  });
}

/**
 * Codes no fixture can show, each with where it is tested: the corpus covers every other code of the
 * service's catalogue with an invalid case and a valid case.
 */
const NOT_IN_CORPUS: Record<string, string> = {
  'yaml.too-large': 'a 2 MB document: test/unit/robustness.test.ts',
  'yaml.too-deep': 'test/unit/robustness.test.ts',
  'schema.too-many': 'more than 500 problems: test/unit/robustness.test.ts',
  'suppression.unused': 'suppression comments: test/unit/trust-service.test.ts',
  'suppression.unknown-rule': 'suppression comments: test/unit/trust-service.test.ts',
  'suppression.misplaced': 'suppression comments: test/unit/trust-service.test.ts',
  // Account checks need looked-up facts, which a fixture file has none of.
  ...Object.fromEntries(ACCOUNT_CODES.map((id) => [id, 'account facts: test/unit/account-facts.test.ts'])),
};

/** The diagnostic codes the corpus must cover: the catalogue's, but those no fixture can show. */
function requiredCodes(): string[] {
  return diagnosticCatalogue()
    .map((e) => e.id)
    .filter((id) => !(id in NOT_IN_CORPUS))
    .sort();
}

test('the corpus has an invalid case for every diagnostic code of the catalogue', () => {
  const covered = new Set<string>();
  for (const name of files('invalid')) {
    const expectedPath = join(FIXTURES, 'invalid', `${name}.expected.json`);
    if (!existsSync(expectedPath)) continue;
    for (const e of JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected[]) covered.add(e.code);
  }
  const missing = requiredCodes().filter((c) => !covered.has(c));
  assert.deepEqual(missing, [], `no invalid fixture for: ${missing.join(', ')}`);
});

/** The codes a valid document shows it was checked for, observed on the document and on the rules' reads. */
function observedChecks(text: string): Set<string> {
  const observed = new Set<string>();
  const doc = parseDocument(text);
  // The YAML checks: a mapping read from one document; aliases resolved and bounded when there are some.
  if (!doc.errors.length && isMap(doc.contents)) {
    observed.add('yaml.syntax').add('yaml.duplicate-key').add('yaml.multiple-documents').add('yaml.not-a-mapping');
    visit(doc, {
      Alias() {
        observed.add('yaml.unresolved-alias').add('yaml.excessive-aliases');
        return visit.BREAK;
      },
    });
  }
  // The schema's checks: each validation keyword and annotation of a schema node that holds a value.
  const walk = (value: unknown, node: JsonSchema | undefined, optional: boolean) => {
    if (!node || value === null || value === undefined) return;
    for (const k of Object.keys(node))
      if (
        [
          'required',
          'enum',
          'minimum',
          'maximum',
          'exclusiveMinimum',
          'exclusiveMaximum',
          'minLength',
          'maxLength',
          'pattern',
          'minItems',
          'maxItems',
          'uniqueItems',
          'additionalProperties',
          'type',
        ].includes(k)
      )
        observed.add(schemaCodeOf(k));
    // An x-warning is checked on each key of a mapping whose schema warns of that key.
    for (const child of Object.values(node.properties ?? {}))
      if (child['x-warning'] && typeof value === 'object') observed.add(child['x-warning'].code);
    if (node['x-formerNames']) observed.add('schema.former-name');
    if (node['x-openEnum'] && typeof value === 'string') observed.add('schema.undocumented-value');
    // "Not set" is told apart from a wrong value on an optional key with an enum or an x-unsetValue limit.
    if (optional && (node['x-unsetValue'] || node.enum)) observed.add('schema.unset-value');
    if (Array.isArray(value)) value.forEach((v) => walk(v, node.items, false));
    else if (typeof value === 'object')
      for (const [k, v] of Object.entries(value as Record<string, unknown>))
        walk(v, node.properties?.[k], !(node.required ?? []).includes(k));
  };
  walk(doc.toJS({ maxAliasCount: 10_000 }), CONTAINER_GROUP_SCHEMA, false);
  // The rules: a rule was run on the document and read a value at one of the paths it concerns.
  const reads = new Map<string, Set<string>>();
  traceRuleReads((ids, wire) => {
    for (const id of ids) reads.set(id, (reads.get(id) ?? new Set()).add(wire.replace(/\[\]$/, '')));
  });
  try {
    // The document's findings (none after its suppression comments) are checked by the test of its fixture.
    diagnose(parse(text));
  } finally {
    traceRuleReads(undefined);
  }
  for (const r of ECI_RULES) if (r.paths.some((p) => reads.get(r.id)?.has(p.replace(/\[\]$/, '')))) observed.add(r.id);
  return observed;
}

test('the corpus has a valid case for every diagnostic code of the catalogue, observed being checked', () => {
  const covered = new Set<string>();
  for (const name of files('valid'))
    for (const code of observedChecks(readFileSync(join(FIXTURES, 'valid', name), 'utf8'))) covered.add(code);
  const missing = requiredCodes().filter((c) => !covered.has(c));
  assert.deepEqual(missing, [], `no valid fixture is observed being checked for: ${missing.join(', ')}`);
});

test('the observation of a valid case is live: a document without volumes is not a valid case of the volume rules', () => {
  const observed = observedChecks(
    'RegionId: cn-hangzhou\nContainerGroupName: g\nContainer:\n  - Name: a\n    Image: nginx\n',
  );
  assert.ok(observed.has('schema.required') && observed.has('yaml.syntax'));
  for (const id of [
    'volume.duplicate-name',
    'volume.type-mismatch',
    'config-file.base64',
    'probe.single-handler',
    'spot.price-limit-required',
    'yaml.unresolved-alias',
  ])
    assert.ok(!observed.has(id), id);
});
