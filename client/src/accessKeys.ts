// Credentials UI: an access key pair kept in VS Code's SecretStorage, and the profile picker.
// Which credential a call uses (client/src/preflight.ts credentialFor, docs/settings.md): a profile named by the
// `eci.profile` setting, and only it, when set (it wins over a stored pair); else the stored pair;
// else the default chain.
import * as vscode from 'vscode';
import { maskAccessKeyId } from '../../calls/src/credential';
import type { ExplicitAccessKey } from '../../calls/src/types';
import { listProfileNames } from './profiles';

const SECRET_KEY = 'eci.accessKey';

export type StoreAccessKeyOutcome = { kind: 'stored'; accessKeyIdHint: string } | { kind: 'cancelled' };
export type ClearAccessKeyOutcome = { kind: 'cleared' } | { kind: 'nothing-stored' };
export type SelectProfileOutcome =
  { kind: 'selected'; profile: string | undefined; overriddenByWorkspace?: string } | { kind: 'cancelled' };

/** Arguments the Store access key command accepts instead of asking (tests, automation). */
export interface StoreAccessKeyArgs {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

function accessKeyIdProblem(id: string): string | undefined {
  if (id.trim() === '') return vscode.l10n.t('Enter the AccessKey ID.');
  if (!/^[A-Za-z0-9]+$/.test(id.trim()))
    return vscode.l10n.t('An AccessKey ID has only letters and digits (e.g. LTAI5t...).');
  return undefined;
}

function accessKeySecretProblem(secret: string): string | undefined {
  if (secret.trim() === '') return vscode.l10n.t('Enter the AccessKey secret.');
  if (/\s/.test(secret.trim())) return vscode.l10n.t('An AccessKey secret has no spaces.');
  return undefined;
}

export class AccessKeyStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** The stored pair, or undefined (also when what is stored cannot be read). */
  async get(): Promise<ExplicitAccessKey | undefined> {
    const raw = await this.secrets.get(SECRET_KEY);
    if (!raw) return undefined;
    try {
      const v = JSON.parse(raw) as Partial<ExplicitAccessKey>;
      if (typeof v.accessKeyId === 'string' && typeof v.accessKeySecret === 'string') {
        return {
          accessKeyId: v.accessKeyId,
          accessKeySecret: v.accessKeySecret,
          ...(typeof v.securityToken === 'string' && v.securityToken ? { securityToken: v.securityToken } : {}),
        };
      }
    } catch {
      /* unreadable entry: treated as none */
    }
    return undefined;
  }

  /** Asks for the pair (the secret in a password box) unless `args` gives it; stores it. */
  async store(args?: StoreAccessKeyArgs): Promise<StoreAccessKeyOutcome> {
    let accessKeyId = args?.accessKeyId;
    let accessKeySecret = args?.accessKeySecret;
    const securityToken = args?.securityToken;
    if (args) {
      const problem = accessKeyIdProblem(accessKeyId ?? '') ?? accessKeySecretProblem(accessKeySecret ?? '');
      if (problem) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The access key was not stored: {0}', problem));
        return { kind: 'cancelled' };
      }
    } else {
      accessKeyId = await vscode.window.showInputBox({
        title: vscode.l10n.t('ECI: Store access key (1/2)'),
        prompt: vscode.l10n.t('AccessKey ID of the RAM user that dry runs and creates container groups'),
        ignoreFocusOut: true,
        validateInput: (v) => accessKeyIdProblem(v),
      });
      if (accessKeyId === undefined) return { kind: 'cancelled' };
      accessKeySecret = await vscode.window.showInputBox({
        title: vscode.l10n.t('ECI: Store access key (2/2)'),
        prompt: vscode.l10n.t(
          "AccessKey secret (kept in the operating system's secret store by VS Code; never shown or logged)",
        ),
        password: true,
        ignoreFocusOut: true,
        validateInput: (v) => accessKeySecretProblem(v),
      });
      if (accessKeySecret === undefined) return { kind: 'cancelled' };
    }
    const pair: ExplicitAccessKey = {
      accessKeyId: accessKeyId!.trim(),
      accessKeySecret: accessKeySecret!.trim(),
      ...(securityToken ? { securityToken } : {}),
    };
    await this.secrets.store(SECRET_KEY, JSON.stringify(pair));
    const accessKeyIdHint = maskAccessKeyId(pair.accessKeyId);
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        "Access key {0} stored in VS Code's secret storage. Dry run and create use it before any other credential source, unless the setting eci.profile names a profile.",
        accessKeyIdHint,
      ),
    );
    return { kind: 'stored', accessKeyIdHint };
  }

  async clear(): Promise<ClearAccessKeyOutcome> {
    const had = (await this.secrets.get(SECRET_KEY)) !== undefined;
    await this.secrets.delete(SECRET_KEY);
    void vscode.window.showInformationMessage(
      had
        ? vscode.l10n.t('The stored access key was removed. Dry run and create now use the default credential chain.')
        : vscode.l10n.t('No access key was stored.'),
    );
    return had ? { kind: 'cleared' } : { kind: 'nothing-stored' };
  }
}

/**
 * Picks a profile and writes it to the user's `eci.profile` setting. With `profile` given
 * (tests, automation) it writes that name without asking; an empty string selects the default chain.
 */
export async function selectProfile(profile?: string): Promise<SelectProfileOutcome> {
  let chosen: string | undefined = profile;
  if (chosen === undefined) {
    const current = vscode.workspace.getConfiguration('eci').get<string>('profile', '');
    type Item = vscode.QuickPickItem & { profile: string };
    const items: Item[] = [
      {
        label: vscode.l10n.t('Default credential chain'),
        description: current === '' ? vscode.l10n.t('(selected)') : undefined,
        detail: vscode.l10n.t(
          "Environment variables, OIDC, the aliyun CLI's current profile, the [default] section of the credentials file",
        ),
        profile: '',
      },
    ];
    const seen = new Set<string>();
    for (const p of listProfileNames()) {
      const key = `${p.origin}:${p.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      items.push({
        label: p.name,
        description:
          [
            p.name === current ? vscode.l10n.t('(selected)') : '',
            p.current ? vscode.l10n.t('aliyun CLI current profile') : '',
          ]
            .filter(Boolean)
            .join(' ') || undefined,
        detail: p.file,
        profile: p.name,
      });
    }
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('ECI: Select credentials profile'),
      placeHolder:
        items.length === 1
          ? vscode.l10n.t('No profiles found in ~/.aliyun/config.json or ~/.alibabacloud/credentials')
          : vscode.l10n.t('Profile used for dry run and create'),
    });
    if (!picked) return { kind: 'cancelled' };
    chosen = picked.profile;
  }
  await vscode.workspace.getConfiguration('eci').update('profile', chosen, vscode.ConfigurationTarget.Global);
  const inspected = vscode.workspace.getConfiguration('eci').inspect<string>('profile');
  const workspaceValue = inspected?.workspaceFolderValue ?? inspected?.workspaceValue;
  if (vscode.workspace.isTrusted && workspaceValue !== undefined && workspaceValue !== chosen) {
    const message = vscode.l10n.t(
      'Saved in your user settings, but this workspace sets eci.profile to "{0}", which takes precedence here.',
      workspaceValue,
    );
    void vscode.window.showWarningMessage(message);
    return { kind: 'selected', profile: chosen || undefined, overriddenByWorkspace: workspaceValue };
  }
  void vscode.window.showInformationMessage(
    chosen
      ? vscode.l10n.t('Dry run and create use the credentials profile "{0}".', chosen)
      : vscode.l10n.t('Dry run and create use the default credential chain.'),
  );
  return { kind: 'selected', profile: chosen || undefined };
}
