// The JSON Schema in schemas/ is usable as is by other YAML tools (yaml-language-server, any JSON Schema
// validator). This test validates with PLAIN ajv: draft-07 (ajv's default), `strict: false`, and no
// knowledge of this project's annotation keywords (x-wirePath, x-description-ja, ...), which a generic
// validator ignores as unknown keywords. Documents are read as YAML and validated as the JSON they denote.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { CONTAINER_GROUP_TEMPLATES } from '../../server/src/service/templates';

const ROOT = join(__dirname, '..', '..', '..');
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'eci-container-group.schema.json'), 'utf8'));

const ajv = new Ajv({ strict: false, allErrors: true });
const validate = ajv.compile(schema);

const examples = readdirSync(join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.eci.yaml'))
  .sort();

test('the schema declares draft-07 and an $id, and is itself a valid draft-07 schema', () => {
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.match(schema.$id, /^https:\/\/.+\.schema\.json$/);
  assert.equal(ajv.validateSchema(schema), true, JSON.stringify(ajv.errors));
});

test('there are examples to check', () => {
  assert.ok(examples.length >= 5, `examples/: ${examples.join(', ')}`);
});

for (const file of examples) {
  test(`examples/${file} is valid for plain ajv`, () => {
    const data = parseYaml(readFileSync(join(ROOT, 'examples', file), 'utf8'));
    assert.equal(validate(data), true, JSON.stringify(validate.errors, null, 1));
  });
}

for (const t of CONTAINER_GROUP_TEMPLATES) {
  test(`template ${t.id} is valid for plain ajv`, () => {
    assert.equal(validate(parseYaml(t.text)), true, JSON.stringify(validate.errors, null, 1));
  });
}

/** A document as plain ajv sees it: nested mappings and lists (the cases below edit it in place). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a YAML document's value is any shape by nature
type Doc = any;

test('plain ajv still catches what the schema forbids: unknown keys, missing required keys, wrong enum values', () => {
  const good = parseYaml(CONTAINER_GROUP_TEMPLATES[0].text);
  const cases: [string, (d: Doc) => void, string][] = [
    [
      'misspelled key',
      (d) => {
        d.ContainerGroupNmae = d.ContainerGroupName;
        delete d.ContainerGroupName;
      },
      'additionalProperties',
    ],
    [
      'missing Image',
      (d) => {
        delete d.Container[0].Image;
      },
      'required',
    ],
    [
      'enum case',
      (d) => {
        d.RestartPolicy = 'always';
      },
      'enum',
    ],
    [
      'number as string',
      (d) => {
        d.Cpu = '1';
      },
      'type',
    ],
  ];
  for (const [name, mutate, keyword] of cases) {
    const d = structuredClone(good);
    mutate(d);
    assert.equal(validate(d), false, name);
    assert.ok(
      validate.errors!.some((e) => e.keyword === keyword),
      `${name}: ${JSON.stringify(validate.errors)}`,
    );
  }
});
