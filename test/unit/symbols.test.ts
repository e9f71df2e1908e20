import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { SymbolKind, FoldingRangeKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { parse } from '../../server/src/service/parse';
import { documentSymbols } from '../../server/src/service/symbols';
import { createLanguageService } from '../../server/src/service/index';
import { foldingRanges } from '../../server/src/service/folding';

const DOC = `# A web server
# with a sidecar
RegionId: cn-hangzhou
ContainerGroupName: web
Container:
  - Name: nginx
    Image: nginx:1.25
    Port:
      - Port: 80
      - Port: 53
        Protocol: UDP
    VolumeMount:
      - Name: data
        MountPath: /data
  - Image: busybox
InitContainer:
  - Name: init-db
    Image: busybox
Volume:
  - Name: data
    Type: EmptyDirVolume
Tag:
  - Key: team
    Value: platform
  - Key: ""
Script: |
  # not a comment
  # still not a comment
  echo hi
`;

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function checkValid(symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const s of symbols) {
    assert.ok(s.name.length > 0, 'a symbol name is never empty');
    assert.ok(contains(s.range, s.selectionRange), `${s.name}: selectionRange inside range`);
    if (parent) assert.ok(contains(parent.range, s.range), `${s.name} inside ${parent.name}`);
    checkValid(s.children ?? [], s);
  }
}

const find = (symbols: DocumentSymbol[] | undefined, name: string) => symbols?.find((s) => s.name === name);

test('containers, init containers, volumes and tags are named by what identifies them, with their kinds', () => {
  const symbols = documentSymbols(parse(DOC));
  checkValid(symbols);
  assert.deepEqual(symbols.map((s) => s.name), ['RegionId', 'ContainerGroupName', 'Container', 'InitContainer', 'Volume', 'Tag', 'Script']);
  const containers = find(symbols, 'Container')!;
  assert.equal(containers.kind, SymbolKind.Array);
  assert.equal(containers.detail, '2 items');
  assert.deepEqual(containers.children!.map((c) => [c.name, c.kind, c.detail]), [
    ['nginx', SymbolKind.Class, 'nginx:1.25'],
    ['Container[2]', SymbolKind.Class, 'busybox'],
  ]);
  const nginx = containers.children![0];
  assert.deepEqual(find(nginx.children, 'Port')!.children!.map((p) => p.name), ['80/TCP', '53/UDP']);
  const mount = find(nginx.children, 'VolumeMount')!.children![0];
  assert.deepEqual([mount.name, mount.kind, mount.detail], ['data', SymbolKind.Field, '/data']);
  assert.deepEqual(find(symbols, 'InitContainer')!.children!.map((c) => [c.name, c.kind]), [['init-db', SymbolKind.Constructor]]);
  assert.deepEqual(find(symbols, 'Volume')!.children!.map((c) => [c.name, c.kind, c.detail]), [['data', SymbolKind.File, 'EmptyDirVolume']]);
  assert.deepEqual(find(symbols, 'Tag')!.children!.map((c) => [c.name, c.kind, c.detail]), [['team', SymbolKind.Key, 'platform'], ['Tag[2]', SymbolKind.Key, undefined]]);
  assert.equal(find(symbols, 'RegionId')!.detail, 'cn-hangzhou');
  assert.equal(find(symbols, 'RegionId')!.kind, SymbolKind.Property);
});

test('a named item selects its name, and the range covers the whole item', () => {
  const symbols = documentSymbols(parse(DOC));
  const nginx = find(symbols, 'Container')!.children![0];
  assert.deepEqual(nginx.selectionRange, { start: { line: 5, character: 10 }, end: { line: 5, character: 15 } });
  assert.deepEqual(nginx.range, { start: { line: 5, character: 4 }, end: { line: 13, character: 24 } });
  const region = find(symbols, 'RegionId')!;
  assert.deepEqual(region.selectionRange, { start: { line: 2, character: 0 }, end: { line: 2, character: 8 } });
  assert.deepEqual(region.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 21 } });
});

test('broken, empty, scalar and deeply nested documents give valid symbols or none', () => {
  assert.deepEqual(documentSymbols(parse('')), []);
  assert.deepEqual(documentSymbols(parse('- a\n- b\n')), []);
  assert.deepEqual(documentSymbols(parse('just text')), []);
  const broken = documentSymbols(parse('RegionId: x\nContainer:\n  - Name: [a\n  - Image: b\n: lone\n'));
  checkValid(broken);
  assert.ok(broken.some((s) => s.name === 'RegionId'));
  let deep = '';
  for (let i = 0; i < 120; i++) deep += `${'  '.repeat(i)}k${i}:\n`;
  deep += `${'  '.repeat(120)}leaf: 1\n`;
  const symbols = documentSymbols(parse(deep));
  checkValid(symbols);
  assert.equal(symbols[0].name, 'k0');
});

test('folding: mappings, lists, list items, block scalars and comment blocks that span lines', () => {
  const ranges = foldingRanges(parse(DOC));
  const at = (line: number) => ranges.find((r) => r.startLine === line);
  assert.deepEqual(at(0), { startLine: 0, endLine: 1, kind: FoldingRangeKind.Comment });
  assert.deepEqual(at(4), { startLine: 4, endLine: 14 }, 'Container: down to its last item');
  assert.deepEqual(at(5), { startLine: 5, endLine: 13 }, 'the first container item');
  assert.deepEqual(at(7), { startLine: 7, endLine: 10 }, 'Port list');
  assert.deepEqual(at(9), { startLine: 9, endLine: 10 }, 'a two-line port item');
  assert.deepEqual(at(25), { startLine: 25, endLine: 28 }, 'the block scalar');
  assert.equal(at(26), undefined, 'lines inside a block scalar are not comments');
  assert.equal(at(2), undefined, 'a one-line pair does not fold');
  for (const r of ranges) assert.ok(r.endLine > r.startLine);
  assert.equal(new Set(ranges.map((r) => r.startLine)).size, ranges.length, 'one range per start line');
});

test('folding of an empty or broken document does not fail', () => {
  assert.deepEqual(foldingRanges(parse('')), []);
  const r = foldingRanges(parse('a:\n  b: [1,\n  c: 2\n# x\n# y\n'));
  assert.ok(r.some((x) => x.kind === FoldingRangeKind.Comment && x.startLine === 3 && x.endLine === 4));
});

test('the outline\'s list details follow the locale', () => {
  const detailOf = (symbols: DocumentSymbol[], name: string) => symbols.find((s) => s.name === name)?.detail;
  assert.equal(detailOf(documentSymbols(parse(DOC)), 'Container'), '2 items');
  assert.equal(detailOf(documentSymbols(parse(DOC)), 'InitContainer'), '1 item');
  const ja = createLanguageService({ locale: 'ja' }).documentSymbols(DOC);
  assert.equal(detailOf(ja, 'Container'), '2 項目');
  assert.equal(detailOf(ja, 'InitContainer'), '1 項目');
});
