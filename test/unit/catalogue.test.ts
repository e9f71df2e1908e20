// The catalogue of diagnostic codes (server/src/service/catalogue.ts) is complete: the service emits no
// code outside it, on the fixture corpus, on mutated documents and on the hostile cases, with the
// catalogue's severity; every code written in the service's source is in it; every schema keyword's
// code is in it. docs/rules.md is the catalogue as generated.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import {
  createLanguageService,
  diagnosticCatalogue,
  catalogueEntry,
  catalogueMarkdown,
} from '../../server/src/service/index';
import { schemaCodeOf } from '../../server/src/service/diagnose';
import { IMPLEMENTED_RULE_IDS } from '../../server/src/service/rules/index';
import { CONTAINER_GROUP_SCHEMA, ECI_RULES } from '../../server/src/service/schemaVocabulary';
import { mutate, prng, validFixtureTexts } from '../support/seeded';

const ROOT = join(__dirname, '..', '..', '..');
const SERVICE = join(ROOT, 'server', 'src', 'service');
const FIXTURES = join(ROOT, 'test', 'fixtures');

const SEVERITY: Record<string, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  hint: DiagnosticSeverity.Hint,
};

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p, suffix) : p.endsWith(suffix) ? [p] : [];
  });
}

/** Every emitted diagnostic's code is catalogued, with the catalogue's severity. */
function assertCatalogued(where: string, diagnostics: Diagnostic[], seen: Set<string>): void {
  for (const d of diagnostics) {
    const code = String(d.code);
    const entry = catalogueEntry(code);
    assert.ok(entry, `${where}: ${code} is not in the catalogue`);
    assert.equal(
      d.severity,
      SEVERITY[entry.severity],
      `${where}: ${code} has the catalogue's severity ${entry.severity}`,
    );
    seen.add(code);
  }
}

test('the catalogue lists each code once, with an English and a Japanese description and a help anchor', () => {
  const ids = diagnosticCatalogue().map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const e of diagnosticCatalogue()) {
    assert.ok(e.description.en.length > 10, `${e.id}: English description`);
    assert.match(e.description.ja, /[\u3040-\u30ff\u4e00-\u9fff]/, `${e.id}: Japanese description`);
    assert.match(e.help, /^docs\/rules\.md#[a-z0-9-]+$/, `${e.id}: help`);
  }
  // Every rule of the rules file, with its severity and its own description.
  for (const r of ECI_RULES) {
    const e = catalogueEntry(r.id);
    assert.ok(e, r.id);
    assert.equal(e.severity, r.severity);
    assert.equal(e.description.en, r.description);
    assert.equal(e.description.ja, r['x-description-ja']);
  }
  assert.deepEqual(
    diagnosticCatalogue()
      .filter((e) => e.kind === 'rule')
      .map((e) => e.id)
      .sort(),
    [...IMPLEMENTED_RULE_IDS].sort(),
  );
});

test('the service emits only catalogued codes: the fixture corpus, mutated documents and the hostile cases', () => {
  const en = createLanguageService({ locale: 'en' });
  const ja = createLanguageService({ locale: 'ja' });
  const seen = new Set<string>();
  const texts = filesUnder(FIXTURES, '.eci.yaml').map((p) => [p, readFileSync(p, 'utf8')] as const);
  for (const [p, text] of texts) {
    assertCatalogued(p, en.diagnose(text), seen);
    assertCatalogued(p, ja.diagnose(text), seen);
  }
  const rnd = prng(14);
  const seeds = validFixtureTexts();
  for (let i = 0; i < 600; i++) {
    let text = seeds[i % seeds.length];
    for (let m = 1 + Math.floor(rnd() * 4); m > 0; m--) text = mutate(text, rnd);
    assertCatalogued(`mutation ${i}`, en.diagnose(text), seen);
  }
  const valid = seeds[0];
  const hostile: [string, string][] = [
    ['too large', 'RegionId: cn-hangzhou\n' + 'Tag: [{Key: k, Value: v}]\n'.repeat(100_000)],
    ['too deep', 'A: ' + '['.repeat(300) + ']'.repeat(300) + '\n'],
    ['too many', 'RegionId: cn-hangzhou\n' + Array.from({ length: 600 }, (_, i) => `Param${i}: v`).join('\n') + '\n'],
    [
      'suppressions',
      `${valid}# eci-ignore-file schema.type -- late\nRegionId2: x # eci-ignore no.such-rule, yaml.syntax\n# eci-ignore schema.enum -- nothing here\n`,
    ],
  ];
  for (const [name, text] of hostile) assertCatalogued(name, en.diagnose(text), seen);
  for (const code of [
    'yaml.too-large',
    'yaml.too-deep',
    'schema.too-many',
    'suppression.misplaced',
    'suppression.unknown-rule',
    'suppression.unused',
  ]) {
    assert.ok(seen.has(code), `the hostile cases gave ${code}`);
  }
});

test('every diagnostic code written in the service source is catalogued', () => {
  const literal = /['"`]((?:yaml|schema|suppression)\.[A-Za-z-]+)['"`]/g;
  const reported = /\breport\(\s*'([^']+)'/g;
  let found = 0;
  for (const file of filesUnder(SERVICE, '.ts')) {
    const source = readFileSync(file, 'utf8');
    for (const re of [literal, reported]) {
      for (const m of source.matchAll(re)) {
        found++;
        assert.ok(catalogueEntry(m[1]), `${file}: ${m[1]} is not in the catalogue`);
      }
    }
  }
  assert.ok(found > 60, `found ${found} code literals`);
});

test('the code of every validation keyword the schema uses is catalogued', () => {
  const ANNOTATIONS = new Set([
    'type',
    'properties',
    'items',
    'additionalProperties',
    'description',
    'title',
    'default',
    'examples',
    'enumDescriptions',
    '$schema',
    '$id',
    '$ref',
    'definitions',
  ]);
  const keywords = new Set<string>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    for (const k of Object.keys(n)) if (!k.startsWith('x-') && !ANNOTATIONS.has(k)) keywords.add(k);
    for (const child of Object.values((n.properties as Record<string, unknown>) ?? {})) walk(child);
    if (n.items) walk(n.items);
    if (n.additionalProperties && typeof n.additionalProperties === 'object') walk(n.additionalProperties);
  };
  walk(CONTAINER_GROUP_SCHEMA);
  keywords.add('type').add('additionalProperties');
  assert.ok(keywords.has('pattern') && keywords.has('required'));
  for (const k of keywords)
    assert.ok(catalogueEntry(schemaCodeOf(k)), `keyword ${k}: ${schemaCodeOf(k)} is not in the catalogue`);
});

test('docs/rules.md is the catalogue as generated (node scripts/rules-doc.mjs)', () => {
  assert.equal(readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8'), catalogueMarkdown());
});
