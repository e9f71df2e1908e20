// Document problems seen from the client: the language server's error diagnostics (source `eci`)
// that block a dry run or create, and the service's answers placed on the parameters they concern
// (a separate collection `eci-service`, cleared when the document changes).
import * as vscode from 'vscode';
import type { Range as LspRange } from 'vscode-languageserver-types';
import { keysForParameterPaths } from '../../calls/src/parameterPaths';
import { SERVER_DIAGNOSTIC_SOURCE, SERVICE_ANSWER_SOURCE } from './diagnosticSources';

/** The document's error diagnostics from the language server (warnings do not block a call). */
export function blockingDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === SERVER_DIAGNOSTIC_SOURCE && d.severity === vscode.DiagnosticSeverity.Error);
}

/** Service errors shown on the parameters they concern. */
export class ServiceDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(SERVICE_ANSWER_SOURCE);
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.collection.has(e.document.uri)) this.collection.delete(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
    ];
  }

  /**
   * Places `message` on every location of `parameterPaths` (reference paths like `Container[].Name`
   * or flattened keys) in the document. Returns the number of diagnostics placed; with no location
   * found, the message goes on the document's first line so it is still seen in Problems.
   */
  show(
    uri: vscode.Uri,
    code: string,
    message: string,
    parameterPaths: readonly string[],
    locations: Readonly<Record<string, LspRange>>,
  ): number {
    const keys = Object.keys(locations);
    const placed = keysForParameterPaths(parameterPaths, keys);
    const toRange = (r: LspRange) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    const ranges = placed.length > 0 ? placed.map((k) => toRange(locations[k])) : [new vscode.Range(0, 0, 0, 0)];
    const diagnostics = ranges.map((range) => {
      const d = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Error);
      d.source = SERVICE_ANSWER_SOURCE;
      d.code = code;
      return d;
    });
    this.collection.set(uri, diagnostics);
    return placed.length;
  }

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  get(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}
