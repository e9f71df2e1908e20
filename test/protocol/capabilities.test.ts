// The capability matrix: for each client (VS Code, Neovim 0.7, Eglot 1.9, a bare client declaring
// nothing) and each feature, what the server announces and sends is allowed by what that client declared.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  CodeActionRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  ApplyWorkspaceEditRequest,
  type ClientCapabilities,
  type CodeAction,
  type Command,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type MarkupContent,
  type SymbolInformation,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { LspClient } from './lspClient';
import { BARE, CLIENTS, EGLOT_1_9, NEOVIM_0_7, VS_CODE, type ClientIdentity } from './clientCapabilities';

const DOC = [
  'RegionId: cn-hangzhou',
  'ContainerGroupName: web',
  'RestartPolicy: always',
  'Container:',
  '  - Name: app',
  '    Image: nginx',
  '    ReadinessProbe:',
  '      PeriodSeconds: 5',
  '  - Name: worker',
  '',
].join('\n');
// Positions in DOC.
const CONTAINER_KEY = { line: 5, character: 4 }; // a new key of the first container item, typed at `    |Image`
const ENUM_VALUE = { line: 2, character: 15 };
const HOVER_KEY = { line: 2, character: 3 };
const EMPTY_DOC = '';

interface Observed {
  client: ClientIdentity;
  caps: ClientCapabilities;
  initialize: NonNullable<LspClient['initializeResult']>;
  keyItems: CompletionItem[];
  valueItems: CompletionItem[];
  documentItems: CompletionItem[];
  hover: MarkupContent;
  actions: (CodeAction | Command)[];
  symbols: (DocumentSymbol | SymbolInformation)[];
  diagnostics: Diagnostic[];
}

async function observe(as: ClientIdentity): Promise<Observed> {
  const client = await LspClient.start({ as, locale: 'en' });
  try {
    const uri = `file:///matrix-${as.name.replace(/\W+/g, '-')}.eci.yaml`;
    // The key completion is asked on a line where a new key is being typed.
    const lines = DOC.split('\n');
    lines.splice(CONTAINER_KEY.line, 0, '    Rea');
    await client.open(uri, lines.join('\n'));
    const diagnostics = (await client.diagnosticsFor(uri, 1)).diagnostics;
    const keyItems = await client.completion(uri, { line: CONTAINER_KEY.line, character: 7 });
    await client.open(`${uri}.doc`, DOC);
    const valueItems = await client.completion(`${uri}.doc`, ENUM_VALUE);
    const hover = (await client.hover(`${uri}.doc`, HOVER_KEY))!.contents as MarkupContent;
    const docDiagnostics = (await client.diagnosticsFor(`${uri}.doc`, 1)).diagnostics;
    // Diagnostics sent back as the client keeps them: without data unless it declared dataSupport.
    const dataSupport = as.capabilities.textDocument?.publishDiagnostics?.dataSupport === true;
    const sentBack = docDiagnostics.map((d) => (dataSupport ? d : { ...d, data: undefined }));
    const actions = ((await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: `${uri}.doc` },
      range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } },
      context: { diagnostics: sentBack },
    })) ?? []) as (CodeAction | Command)[];
    const symbols = ((await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: `${uri}.doc` },
    })) ?? []) as (DocumentSymbol | SymbolInformation)[];
    await client.open(`${uri}.empty`, EMPTY_DOC);
    const documentItems = await client.completion(`${uri}.empty`, { line: 0, character: 0 });
    return {
      client: as,
      caps: as.capabilities,
      initialize: client.initializeResult!,
      keyItems,
      valueItems,
      documentItems,
      hover,
      actions,
      symbols,
      diagnostics,
    };
  } finally {
    assert.equal(await client.stop(), 0);
  }
}

const observed = new Map<string, Promise<Observed>>();
const of = (c: ClientIdentity) => {
  if (!observed.has(c.name)) observed.set(c.name, observe(c));
  return observed.get(c.name)!;
};

const allItems = (o: Observed) => [...o.keyItems, ...o.valueItems, ...o.documentItems];
const formatsOf = (list: string[] | undefined) => list ?? ['plaintext'];

for (const c of CLIENTS) {
  test(`${c.name}: snippets only with snippetSupport, and no leftover snippet syntax otherwise`, async () => {
    const o = await of(c);
    const snippets = o.caps.textDocument?.completion?.completionItem?.snippetSupport === true;
    const snippetItems = allItems(o).filter((i) => i.kind === 15);
    assert.ok(snippetItems.length > 0, 'the probe and document snippets are offered');
    for (const item of allItems(o)) {
      if (!snippets) {
        assert.notEqual(item.insertTextFormat, 2, `${item.label} is a snippet`);
        assert.doesNotMatch(item.textEdit?.newText ?? '', /\$\{?\d/, `${item.label} carries snippet syntax`);
      }
      assert.doesNotMatch(item.filterText ?? '', /[$|{}]/, `${item.label}: filterText ${item.filterText}`);
      assert.notEqual(item.filterText, item.label, `${item.label}: a filterText equal to the label`);
    }
    // The container has a ReadinessProbe: the probe snippets write the LivenessProbe.
    const probe = o.keyItems.find((i) => i.label === 'HTTP probe')!;
    assert.equal(probe.filterText, 'LivenessProbe');
    if (!snippets) assert.match(probe.textEdit!.newText, /^LivenessProbe:\n      HttpGet:\n        Path: \/healthz\n/);
  });

  test(`${c.name}: documentation in a format the client declared`, async () => {
    const o = await of(c);
    const hoverFormats = formatsOf(o.caps.textDocument?.hover?.contentFormat);
    assert.ok(hoverFormats.includes(o.hover.kind), `hover ${o.hover.kind}`);
    if (o.hover.kind === 'plaintext') assert.doesNotMatch(o.hover.value, /(^|\s)\*\*\S|`/m);
    const docFormats = formatsOf(o.caps.textDocument?.completion?.completionItem?.documentationFormat);
    for (const item of allItems(o)) {
      const doc = item.documentation as MarkupContent | undefined;
      if (!doc) continue;
      assert.ok(docFormats.includes(doc.kind), `${item.label}: ${doc.kind}`);
      // No bold (`**Key**`) and no code marks; masked IDs in examples (`sg-uf66****`) stay as they are.
      if (doc.kind === 'plaintext') assert.doesNotMatch(doc.value, /(^|\s)\*\*\S|`/m, item.label);
    }
  });

  test(`${c.name}: completion fields and kinds the client declared`, async () => {
    const o = await of(c);
    const ci = o.caps.textDocument?.completion;
    const kinds = new Set([
      ...Array.from({ length: 18 }, (_, i) => i + 1),
      ...(ci?.completionItemKind?.valueSet ?? []),
    ]);
    const modes = ci?.completionItem?.insertTextModeSupport?.valueSet ?? [];
    for (const item of allItems(o)) {
      if (item.kind !== undefined) assert.ok(kinds.has(item.kind), `${item.label}: kind ${item.kind}`);
      if (item.insertTextMode !== undefined)
        assert.ok(modes.includes(item.insertTextMode), `${item.label}: insertTextMode`);
      if (item.labelDetails !== undefined)
        assert.equal(ci?.completionItem?.labelDetailsSupport, true, `${item.label}: labelDetails`);
      if (item.command) {
        // Only VS Code's own command, and only to VS Code.
        assert.equal(o.client, VS_CODE, `${item.label}: command ${item.command.command}`);
        assert.equal(item.command.command, 'editor.action.triggerSuggest');
      }
      if (!ci?.completionItem?.snippetSupport && item.kind === 10) {
        // Keys of objects and lists: the key line alone, no line break.
        assert.doesNotMatch(item.textEdit!.newText, /\n/, item.label);
      }
    }
    if (o.client === VS_CODE)
      assert.ok(o.valueItems.length && o.keyItems.some((i) => i.command), 'VS Code gets the retrigger');
  });

  test(`${c.name}: announced providers the client can use`, async () => {
    const o = await of(c);
    const caps = o.initialize.capabilities;
    const prepare = o.caps.textDocument?.rename?.prepareSupport === true;
    assert.deepEqual(caps.renameProvider, prepare ? { prepareProvider: true } : true);
    const literals = o.caps.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
    if (literals) assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.addClientToken'] });
    else assert.ok(caps.codeActionProvider === true || caps.codeActionProvider === undefined);
    if (caps.executeCommandProvider) {
      assert.equal(literals, false, 'commands only for clients without code action literals');
      assert.equal(o.caps.workspace?.applyEdit, true, 'commands that apply an edit only for clients that take one');
    }
  });

  test(`${c.name}: quick fixes as the client takes them, found without Diagnostic.data`, async () => {
    const o = await of(c);
    const literals = o.caps.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
    const applyEdit = o.caps.workspace?.applyEdit === true;
    if (!literals && !applyEdit) {
      assert.deepEqual(o.actions, []);
      return;
    }
    const titles = o.actions.map((a) => a.title);
    assert.ok(titles.includes('Change always to Always'), titles.join(' | '));
    assert.ok(titles.includes('Add required Image to Container[]'), titles.join(' | '));
    for (const a of o.actions) {
      if (literals) {
        assert.equal(typeof (a as CodeAction).edit, 'object', a.title);
        if ((a as CodeAction).isPreferred !== undefined)
          assert.equal(o.caps.textDocument?.codeAction?.isPreferredSupport, true, 'isPreferred');
      } else {
        assert.equal(typeof (a as Command).command, 'string', a.title);
        assert.deepEqual(o.initialize.capabilities.executeCommandProvider?.commands, [(a as Command).command]);
      }
    }
  });

  test(`${c.name}: document symbols nested only with hierarchicalDocumentSymbolSupport, kinds it declared`, async () => {
    const o = await of(c);
    const ds = o.caps.textDocument?.documentSymbol;
    const kinds = new Set([...Array.from({ length: 18 }, (_, i) => i + 1), ...(ds?.symbolKind?.valueSet ?? [])]);
    assert.ok(o.symbols.length > 0);
    const flat: (DocumentSymbol | SymbolInformation)[] = [];
    const walk = (list: (DocumentSymbol | SymbolInformation)[]) =>
      list.forEach((s) => {
        flat.push(s);
        if ('children' in s && s.children) walk(s.children);
      });
    walk(o.symbols);
    for (const s of flat) {
      assert.ok(kinds.has(s.kind), `${s.name}: kind ${s.kind}`);
      if (ds?.hierarchicalDocumentSymbolSupport) assert.ok('selectionRange' in s, s.name);
      else assert.ok('location' in s && !('children' in s), s.name);
    }
    if (!ds?.hierarchicalDocumentSymbolSupport) {
      const container = flat.find((s) => s.name === 'app') as SymbolInformation;
      assert.equal(container.containerName, 'Container');
    }
  });
}

test('a bare client (no code action literals) gets a command that applies the quick fix through workspace/applyEdit', async () => {
  const withApplyEdit: ClientIdentity = {
    name: 'bare client with applyEdit',
    capabilities: { workspace: { applyEdit: true } },
  };
  const client = await LspClient.start({ as: withApplyEdit, locale: 'en' });
  try {
    const uri = 'file:///command.eci.yaml';
    await client.open(uri, DOC);
    const diagnostics = (await client.diagnosticsFor(uri, 1)).diagnostics.map((d) => ({ ...d, data: undefined }));
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
      context: { diagnostics: diagnostics.filter((d) => d.range.start.line === 2) },
    })) as Command[];
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Change always to Always', 'Ignore schema.enum on this line'],
    );
    const applied = new Promise<WorkspaceEdit>((resolve) =>
      client.connection.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
        resolve(p.edit);
        return { applied: true };
      }),
    );
    await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: actions[0].command,
      arguments: actions[0].arguments,
    });
    const edit = await applied;
    assert.deepEqual(
      edit.changes![uri].map((e) => e.newText),
      ['Always'],
    );
    // A command the server does not have is refused.
    await assert.rejects(
      client.connection.sendRequest(ExecuteCommandRequest.type, {
        command: 'editor.action.triggerSuggest',
        arguments: [],
      }),
      /no command/,
    );
  } finally {
    assert.equal(await client.stop(), 0);
  }
});

test('quick fixes are found for diagnostics sent back with byte columns (Neovim 0.7 after non-ASCII text)', async () => {
  const client = await LspClient.start({ as: NEOVIM_0_7, locale: 'en' });
  try {
    const uri = 'file:///shifted.eci.yaml';
    const text =
      'RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - {Name: "ウェブ", Image: nginx, Cpu: "2"}\n';
    await client.open(uri, text);
    const [d] = (await client.diagnosticsFor(uri, 1)).diagnostics.filter((x) => x.code === 'schema.type');
    const line = text.split('\n')[3];
    const bytes = (chars: number) => Buffer.byteLength(line.slice(0, chars));
    const shifted = {
      ...d,
      range: {
        start: { line: 3, character: bytes(d.range.start.character) },
        end: { line: 3, character: bytes(d.range.end.character) },
      },
    };
    assert.notDeepEqual(shifted.range, d.range);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: shifted.range,
      context: { diagnostics: [shifted] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Write "2" without quotes', 'Ignore schema.type on this line'],
    );
    assert.deepEqual(actions[0].edit!.changes![uri], [{ range: d.range, newText: '2' }]);
    // The action names the diagnostic as the client sent it.
    assert.deepEqual(actions[0].diagnostics, [shifted]);
  } finally {
    assert.equal(await client.stop(), 0);
  }
});

test('the locale: initializationOptions, initialize, then the environment, each in its POSIX forms', async () => {
  const cases: { options: Parameters<typeof LspClient.start>[0]; ja: boolean }[] = [
    { options: { as: EGLOT_1_9, initializationOptions: { locale: 'ja_JP.UTF-8' } }, ja: true },
    { options: { as: NEOVIM_0_7, locale: 'ja_JP' }, ja: true },
    { options: { as: BARE, env: { LANG: 'ja_JP.UTF-8' } }, ja: true },
    { options: { as: BARE, env: { LC_ALL: 'C', LANG: 'ja_JP.UTF-8' } }, ja: false },
    { options: { as: BARE, locale: 'en', env: { LANG: 'ja_JP.UTF-8' } }, ja: false },
  ];
  for (const { options, ja } of cases) {
    const client = await LspClient.start(options);
    try {
      await client.open('file:///l.eci.yaml', DOC);
      const message = (await client.diagnosticsFor('file:///l.eci.yaml', 1)).diagnostics.find(
        (d) => d.code === 'schema.enum',
      )!.message as string;
      assert.equal(/大文字と小文字/.test(message), ja, `${JSON.stringify(options)}: ${message}`);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  }
});
