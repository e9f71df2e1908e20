// What the commands show the user and put on the clipboard, behind one small object so that the
// extension-host tests can record every message and answer its buttons (command
// `eci.internal.setUi`, registered only when the extension runs its tests). The default is VS Code
// itself; nothing else replaces it.
import * as vscode from 'vscode';

export interface EciUi {
  showInformationMessage(message: string, ...items: string[]): Thenable<string | undefined>;
  showWarningMessage(message: string, ...items: string[]): Thenable<string | undefined>;
  showErrorMessage(message: string, ...items: string[]): Thenable<string | undefined>;
  /** A modal warning with `detail` below it; resolves with the button chosen, undefined when dismissed. */
  confirm(message: string, detail: string, ...items: string[]): Thenable<string | undefined>;
  writeClipboard(text: string): Thenable<void>;
  /** Whether the workspace is trusted (dry run and create are refused when it is not). */
  isWorkspaceTrusted(): boolean;
  /** A quick pick of plain strings (e.g. a container); undefined when dismissed. */
  pick(items: string[], placeHolder: string): Thenable<string | undefined>;
  /** An input box; undefined when dismissed. */
  input(prompt: string, value?: string): Thenable<string | undefined>;
}

/** The real editor: notifications, modal dialogs, the system clipboard and the workspace trust. */
export const vscodeUi: EciUi = {
  showInformationMessage: (message, ...items) => vscode.window.showInformationMessage(message, ...items),
  showWarningMessage: (message, ...items) => vscode.window.showWarningMessage(message, ...items),
  showErrorMessage: (message, ...items) => vscode.window.showErrorMessage(message, ...items),
  confirm: (message, detail, ...items) => vscode.window.showWarningMessage(message, { modal: true, detail }, ...items),
  writeClipboard: (text) => vscode.env.clipboard.writeText(text),
  isWorkspaceTrusted: () => vscode.workspace.isTrusted,
  pick: (items, placeHolder) => vscode.window.showQuickPick(items, { placeHolder }),
  input: (prompt, value) => vscode.window.showInputBox({ prompt, value }),
};

const UI_METHODS = [
  'showInformationMessage',
  'showWarningMessage',
  'showErrorMessage',
  'confirm',
  'writeClipboard',
  'isWorkspaceTrusted',
  'pick',
  'input',
] as const;

/**
 * The UI a test hands to `eci.internal.setUi`: its own methods replace the real ones, the others stay
 * VS Code's; undefined restores VS Code entirely. Anything else is refused with what is wrong.
 */
export function uiFrom(arg: unknown): EciUi {
  if (arg === undefined || arg === null) return vscodeUi;
  if (typeof arg !== 'object')
    throw new TypeError(`eci.internal.setUi takes an object with some of ${UI_METHODS.join(', ')}; got ${typeof arg}`);
  const given = arg as Partial<Record<(typeof UI_METHODS)[number], unknown>>;
  const ui: Record<string, unknown> = { ...vscodeUi };
  for (const name of UI_METHODS) {
    const f = given[name];
    if (f === undefined) continue;
    if (typeof f !== 'function') throw new TypeError(`eci.internal.setUi: ${name} must be a function, got ${typeof f}`);
    ui[name] = f.bind(arg);
  }
  return ui as unknown as EciUi;
}
