// No input takes the service down: each hostile document gets a clear diagnostic in bounded time,
// and completion, hover and the wire request answer on it without throwing.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service/index';
import { MAX_DOCUMENT_CHARS, MAX_NESTING, parse } from '../../server/src/service/parse';
import { documentValue, MAX_ALIAS_EXPANSION, MAX_EXPANDED_VALUES } from '../../server/src/service/ast';
import { prng, validFixtureTexts } from '../support/seeded';

const service = createLanguageService();
// Generous: the machine running the tests may be shared; a hang or a quadratic blow-up is far beyond it.
const BOUND_MS = 10_000;

function survive(name: string, text: string): Diagnostic[] {
  const started = Date.now();
  const diagnostics = service.diagnose(text);
  const lines = text.split('\n').length;
  for (const d of diagnostics) {
    assert.ok(d.range.start.line >= 0 && d.range.end.line < lines, `${name}: range inside the document`);
    assert.equal(d.range.start.line, d.range.end.line, `${name}: ${d.code} stays on its line`);
    assert.ok(String(d.message).length > 20, `${name}: a clear message`);
  }
  for (const position of [
    { line: 0, character: 0 },
    { line: 0, character: 3 },
    { line: Math.max(0, lines - 1), character: 1 },
  ]) {
    service.complete(text, position);
    service.hover(text, position);
  }
  service.wireRequest(text);
  assert.ok(Date.now() - started < BOUND_MS, `${name} took ${Date.now() - started} ms`);
  return diagnostics;
}

const codes = (d: Diagnostic[]) => d.map((x) => x.code);

test('malformed YAML: one syntax error on its line', () => {
  const d = survive('malformed', 'RegionId: cn-hangzhou\nContainer: [ {Name: a\nZoneId: x\n  : : :\n');
  assert.ok(d.length >= 1 && d.every((x) => x.code === 'yaml.syntax'), JSON.stringify(codes(d)));
  assert.equal(d[0].range.start.line, 1);
});

test('an alias bomb (billion laughs) is stopped with one diagnostic', () => {
  const names = 'abcdefghij';
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < names.length; i++)
    lines.push(
      `${names[i]}: &${names[i]} [${Array(10)
        .fill('*' + names[i - 1])
        .join(', ')}]`,
    );
  const d = survive('alias bomb', lines.join('\n') + '\n');
  assert.deepEqual(codes(d), ['yaml.excessive-aliases']);
  assert.match(String(d[0].message), /aliases/);
  assert.doesNotMatch(String(d[0].message), /Excessive alias count|resource exhaustion/, 'no library text');
  // Shown on an alias of the last, largest level, not at the document start.
  assert.equal(d[0].range.start.line, names.length - 1);
  assert.equal(lines[names.length - 1].slice(d[0].range.start.character, d[0].range.end.character), '*i');
});

// Issue 16, item 5: resolving aliases one by one walked the document once per alias (quadratic).
test('9,000 aliases: bounded time and the same findings as the expanded document', () => {
  const head = 'RegionId: cn-hangzhou\nContainerGroupName: web\nx: &a {Name: n, Image: i}\n';
  const aliased = head + 'Container: [' + Array(9000).fill('*a').join(', ') + ']\n';
  const expanded = head + 'Container: [' + Array(9000).fill('{Name: n, Image: i}').join(', ') + ']\n';
  // Each defect once: the aliased containers share one anchored node, where their findings are shown once.
  const what = (d: Diagnostic[]) => [...new Set(d.map((x) => `${x.code} ${x.message}`))];
  assert.deepEqual(what(survive('9,000 aliases', aliased)), what(survive('9,000 expanded', expanded)));
  // Fewer of them, for a request that can be built: the same wire parameters.
  const small = (items: string) =>
    `RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: web\n    Image: nginx\n    EnvironmentVar: [${items}]\n`;
  const env = '{Key: K, Value: v}';
  const a = service.wireRequest(small(`&e ${env}, ` + Array(30).fill('*e').join(', ')));
  const b = service.wireRequest(small(Array(31).fill(env).join(', ')));
  assert.ok(a.ok && b.ok);
  assert.deepEqual(a.params, b.params);
});

test("the document value with aliases equals the yaml library's toJS, limits and failures included", () => {
  const docs = [
    'a: &x 1\nb: *x\nc: &x 2\nd: *x\n',
    'a: &m {k: &v [1, 2]}\nb: [*m, *v, *m]\n',
    '&k key: 1\nother: *k\n*k : 2\n',
    'a: &e []\nb: [*e, *e, *e]\n',
    '__proto__: 1\nx: &p {__proto__: 2}\ny: *p\n',
    'a: &n\nb: *n\n~: 3\n1: one\ntrue: t\n',
    'base: &b {x: 1}\nmerged: {<<: *b, y: 2}\n',
    'a: &s !!set {x, y}\nb: *s\n',
    'a: &big [' + Array(200).fill('x').join(', ') + ']\nb: [' + Array(60).fill('*big').join(', ') + ']\n',
  ];
  // The billion laughs: the library's limit is reached at the same alias.
  const names = 'abcdefghij';
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 5; i++)
    lines.push(
      `${names[i]}: &${names[i]} [${Array(10)
        .fill('*' + names[i - 1])
        .join(', ')}]`,
    );
  docs.push(lines.join('\n') + '\n', lines.slice(0, 4).join('\n') + '\n');
  for (const text of docs) {
    const parsed = parse(text);
    let expected: unknown;
    try {
      expected = { ok: true, value: parsed.doc!.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION }) };
    } catch {
      expected = 'excessive-aliases';
    }
    const got = documentValue(parsed);
    assert.deepEqual(got.ok ? got : got.problem, expected, text);
  }
  // Every fixture, and the fixtures mutated: the same value as the library's.
  const rnd = prng(5);
  for (const fixture of validFixtureTexts()) {
    for (let i = 0; i < 60; i++) {
      const lines = fixture.split('\n');
      const at = Math.floor(rnd() * lines.length);
      lines.splice(
        at,
        0,
        [
          'x: &a [1, {b: 2}]',
          'y: *a',
          '  - *a',
          'K: !!str 1',
          '~: null',
          '1: one',
          'true: yes',
          "'q': 1",
          '__proto__: p',
          'toString: t',
        ][Math.floor(rnd() * 10)],
      );
      const parsed = parse(lines.join('\n'));
      if (!parsed.doc || parsed.doc.errors.length) continue;
      let expected: unknown;
      try {
        expected = parsed.doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
      } catch {
        continue;
      }
      const got = documentValue(parsed);
      assert.ok(got.ok, lines.join('\n'));
      assert.deepEqual(got.value, expected, lines.join('\n'));
    }
  }
  // A key that is a collection is named by its flow text, as in the outline.
  const complex = documentValue(parse('? [a, b]\n: &c 1\nd: *c\n? {k: v}\n: 2\n'));
  assert.deepEqual(complex.ok && complex.value, { '[a, b]': 1, d: 1, '{k: v}': 2 });
});

test('100-level nesting is analysed; nesting beyond the limit is refused with one diagnostic', () => {
  const block = Array.from({ length: 100 }, (_, i) => ' '.repeat(i * 2) + `Level${i}:`).join('\n') + ' x\n';
  const d = survive(
    '100 levels',
    'RegionId: cn-hangzhou\nContainerGroupName: deep\nContainer: [{Name: a, Image: b}]\n' + block,
  );
  assert.deepEqual(codes(d), ['schema.unknown-key']);
  const flow = survive('100 flow levels', 'Tag: ' + '['.repeat(100) + ']'.repeat(100) + '\n');
  assert.ok(!codes(flow).includes('yaml.too-deep'));
  for (const [name, text] of [
    ['deep flow', 'a: ' + '['.repeat(100_000)],
    ['deep block', Array.from({ length: MAX_NESTING + 50 }, (_, i) => ' '.repeat(i) + `k${i}:`).join('\n')],
    ['deep list', 'a:\n' + '- '.repeat(MAX_NESTING + 1) + 'x\n'],
  ]) {
    assert.deepEqual(codes(survive(name, text)), ['yaml.too-deep'], name);
  }
});

test('a 10 MB file is refused with one diagnostic', () => {
  const text = 'RegionId: cn-hangzhou\n' + 'Tag: [{Key: k, Value: v}]\n'.repeat(Math.ceil(10_000_000 / 26));
  assert.ok(text.length > MAX_DOCUMENT_CHARS);
  const d = survive('10 MB', text);
  assert.deepEqual(codes(d), ['yaml.too-large']);
  assert.equal(d[0].range.start.line, 0);
  assert.deepEqual(service.complete(text, { line: 5, character: 0 }).items, []);
});

test('binary junk gets a diagnostic, not an exception', () => {
  let seed = 12345;
  const bytes = Array.from({ length: 100_000 }, () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed & 0xff;
  });
  const d = survive('binary', Buffer.from(bytes).toString('latin1'));
  assert.ok(d.length >= 1);
  const utf8 = survive('binary utf-8', Buffer.from(bytes).toString('utf8'));
  assert.ok(utf8.length >= 1);
});

test('a list or a scalar at the top level: not a mapping', () => {
  assert.deepEqual(codes(survive('list', '- RegionId: cn-hangzhou\n- Container: []\n')), ['yaml.not-a-mapping']);
  assert.deepEqual(codes(survive('scalar', 'cn-hangzhou\n')), ['yaml.not-a-mapping']);
  assert.deepEqual(codes(survive('number', '42\n')), ['yaml.not-a-mapping']);
  assert.deepEqual(codes(survive('flow list', '[1, 2, 3]\n')), ['yaml.not-a-mapping']);
});

test('an empty file: one diagnostic naming the three required parameters', () => {
  const d = survive('empty', '');
  assert.deepEqual(codes(d), ['schema.required']);
  assert.match(String(d[0].message), /empty.*RegionId, ContainerGroupName, Container/);
  assert.deepEqual(service.complete('', { line: 0, character: 0 }).items.length > 0, true);
});

test('odd but legal YAML: tags, anchors on keys, complex keys, CRLF line ends, BOM', () => {
  const valid = 'RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: web\n    Image: nginx\n';
  assert.deepEqual(survive('crlf', valid.replace(/\n/g, '\r\n')), []);
  assert.deepEqual(survive('bom', '\ufeff' + valid), []);
  survive('tags', '!!map\nRegionId: !!str cn-hangzhou\nCpu: !!float 1\n');
  survive('complex key', '? [a, b]\n: c\n');
  survive('anchor key', '&k RegionId: x\n*k : y\n');
  survive('unknown tag', 'RegionId: !custom x\n');
});

test('a mapping with 50,000 keys: bounded time, the first problems and a count of the rest', () => {
  const text =
    'RegionId: cn-hangzhou\n' +
    Array.from({ length: 50_000 }, (_, i) => `Param${i}: v`).join('\n') +
    '\nParam7: again\n';
  const d = survive('50k keys', text);
  assert.ok(d.length <= 600, `${d.length} diagnostics`);
  assert.ok(d.some((x) => x.code === 'schema.too-many'));
  assert.ok(d.some((x) => x.code === 'yaml.duplicate-key' && x.range.start.line === 50_001));
});

test('a 1.9 MB single line and a long flow list stay bounded', () => {
  survive('long line', 'RegionId: ' + 'x'.repeat(1_900_000));
  survive(
    'long flow list',
    'Tag: [' + Array.from({ length: 40_000 }, (_, i) => `{Key: k${i}, Value: v}`).join(', ') + ']\n',
  );
});

test('many aliases of a large anchor: refused when written out they exceed what a request is built from, never sent short', () => {
  const doc = (n: number) =>
    `RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: web\n    Image: nginx\n    EnvironmentVar: [&e {Key: K, Value: v}, ${Array(n).fill('*e').join(', ')}]\n`;
  // 4,000 aliases: within every limit, and every parameter reaches the wire (it was cut at 10,000 values).
  const a = service.wireRequest(doc(4000));
  assert.ok(a.ok);
  assert.equal(Object.keys(a.params).filter((k) => k.startsWith('Container.1.EnvironmentVar.')).length, 2 * 4001);
  // An anchor of 1,000 values used 300 times: 300,000 values written out.
  const big = `RegionId: cn-hangzhou\nContainerGroupName: web\nx: &big [${Array(1000).fill('v').join(', ')}]\nContainer:\n  - Name: web\n    Image: nginx\n    Arg: [${Array(300).fill('*big').join(', ')}]\n`;
  const d = survive('300 aliases of 1,000 values', big);
  assert.deepEqual(codes(d), ['yaml.excessive-aliases']);
  assert.match(String(d[0].message), new RegExp(String(MAX_EXPANDED_VALUES)));
  assert.equal(service.wireRequest(big).ok, false);
  // An alias inside its own anchor: without end.
  assert.deepEqual(codes(survive('recursive alias', 'RegionId: cn-hangzhou\nx: &r [1, *r]\n')), [
    'yaml.excessive-aliases',
  ]);
});
