// Everything Dry run, Create and Show request check before anything is sent: the document (an open
// eci-yaml file), its wire request from the language server (the client never parses YAML), the
// settings, the credential and the endpoint. Each check either yields what the next needs or a
// `blocked` outcome already told to the user.
import * as vscode from 'vscode';
import { credentialFromKey } from '../../calls/src/credential';
import { resolveCredential } from '../../calls/src/credentialChain';
import { endpointFor, type CallEndpoint } from '../../calls/src/endpoint';
import type { ExplicitAccessKey, ResolvedCredential } from '../../calls/src/types';
import { WireRequestMethod, type WireRequestParams, type WireRequestResult } from '../../server/src/protocol';
import { blocked, showProblems, type Button, type CommandContext, type RunOutcome } from './commandContext';
import { readSettings, InvalidEndpointSetting, type EciSettings } from './config';
import { blockingDiagnostics } from './errorDiagnostics';
import { REQUEST_SCHEME } from './shared';

export type WireRequestOk = Extract<WireRequestResult, { ok: true }>;

function toUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg !== '') return vscode.Uri.parse(arg);
  return undefined;
}

/** The document a command acts on: the argument, else the active editor's (from a Show request view, its source file). */
export async function documentFor(ctx: CommandContext, arg: unknown): Promise<vscode.TextDocument | RunOutcome> {
  let uri = toUri(arg) ?? vscode.window.activeTextEditor?.document.uri;
  // From a Show request view, the commands act on the file it was built from.
  if (uri?.scheme === REQUEST_SCHEME && uri.query) uri = vscode.Uri.parse(uri.query);
  if (!uri)
    return blocked(ctx, 'no-document', vscode.l10n.t('Open a *.eci.yaml file first: there is no document to send.'));
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(uri);
  } catch (e) {
    return blocked(
      ctx,
      'no-document',
      vscode.l10n.t('Cannot open {0}: {1}', uri.toString(true), e instanceof Error ? e.message : String(e)),
    );
  }
  if (document.languageId !== 'eci-yaml') {
    return blocked(
      ctx,
      'not-eci-document',
      vscode.l10n.t(
        '{0} is not an ECI container group file (language eci-yaml, *.eci.yaml).',
        vscode.workspace.asRelativePath(uri),
      ),
    );
  }
  return document;
}

const dryRunAnyway = (uri: vscode.Uri): Button => [
  vscode.l10n.t('Dry run anyway'),
  () => vscode.commands.executeCommand('eci.dryRun', uri, { force: true }),
];

const documentErrors = (name: string, count: number, line: number, message: string) =>
  vscode.l10n.t('{0} has {1} error(s); fix them before sending it (first: line {2}: {3}).', name, count, line, message);

/** The wire request from the language server, or why there is none. */
export async function wireRequest(
  ctx: CommandContext,
  document: vscode.TextDocument,
  dryRun?: { force: boolean },
): Promise<WireRequestOk | RunOutcome> {
  const name = vscode.workspace.asRelativePath(document.uri);
  const pending = blockingDiagnostics(document.uri);
  // A dry run asks the server even then: when only cross-field rule errors remain, it may go anyway.
  const serverJudges = dryRun !== undefined && (await ctx.client())?.isRunning() === true;
  if (pending.length > 0 && !serverJudges) {
    const first = pending[0];
    return blocked(
      ctx,
      'document-errors',
      documentErrors(name, pending.length, first.range.start.line + 1, first.message),
      { errorCount: pending.length, actions: [showProblems()] },
    );
  }
  const result = await askServer(ctx, document, name, dryRun?.force === true);
  if (!('ok' in result)) return result;
  if (!result.ok) {
    const first = result.errors[0];
    const forcible = dryRun !== undefined && result.forcible === true;
    const message = first
      ? documentErrors(
          name,
          result.errors.length,
          first.range.start.line + 1,
          typeof first.message === 'string' ? first.message : first.message.value,
        )
      : vscode.l10n.t('{0} cannot be turned into a request.', name);
    // Only cross-field rule errors: the service is the judge, a dry run may still be asked for.
    return blocked(ctx, 'document-errors', message, {
      errorCount: result.errors.length,
      actions: [showProblems(), ...(forcible ? [dryRunAnyway(document.uri)] : [])],
      dryRunAnyway: forcible,
    });
  }
  if (result.overruled?.length) {
    ctx.output.log(
      vscode.l10n.t(
        '{0}: dry run despite {1} rule error(s) (Dry run anyway): the service is the judge.',
        name,
        result.overruled.length,
      ),
    );
  }
  return result;
}

/** Sends eci/wireRequest; a blocked outcome when the server is not there or cannot answer. */
async function askServer(
  ctx: CommandContext,
  document: vscode.TextDocument,
  name: string,
  force: boolean,
): Promise<WireRequestResult | RunOutcome> {
  const client = await ctx.client();
  if (!client || !client.isRunning()) {
    return blocked(
      ctx,
      'server-unavailable',
      vscode.l10n.t(
        'The ECI language server is not running, so the request cannot be built. See the output "ECI Container Groups".',
      ),
    );
  }
  let result: WireRequestResult | null;
  try {
    const params: WireRequestParams = {
      uri: client.code2ProtocolConverter.asUri(document.uri),
      ...(force ? { force: true } : {}),
    };
    result = await client.sendRequest<WireRequestResult | null>(WireRequestMethod, params);
  } catch (e) {
    return blocked(
      ctx,
      'server-unavailable',
      vscode.l10n.t(
        'The ECI language server could not build the request: {0}',
        e instanceof Error ? e.message : String(e),
      ),
    );
  }
  if (!result) {
    return blocked(
      ctx,
      'server-unavailable',
      vscode.l10n.t(
        'The ECI language server does not have {0} open, so it cannot build its request; reopen the file and try again.',
        name,
      ),
    );
  }
  return result;
}

/** The settings (for a document's folder, else the window's), or a blocked outcome for an eci.endpoint that is not a host. */
export function settingsFor(ctx: CommandContext, resource?: vscode.Uri): EciSettings | RunOutcome {
  try {
    return readSettings(resource);
  } catch (e) {
    if (!(e instanceof InvalidEndpointSetting)) throw e;
    return blocked(
      ctx,
      'invalid-endpoint',
      vscode.l10n.t(
        'The setting eci.endpoint "{0}" is not a host name with an optional port and http:// or https:// (e.g. eci-vpc.cn-hangzhou.aliyuncs.com or http://127.0.0.1:8080).',
        e.raw,
      ),
      {
        actions: [
          [
            vscode.l10n.t('Open settings'),
            () => vscode.commands.executeCommand('workbench.action.openSettings', 'eci.endpoint'),
          ],
        ],
      },
    );
  }
}

/** Where the call goes (eci.endpoint, else the region's endpoint), or a blocked outcome for a region id that is not one. */
export function endpointOf(
  ctx: CommandContext,
  settings: EciSettings,
  regionId: string,
  fileName: string,
): CallEndpoint | RunOutcome {
  try {
    return endpointFor(regionId, settings.endpoint);
  } catch (e) {
    return blocked(ctx, 'no-region', vscode.l10n.t('{0}: {1}', fileName, e instanceof Error ? e.message : String(e)));
  }
}

/**
 * The credential of a call. An explicit eci.profile wins over a stored access key: only that profile is
 * resolved, and a profile that is missing or does not work blocks the call (docs/settings.md). Else the
 * access key kept in SecretStorage, else the default chain.
 */
export async function credentialFor(
  ctx: CommandContext,
  settings: EciSettings,
): Promise<ResolvedCredential | RunOutcome> {
  try {
    return await resolveCallCredential(ctx, settings, true);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    ctx.output.log(detail);
    const selectProfile: Button = [
      vscode.l10n.t('Select profile'),
      () => vscode.commands.executeCommand('eci.selectProfile'),
    ];
    const showOutput: Button = [vscode.l10n.t('Show output'), () => ctx.output.show()];
    if (settings.profile) {
      return blocked(
        ctx,
        'no-credentials',
        vscode.l10n.t(
          'The credentials profile "{0}" (setting eci.profile) cannot be used: {1}',
          settings.profile,
          detail,
        ),
        { actions: [selectProfile, showOutput] },
      );
    }
    return blocked(
      ctx,
      'no-credentials',
      vscode.l10n.t(
        'No Alibaba Cloud credentials were found. Run `aliyun configure`, set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or store an access key (details in the output "ECI").',
      ),
      {
        actions: [
          [vscode.l10n.t('Store access key'), () => vscode.commands.executeCommand('eci.storeAccessKey')],
          selectProfile,
          showOutput,
        ],
      },
    );
  }
}

/**
 * The credential as Dry run resolves it (eci.profile, else the stored access key, else the chain), its
 * secrets known to the output; throws when there is none. The background look-ups use it quietly
 * (`explain` false: no line about eci.profile winning over a stored key).
 */
export async function resolveCallCredential(
  ctx: Pick<CommandContext, 'accessKeys' | 'output'>,
  settings: EciSettings,
  explain: boolean,
): Promise<ResolvedCredential> {
  const stored = await ctx.accessKeys.get();
  ctx.output.addSecrets([stored?.accessKeySecret, stored?.securityToken]);
  if (settings.profile) {
    if (stored && explain)
      ctx.output.log(
        vscode.l10n.t(
          'The setting eci.profile names "{0}": that profile is used, not the access key stored in VS Code.',
          settings.profile,
        ),
      );
    return resolveCredential({ profile: settings.profile });
  }
  return (
    storedCredential(stored) ??
    (await resolveCredential({ explicitKey: stored, allowInstanceMetadata: settings.allowInstanceMetadataCredentials }))
  );
}

/**
 * The credential of the access key kept in SecretStorage, described as such; undefined when none is
 * stored or it is unusable (resolveCredential then says why and goes on with the chain).
 */
function storedCredential(stored: ExplicitAccessKey | undefined): ResolvedCredential | undefined {
  if (!stored) return undefined;
  try {
    return credentialFromKey(stored, vscode.l10n.t('the access key stored in VS Code (ECI: Store access key)'));
  } catch {
    return undefined;
  }
}
