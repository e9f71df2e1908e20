// The document validator the service runs is generated at build time (scripts/generate-validator.mjs: ajv
// standalone code). It must be the schema's validator exactly: on every fixture, example and template, and on a
// seeded corpus of mutated documents, its findings equal those of a fresh ajv compile of schemas/ with the same
// options and vocabulary.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { ErrorObject } from 'ajv';
import { validateDocument } from '../../server/src/service/documentValidator';
import { createSchemaAjv, SCHEMA_AJV_OPTIONS } from '../../server/src/service/schemaAjv';
import { ANNOTATION_KEYWORDS } from '../../server/src/service/schemaVocabulary';
import { CONTAINER_GROUP_TEMPLATES } from '../../server/src/service/templates';
import { prng } from '../support/seeded';

const ROOT = join(__dirname, '..', '..', '..');

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(p));
    else if (/\.eci\.ya?ml$/.test(entry.name)) out.push(p);
  }
  return out.sort();
}

function corpusValues(): { name: string; value: unknown }[] {
  const values: { name: string; value: unknown }[] = [];
  for (const file of [...yamlFiles(join(ROOT, 'test', 'fixtures')), ...yamlFiles(join(ROOT, 'examples'))]) {
    try {
      values.push({
        name: file.slice(ROOT.length + 1),
        value: parseYaml(readFileSync(file, 'utf8'), { maxAliasCount: 100 }),
      });
    } catch {
      // a fixture of a YAML syntax error has no value to validate
    }
  }
  for (const t of CONTAINER_GROUP_TEMPLATES) values.push({ name: `template ${t.id}`, value: parseYaml(t.text) });
  return values;
}

/** Replacement values that hit every keyword: types, enums, ranges, lengths, patterns, formats. */
const ODD_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  65536,
  1e12,
  '',
  ' ',
  'x',
  'Always',
  'always',
  'TCP',
  '0644',
  'a'.repeat(300),
  '日本語',
  [],
  [{}],
  {},
  { Name: 'n' },
  ['a', 'a'],
];

/** One seeded change somewhere in a JSON value: replace, delete or add a key, or an item. */
function mutateValue(value: unknown, rnd: () => number): unknown {
  const copy = structuredClone(value);
  const containers: (Record<string, unknown> | unknown[])[] = [];
  const walk = (v: unknown) => {
    if (v && typeof v === 'object') {
      containers.push(v as Record<string, unknown> | unknown[]);
      for (const child of Object.values(v)) walk(child);
    }
  };
  walk(copy);
  if (!containers.length) return ODD_VALUES[Math.floor(rnd() * ODD_VALUES.length)];
  const target = containers[Math.floor(rnd() * containers.length)];
  const odd = structuredClone(ODD_VALUES[Math.floor(rnd() * ODD_VALUES.length)]);
  if (Array.isArray(target)) {
    const i = Math.floor(rnd() * (target.length + 1));
    if (rnd() < 0.3) target.splice(i, 1);
    else if (rnd() < 0.5) target.splice(i, 0, target.length ? structuredClone(target[0]) : odd);
    else target[i] = odd;
  } else {
    const keys = Object.keys(target);
    const key =
      keys.length && rnd() < 0.8
        ? keys[Math.floor(rnd() * keys.length)]
        : ['Name', 'Nmae', 'Cpu', 'Port', 'Extra', 'Container'][Math.floor(rnd() * 6)];
    if (rnd() < 0.2) delete target[key];
    else target[key] = odd;
  }
  return copy;
}

/** What a finding is, without ajv's object identities (verbose errors hold schema objects by reference). */
function comparable(errors: readonly ErrorObject[] | null | undefined): unknown[] {
  return (errors ?? []).map((e) => ({
    instancePath: e.instancePath,
    schemaPath: e.schemaPath,
    keyword: e.keyword,
    params: e.params,
    message: e.message,
    schema: e.schema,
    parentSchema: e.parentSchema,
    data: e.data,
  }));
}

test('the generated validator gives exactly the findings of a fresh ajv compile, on the corpus and on 3,000 seeded mutations', () => {
  const { validate: fresh } = createSchemaAjv();
  const corpus = corpusValues();
  assert.ok(corpus.length >= 75, `corpus of ${corpus.length} documents`);
  const check = (name: string, value: unknown) => {
    const generated = validateDocument(value);
    const expected = fresh(value) ? [] : [...(fresh.errors ?? [])];
    assert.deepEqual(comparable(generated), comparable(expected), name);
    return generated.length;
  };
  let invalid = 0;
  for (const { name, value } of corpus) if (check(name, value)) invalid += 1;
  assert.ok(invalid >= 25, `the fixtures hold invalid documents (${invalid})`);
  const rnd = prng(20261205);
  let mutatedInvalid = 0;
  for (let i = 0; i < 3000; i++) {
    const seed = corpus[i % corpus.length];
    let value = seed.value;
    for (let m = 1 + Math.floor(rnd() * 3); m > 0; m--) value = mutateValue(value, rnd);
    if (check(`${seed.name}, mutation ${i}`, value)) mutatedInvalid += 1;
  }
  assert.ok(mutatedInvalid > 1500, `most mutations are invalid (${mutatedInvalid})`);
});

test('the generated module is of the schema and vocabulary as they are now', async () => {
  const generator = (await import(pathToFileURL(join(ROOT, 'scripts', 'generate-validator.mjs')).href)) as {
    annotationKeywords(): string[];
    schemaDigest(): string;
    AJV_OPTIONS: Record<string, unknown>;
  };
  assert.deepEqual(
    generator.annotationKeywords(),
    [...ANNOTATION_KEYWORDS],
    'the generator declares the vocabulary of schemaVocabulary.ts',
  );
  const { code: _code, ...options } = generator.AJV_OPTIONS;
  assert.deepEqual(options, SCHEMA_AJV_OPTIONS, 'the generator compiles with the options of schemaAjv.ts');
  const generated = readFileSync(join(ROOT, 'server', 'src', 'generated', 'documentValidator.ts'), 'utf8');
  assert.ok(
    generated.includes(`schema digest ${generator.schemaDigest()}`),
    'the build regenerates the validator when the schema changes',
  );
});
