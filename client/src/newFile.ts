// "New container group file": picks one of the service's templates (server/src/service/templates.ts,
// the same ones the server offers as completions in an empty file) and writes it to a new
// `*.eci.yaml` file, then opens it.
import * as vscode from 'vscode';
import {
  CONTAINER_GROUP_TEMPLATES,
  templateById,
  type ContainerGroupTemplate,
} from '../../server/src/service/templates';

/** Arguments instead of the pickers (tests, automation). */
export interface NewFileArgs {
  /** A template id: web-server, batch-job, spot-job, gpu-job, init-container-and-volumes. */
  template?: string;
  /** Where to write the file (must not exist yet). */
  target?: vscode.Uri | string;
}

export type NewFileOutcome =
  | { kind: 'file-created'; uri: string; template: string }
  | { kind: 'cancelled' }
  | {
      kind: 'blocked';
      reason: 'unknown-template' | 'file-exists' | 'not-eci-file-name' | 'write-failed';
      message: string;
    };

const ja = () => vscode.env.language.toLowerCase().startsWith('ja');

function refuse(reason: Extract<NewFileOutcome, { kind: 'blocked' }>['reason'], message: string): NewFileOutcome {
  void vscode.window.showErrorMessage(message);
  return { kind: 'blocked', reason, message };
}

export async function newContainerGroupFile(args: NewFileArgs = {}): Promise<NewFileOutcome> {
  let template: ContainerGroupTemplate | undefined;
  if (args.template !== undefined) {
    template = templateById(args.template);
    if (!template) {
      return refuse(
        'unknown-template',
        vscode.l10n.t(
          'There is no template "{0}"; the templates are: {1}.',
          args.template,
          CONTAINER_GROUP_TEMPLATES.map((t) => t.id).join(', '),
        ),
      );
    }
  } else {
    const locale = ja() ? 'ja' : 'en';
    const picked = await vscode.window.showQuickPick(
      CONTAINER_GROUP_TEMPLATES.map((t) => ({ label: t.label[locale], detail: t.description[locale], template: t })),
      { title: vscode.l10n.t('ECI: New container group file'), placeHolder: vscode.l10n.t('Start from a template') },
    );
    if (!picked) return { kind: 'cancelled' };
    template = picked.template;
  }

  let target: vscode.Uri | undefined =
    args.target instanceof vscode.Uri
      ? args.target
      : typeof args.target === 'string'
        ? vscode.Uri.parse(args.target)
        : undefined;
  if (!target) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('ECI: New container group file'),
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `${template.id}.eci.yaml`) } : {}),
      filters: { [vscode.l10n.t('ECI container group')]: ['eci.yaml', 'eci.yml'] },
    });
    if (!target) return { kind: 'cancelled' };
  }
  if (!/\.eci\.ya?ml$/i.test(target.path)) {
    return refuse(
      'not-eci-file-name',
      vscode.l10n.t(
        '{0} does not end in .eci.yaml, so it would not open as an ECI container group file.',
        target.path.split('/').pop() ?? target.toString(),
      ),
    );
  }
  try {
    await vscode.workspace.fs.stat(target);
    return refuse(
      'file-exists',
      vscode.l10n.t(
        '{0} already exists; choose another name (nothing was overwritten).',
        vscode.workspace.asRelativePath(target),
      ),
    );
  } catch {
    // Does not exist: write it.
  }
  try {
    // The template's comments in the display language, like its label in the picker.
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(template.textIn(ja() ? 'ja' : 'en')));
  } catch (e) {
    return refuse(
      'write-failed',
      vscode.l10n.t(
        'Cannot write {0}: {1}',
        vscode.workspace.asRelativePath(target),
        e instanceof Error ? e.message : String(e),
      ),
    );
  }
  const document = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(document);
  return { kind: 'file-created', uri: target.toString(), template: template.id };
}
