// The fixture corpus: test/fixtures/valid/*.eci.yaml give no diagnostics; each
// test/fixtures/invalid/*.eci.yaml gives exactly the diagnostics listed beside it in
// `<name>.eci.yaml.expected.json` ([{code, line (1-based), severity, message?, ja?}]; when `message` /
// `ja` are given, the English / Japanese message must be exactly that text). Adding a case is adding files.
// The corpus must cover every schema keyword the schema uses, every x-warning code, and every
// rule id of schemas/eci-rules.json, each with an invalid case (in an expected file) and a valid
// case (named in a valid file's `# covers:` comment).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service/index';
import { ECI_RULES, CONTAINER_GROUP_SCHEMA } from '../../server/src/service/schemaVocabulary';

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
function check(kind: 'valid' | 'invalid', name: string): { text: string; diagnostics: Diagnostic[]; expected: Expected[] } {
  const path = join(FIXTURES, kind, name);
  const text = readFileSync(path, 'utf8');
  const expectedPath = `${path}.expected.json`;
  const expected: Expected[] = existsSync(expectedPath) ? JSON.parse(readFileSync(expectedPath, 'utf8')) : [];
  if (kind === 'invalid') assert.ok(existsSync(expectedPath), `${name} has no ${name}.expected.json`);
  const diagnostics = en.diagnose(text);
  const got = diagnostics.map((d) => ({ code: d.code, line: d.range.start.line + 1, severity: severityName(d) }));
  assert.deepEqual(summary(got), summary(expected), `${kind}/${name}:\n${diagnostics.map((d) => `  ${d.range.start.line + 1}: ${d.code} ${d.message}`).join('\n')}`);
  const lineCount = text.split('\n').length;
  for (const d of diagnostics) {
    assert.equal(d.source, 'eci');
    assert.ok(typeof d.message === 'string' && d.message.length > 10, `${name}: a real message`);
    assert.ok(d.range.start.line <= d.range.end.line && d.range.end.line < lineCount, `${name}: range inside the document`);
    assert.equal(d.range.start.line, d.range.end.line, `${name}: ${d.code} stays on one line`);
  }
  // The Japanese service finds the same defects, described in Japanese.
  const jaDiagnostics = ja.diagnose(text);
  assert.deepEqual(
    jaDiagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}:${String(d.code)}`),
    diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}:${String(d.code)}`),
  );
  for (const d of jaDiagnostics) assert.match(String(d.message), /[\u3040-\u30ff\u4e00-\u9fff]/, `${name}: ${d.code} has a Japanese message`);
  // Pinned texts: each expected entry with a message is matched to a diagnostic of its code and line.
  for (const e of expected) {
    if (e.message === undefined && e.ja === undefined) continue;
    const i = diagnostics.findIndex((d) => d.code === e.code && d.range.start.line + 1 === e.line);
    assert.ok(i >= 0, `${name}: a ${e.code} on line ${e.line}`);
    if (e.message !== undefined) assert.equal(diagnostics[i].message, e.message, `${name}: the English message of ${e.code}`);
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

/** The diagnostic codes the corpus must cover: schema keywords in use, x-warning codes, rule ids. */
function requiredCodes(): string[] {
  const codes = new Set<string>(['schema.unknown-key', 'schema.type', 'yaml.syntax', 'yaml.duplicate-key', 'yaml.multiple-documents', 'yaml.not-a-mapping', 'yaml.unresolved-alias', 'yaml.excessive-aliases']);
  const keywordCode: Record<string, string> = {
    required: 'schema.required',
    enum: 'schema.enum',
    minimum: 'schema.minimum',
    exclusiveMinimum: 'schema.minimum',
    maximum: 'schema.maximum',
    exclusiveMaximum: 'schema.maximum',
    minLength: 'schema.minLength',
    maxLength: 'schema.maxLength',
    pattern: 'schema.pattern',
    minItems: 'schema.minItems',
    maxItems: 'schema.maxItems',
    uniqueItems: 'schema.uniqueItems',
  };
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    for (const [k, code] of Object.entries(keywordCode)) if (k in n && !(k === 'required' && !(n.required as unknown[]).length)) codes.add(code);
    const w = n['x-warning'] as { code?: string } | undefined;
    if (w?.code) codes.add(w.code);
    for (const child of Object.values((n.properties as Record<string, unknown>) ?? {})) walk(child);
    if (n.items) walk(n.items);
  };
  walk(CONTAINER_GROUP_SCHEMA);
  for (const r of ECI_RULES) codes.add(r.id);
  return [...codes].sort();
}

test('the corpus has an invalid case for every schema keyword, warning and rule', () => {
  const covered = new Set<string>();
  for (const name of files('invalid')) {
    const expectedPath = join(FIXTURES, 'invalid', `${name}.expected.json`);
    if (!existsSync(expectedPath)) continue;
    for (const e of JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected[]) covered.add(e.code);
  }
  const missing = requiredCodes().filter((c) => !covered.has(c));
  assert.deepEqual(missing, [], `no invalid fixture for: ${missing.join(', ')}`);
});

test('the corpus has a valid case for every schema keyword, warning and rule', () => {
  const covered = new Set<string>();
  for (const name of files('valid')) {
    const text = readFileSync(join(FIXTURES, 'valid', name), 'utf8');
    for (const m of text.matchAll(/^# covers: (.*)$/gm)) for (const code of m[1].split(',')) covered.add(code.trim());
  }
  const missing = requiredCodes().filter((c) => !covered.has(c));
  assert.deepEqual(missing, [], `no valid fixture covers: ${missing.join(', ')}`);
});
