// Diagnostics beyond the fixture corpus: message content, ranges, one defect one diagnostic,
// data for quick fixes, YAML scalar typing, and the parse cache.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service/index';

const en = createLanguageService();
const ja = createLanguageService({ locale: 'ja' });
const BASE = 'RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: web\n    Image: nginx\n';
const msg = (d: Diagnostic) => String(d.message);

function only(text: string): Diagnostic {
  const d = en.diagnose(text);
  assert.equal(d.length, 1, d.map((x) => `${x.code} ${msg(x)}`).join('\n'));
  return d[0];
}

test('a valid document gives nothing', () => {
  assert.deepEqual(en.diagnose(BASE), []);
});

test('a misspelt key: one diagnostic on the key, with the suggestion as data', () => {
  const d = only(BASE.replace('ContainerGroupName', 'ContainerGroupNmae'));
  assert.equal(d.code, 'schema.unknown-key');
  assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 18 } });
  assert.match(msg(d), /ContainerGroupNmae/);
  assert.match(msg(d), /Did you mean ContainerGroupName\?/);
  assert.deepEqual(d.data, { path: 'ContainerGroupNmae', suggestion: 'ContainerGroupName' });
});

test('a misspelt nested key names its parent by wire path', () => {
  const d = only(BASE + '    ReadinessProbe:\n      HttpGet:\n        Path: /\n        Prot: 80\n');
  assert.match(msg(d), /Container\[\]\.ReadinessProbe\.HttpGet/);
  assert.match(msg(d), /Did you mean Port\?/);
});

test('Cpu: 2 is a number; Cpu: "2" is a string with a message that says so', () => {
  assert.deepEqual(en.diagnose(BASE + '    Cpu: 2\n'), []);
  const d = only(BASE + '    Cpu: "2"\n');
  assert.equal(d.code, 'schema.type');
  assert.match(msg(d), /Container\[\]\.Cpu must be a number/);
  assert.match(msg(d), /quoted/);
  assert.deepEqual(d.range, { start: { line: 5, character: 9 }, end: { line: 5, character: 12 } });
});

test('integers and numbers follow the schema', () => {
  assert.deepEqual(en.diagnose(BASE + '    Cpu: 0.25\n'), []);
  const port = only(BASE + '    Port:\n      - Port: 80.5\n');
  assert.equal(port.code, 'schema.type');
  assert.match(msg(port), /must be an integer/);
});

test('a string parameter written as a number is told to be quoted', () => {
  const d = only(BASE + '    WorkingDir: 1234\n');
  assert.equal(d.code, 'schema.type');
  assert.match(msg(d), /Quote it: "1234"/);
});

test('an enum error says what is allowed', () => {
  const d = only(BASE + 'RestartPolicy: Sometimes\n');
  assert.match(msg(d), /RestartPolicy does not allow "Sometimes"/);
  assert.match(msg(d), /"Always", "Never", "OnFailure"/);
  const c = only(BASE + 'RestartPolicy: never\n');
  assert.equal((c.data as { suggestion: string }).suggestion, 'Never');
});

test('range errors name the limit and the unit', () => {
  const d = only(BASE + '    Memory: -1\n');
  assert.equal(d.code, 'schema.minimum');
  assert.match(msg(d), /greater than 0 GiB/);
});

test('required-missing points at the item that lacks it, with the missing key as data', () => {
  const d = only('RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: web\n    Cpu: 1\n');
  assert.equal(d.code, 'schema.required');
  assert.equal(d.range.start.line, 3);
  assert.match(msg(d), /Container\[\]\.Image is required in Container\[\]/);
  assert.equal((d.data as { missing: string }).missing, 'Image');
});

test('a wrong type on a collection reports once, nothing below it', () => {
  const d = only('RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  Name: web\n  Image: nginx\n');
  assert.equal(d.code, 'schema.type');
  assert.match(msg(d), /Container must be a list/);
  assert.equal(d.range.start.line, 2);
});

test('x-warning parameters are warnings, not errors', () => {
  const d = only(
    BASE + 'Volume:\n  - Name: logs\n    Type: HostPathVolume\n    HostPathVolume: {Type: Directory, Path: /var/log}\n',
  );
  assert.equal(d.severity, 2);
  assert.equal(d.code, 'hostpath-volume.allowlist');
});

test('a dotted flat key is explained as nesting', () => {
  const d = only(BASE + '    ReadinessProbe.HttpGet.Path: /healthz\n');
  assert.match(msg(d), /ReadinessProbe: \{HttpGet: \{Path: …\}\}/);
});

test('an empty document gives one diagnostic at its start that lists the three required parameters', () => {
  for (const text of ['', '\n\n', '# only a comment\n', '---\n']) {
    const d = en.diagnose(text);
    assert.equal(d.length, 1, JSON.stringify(d));
    assert.equal(d[0].code, 'schema.required');
    assert.equal(d[0].range.start.line, 0);
    assert.deepEqual((d[0].data as { missingKeys: string[] }).missingKeys, [
      'RegionId',
      'ContainerGroupName',
      'Container',
    ]);
    assert.match(String(d[0].message), /^The document is empty: .*RegionId, ContainerGroupName, Container/);
  }
});

test('a syntax error the document recovers from still shows the other findings, minus what the line being typed explains', () => {
  const typed =
    'RegionId: cn-hangzhou\nContainerGroupName: web\nRestartPolicy: always\nContainer:\n  - Name: a\n    Im\n';
  // The container has no Image: the key being typed on line 6 may be it, so that is not reported.
  assert.deepEqual(
    en.diagnose(typed).map((x) => `${x.range.start.line}:${x.code}`),
    ['2:schema.enum', '5:yaml.syntax'],
  );
  // The same key typed in another item does not hide the first item's missing Image.
  const other =
    'RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: a\n  - Name: b\n    Image: nginx\n    Im\n';
  assert.deepEqual(
    en.diagnose(other).map((x) => `${x.range.start.line}:${x.code}`),
    ['3:schema.required', '6:yaml.syntax'],
  );
  // A key typed at the root explains a missing root key and SpotPriceLimit, not a missing Image in a container.
  const root = 'RegionId: cn-hangzhou\nSpotStrategy: SpotWithPriceLimit\nContainer:\n  - Name: a\nCont\n';
  assert.deepEqual(
    en.diagnose(root).map((x) => `${x.range.start.line}:${x.code}`),
    ['3:schema.required', '4:yaml.syntax'],
  );
});

test('YAML still broken after the stray line is set aside: the syntax only', () => {
  const d = en.diagnose('RegionId: cn-hangzhou\nRestartPolicy: always\nA: [1, 2\nB: {x: 1\nC: "open\n');
  assert.ok(d.length >= 2 && d.every((x) => x.code === 'yaml.syntax'), JSON.stringify(d.map((x) => x.code)));
});

test("syntax messages name the situation, in English and Japanese, without the parser's wording", () => {
  const cases: [string, number, RegExp, RegExp][] = [
    [
      'RegionId: a\nImage\nContainer: []\n',
      1,
      /`Image` needs a colon: write `Image: value`/,
      /`Image` にコロンがありません/,
    ],
    ['RegionId: a\nContainer:\n  - Name: a\n   Image: b\n', 3, /does not start with `- `/, /`- ` で始まっていません/],
    [
      'RegionId: a\nContainer:\n  - Name: a\n    Image: b\n  Cpu: 1\n',
      4,
      /keys of one mapping must all start at the same column/,
      /同じ列から始めて/,
    ],
    ['RegionId: a\nContainer: {Name: a\nZ: 1\n', 1, /This `\{` is never closed/, /この `\{` が閉じられていません/],
    ["RegionId: 'a\nZ: 1\n", 0, /This ' quote is never closed/, /この ' 引用符が閉じられていません/],
    ['RegionId: a: b\n', 0, /contains `: `.*quotes/, /引用符で囲んで/],
    ['RegionId: @a\n', 0, /cannot start with `@`/, /`@` から始める/],
  ];
  for (const [text, line, english, japanese] of cases) {
    const e = en.diagnose(text).filter((x) => x.code === 'yaml.syntax');
    const j = ja.diagnose(text).filter((x) => x.code === 'yaml.syntax');
    assert.ok(e.length >= 1, text);
    assert.equal(e[0].range.start.line, line, `${text}: ${e[0].message}`);
    assert.match(String(e[0].message), english, text);
    assert.match(String(j[0].message), japanese, text);
    assert.doesNotMatch(
      String(e[0].message),
      /Implicit|indicator|compact|Flow map|reserved character/,
      `${text}: no library wording`,
    );
  }
});

test('an unclosed bracket is reported at the bracket, never as a stray line', () => {
  const d = en.diagnose('RegionId: a\nContainer: [a, b\nX: 1\n');
  const syntax = d.filter((x) => x.code === 'yaml.syntax');
  assert.equal(syntax.length, 1);
  assert.deepEqual(syntax[0].range.start, { line: 1, character: 11 });
  assert.doesNotMatch(String(syntax[0].message), /neither/);
});

test('an alias without anchor is named on the alias, in both languages', () => {
  const text = 'RegionId: a\nContainerGroupName: web\nContainer:\n  - Name: a\n    Image: *img\n';
  const d = en.diagnose(text);
  assert.deepEqual(
    d.map((x) => x.code),
    ['yaml.unresolved-alias'],
  );
  assert.deepEqual(d[0].range, { start: { line: 4, character: 11 }, end: { line: 4, character: 15 } });
  assert.match(String(d[0].message), /\*img/);
  const j = ja.diagnose(text);
  assert.match(String(j[0].message), /エイリアス \*img/);
  assert.doesNotMatch(String(j[0].message), /Unresolved|anchor must/);
});

test('syntax errors stop schema validation and stay on their line', () => {
  const d = en.diagnose(BASE + '    Cpu: [1, 2\nRestartPolicy: Always\n');
  assert.deepEqual(
    d.map((x) => x.code),
    ['yaml.syntax'],
  );
  assert.equal(d[0].range.start.line, 5);
  assert.equal(d[0].range.end.line, 5);
});

test('the parse is cached per text and diagnostics do not leak between callers', () => {
  const text = BASE + 'RestartPolicy: x\n';
  assert.equal(en.parse(text), en.parse(text));
  const a = en.diagnose(text);
  a[0].message = 'changed';
  assert.notEqual(en.diagnose(text)[0].message, 'changed');
});

test('the wire request is refused with the errors of an invalid document, built for a valid one', () => {
  const bad = en.wireRequest(BASE + 'RestartPolicy: x\n');
  assert.equal(bad.ok, false);
  if (!bad.ok)
    assert.deepEqual(
      bad.errors.map((e) => e.code),
      ['schema.enum'],
    );
  const good = en.wireRequest(BASE + 'RestartPolicy: Never\n');
  assert.equal(good.ok, true);
  if (good.ok) assert.equal(good.params.RestartPolicy, 'Never');
  // Warnings do not block the request.
  assert.equal(en.wireRequest(BASE + 'OsType: Windows\n').ok, true);
});

test('Japanese messages space ASCII names from the Japanese beside them, and Japanese words not at all', () => {
  const ja = createLanguageService({ locale: 'ja' });
  const messages = (text: string) => ja.diagnose(text).map((d) => String(d.message));
  const root = messages(
    'RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: a\n    Image: b\nContainerGroupNmae: x\n',
  );
  assert.deepEqual(root, [
    'ドキュメントに不明なパラメータ ContainerGroupNmae があります。ContainerGroupName のことですか?',
  ]);
  const required = messages('RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: a\n');
  assert.deepEqual(required, ['Container[].Image は Container[] に必須ですが、ありません。']);
  const atRoot = messages('ContainerGroupName: web\nContainer:\n  - Name: a\n    Image: b\n');
  assert.deepEqual(atRoot, ['RegionId はドキュメントに必須ですが、ありません。']);
  const inItem = messages(
    'RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: a\n    Image: b\n    Imagee: c\n',
  );
  assert.match(inItem[0], /^Container\[\] に不明なパラメータ Imagee があります。/);
  const type = messages(
    'RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: a\n    Image: b\nCpu: [1]\nMemory: true\n',
  );
  assert.equal(type.length, 2);
  assert.ok(
    type.some((m) => m.endsWith('true です。')),
    type.join('\n'),
  );
  for (const m of type)
    assert.doesNotMatch(m, /[ァ-ヶー一-龯ぁ-ん] (に|は|の|が|を|です)|[A-Za-z0-9\])](に|は|です)/, m);
  const en = createLanguageService({ locale: 'en' }).diagnose(
    'RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: a\n    Image: b\nContainerGroupNmae: x\n',
  );
  assert.equal(en[0].message, 'Unknown parameter ContainerGroupNmae in the document. Did you mean ContainerGroupName?');
});
