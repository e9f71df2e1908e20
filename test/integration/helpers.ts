// Helpers for the extension-host suite: open documents, and wait for what the extension does,
// event-driven with a timeout (never a fixed sleep).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'eci-tooling.eci-container-groups';
export const LANGUAGE_ID = 'eci-yaml';

/** Records a figure the runner prints and keeps (e.g. activation time). */
export function recordMeasurement(name: string, value: number, unit: string): void {
  const file = process.env.ECI_TEST_REPORT;
  const record = { event: 'measure', name, value, unit };
  if (file) fs.appendFileSync(file, JSON.stringify(record) + '\n');
  console.log(`measurement: ${name} = ${value} ${unit}`);
}

let scratchDir: string | undefined;
/** A folder for the documents the tests write: inside the workspace when there is one. */
export function scratchFolder(): string {
  if (!scratchDir) {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const parent = root ? path.join(root, '.eci-integration') : os.tmpdir();
    fs.mkdirSync(parent, { recursive: true });
    scratchDir = fs.mkdtempSync(path.join(parent, 'docs-'));
  }
  return scratchDir;
}

let documentCount = 0;
/** Writes `content` to a new `*.eci.yaml` file and opens it in an editor. */
export async function openEciDocument(content: string, baseName = 'group'): Promise<vscode.TextEditor> {
  documentCount += 1;
  const file = path.join(scratchFolder(), `${baseName}-${documentCount}.eci.yaml`);
  fs.writeFileSync(file, content);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  assert.equal(document.languageId, LANGUAGE_ID, `${file} should open as ${LANGUAGE_ID}`);
  return vscode.window.showTextDocument(document);
}

/**
 * Resolves with `probe()`'s first truthy value, re-evaluating it whenever one of `events` fires
 * and, for results without an event (a provider answering), every `pollMs`.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  {
    events = [],
    timeoutMs = 20_000,
    pollMs = 0,
  }: { events?: vscode.Event<unknown>[]; timeoutMs?: number; pollMs?: number } = {},
): Promise<T> {
  const disposables: vscode.Disposable[] = [];
  let timer: NodeJS.Timeout | undefined;
  let poller: NodeJS.Timeout | undefined;
  let last: unknown;
  try {
    return await new Promise<T>((resolve, reject) => {
      let settled = false;
      let running = false;
      let again = false;
      const check = async () => {
        if (settled) return;
        if (running) {
          again = true;
          return;
        }
        running = true;
        try {
          do {
            again = false;
            const value = await probe();
            last = value;
            if (value) {
              settled = true;
              resolve(value);
              return;
            }
          } while (again && !settled);
        } catch (err) {
          settled = true;
          reject(err);
        } finally {
          running = false;
        }
      };
      for (const event of events) disposables.push(event(() => void check()));
      timer = setTimeout(() => {
        settled = true;
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 500)}`,
          ),
        );
      }, timeoutMs);
      if (pollMs > 0) poller = setInterval(() => void check(), pollMs);
      void check();
    });
  } finally {
    clearTimeout(timer);
    clearInterval(poller);
    for (const d of disposables) d.dispose();
  }
}

/** Waits until the diagnostics of `uri` satisfy `accept`, and returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<readonly vscode.Diagnostic[]> {
  return waitFor(
    what,
    () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      return accept(diagnostics) ? diagnostics : undefined;
    },
    { events: [vscode.languages.onDidChangeDiagnostics as vscode.Event<unknown>], timeoutMs },
  );
}

/** One line per diagnostic, for assertion messages. */
export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics
    .map(
      (d) =>
        `${d.range.start.line + 1}:${d.range.start.character + 1} [${String(typeof d.code === 'object' ? d.code.value : d.code)}] ${d.message}`,
    )
    .join('\n');
}

/** The diagnostic's code as a string (VS Code may wrap it as `{ value, target }`). */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return String(typeof code === 'object' ? code.value : code);
}

/** The error-severity diagnostics among `diagnostics`. */
export function errorsOf(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
}

/** Activates the extension (if the activation test has not) and returns what activate returned. */
export async function activateExtension(): Promise<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  return extension.activate();
}

/** Position of the first occurrence of `needle` in the document (plus `offset` characters). */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const index = document.getText().indexOf(needle);
  assert.ok(index >= 0, `"${needle}" not found in ${document.uri.fsPath}`);
  return document.positionAt(index + offset);
}

/** Completion labels offered at `position`, as plain strings. */
export async function completionLabels(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    position,
  );
  return (list?.items ?? []).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

/** The text of every hover at `position`, joined. */
export async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    position,
  );
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c)))
    .join('\n');
}

/** Closes every editor; the documents the tests opened are scratch files, saved first so that no "save?" dialog blocks. */
export async function closeAllEditors(): Promise<void> {
  await vscode.workspace.saveAll(false);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Replaces the whole text of the editor's document. */
export async function replaceText(editor: vscode.TextEditor, text: string): Promise<void> {
  const document = editor.document;
  const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  const applied = await editor.edit((edit) => edit.replace(whole, text));
  assert.ok(applied, 'the edit was not applied');
}

/**
 * Waits until no group created by a test is followed any more (Create follows the new group, polling
 * the test's endpoint): suites that count the requests their endpoint received, or inject faults,
 * call it after each test, with a short eci.followTimeoutSeconds.
 */
export async function waitForNoFollow(timeoutMs = 20_000): Promise<void> {
  await waitFor(
    'no followed group',
    async () =>
      (await vscode.commands.executeCommand<{ following: string[] }>('eci.internal.liveState')).following.length === 0,
    { pollMs: 100, timeoutMs },
  );
}
