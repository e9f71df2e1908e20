// A status bar item that says, while eci.endpoint points at this machine (the ECI simulator of
// `npm start` or `eci simulator`), that calls go to the simulator and not to Alibaba Cloud. Loaded at
// activation: it reads one setting and nothing of the call layer.
import * as vscode from 'vscode';

/** Whether an eci.endpoint value names a loopback host (where the simulator listens). */
export function isLoopbackEndpoint(value: string): boolean {
  const host = value
    .trim()
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/.*$/, '')
    .replace(/:\d+$/, '')
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export class SimulatorStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('eci.simulator', vscode.StatusBarAlignment.Left, 10);
  private readonly listener: vscode.Disposable;

  constructor() {
    this.item.name = vscode.l10n.t('ECI simulator');
    this.item.command = {
      title: vscode.l10n.t('Open settings'),
      command: 'workbench.action.openWorkspaceSettings',
      arguments: ['eci.endpoint'],
    };
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('eci.endpoint')) this.update();
    });
    this.update();
  }

  /** The endpoint shown, when it is the simulator's (tests read it). */
  endpoint: string | undefined;

  private update(): void {
    const value = vscode.workspace.getConfiguration('eci').get<string>('endpoint', '');
    if (value && isLoopbackEndpoint(value)) {
      this.endpoint = value;
      this.item.text = `$(beaker) ${vscode.l10n.t('ECI simulator')}`;
      this.item.tooltip = vscode.l10n.t(
        'eci.endpoint is {0}: ECI calls go to the local ECI simulator on this machine, not to Alibaba Cloud.',
        value,
      );
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      this.item.show();
    } else {
      this.endpoint = undefined;
      this.item.hide();
    }
  }

  dispose(): void {
    this.listener.dispose();
    this.item.dispose();
  }
}
