// Failures of a running group on the document it was created from (or opened as): one diagnostic per
// recognised failure on the line it concerns (the parameter path the follow engine names), saying it
// comes from the running group and its id. A collection of its own (`eci-live`), cleared when the
// document changes or the group is deleted.
import * as vscode from 'vscode';
import type { Range as LspRange } from 'vscode-languageserver-types';
import { keysForParameterPaths } from '../../calls/src/parameterPaths';

export const LIVE_GROUP_SOURCE = 'eci-live';

export interface LiveFailure {
  /** The service's reason (ErrImagePull, CrashLoopBackOff, OOMKilled, Failed, ...). */
  reason: string;
  /** The explanation in the display language, with what to do. */
  message: string;
  /** Wire paths the failure concerns (`Container.1.Image`, `Container[].Memory`, `ZoneId`). */
  parameterPaths: string[];
}

export class LiveDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(LIVE_GROUP_SOURCE);
  /** Which group's failures each document shows. */
  private readonly groupOf = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.clear(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d.uri)),
    ];
  }

  /** Places the failures of group `groupId` on `uri`; returns how many found their parameter's line. */
  show(
    uri: vscode.Uri,
    group: { id: string; name: string },
    failures: readonly LiveFailure[],
    locations: Readonly<Record<string, LspRange>>,
  ): number {
    const keys = Object.keys(locations);
    const toRange = (r: LspRange) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    let placed = 0;
    const diagnostics: vscode.Diagnostic[] = [];
    for (const f of failures) {
      const found = keysForParameterPaths(f.parameterPaths, keys);
      placed += found.length > 0 ? 1 : 0;
      const ranges = found.length > 0 ? found.map((k) => toRange(locations[k])) : [new vscode.Range(0, 0, 0, 0)];
      for (const range of ranges) {
        const d = new vscode.Diagnostic(
          range,
          vscode.l10n.t('Running group {0} ({1}): {2}', group.name, group.id, f.message),
          vscode.DiagnosticSeverity.Error,
        );
        d.source = LIVE_GROUP_SOURCE;
        d.code = f.reason;
        diagnostics.push(d);
      }
    }
    this.collection.set(uri, diagnostics);
    this.groupOf.set(uri.toString(), group.id);
    return placed;
  }

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
    this.groupOf.delete(uri.toString());
  }

  /** The group is gone: its diagnostics go, wherever they are. */
  clearGroup(groupId: string): void {
    for (const [uri, id] of [...this.groupOf]) if (id === groupId) this.clear(vscode.Uri.parse(uri));
  }

  get(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}
