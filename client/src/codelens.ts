// CodeLens at the top of every `eci-yaml` document: Dry run, Create (trusted workspaces only), Show request.
import * as vscode from 'vscode';

export class EciCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly trustListener = vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire());

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const top = new vscode.Range(0, 0, 0, 0);
    const lenses: vscode.CodeLens[] = [];
    if (vscode.workspace.isTrusted) {
      lenses.push(
        new vscode.CodeLens(top, {
          title: `$(beaker) ${vscode.l10n.t('Dry run')}`,
          command: 'eci.dryRun',
          arguments: [document.uri],
        }),
        new vscode.CodeLens(top, {
          title: `$(cloud-upload) ${vscode.l10n.t('Create')}`,
          command: 'eci.create',
          arguments: [document.uri],
        }),
      );
    }
    lenses.push(
      new vscode.CodeLens(top, {
        title: `$(eye) ${vscode.l10n.t('Show request')}`,
        command: 'eci.showRequest',
        arguments: [document.uri],
      }),
    );
    return lenses;
  }

  dispose(): void {
    this.trustListener.dispose();
    this.changed.dispose();
  }
}
