import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DocumentHighlightKind, type Position, type Range, type TextEdit } from 'vscode-languageserver-types';
import { parse } from '../../server/src/service/parse';
import {
  definition,
  references,
  documentHighlights,
  prepareRename,
  rename,
  volumeNameOccurrences,
} from '../../server/src/service/navigation';
import { selectionRanges } from '../../server/src/service/selection';
import { documentSymbols } from '../../server/src/service/symbols';
import { foldingRanges } from '../../server/src/service/folding';
import { codeActions } from '../../server/src/service/actions';
import { diagnose } from '../../server/src/service/diagnose';
import { CONTAINER_GROUP_TEMPLATES } from '../../server/src/service/templates';
import { prng } from '../support/seeded';

const DOC = `ContainerGroupName: web
Container:
  - Name: app
    Image: nginx
    VolumeMount:
      - Name: data
        MountPath: /data
      - Name: "config"
        MountPath: /etc/app
InitContainer:
  - Name: init
    Image: busybox
    VolumeMount:
      - MountPath: /seed
        Name: data
Volume:
  - Name: data
    Type: EmptyDirVolume
  - Name: "config"
    Type: ConfigFileVolume
  - Name: unused
    Type: EmptyDirVolume
`;

/** The position of the `n`-th (0-based) occurrence of `needle` in the text, `delta` characters in. */
function pos(text: string, needle: string, n = 0, delta = 1): Position {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `${needle} #${n} not in text`);
  return parse(text).positionAt(i + delta);
}

function textAt(text: string, r: Range): string {
  const p = parse(text);
  return text.slice(p.offsetAt(r.start), p.offsetAt(r.end));
}

function applyEdits(text: string, edits: TextEdit[]): string {
  const p = parse(text);
  const sorted = [...edits].sort((a, b) => p.offsetAt(b.range.start) - p.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted)
    out = out.slice(0, p.offsetAt(e.range.start)) + e.newText + out.slice(p.offsetAt(e.range.end));
  return out;
}

const parsed = parse(DOC);

test('every volume name is found with its wire path and role', () => {
  assert.deepEqual(
    volumeNameOccurrences(parsed).map((o) => [o.role, o.name, o.wirePath]),
    [
      ['definition', 'data', 'Volume[1].Name'],
      ['definition', 'config', 'Volume[2].Name'],
      ['definition', 'unused', 'Volume[3].Name'],
      ['mount', 'data', 'Container[1].VolumeMount[1].Name'],
      ['mount', 'config', 'Container[1].VolumeMount[2].Name'],
      ['mount', 'data', 'InitContainer[1].VolumeMount[1].Name'],
    ],
  );
});

test('go to definition from a mount (value or key), from an init container mount, and from the definition itself', () => {
  const volumeData = pos(DOC, 'data', 3, 0); // `Volume[1].Name: data`
  for (const from of [pos(DOC, 'data', 0), pos(DOC, 'Name: data', 0), pos(DOC, 'data', 2), volumeData]) {
    const defs = definition(parsed, from);
    assert.equal(defs.length, 1);
    assert.deepEqual(defs[0].start, volumeData);
    assert.equal(textAt(DOC, defs[0]), 'data');
  }
  const cfg = definition(parsed, pos(DOC, 'config', 0));
  assert.equal(textAt(DOC, cfg[0]), '"config"');
  assert.equal(cfg[0].start.line, 18);
});

test('no definition off a volume name, nor for a mount whose volume does not exist', () => {
  assert.deepEqual(definition(parsed, pos(DOC, 'MountPath: /data')), []);
  assert.deepEqual(definition(parsed, pos(DOC, 'app')), [], 'a container name is not a volume name');
  const missing = 'Container:\n  - Name: a\n    VolumeMount:\n      - Name: nowhere\n';
  assert.deepEqual(definition(parse(missing), pos(missing, 'nowhere')), []);
});

test('find references: every mount, with or without the declaration', () => {
  const withDecl = references(parsed, pos(DOC, 'data', 3), true).map((r) => r.start.line);
  assert.deepEqual(withDecl, [16, 5, 14]);
  const mountsOnly = references(parsed, pos(DOC, 'data', 0), false).map((r) => r.start.line);
  assert.deepEqual(mountsOnly, [5, 14]);
  assert.deepEqual(references(parsed, pos(DOC, 'unused'), false), []);
  assert.deepEqual(references(parsed, pos(DOC, 'Image'), true), []);
});

test('document highlights: the definition is written, the mounts read', () => {
  const h = documentHighlights(parsed, pos(DOC, 'data', 2));
  assert.deepEqual(
    h.map((x) => [x.range.start.line, x.kind]),
    [
      [16, DocumentHighlightKind.Write],
      [5, DocumentHighlightKind.Read],
      [14, DocumentHighlightKind.Read],
    ],
  );
});

test('rename a volume across its definition and all its mounts, keeping quote styles', () => {
  const prep = prepareRename(parsed, pos(DOC, 'config', 0));
  assert.ok(prep.ok);
  assert.equal(prep.placeholder, 'config');
  assert.equal(textAt(DOC, prep.range), 'config', 'the range excludes the quotes');

  const r1 = rename(parsed, pos(DOC, 'Name: data', 1, 7), 'shared-data');
  assert.ok(r1.ok);
  const out1 = applyEdits(DOC, r1.edits);
  assert.equal(r1.edits.length, 3);
  assert.deepEqual(
    volumeNameOccurrences(parse(out1)).map((o) => o.name),
    ['shared-data', 'config', 'unused', 'shared-data', 'config', 'shared-data'],
  );

  const r2 = rename(parsed, pos(DOC, 'config', 1), 'app config: v2');
  assert.ok(r2.ok);
  const out2 = applyEdits(DOC, r2.edits);
  assert.ok(out2.includes('- Name: "app config: v2"'));
  assert.deepEqual(parse(out2).problems, []);
  assert.deepEqual(volumeNameOccurrences(parse(out2)).filter((o) => o.name === 'app config: v2').length, 2);

  // A plain name that would read back as another type is quoted.
  const r3 = rename(parsed, pos(DOC, 'unused'), 'true');
  assert.ok(r3.ok);
  assert.ok(applyEdits(DOC, r3.edits).includes('- Name: "true"'));
});

test('rename refuses what would break the document, with a message saying why', () => {
  const clash = rename(parsed, pos(DOC, 'data', 0), 'unused');
  assert.ok(!clash.ok);
  assert.match(clash.message, /volume named 'unused' already exists \(Volume\[3\]\.Name, line 21\)/);
  const empty = rename(parsed, pos(DOC, 'data', 0), '  ');
  assert.ok(!empty.ok && /cannot be empty/.test(empty.message));
  const off = prepareRename(parsed, pos(DOC, 'Image'));
  assert.ok(!off.ok && /Only volume names can be renamed/.test(off.message));
  const same = rename(parsed, pos(DOC, 'data', 0), 'data');
  assert.deepEqual(same, { ok: true, edits: [] });
});

test('rename refusals follow the locale', () => {
  const clash = rename(parsed, pos(DOC, 'data', 0), 'unused', 'ja');
  assert.ok(!clash.ok);
  assert.match(clash.message, /ボリューム 'unused' はすでに存在します \(Volume\[3\]\.Name、21 行目\)/);
  const off = prepareRename(parsed, pos(DOC, 'Image'), 'ja');
  assert.ok(
    !off.ok && /ボリューム名だけ/.test(off.message) && !/[a-z]{4,} [a-z]{4,}/.test(off.message),
    off.ok ? '' : off.message,
  );
  const empty = rename(parsed, pos(DOC, 'data', 0), ' ', 'ja');
  assert.ok(!empty.ok && /空/.test(empty.message));
  const multi = rename(parsed, pos(DOC, 'data', 0), 'a\nb', 'ja');
  assert.ok(!multi.ok && /1 行/.test(multi.message));
});

test('selection ranges grow from a value to its pair, its mapping, its item, the list, the pair holding it, the document', () => {
  const [sel] = selectionRanges(parsed, [pos(DOC, 'data', 0)]);
  const chain: string[] = [];
  for (let s: typeof sel | undefined = sel; s; s = s.parent) chain.push(textAt(DOC, s.range));
  assert.deepEqual(chain.slice(0, 3), ['data', 'Name: data', 'Name: data\n        MountPath: /data']);
  assert.ok(chain[3].startsWith('- Name: data') && chain[3].endsWith('MountPath: /etc/app'), 'the VolumeMount list');
  assert.ok(chain[4].startsWith('VolumeMount:'), 'the VolumeMount pair');
  assert.ok(chain[5].startsWith('Name: app'), 'the container item');
  assert.ok(chain[6].startsWith('- Name: app'), 'the Container list');
  assert.notEqual(chain[5], chain[6]);
  assert.ok(chain[7].startsWith('Container:'), 'the Container pair');
  assert.equal(chain[chain.length - 1], DOC, 'the document last');
  for (let s: typeof sel | undefined = sel; s?.parent; s = s.parent) {
    const p = parse(DOC);
    assert.ok(
      p.offsetAt(s.parent.range.start) <= p.offsetAt(s.range.start) &&
        p.offsetAt(s.range.end) <= p.offsetAt(s.parent.range.end),
    );
    assert.ok(textAt(DOC, s.parent.range).length > textAt(DOC, s.range).length, 'each parent is strictly larger');
  }
});

test('selection ranges on a key, on a blank line, and in an empty document', () => {
  const [onKey] = selectionRanges(parsed, [pos(DOC, 'ContainerGroupName')]);
  assert.equal(textAt(DOC, onKey.range), 'ContainerGroupName');
  assert.equal(textAt(DOC, onKey.parent!.range), 'ContainerGroupName: web');
  const text = 'A: 1\n\n\nB: 2\n';
  const [blank] = selectionRanges(parse(text), [{ line: 2, character: 0 }]);
  assert.ok(blank.range.start.line <= 2 && blank.range.end.line >= 2);
  const [empty] = selectionRanges(parse(''), [{ line: 0, character: 0 }]);
  assert.deepEqual(empty.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
});

test('outline, folding, selection, navigation and quick fixes never throw on mutated documents', () => {
  const random = prng(0x5eed); // seeded, so a failure reproduces
  const pieces = [
    '- ',
    ': ',
    '\n',
    '  ',
    '{',
    '}',
    '[',
    ']',
    ',',
    '"',
    "'",
    '#',
    '&a ',
    '*a',
    '|\n',
    '? ',
    'Name',
    'VolumeMount',
    'Volume',
    '.',
    '\t',
    '\u3042',
  ];
  const sources = [DOC, ...CONTAINER_GROUP_TEMPLATES.map((t) => t.text)];
  let actionsOffered = 0;
  for (let round = 0; round < 200; round++) {
    let text = sources[round % sources.length];
    const mutations = 1 + Math.floor(random() * 4);
    for (let m = 0; m < mutations; m++) {
      const at = Math.floor(random() * (text.length + 1));
      const r = random();
      if (r < 0.4) text = text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + text.slice(at);
      else if (r < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 8));
      else text = text.slice(0, at) + text.slice(at).replace(/\n/, '\n  ');
    }
    const p = parse(text);
    const symbols = documentSymbols(p);
    for (const s of symbols) assert.ok(s.name.length > 0);
    for (const f of foldingRanges(p)) assert.ok(f.endLine > f.startLine);
    const lines = text.split('\n').length;
    const position = { line: Math.floor(random() * lines), character: Math.floor(random() * 30) };
    selectionRanges(p, [position]);
    definition(p, position);
    references(p, position, true);
    documentHighlights(p, position);
    prepareRename(p, position);
    rename(p, position, 'renamed');
    const diagnostics = diagnose(p);
    const range = { start: position, end: position };
    const actions = codeActions(p, { uri: 'file:///f.eci.yaml', range, diagnostics });
    actionsOffered += actions.length;
    for (const a of actions) {
      for (const e of a.edit!.changes!['file:///f.eci.yaml'])
        assert.ok(p.offsetAt(e.range.start) <= p.offsetAt(e.range.end), a.title);
    }
  }
  assert.ok(actionsOffered > 20, `the mutations produced fixable defects (${actionsOffered} actions offered)`);
});
