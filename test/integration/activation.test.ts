// Activation: opening a *.eci.yaml file activates the extension, starts the language server and
// brings its first diagnostics. Runs first (index.ts loads it before the others), while the extension
// is still inactive, so it also measures the cold activation time.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  LANGUAGE_ID,
  describeDiagnostics,
  openEciDocument,
  recordMeasurement,
  waitFor,
  waitForDiagnostics,
} from './helpers';

describe('activation', () => {
  it('activates on opening a *.eci.yaml file and publishes its first diagnostics', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this VS Code`);
    // A workspace holding *.eci.yaml files activates the extension when the window opens
    // (workspaceContains), so that the first file opened gets its diagnostics at once; a workspace
    // without any activates it when the first one is opened (onLanguage). run-extension-tests.mjs
    // --activation-runs measures both (--cold: an empty workspace).
    const holdsDocuments =
      (await vscode.workspace.findFiles('**/*.eci.{yaml,yml}', '**/node_modules/**', 1)).length > 0;
    if (holdsDocuments) {
      await waitFor('the extension to activate with the window', () => extension.isActive, {
        events: [vscode.extensions.onDidChange as vscode.Event<unknown>],
        pollMs: 50,
      });
      const early = (await extension.activate()) as { serverReady?: Promise<number> } | undefined;
      await early?.serverReady;
    } else {
      assert.equal(
        extension.isActive,
        false,
        'in a workspace without eci-yaml documents, the extension activates when the first one is opened',
      );
    }

    const opened = performance.now();
    // A YAML syntax error on line 3 (an unterminated flow sequence) gives a diagnostic without
    // depending on the schema.
    const editor = await openEciDocument(
      'RegionId: cn-hangzhou\nContainerGroupName: web\nSecurityGroupId: [sg-1\n',
      'activation',
    );
    assert.equal(editor.document.languageId, LANGUAGE_ID);

    await waitFor('the extension to activate', () => extension.isActive, {
      events: [vscode.extensions.onDidChange as vscode.Event<unknown>],
      pollMs: 50,
    });
    const api = (await extension.activate()) as { activationMs?: number; serverReady?: Promise<number> } | undefined;
    const active = performance.now();
    assert.ok(
      api && typeof api.activationMs === 'number' && api.serverReady instanceof Promise,
      'activate returns its timings',
    );
    const activateToInitialize = await api.serverReady;
    const initialized = performance.now();

    const diagnostics = await waitForDiagnostics(
      editor.document.uri,
      (d) => d.length > 0,
      'the first diagnostics of the opened document',
    );
    const firstDiagnostics = performance.now();

    assert.ok(
      diagnostics.some(
        (d) => d.severity === vscode.DiagnosticSeverity.Error && (d.range.start.line === 2 || d.range.end.line >= 2),
      ),
      `expected a syntax error at line 3, got:\n${describeDiagnostics(diagnostics)}`,
    );
    for (const d of diagnostics) {
      assert.ok(d.range.start.line <= 3, `diagnostic out of the document's lines: ${describeDiagnostics([d])}`);
    }

    // Activation loaded the language client and the CodeLens, not the commands nor the SDK (issue 10).
    const loaded = () => Object.keys(require.cache);
    assert.ok(
      loaded().some((f) => /[\\/]dist[\\/]extension\.js$/.test(f)),
      'the extension runs from dist/extension.js',
    );
    assert.deepEqual(
      loaded().filter((f) => /[\\/]dist[\\/](commands|alicloud)\.js$/.test(f)),
      [],
      'activation loads no command code',
    );
    const shown = (await vscode.commands.executeCommand('eci.showRequest', editor.document.uri)) as
      { kind?: string } | undefined;
    assert.ok(shown?.kind, 'Show request answers with its outcome');
    assert.ok(
      loaded().some((f) => /[\\/]dist[\\/]commands\.js$/.test(f)),
      'the first command loads dist/commands.js',
    );
    assert.ok(!loaded().some((f) => /[\\/]dist[\\/]alicloud\.js$/.test(f)), 'Show request needs no SDK');

    // performance.now() is one clock for the whole extension host, the extension's and this test's.
    recordMeasurement('open-to-active', Math.round(active - opened), 'ms');
    recordMeasurement('activate-function', Math.round(api.activationMs), 'ms');
    recordMeasurement('activate-to-initialize', Math.round(activateToInitialize), 'ms');
    recordMeasurement('open-to-initialize', Math.round(initialized - opened), 'ms');
    recordMeasurement('open-to-first-diagnostics', Math.round(firstDiagnostics - opened), 'ms');
  });
});
