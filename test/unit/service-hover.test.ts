// Hover: one `hover(doc-with-cursor)` helper, many small cases. `|` marks the cursor.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service/index';
import { CONTAINER_GROUP_SCHEMA } from '../../server/src/service/schemaVocabulary';

const en = createLanguageService({ locale: 'en' });
const ja = createLanguageService({ locale: 'ja-JP' });

function hover(docWithCursor: string, service = en): { md: string; hover: Hover | null } {
  const at = docWithCursor.indexOf('|');
  const text = docWithCursor.slice(0, at) + docWithCursor.slice(at + 1);
  const before = text.slice(0, at).split('\n');
  const h = service.hover(text, { line: before.length - 1, character: before[before.length - 1].length });
  return { md: h ? (h.contents as { value: string }).value : '', hover: h };
}

const schema = CONTAINER_GROUP_SCHEMA as unknown as {
  properties: Record<string, { description: string; 'x-description-ja': string }>;
};

test('a top-level key: wire path, type, required, description, example', () => {
  const { md, hover: h } = hover('Reg|ionId: cn-hangzhou\n');
  assert.match(md, /^\*\*RegionId\*\* · string · required/);
  assert.ok(md.includes(schema.properties.RegionId.description));
  // The description gives the example ("e.g. cn-hangzhou"); no Example line repeats it (issue 10).
  assert.equal(md.match(/cn-hangzhou/g)?.length, 1);
  assert.deepEqual(h!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 8 } });
});

test('an enum key lists allowed values with their meanings and the default', () => {
  const { md } = hover('RestartPol|icy: Always\n');
  assert.match(md, /Default: `Always`/);
  assert.match(md, /- `Always` — /);
  assert.match(md, /- `OnFailure` — /);
});

test('a nested key in a list item gives the reference notation path, range and unit', () => {
  const { md } = hover('Container:\n  - Name: a\n    ReadinessProbe:\n      HttpGet:\n        Po|rt: 80\n');
  assert.match(
    md,
    /^\*\*Container\[\]\.ReadinessProbe\.HttpGet\.Port\*\* · integer · required|^\*\*Container\[\]\.ReadinessProbe\.HttpGet\.Port\*\* · integer · optional/,
  );
  assert.match(md, /Range: 1 – 65535/);
  const cpu = hover('Container:\n  - Name: a\n    C|pu: 1\n').md;
  assert.match(cpu, /cores/);
  assert.match(cpu, /greater than 0/);
});

test('keys on a list item line, in flow mappings, and in indentless lists', () => {
  assert.match(hover('Container:\n  - Na|me: a\n').md, /\*\*Container\[\]\.Name\*\*/);
  assert.match(hover('Container:\n  - {Name: a, Ima|ge: b}\n').md, /\*\*Container\[\]\.Image\*\*/);
  assert.match(hover('Container:\n- Name: a\n  Ima|ge: b\n').md, /\*\*Container\[\]\.Image\*\*/);
});

test('an enum value gives that value meaning', () => {
  const { md } = hover('RestartPolicy: OnFail|ure\n');
  assert.match(md, /`OnFailure`/);
  assert.match(md, /RestartPolicy/);
  const flow = hover('Container:\n  - Name: a\n    Port: [{Port: 80, Protocol: UD|P}]\n').md;
  assert.match(flow, /`UDP`/);
  const item = hover(
    'Container:\n  - Name: a\n    SecurityContext:\n      Capability:\n        Add:\n          - NET_R|AW\n',
  ).md;
  assert.match(item, /`NET_RAW`/);
  const quoted = hover('RestartPolicy: "Nev|er"\n').md;
  assert.match(quoted, /`Never`/);
});

test('an unknown key says so, with the documentation of the key it was probably meant to be', () => {
  const { md } = hover('ContainerGroupNm|ae: web\n');
  assert.match(md, /Unknown parameter ContainerGroupNmae in the document\. Did you mean ContainerGroupName\?/);
  assert.match(md, /\*\*ContainerGroupName\*\* · string · required/);
  assert.match(
    hover('Container:\n  - Imgae|: x\n').md,
    /Unknown parameter Imgae in Container\[\]\. Did you mean Image\?/,
  );
  assert.equal(hover('Unkn|own: 1\n').md, 'Unknown parameter Unknown in the document.');
});

test('nothing for free-text values, comments and blank lines', () => {
  assert.equal(hover('ContainerGroupName: we|b\n').hover, null);
  assert.equal(hover('# Regi|onId\n').hover, null);
  assert.equal(hover('RegionId: x\n|\n').hover, null);
});

test('Japanese descriptions and labels for a ja locale', () => {
  const { md } = hover('Reg|ionId: cn-hangzhou\n', ja);
  assert.match(md, /必須/);
  assert.ok(md.includes(schema.properties.RegionId['x-description-ja']));
  const value = hover('RestartPolicy: Nev|er\n', ja).md;
  assert.match(value, /[\u3040-\u30ff\u4e00-\u9fff]/);
});

test('SDK-missing and secret parameters say so', () => {
  const secret = hover('ImageRegistryCredential:\n  - Pass|word: x\n').md;
  assert.match(secret, /Secret/);
  const missing = hover('Compute|Category: [economy]\n').md;
  assert.match(missing, /Not in the SDK model/);
});

test('length limits read naturally in both languages', () => {
  assert.match(hover('Reg|ionId: cn-hangzhou\n').md, /Length: at least 1 character$/m);
  assert.match(hover('ContainerGroupN|ame: web\n').md, /Length: 2 – 128 characters$/m);
  assert.match(hover('Reg|ionId: cn-hangzhou\n', ja).md, /長さ: 1 文字以上$/m);
  assert.match(hover('ContainerGroupN|ame: web\n', ja).md, /長さ: 2 – 128 文字$/m);
});

test('an unknown key hover joins its sentences the way each language does', () => {
  assert.match(
    hover('ContainerGroupNm|ae: web\n').md,
    /^Unknown parameter ContainerGroupNmae in the document\. Did you mean ContainerGroupName\?/,
  );
  assert.match(
    hover('ContainerGroupNm|ae: web\n', ja).md,
    /^ドキュメントに不明なパラメータ ContainerGroupNmae があります。ContainerGroupName のことですか\?/,
  );
});
