import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse, MAX_DOCUMENT_CHARS } from '../../server/src/service/parse';
import { createLanguageService } from '../../server/src/service/index';

test('a valid document parses without problems', () => {
  const p = parse('RegionId: cn-hangzhou\nContainerGroupName: web\n');
  assert.deepEqual(p.problems, []);
  assert.equal(p.doc?.toJS().RegionId, 'cn-hangzhou');
});

test('a syntax error stays on its own line', () => {
  const text = 'RegionId: cn-hangzhou\nContainer: [ {Name: a\nZoneId: x\nFoo: bar\nBaz: 1\n';
  const p = parse(text);
  assert.ok(p.problems.length > 0);
  for (const prob of p.problems) assert.equal(prob.range.start.line, prob.range.end.line, JSON.stringify(prob));
});

test('duplicate keys are reported with their own code', () => {
  const p = parse('RegionId: a\nRegionId: b\n');
  assert.ok(p.problems.some((x) => x.code === 'yaml.duplicate-key' && x.range.start.line === 1));
});

test('a second YAML document is reported', () => {
  const p = parse('RegionId: a\n---\nRegionId: b\n');
  assert.ok(p.problems.some((x) => x.code === 'yaml.multiple-documents' && x.range.start.line === 1));
});

test('an oversized document is refused with one problem and working positions', () => {
  const text = 'a: b\n'.repeat(Math.ceil(MAX_DOCUMENT_CHARS / 5) + 10);
  const p = parse(text);
  assert.equal(p.doc, undefined);
  assert.deepEqual(
    p.problems.map((x) => x.code),
    ['yaml.too-large'],
  );
  assert.deepEqual(p.positionAt(12), { line: 2, character: 2 });
  assert.equal(p.offsetAt({ line: 2, character: 2 }), 12);
});

test('positions and offsets round-trip', () => {
  const text = 'RegionId: a\n  x: "日本"\nZ: 1';
  const p = parse(text);
  for (let o = 0; o <= text.length; o++) assert.equal(p.offsetAt(p.positionAt(o)), o);
});

test('a stray word typed on its own line is one problem on that line, and the rest is still read', () => {
  const body = '# comment\nRegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: a\n    Image: nginx\n';
  const p = parse('Spot\n' + body);
  const syntax = p.problems.filter((x) => x.code === 'yaml.syntax');
  assert.equal(syntax.length, 1, JSON.stringify(p.problems));
  assert.equal(syntax[0].range.start.line, 0);
  assert.equal(syntax[0].range.end.line, 0);
  assert.equal(p.doc?.toJS().ContainerGroupName, 'web');
});

test('a word typed inside a list item is reported on its line, not on the key after it', () => {
  const text = 'RegionId: cn-hangzhou\nContainer:\n  - Name: a\n    Ima\n    Image: nginx\n';
  const p = parse(text);
  const syntax = p.problems.filter((x) => x.code === 'yaml.syntax');
  assert.equal(syntax.length, 1, JSON.stringify(p.problems));
  assert.equal(syntax[0].range.start.line, 3);
  assert.deepEqual(p.doc?.toJS().Container, [{ Name: 'a', Image: 'nginx' }]);
});

test('an error no single line explains is reported as the parser found it', () => {
  const p = parse('A: [1, 2\nB: {x: 1\nC: "open\n');
  assert.ok(p.problems.filter((x) => x.code === 'yaml.syntax').length >= 2);
});

test('aliases are found wherever YAML allows them (block, flow, after a colon), and masked ids are not aliases', () => {
  const service = createLanguageService();
  for (const text of [
    'RegionId: *nope\n',
    'Tag: [*nope]\n',
    'Tag: {Key: *nope}\n',
    'Tag:\n  - *nope\n',
    'Tag: {"Key":*nope}\n',
  ]) {
    const codes = service.diagnose(text).map((d) => d.code);
    assert.ok(codes.includes('yaml.unresolved-alias'), `${JSON.stringify(text)} -> ${codes.join(', ')}`);
  }
  const masked = service.diagnose(
    'RegionId: cn-hangzhou\nContainerGroupName: web\nSecurityGroupId: sg-uf66jeqopgqa9hdn****\nContainer:\n  - Name: a\n    Image: nginx\n',
  );
  assert.deepEqual(
    masked.filter((d) => String(d.code).startsWith('yaml.')),
    [],
  );
});
