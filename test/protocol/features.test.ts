// Authoring features over LSP stdio against dist/server.js: code actions (quick fixes applied and
// re-diagnosed), document symbols, definition, references, document highlights, rename (with
// prepareRename), folding ranges and selection ranges.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  CodeActionRequest,
  DefinitionRequest,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  SelectionRangeRequest,
  type CodeAction,
  type Command,
  type DocumentSymbol,
  type Location,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { LspClient } from './lspClient';

const DOC = [
  '# A web server with a shared volume',
  '# (two comment lines fold)',
  'RegionId: cn-hangzhou',
  'ContainerGroupName: web',
  'Container:',
  '  - Name: web',
  '    Image: nginx:1.25',
  '    VolumeMount:',
  '      - Name: data',
  '        MountPath: /data',
  'InitContainer:',
  '  - Name: init',
  '    Image: busybox',
  '    VolumeMount:',
  '      - Name: data',
  '        MountPath: /seed',
  'Volume:',
  '  - Name: data',
  '    Type: EmptyDirVolume',
  'Tag:',
  '  - Key: team',
  '    Value: platform',
  '',
].join('\n');

let client: LspClient;
let version = 1;
before(async () => {
  client = await LspClient.start({ locale: 'en' });
});
after(async () => {
  assert.equal(await client.stop(), 0);
});

function offsetAt(text: string, p: { line: number; character: number }): number {
  const lines = text.split('\n');
  let o = 0;
  for (let i = 0; i < p.line; i++) o += lines[i].length + 1;
  return o + p.character;
}

function apply(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  let out = text;
  for (const e of sorted)
    out = out.slice(0, offsetAt(text, e.range.start)) + e.newText + out.slice(offsetAt(text, e.range.end));
  return out;
}

function textAt(text: string, r: Range): string {
  return text.slice(offsetAt(text, r.start), offsetAt(text, r.end));
}

const td = (uri: string) => ({ uri });

test('initialize announces the authoring features', () => {
  const caps = client.initializeResult!.capabilities;
  assert.ok(caps.documentSymbolProvider);
  assert.ok(caps.definitionProvider);
  assert.ok(caps.referencesProvider);
  assert.ok(caps.documentHighlightProvider);
  assert.deepEqual(caps.renameProvider, { prepareProvider: true });
  assert.ok(caps.foldingRangeProvider);
  assert.ok(caps.selectionRangeProvider);
  const actions = caps.codeActionProvider as { codeActionKinds?: string[] };
  assert.ok(actions.codeActionKinds?.includes('quickfix'));
  assert.ok(actions.codeActionKinds?.includes('source.addClientToken'));
});

test('quick fixes: the published diagnostics get code actions whose edits fix them', async () => {
  const uri = 'file:///fix.eci.yaml';
  let text = DOC.replace('ContainerGroupName: web', 'ContainerGroupNmae: web').replace(
    '    Type: EmptyDirVolume',
    '    Type: emptydirvolume',
  );
  const v = version++;
  await client.open(uri, text, v);
  const published = await client.diagnosticsFor(uri, v);
  const fixable = published.diagnostics.filter((d) => d.code === 'schema.unknown-key' || d.code === 'schema.enum');
  assert.equal(fixable.length, 2, JSON.stringify(published.diagnostics));

  let changeVersion = v;
  for (const diagnostic of fixable) {
    const result = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: td(uri),
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    })) as (CodeAction | Command)[];
    const preferred = result.find(
      (a): a is CodeAction => 'kind' in a && a.kind === 'quickfix' && a.isPreferred === true,
    );
    assert.ok(preferred, JSON.stringify(result));
    assert.deepEqual(
      preferred.diagnostics?.map((d) => d.code),
      [diagnostic.code],
    );
    // Apply the edit as the editor would, against the text the fix was computed for.
    const current = text;
    text = apply(current, preferred.edit!.changes![uri]);
    changeVersion++;
    await client.change(uri, changeVersion, [{ text }]);
    // Ranges of later diagnostics stay valid: each fix edits only its own line.
  }
  assert.ok(text.includes('ContainerGroupName: web') && text.includes('Type: EmptyDirVolume'));
  const after = await client.diagnosticsFor(uri, changeVersion);
  assert.deepEqual(after.diagnostics, []);
  await client.close(uri);
});

test('a source action adds a ClientToken when asked for source actions only', async () => {
  const uri = 'file:///source.eci.yaml';
  await client.open(uri, DOC, version++);
  const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } };
  const quick = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: td(uri),
    range,
    context: { diagnostics: [] },
  })) as CodeAction[];
  assert.deepEqual(quick, []);
  const source = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: td(uri),
    range,
    context: { diagnostics: [], only: ['source'] },
  })) as CodeAction[];
  assert.equal(source.length, 1);
  assert.equal(source[0].kind, 'source.addClientToken');
  assert.match(apply(DOC, source[0].edit!.changes![uri]), /\nClientToken: [0-9a-f-]{36}\n$/);
  await client.close(uri);
});

test('document symbols: a hierarchy of containers, init containers, volumes and tags by name', async () => {
  const uri = 'file:///symbols.eci.yaml';
  await client.open(uri, DOC, version++);
  const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
    textDocument: td(uri),
  })) as DocumentSymbol[];
  const byName = (list: DocumentSymbol[] | undefined, name: string) => list?.find((s) => s.name === name);
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['RegionId', 'ContainerGroupName', 'Container', 'InitContainer', 'Volume', 'Tag'],
  );
  const web = byName(byName(symbols, 'Container')!.children, 'web')!;
  assert.equal(web.detail, 'nginx:1.25');
  assert.equal(textAt(DOC, web.selectionRange), 'web');
  assert.ok(byName(byName(symbols, 'InitContainer')!.children, 'init'));
  assert.equal(byName(byName(symbols, 'Volume')!.children, 'data')!.detail, 'EmptyDirVolume');
  assert.equal(byName(byName(symbols, 'Tag')!.children, 'team')!.detail, 'platform');
  await client.close(uri);
});

test('definition, references and highlights link VolumeMount names to the Volume', async () => {
  const uri = 'file:///nav.eci.yaml';
  await client.open(uri, DOC, version++);
  const onMount = { line: 8, character: 15 };
  const defs = (await client.connection.sendRequest(DefinitionRequest.type, {
    textDocument: td(uri),
    position: onMount,
  })) as Location[];
  assert.deepEqual(defs, [{ uri, range: { start: { line: 17, character: 10 }, end: { line: 17, character: 14 } } }]);

  const refs = (await client.connection.sendRequest(ReferencesRequest.type, {
    textDocument: td(uri),
    position: onMount,
    context: { includeDeclaration: true },
  })) as Location[];
  assert.deepEqual(
    refs.map((l) => [l.uri, l.range.start.line]),
    [
      [uri, 17],
      [uri, 8],
      [uri, 14],
    ],
  );
  const mountsOnly = (await client.connection.sendRequest(ReferencesRequest.type, {
    textDocument: td(uri),
    position: onMount,
    context: { includeDeclaration: false },
  })) as Location[];
  assert.deepEqual(
    mountsOnly.map((l) => l.range.start.line),
    [8, 14],
  );

  const highlights = await client.connection.sendRequest(DocumentHighlightRequest.type, {
    textDocument: td(uri),
    position: { line: 17, character: 11 },
  });
  assert.deepEqual(
    highlights?.map((h) => [h.range.start.line, h.kind]),
    [
      [17, 3],
      [8, 2],
      [14, 2],
    ],
  );

  const none = await client.connection.sendRequest(DefinitionRequest.type, {
    textDocument: td(uri),
    position: { line: 6, character: 12 },
  });
  assert.ok(none === null || (Array.isArray(none) && none.length === 0));
  await client.close(uri);
});

test('rename a volume across all its mounts; prepareRename refuses elsewhere with a message', async () => {
  const uri = 'file:///rename.eci.yaml';
  await client.open(uri, DOC, version++);
  const prep = (await client.connection.sendRequest(PrepareRenameRequest.type, {
    textDocument: td(uri),
    position: { line: 14, character: 16 },
  })) as { range: Range; placeholder: string };
  assert.equal(prep.placeholder, 'data');
  assert.equal(textAt(DOC, prep.range), 'data');

  const edit = await client.connection.sendRequest(RenameRequest.type, {
    textDocument: td(uri),
    position: { line: 14, character: 16 },
    newName: 'shared',
  });
  const renamed = apply(DOC, edit!.changes![uri]);
  assert.equal(renamed.match(/Name: shared\n/g)?.length, 3);
  assert.ok(!/Name: data\n/.test(renamed));

  await assert.rejects(
    client.connection.sendRequest(PrepareRenameRequest.type, {
      textDocument: td(uri),
      position: { line: 6, character: 12 },
    }),
    (err: Error) => /Only volume names can be renamed/.test(err.message),
  );
  await assert.rejects(
    client.connection.sendRequest(RenameRequest.type, {
      textDocument: td(uri),
      position: { line: 8, character: 15 },
      newName: '',
    }),
    (err: Error) => /cannot be empty/.test(err.message),
  );
  await client.close(uri);
});

test('folding ranges and selection ranges', async () => {
  const uri = 'file:///fold.eci.yaml';
  await client.open(uri, DOC, version++);
  const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: td(uri) });
  const at = (line: number) => folds?.find((f) => f.startLine === line);
  assert.deepEqual(at(0), { startLine: 0, endLine: 1, kind: 'comment' });
  assert.equal(at(4)?.endLine, 9, 'Container');
  assert.equal(at(7)?.endLine, 9, 'VolumeMount');
  assert.equal(at(16)?.endLine, 18, 'Volume');

  const [sel] = (await client.connection.sendRequest(SelectionRangeRequest.type, {
    textDocument: td(uri),
    positions: [{ line: 9, character: 20 }],
  }))!;
  const chain: string[] = [];
  for (let s: typeof sel | undefined = sel; s; s = s.parent) chain.push(textAt(DOC, s.range));
  assert.equal(chain[0], '/data');
  assert.equal(chain[1], 'MountPath: /data');
  assert.equal(chain[chain.length - 1], DOC);
  await client.close(uri);
});

test('an empty document offers the container group templates as completions', async () => {
  const uri = 'file:///empty.eci.yaml';
  await client.open(uri, '', version++);
  const items = await client.completion(uri, { line: 0, character: 0 });
  const templates = items.filter((i) => i.sortText?.startsWith('3_template_'));
  assert.deepEqual(
    templates.map((i) => i.label),
    ['Web server with probes', 'Batch job', 'Spot job', 'GPU job', 'Init container and volumes'],
  );
  const gpu = templates.find((i) => i.label === 'GPU job')!;
  const text = (gpu.textEdit as TextEdit).newText;
  const v = version++;
  await client.change(uri, v, [{ text }]);
  const published = await client.diagnosticsFor(uri, v);
  assert.deepEqual(published.diagnostics, []);
  await client.close(uri);
});
