import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { SymbolKind, FoldingRangeKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { parse } from '../../server/src/service/parse';
import { documentSymbols, MAX_SYMBOLS } from '../../server/src/service/symbols';
import { MAX_NESTING } from '../../server/src/service/parse';
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
  const before = (a: Range['start'], b: Range['start']) =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
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
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['RegionId', 'ContainerGroupName', 'Container', 'InitContainer', 'Volume', 'Tag', 'Script'],
  );
  const containers = find(symbols, 'Container')!;
  assert.equal(containers.kind, SymbolKind.Array);
  assert.equal(containers.detail, '2 items');
  assert.deepEqual(
    containers.children!.map((c) => [c.name, c.kind, c.detail]),
    [
      ['nginx', SymbolKind.Class, 'nginx:1.25'],
      ['Container[2]', SymbolKind.Class, 'busybox'],
    ],
  );
  const nginx = containers.children![0];
  assert.deepEqual(
    find(nginx.children, 'Port')!.children!.map((p) => p.name),
    ['80/TCP', '53/UDP'],
  );
  const mount = find(nginx.children, 'VolumeMount')!.children![0];
  assert.deepEqual([mount.name, mount.kind, mount.detail], ['data', SymbolKind.Field, '/data']);
  assert.deepEqual(
    find(symbols, 'InitContainer')!.children!.map((c) => [c.name, c.kind]),
    [['init-db', SymbolKind.Constructor]],
  );
  assert.deepEqual(
    find(symbols, 'Volume')!.children!.map((c) => [c.name, c.kind, c.detail]),
    [['data', SymbolKind.File, 'EmptyDirVolume']],
  );
  assert.deepEqual(
    find(symbols, 'Tag')!.children!.map((c) => [c.name, c.kind, c.detail]),
    [
      ['team', SymbolKind.Key, 'platform'],
      ['Tag[2]', SymbolKind.Key, undefined],
    ],
  );
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

test("the outline's list details follow the locale", () => {
  const detailOf = (symbols: DocumentSymbol[], name: string) => symbols.find((s) => s.name === name)?.detail;
  assert.equal(detailOf(documentSymbols(parse(DOC)), 'Container'), '2 items');
  assert.equal(detailOf(documentSymbols(parse(DOC)), 'InitContainer'), '1 item');
  const ja = createLanguageService({ locale: 'ja' }).documentSymbols(DOC);
  assert.equal(detailOf(ja, 'Container'), '2 項目');
  assert.equal(detailOf(ja, 'InitContainer'), '1 項目');
});

// Issue 16, item 9: the outline is shown by the editor (outline view, breadcrumbs): no secret in clear.
test('the outline masks passwords and the environment values of containers with EnvironmentVarHide', () => {
  const text = `RegionId: cn-hangzhou
ContainerGroupName: web
ImageRegistryCredential:
  - Server: registry.example.com
    UserName: deploy
    Password: Hunter2-registry
Container:
  - Name: app
    Image: nginx
    EnvironmentVarHide: true
    EnvironmentVar:
      - Key: DB_PASSWORD
        Value: s3cret-db-value
  - Name: side
    Image: busybox
    EnvironmentVar:
      - Key: MODE
        Value: visible-mode
`;
  for (const locale of ['en', 'ja'] as const) {
    const symbols = createLanguageService({ locale }).documentSymbols(text);
    const json = JSON.stringify(symbols);
    assert.doesNotMatch(json, /Hunter2-registry|s3cret-db-value/, locale);
    const credential = find(find(symbols, 'ImageRegistryCredential')?.children, 'registry.example.com');
    assert.match(String(find(credential?.children, 'Password')?.detail), /\*{8}/);
    const app = find(find(symbols, 'Container')?.children, 'app');
    const env = find(find(app?.children, 'EnvironmentVar')?.children, 'DB_PASSWORD');
    assert.match(String(env?.detail), /\*{8}/);
    assert.match(String(find(env?.children, 'Value')?.detail), /\*{8}/);
    // Not secret: shown.
    const side = find(find(symbols, 'Container')?.children, 'side');
    assert.equal(find(find(side?.children, 'EnvironmentVar')?.children, 'MODE')?.detail, 'visible-mode');
    assert.equal(credential?.detail, 'deploy');
  }
});

// Issue 16, item 6: keys inside keys (`? ? ? … a`) made the outline and selection ranges grow twofold per level.
test('explicit keys nested 30 levels and more: the outline and selection ranges stay small', () => {
  const service = createLanguageService();
  for (const levels of [26, 30, 120]) {
    const text = '? '.repeat(levels) + 'a\n';
    const started = Date.now();
    const symbols = JSON.stringify(service.documentSymbols(text));
    const selection = JSON.stringify(
      service.selectionRanges(text, [
        { line: 0, character: levels * 2 },
        { line: 0, character: levels },
      ]),
    );
    const folding = JSON.stringify(service.foldingRanges(text));
    assert.ok(
      symbols.length < 10_000 && selection.length < 100_000 && folding.length < 10_000,
      `${levels} levels: ${symbols.length}, ${selection.length}, ${folding.length} characters`,
    );
    assert.ok(Date.now() - started < 5000, `${levels} levels took ${Date.now() - started} ms`);
  }
  // Each `? ` counts as a level of nesting: beyond the limit, the document is refused.
  assert.deepEqual(
    service.diagnose('? '.repeat(MAX_NESTING + 1) + 'a\n').map((d) => d.code),
    ['yaml.too-deep'],
  );
  assert.deepEqual(
    service.diagnose('a:\n' + '- ? : '.repeat(MAX_NESTING / 3 + 1) + 'x\n').map((d) => d.code),
    ['yaml.too-deep'],
  );
});

test('the outline of a huge document is cut at MAX_SYMBOLS symbols', () => {
  const text =
    'RegionId: cn-hangzhou\n' + Array.from({ length: MAX_SYMBOLS + 500 }, (_, i) => `P${i}: v`).join('\n') + '\n';
  const count = (symbols: DocumentSymbol[] | undefined): number =>
    (symbols ?? []).reduce((n, s) => n + 1 + count(s.children), 0);
  assert.equal(count(documentSymbols(parse(text))), MAX_SYMBOLS);
  const nested =
    'Container:\n' + Array.from({ length: MAX_SYMBOLS }, (_, i) => `  - Name: c${i}\n    Image: i`).join('\n') + '\n';
  assert.equal(count(documentSymbols(parse(nested))), MAX_SYMBOLS);
});
