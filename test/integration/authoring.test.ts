// Authoring features as a person uses them in VS Code, through VS Code's own provider commands:
// a quick fix from the light bulb, the outline, go to definition, rename, folding, expand selection,
// and the "New container group file" command.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAllEditors,
  codeOf,
  describeDiagnostics,
  openEciDocument,
  positionOf,
  scratchFolder,
  waitFor,
  waitForDiagnostics,
} from './helpers';

const DOC = `RegionId: cn-hangzhou
ContainerGroupName: web
Container:
  - Name: web
    Image: nginx:1.27
    VolumeMount:
      - Name: data
        MountPath: /data
InitContainer:
  - Name: init
    Image: busybox
    VolumeMount:
      - Name: data
        MountPath: /seed
Volume:
  - Name: data
    Type: EmptyDirVolume
`;

describe('authoring features in the editor', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(closeAllEditors);

  it('a quick fix from the light bulb renames a misspelled key, and the error goes away', async () => {
    const editor = await openEciDocument(DOC.replace('ContainerGroupName', 'ContainerGroupNmae'), 'quick-fix');
    const uri = editor.document.uri;
    const [typo] = await waitForDiagnostics(
      uri,
      (d) => d.some((x) => codeOf(x) === 'schema.unknown-key'),
      'the unknown-key diagnostic',
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      typo.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix?.edit, `a preferred quick fix; got ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.title, 'Change ContainerGroupNmae to ContainerGroupName');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const after = await waitForDiagnostics(
      uri,
      (d) => !d.some((x) => codeOf(x) === 'schema.unknown-key'),
      'the diagnostic to clear',
    );
    assert.deepEqual(
      after.filter((d) => d.severity === vscode.DiagnosticSeverity.Error),
      [],
      describeDiagnostics(after),
    );
    assert.ok(editor.document.getText().includes('ContainerGroupName: web'));
  });

  it('"Ignore RULE-ID on this line" writes a suppression comment and the finding leaves the problems', async () => {
    const editor = await openEciDocument(
      DOC.replace('ContainerGroupName: web', 'ContainerGroupName: web\nDnsPolicy: ClusterFirst'),
      'ignore-fix',
    );
    const uri = editor.document.uri;
    const [open] = await waitForDiagnostics(
      uri,
      (d) => d.some((x) => codeOf(x) === 'schema.undocumented-value'),
      'the undocumented-value warning',
    );
    assert.equal(open.severity, vscode.DiagnosticSeverity.Warning);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      open.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const ignore = actions.find((a) => a.title === 'Ignore schema.undocumented-value on this line');
    assert.ok(ignore?.edit, `an Ignore action; got ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(ignore.edit));
    assert.ok(
      editor.document.getText().includes('DnsPolicy: ClusterFirst  # eci-ignore schema.undocumented-value -- reason'),
      editor.document.getText(),
    );
    await waitForDiagnostics(
      uri,
      (d) => !d.some((x) => codeOf(x) === 'schema.undocumented-value'),
      'the warning to clear',
    );
  });

  it('the outline shows containers, init containers and volumes by name', async () => {
    const editor = await openEciDocument(DOC, 'outline');
    const symbols = await waitFor(
      'document symbols',
      async () => {
        const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
          'vscode.executeDocumentSymbolProvider',
          editor.document.uri,
        );
        return s?.length ? s : undefined;
      },
      { pollMs: 100 },
    );
    const children = (name: string) => symbols.find((s) => s.name === name)?.children.map((c) => c.name);
    assert.deepEqual(children('Container'), ['web']);
    assert.deepEqual(children('InitContainer'), ['init']);
    assert.deepEqual(children('Volume'), ['data']);
    assert.equal(symbols.find((s) => s.name === 'Container')!.children[0].kind, vscode.SymbolKind.Class);
  });

  it('go to definition from a mount reaches the volume; rename changes the volume and all its mounts', async () => {
    const editor = await openEciDocument(DOC, 'navigate');
    const document = editor.document;
    const mount = positionOf(document, 'Name: data', 7);
    const definitions = await waitFor(
      'definitions',
      async () => {
        const d = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
          'vscode.executeDefinitionProvider',
          document.uri,
          mount,
        );
        return d?.length ? d : undefined;
      },
      { pollMs: 100 },
    );
    const target = definitions[0] as vscode.Location;
    assert.equal((target.range ?? (definitions[0] as vscode.LocationLink).targetRange).start.line, 15);

    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      document.uri,
      mount,
      'shared',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(document.getText().match(/Name: shared\n/g)?.length, 3, document.getText());
    const after = await waitForDiagnostics(document.uri, (d) => d.length === 0, 'no diagnostics after the rename');
    assert.deepEqual(after, []);
  });

  it('folding ranges and expand selection follow the YAML structure', async () => {
    const editor = await openEciDocument(DOC, 'structure');
    const document = editor.document;
    const folds = await waitFor(
      'folding ranges',
      async () => {
        const f = await vscode.commands.executeCommand<vscode.FoldingRange[]>(
          'vscode.executeFoldingRangeProvider',
          document.uri,
        );
        return f?.length ? f : undefined;
      },
      { pollMs: 100 },
    );
    assert.ok(
      folds.some((f) => f.start === 2 && f.end === 7),
      `Container folds lines 2-7; got ${JSON.stringify(folds)}`,
    );
    const [selection] = await vscode.commands.executeCommand<vscode.SelectionRange[]>(
      'vscode.executeSelectionRangeProvider',
      document.uri,
      [positionOf(document, '/data', 1)],
    );
    const texts: string[] = [];
    for (let s: vscode.SelectionRange | undefined = selection; s; s = s.parent) texts.push(document.getText(s.range));
    assert.ok(texts.includes('MountPath: /data'), texts.join(' | '));
    assert.equal(texts[texts.length - 1], DOC);
  });

  it('"New container group file" writes the chosen template and opens it as an ECI document with an outline', async () => {
    const target = vscode.Uri.file(path.join(scratchFolder(), `from-template-${Date.now()}.eci.yaml`));
    const outcome = await vscode.commands.executeCommand<{ kind: string; uri?: string }>('eci.newFile', {
      template: 'spot-job',
      target: target.toString(),
    });
    assert.equal(outcome?.kind, 'file-created', JSON.stringify(outcome));
    assert.ok(fs.readFileSync(target.fsPath, 'utf8').includes('SpotStrategy: SpotWithPriceLimit'));
    const editor = await waitFor(
      'the new file in the editor',
      () =>
        vscode.window.activeTextEditor?.document.uri.toString() === target.toString()
          ? vscode.window.activeTextEditor
          : undefined,
      {
        events: [vscode.window.onDidChangeActiveTextEditor as vscode.Event<unknown>],
      },
    );
    assert.equal(editor.document.languageId, 'eci-yaml');
    const symbols = await waitFor(
      'the server to know the new document',
      async () => {
        const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
          'vscode.executeDocumentSymbolProvider',
          target,
        );
        return s?.length ? s : undefined;
      },
      { pollMs: 100 },
    );
    assert.ok(symbols.some((s) => s.name === 'SpotPriceLimit'));
    // That every template is free of problems is checked by the unit tests (test/unit/templates.test.ts).
  });
});
