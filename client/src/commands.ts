// The ECI commands. Each accepts an optional document URI (CodeLens, menus and tests pass one;
// the palette uses the active editor) and returns its outcome as data, so that the extension-host
// tests assert on it instead of scraping the UI. Notifications are never awaited on the way to
// the outcome; only Create's modal confirmation is, and only an explicit `{ confirm: false }`
// argument (never a setting) skips it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WireRequestMethod, type WireRequestParams, type WireRequestResult } from '../../server/src/protocol';
import { readSettings, InvalidEndpointSetting, type EciSettings } from './config';
import type { AccessKeyStore } from './credentials';
import { flattenForDisplay } from './eci/display';
import { ECI_API_VERSION } from './eci/endpoint';
import { secretValuesOf } from './eci/credentials';
import { describeCredential, describeNetworkError } from './eci/describe';
import type { EciCallOutcome, ExplicitAccessKey, NetworkErrorKind, ResolvedCredential } from './eci/types';
import { blockingDiagnostics, type ServiceDiagnostics } from './errorDiagnostics';
import type { EciOutput } from './output';
import { addToHistory, readHistory, type CreatedGroupEntry } from './results';
import { HISTORY_STATE_KEY, REQUEST_SCHEME, writeHistory } from './shared';
import { newContainerGroupFile } from './templates';

// What activation needs of these is in shared.ts; the extension loads this module on the first command.
export { HISTORY_STATE_KEY, REQUEST_SCHEME, writeHistory, newContainerGroupFile };
import type { EciUi } from './ui';


/** Options a caller (the tests) may pass as the second argument of Dry run / Create. */
export interface RunOptions {
  /** `false` skips Create's modal confirmation. Only an explicit argument does. */
  confirm?: boolean;
  /** Cancels the call like the progress notification's Cancel button does (tests, automation). */
  cancellation?: vscode.CancellationToken;
  /** "Dry run anyway": dry run despite cross-field rule errors (never for create). */
  force?: boolean;
}

export type BlockedReason =
  | 'untrusted-workspace'
  | 'no-document'
  | 'not-eci-document'
  | 'document-errors'
  | 'server-unavailable'
  | 'no-region'
  | 'invalid-endpoint'
  | 'no-credentials'
  | 'already-running';

/** What a dry run or create ended with, as the commands return it. */
export type CallResult =
  | { kind: 'created'; containerGroupId: string; requestId: string; clientToken: string; attempts: number }
  | { kind: 'dry-run-passed'; requestId: string; code: string; attempts: number }
  | {
      kind: 'service-error';
      code: string;
      httpStatus: number;
      message: string;
      recommend?: string;
      requestId?: string;
      parameterPaths: string[];
      /** How many diagnostics were placed on the document's parameters. */
      diagnostics: number;
      attempts: number;
    }
  | {
      kind: 'network-error';
      reason: NetworkErrorKind;
      /** The layer's details in the display language. */
      message: string;
      attempts: number;
      /** Some attempt left this machine. */
      requestSent: boolean;
      /** A create whose request was sent and whose answer was lost: the group may exist. */
      mayHaveBeenCreated: boolean;
      clientToken?: string;
    }
  | { kind: 'cancelled'; attempts: number; requestSent: boolean; clientToken?: string };

export type RunOutcome =
  | { kind: 'blocked'; reason: BlockedReason; message: string; errorCount?: number; dryRunAnyway?: true }
  | { kind: 'declined' }
  | CallResult;

export type ShowRequestOutcome =
  | { kind: 'request-shown'; uri: string; lines: string[] }
  | { kind: 'blocked'; reason: BlockedReason; message: string; errorCount?: number };

type WireRequestOk = Extract<WireRequestResult, { ok: true }>;

/** Read-only documents of the "Show request" command. */

export interface CommandContext {
  extension: vscode.ExtensionContext;
  /** The language client once it has started (undefined when it could not start). */
  client: () => Promise<LanguageClient | undefined>;
  output: EciOutput;
  serviceDiagnostics: ServiceDiagnostics;
  accessKeys: AccessKeyStore;
  requestDocuments: Map<string, string>;
  requestDocumentsChanged: vscode.EventEmitter<vscode.Uri>;
  /** Messages, Create's confirmation, the clipboard and the workspace trust: VS Code's (client/src/ui.ts), a recorder in the tests. */
  ui: EciUi;
}

const isJapanese = () => vscode.env.language.toLowerCase().startsWith('ja');

/** The layer is loaded on first use: activation does not pay for the SDK. */
type EciLayer = typeof import('./eci/index');
let layer: EciLayer | undefined;
function loadLayer(): EciLayer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  layer ??= require('./eci/index') as EciLayer;
  return layer;
}

function toUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg !== '') return vscode.Uri.parse(arg);
  return undefined;
}

/** A blocked outcome, told to the user; `actions` are buttons with their handlers (not awaited). */
function blocked(
  ctx: Pick<CommandContext, 'ui'>,
  reason: BlockedReason,
  message: string,
  extra: { errorCount?: number; actions?: [string, () => unknown][]; dryRunAnyway?: boolean } = {},
): RunOutcome & ShowRequestOutcome {
  const actions = extra.actions ?? [];
  void ctx.ui.showErrorMessage(message, ...actions.map(([t]) => t)).then((picked) => actions.find(([t]) => t === picked)?.[1]());
  return {
    kind: 'blocked',
    reason,
    message,
    ...(extra.errorCount !== undefined ? { errorCount: extra.errorCount } : {}),
    ...(extra.dryRunAnyway ? { dryRunAnyway: true as const } : {}),
  };
}

const dryRunAnyway = (uri: vscode.Uri): [string, () => unknown] => [vscode.l10n.t('Dry run anyway'), () => vscode.commands.executeCommand('eci.dryRun', uri, { force: true })];

const showProblems = (): [string, () => unknown] => [vscode.l10n.t('Show problems'), () => vscode.commands.executeCommand('workbench.actions.view.problems')];

async function documentFor(ctx: CommandContext, arg: unknown): Promise<vscode.TextDocument | RunOutcome> {
  let uri = toUri(arg) ?? vscode.window.activeTextEditor?.document.uri;
  // From a Show request view, the commands act on the file it was built from.
  if (uri?.scheme === REQUEST_SCHEME && uri.query) uri = vscode.Uri.parse(uri.query);
  if (!uri) return blocked(ctx, 'no-document', vscode.l10n.t('Open a *.eci.yaml file first: there is no document to send.'));
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(uri);
  } catch (e) {
    return blocked(ctx, 'no-document', vscode.l10n.t('Cannot open {0}: {1}', uri.toString(true), e instanceof Error ? e.message : String(e)));
  }
  if (document.languageId !== 'eci-yaml') {
    return blocked(ctx, 'not-eci-document', vscode.l10n.t('{0} is not an ECI container group file (language eci-yaml, *.eci.yaml).', vscode.workspace.asRelativePath(uri)));
  }
  return document;
}

/** The wire request from the language server, or why there is none. */
async function wireRequest(ctx: CommandContext, document: vscode.TextDocument, dryRun?: { force: boolean }): Promise<WireRequestOk | RunOutcome> {
  const name = vscode.workspace.asRelativePath(document.uri);
  const pending = blockingDiagnostics(document.uri);
  // A dry run asks the server even then: when only cross-field rule errors remain, it may go anyway.
  const serverJudges = dryRun !== undefined && (await ctx.client())?.isRunning() === true;
  if (pending.length > 0 && !serverJudges) {
    return blocked(
      ctx,
      'document-errors',
      vscode.l10n.t('{0} has {1} error(s); fix them before sending it (first: line {2}: {3}).', name, pending.length, pending[0].range.start.line + 1, pending[0].message),
      { errorCount: pending.length, actions: [showProblems()] },
    );
  }
  const client = await ctx.client();
  if (!client || !client.isRunning()) {
    return blocked(ctx, 'server-unavailable', vscode.l10n.t('The ECI language server is not running, so the request cannot be built. See the output "ECI Container Groups".'));
  }
  let result: WireRequestResult | null;
  try {
    const params: WireRequestParams = { uri: client.code2ProtocolConverter.asUri(document.uri), ...(dryRun?.force ? { force: true } : {}) };
    result = await client.sendRequest<WireRequestResult | null>(WireRequestMethod, params);
  } catch (e) {
    return blocked(ctx, 'server-unavailable', vscode.l10n.t('The ECI language server could not build the request: {0}', e instanceof Error ? e.message : String(e)));
  }
  if (!result) {
    return blocked(ctx, 'server-unavailable', vscode.l10n.t('The ECI language server does not have {0} open, so it cannot build its request; reopen the file and try again.', name));
  }
  if (!result.ok) {
    const first = result.errors[0];
    return blocked(
      ctx,
      'document-errors',
      first
        ? vscode.l10n.t('{0} has {1} error(s); fix them before sending it (first: line {2}: {3}).', name, result.errors.length, first.range.start.line + 1, typeof first.message === 'string' ? first.message : first.message.value)
        : vscode.l10n.t('{0} cannot be turned into a request.', name),
      {
        errorCount: result.errors.length,
        actions: [
          showProblems(),
          // Only cross-field rule errors: the service is the judge, a dry run may still be asked for.
          ...(dryRun && result.forcible ? [dryRunAnyway(document.uri)] : []),
        ],
        dryRunAnyway: dryRun !== undefined && result.forcible === true,
      },
    );
  }
  if (result.overruled?.length) {
    ctx.output.log(vscode.l10n.t('{0}: dry run despite {1} rule error(s) (Dry run anyway): the service is the judge.', name, result.overruled.length));
  }
  return result;
}

const isOutcome = (v: unknown): v is RunOutcome => typeof v === 'object' && v !== null && 'kind' in v;

/** Human name of the group for messages: its ContainerGroupName. */
function groupLabel(req: WireRequestOk): string {
  return req.params.ContainerGroupName ?? vscode.l10n.t('(unnamed group)');
}

function localized(pair: { en: string; ja: string } | undefined): string | undefined {
  if (!pair) return undefined;
  return isJapanese() ? pair.ja : pair.en;
}

/**
 * The credential of the access key kept in SecretStorage, described as such; undefined when none is
 * stored or it is unusable (resolveCredential then says why and goes on with the chain).
 */
function storedCredential(eci: EciLayer, stored: ExplicitAccessKey | undefined): ResolvedCredential | undefined {
  if (!stored) return undefined;
  try {
    return eci.credentialFromKey(stored, vscode.l10n.t('the access key stored in VS Code (ECI: Store access key)'));
  } catch {
    return undefined;
  }
}

/** Dry run (`dryRun`) or Create. */
export async function runCall(ctx: CommandContext, dryRun: boolean, arg?: unknown, options: RunOptions = {}): Promise<RunOutcome> {
  if (!ctx.ui.isWorkspaceTrusted()) {
    return blocked(
      ctx,
      'untrusted-workspace',
      vscode.l10n.t('Dry run and create are disabled in an untrusted workspace: trust this workspace to send requests to ECI.'),
      { actions: [[vscode.l10n.t('Manage workspace trust'), () => vscode.commands.executeCommand('workbench.trust.manage')]] },
    );
  }
  const document = await documentFor(ctx, arg);
  if (isOutcome(document)) return document;
  // One call per file at a time: a second click cannot send a second create (with another ClientToken).
  const key = document.uri.toString();
  if (running.has(key)) {
    return blocked(ctx, 'already-running', vscode.l10n.t('A dry run or create of {0} is already running; wait for its result.', vscode.workspace.asRelativePath(document.uri)));
  }
  running.add(key);
  try {
    return await runCallFor(ctx, dryRun, document, options);
  } finally {
    running.delete(key);
  }
}

/** Documents with a dry run or create in progress (from the pre-checks to the result). */
const running = new Set<string>();

async function runCallFor(ctx: CommandContext, dryRun: boolean, document: vscode.TextDocument, options: RunOptions): Promise<RunOutcome> {
  const req = await wireRequest(ctx, document, dryRun ? { force: options.force === true } : undefined);
  if (isOutcome(req)) return req;
  const fileName = vscode.workspace.asRelativePath(document.uri);
  const regionId = req.params.RegionId;
  if (!regionId) return blocked(ctx, 'no-region', vscode.l10n.t('{0} sets no RegionId: the region decides where the group is created and which endpoint is used.', fileName));

  let settings: EciSettings;
  try {
    settings = readSettings(document.uri);
  } catch (e) {
    if (e instanceof InvalidEndpointSetting) {
      return blocked(ctx, 'invalid-endpoint', vscode.l10n.t('The setting eci.endpoint "{0}" is not a host name with an optional port and http:// or https:// (e.g. eci-vpc.cn-hangzhou.aliyuncs.com or http://127.0.0.1:8080).', e.raw), {
        actions: [[vscode.l10n.t('Open settings'), () => vscode.commands.executeCommand('workbench.action.openSettings', 'eci.endpoint')]],
      });
    }
    throw e;
  }

  const eci = loadLayer();
  const stored = await ctx.accessKeys.get();
  ctx.output.addSecrets([stored?.accessKeySecret, stored?.securityToken]);
  ctx.output.addSecrets(req.secrets.map((k) => req.params[k]));

  // An explicit eci.profile wins over a stored access key: only that profile is resolved, and a
  // profile that is missing or does not work blocks the call (docs/settings.md).
  let credential: ResolvedCredential;
  try {
    if (settings.profile) {
      if (stored) ctx.output.log(vscode.l10n.t('The setting eci.profile names "{0}": that profile is used, not the access key stored in VS Code.', settings.profile));
      credential = await eci.resolveCredential({ profile: settings.profile });
    } else {
      credential = storedCredential(eci, stored) ?? (await eci.resolveCredential({ explicitKey: stored, allowInstanceMetadata: settings.allowInstanceMetadataCredentials }));
    }
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    ctx.output.log(detail);
    if (settings.profile) {
      return blocked(ctx, 'no-credentials', vscode.l10n.t('The credentials profile "{0}" (setting eci.profile) cannot be used: {1}', settings.profile, detail), {
        actions: [
          [vscode.l10n.t('Select profile'), () => vscode.commands.executeCommand('eci.selectProfile')],
          [vscode.l10n.t('Show output'), () => ctx.output.show()],
        ],
      });
    }
    return blocked(ctx, 'no-credentials', vscode.l10n.t('No Alibaba Cloud credentials were found. Run `aliyun configure`, set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or store an access key (details in the output "ECI").'), {
      actions: [
        [vscode.l10n.t('Store access key'), () => vscode.commands.executeCommand('eci.storeAccessKey')],
        [vscode.l10n.t('Select profile'), () => vscode.commands.executeCommand('eci.selectProfile')],
        [vscode.l10n.t('Show output'), () => ctx.output.show()],
      ],
    });
  }
  ctx.output.addSecrets(secretValuesOf(credential));

  const group = groupLabel(req);
  let endpointText: string;
  try {
    endpointText = settings.endpoint ? `${settings.endpoint.protocol}://${settings.endpoint.host}` : `https://${eci.defaultEndpoint(regionId)}`;
  } catch (e) {
    return blocked(ctx, 'no-region', vscode.l10n.t('{0}: {1}', fileName, e instanceof Error ? e.message : String(e)));
  }
  const credentialText = `${describeCredential(credential, vscode.env.language)} (AccessKey ${credential.accessKeyIdHint}${credential.temporary ? ', STS' : ''})`;

  if (!dryRun && options.confirm !== false) {
    const createButton = vscode.l10n.t('Create');
    const answer = await ctx.ui.confirm(
      vscode.l10n.t('Create container group "{0}" in {1}?', group, regionId),
      [
        vscode.l10n.t('File: {0}', fileName) + (document.isDirty ? ' ' + vscode.l10n.t('(with its unsaved changes)') : ''),
        vscode.l10n.t('Credentials: {0}', credentialText),
        vscode.l10n.t('Endpoint: {0}', endpointText) + (settings.endpoint?.fromWorkspace ? ' ' + vscode.l10n.t('(set by this workspace)') : ''),
        vscode.l10n.t('This creates billable resources in your Alibaba Cloud account.'),
      ].join('\n'),
      createButton,
    );
    if (answer !== createButton) return { kind: 'declined' };
  }

  ctx.serviceDiagnostics.clear(document.uri);
  const what = dryRun ? vscode.l10n.t('Dry run') : vscode.l10n.t('Create');
  ctx.output.log(`${what}: ${group} (${regionId}) ${fileName} → ${endpointText}; ${vscode.l10n.t('credentials')}: ${credentialText}`);

  const outcome = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: dryRun ? vscode.l10n.t('ECI dry run of "{0}" in {1}', group, regionId) : vscode.l10n.t('Creating ECI container group "{0}" in {1}', group, regionId),
      cancellable: true,
    },
    async (progress, token) => {
      const abort = new AbortController();
      const subs = [token, options.cancellation].filter((t): t is vscode.CancellationToken => t !== undefined).map((t) => t.onCancellationRequested(() => abort.abort()));
      if (options.cancellation?.isCancellationRequested) abort.abort();
      try {
        return await eci.callCreateContainerGroup({
          params: req.params,
          sdkMissing: req.sdkMissing,
          secrets: req.secrets,
          dryRun,
          regionId,
          ...(settings.endpoint ? { endpoint: settings.endpoint.host, protocol: settings.endpoint.protocol } : {}),
          credential,
          timeouts: { connectMs: settings.requestTimeoutSeconds * 1000, readMs: settings.requestTimeoutSeconds * 1000 },
          maxAttempts: settings.maxAttempts,
          signal: abort.signal,
          onAttempt: (attempt, reason) => {
            if (attempt === 1) return;
            const text = vscode.l10n.t('attempt {0} of {1} ({2})', attempt, settings.maxAttempts, reason ?? '');
            progress.report({ message: text });
            ctx.output.log(`  ${text}`);
          },
        });
      } finally {
        for (const sub of subs) sub.dispose();
      }
    },
  );
  ctx.output.addSecrets(secretValuesOf(credential));
  return report(ctx, outcome, { document, req, regionId, group, credential, timeoutSeconds: settings.requestTimeoutSeconds });
}

/** What a network failure means, in the display language (the layer's message adds the details). */
function networkHeadline(kind: NetworkErrorKind, timeoutSeconds: number): string {
  switch (kind) {
    case 'timeout':
      return vscode.l10n.t('ECI did not answer within {0} s (setting eci.requestTimeoutSeconds).', timeoutSeconds);
    case 'reset':
      return vscode.l10n.t('The connection to ECI was dropped.');
    case 'refused':
      return vscode.l10n.t('Nothing accepted the connection at the endpoint: check eci.endpoint and the network.');
    case 'bad-response':
      return vscode.l10n.t('The answer was not the service\'s JSON (for example an error page of a proxy or gateway).');
    case 'too-large':
      return vscode.l10n.t('The request is too large for the service: every parameter travels in the URL, so make ConfigFile contents smaller.');
    default:
      return vscode.l10n.t('The request failed on the way to ECI.');
  }
}

interface ReportContext {
  timeoutSeconds: number;
  document: vscode.TextDocument;
  req: WireRequestOk;
  regionId: string;
  group: string;
  credential: ResolvedCredential;
}

/** Tells the user the outcome (notifications not awaited), writes it to the output, keeps the history. */
async function report(ctx: CommandContext, outcome: EciCallOutcome, rc: ReportContext): Promise<CallResult> {
  const out = ctx.output;
  const scrub = (s: string) => out.scrub(s);
  const attemptsText = outcome.attempts > 1 ? ' ' + vscode.l10n.t('after {0} attempts', outcome.attempts) : '';
  switch (outcome.type) {
    case 'dry-run-passed': {
      out.log(`  ${vscode.l10n.t('Dry run passed')} (${outcome.code}) RequestId=${outcome.requestId}${attemptsText}`);
      void ctx.ui.showInformationMessage(
        scrub(vscode.l10n.t('Dry run passed: "{0}" in {1} can be created. RequestId: {2}', rc.group, rc.regionId, outcome.requestId)),
      );
      return { kind: 'dry-run-passed', requestId: outcome.requestId, code: outcome.code, attempts: outcome.attempts };
    }
    case 'created': {
      const entry: CreatedGroupEntry = {
        containerGroupId: outcome.containerGroupId,
        ...(rc.req.params.ContainerGroupName ? { containerGroupName: rc.req.params.ContainerGroupName } : {}),
        regionId: rc.regionId,
        requestId: outcome.requestId,
        createdAt: new Date().toISOString(),
        documentUri: rc.document.uri.toString(),
        credentialSource: rc.credential.description,
      };
      const history = addToHistory(readHistory(ctx.extension.globalState.get(HISTORY_STATE_KEY)), entry);
      await ctx.extension.globalState.update(HISTORY_STATE_KEY, history);
      out.log(`  ${vscode.l10n.t('Created')} ContainerGroupId=${outcome.containerGroupId} RequestId=${outcome.requestId} ClientToken=${outcome.clientToken}${attemptsText}`);
      writeHistory(ctx, history);
      const copyId = vscode.l10n.t('Copy ContainerGroupId');
      const copyRequest = vscode.l10n.t('Copy RequestId');
      void ctx.ui
        .showInformationMessage(
          scrub(vscode.l10n.t('Created container group "{0}" in {1}: {2} (RequestId {3})', rc.group, rc.regionId, outcome.containerGroupId, outcome.requestId)),
          copyId,
          copyRequest,
        )
        .then((picked) => {
          if (picked === copyId) void ctx.ui.writeClipboard(outcome.containerGroupId);
          if (picked === copyRequest) void ctx.ui.writeClipboard(outcome.requestId);
        });
      return { kind: 'created', containerGroupId: outcome.containerGroupId, requestId: outcome.requestId, clientToken: outcome.clientToken, attempts: outcome.attempts };
    }
    case 'service-error': {
      const explanation = localized(outcome.explanation) ?? '';
      const action = localized(outcome.explanation.action);
      const serviceText = [outcome.message, outcome.recommend ? `Recommend: ${outcome.recommend}` : ''].filter(Boolean).join(' ');
      const requestText = outcome.requestId ? `RequestId: ${outcome.requestId}` : '';
      const placed =
        outcome.parameterPaths.length > 0
          ? ctx.serviceDiagnostics.show(
              rc.document.uri,
              outcome.code,
              scrub([`${outcome.code}: ${explanation}`, action, serviceText, requestText].filter(Boolean).join(' ')),
              outcome.parameterPaths,
              rc.req.locations,
            )
          : 0;
      out.log(`  ${outcome.code} (HTTP ${outcome.httpStatus})${attemptsText}: ${explanation}`);
      if (action) out.log(`    ${action}`);
      out.log(`    ${vscode.l10n.t('Service message')}: ${serviceText}`);
      if (requestText) out.log(`    ${requestText}`);
      if (outcome.parameterPaths.length > 0) out.log(`    ${vscode.l10n.t('Parameters')}: ${outcome.parameterPaths.join(', ')}`);
      const buttons: [string, () => unknown][] = [[vscode.l10n.t('Show output'), () => out.show(false)]];
      if (placed > 0) buttons.unshift(showProblems());
      const message = [`${outcome.code}: ${explanation}`, action, serviceText, requestText].filter(Boolean).join(' ');
      void ctx.ui.showErrorMessage(scrub(message), ...buttons.map(([t]) => t)).then((picked) => buttons.find(([t]) => t === picked)?.[1]());
      return {
        kind: 'service-error',
        code: outcome.code,
        httpStatus: outcome.httpStatus,
        message: scrub(outcome.message),
        ...(outcome.recommend ? { recommend: scrub(outcome.recommend) } : {}),
        ...(outcome.requestId ? { requestId: outcome.requestId } : {}),
        parameterPaths: outcome.parameterPaths,
        diagnostics: placed,
        attempts: outcome.attempts,
      };
    }
    case 'network-error': {
      const headline = networkHeadline(outcome.kind, rc.timeoutSeconds);
      const details = describeNetworkError(outcome, vscode.env.language);
      const token = outcome.clientToken;
      const mayHaveBeenCreated = outcome.requestSent && token !== undefined;
      out.log(`  ${vscode.l10n.t('No answer from ECI')} (${outcome.kind})${attemptsText}: ${headline} ${details}`);
      const buttons: [string, () => unknown][] = [[vscode.l10n.t('Show output'), () => out.show(false)]];
      let text = `${vscode.l10n.t('No usable answer from ECI{0}: {1}', attemptsText, headline)} ${details}`;
      if (mayHaveBeenCreated) {
        // The lost answer may belong to a group that now exists: the same ClientToken makes a new create return it.
        const advice = vscode.l10n.t(
          'The request was sent, so the container group MAY have been created. ClientToken: {0}. Add the line "ClientToken: {0}" to {1} and run Create again: the service then returns the same group instead of creating a second one.',
          token,
          vscode.workspace.asRelativePath(rc.document.uri),
        );
        out.log(`    ${advice}`);
        text += ` ${advice}`;
        buttons.unshift([vscode.l10n.t('Copy ClientToken'), () => ctx.ui.writeClipboard(token)]);
      } else if (token !== undefined) {
        out.log(`    ${vscode.l10n.t('No attempt reached ECI: nothing was created (ClientToken {0}).', token)}`);
      }
      void ctx.ui.showErrorMessage(scrub(text), ...buttons.map(([t]) => t)).then((picked) => buttons.find(([t]) => t === picked)?.[1]());
      return {
        kind: 'network-error',
        reason: outcome.kind,
        message: scrub(details),
        attempts: outcome.attempts,
        requestSent: outcome.requestSent,
        mayHaveBeenCreated,
        ...(token !== undefined ? { clientToken: token } : {}),
      };
    }
    case 'cancelled': {
      const mayComplete = outcome.requestSent && outcome.clientToken !== undefined;
      out.log(`  ${vscode.l10n.t('Cancelled')}${mayComplete ? ` ClientToken=${outcome.clientToken}` : ''}`);
      void ctx.ui.showInformationMessage(
        mayComplete
          ? vscode.l10n.t('Cancelled. The request had already been sent, so the group may still be created: check the ECI console before creating again (ClientToken {0}).', outcome.clientToken!)
          : vscode.l10n.t('Cancelled before anything was created.'),
      );
      return { kind: 'cancelled', attempts: outcome.attempts, requestSent: outcome.requestSent, ...(outcome.clientToken ? { clientToken: outcome.clientToken } : {}) };
    }
  }
}

/** Shows the exact wire parameters (secrets masked) in a read-only document. */
export async function showRequest(ctx: CommandContext, arg?: unknown): Promise<ShowRequestOutcome> {
  const document = await documentFor(ctx, arg);
  if (isOutcome(document)) return document as ShowRequestOutcome;
  const req = await wireRequest(ctx, document);
  if (isOutcome(req)) return req as ShowRequestOutcome;
  ctx.output.addSecrets(req.secrets.map((k) => req.params[k]));
  const fileName = vscode.workspace.asRelativePath(document.uri);
  // Action and Version travel as the signed headers x-acs-action / x-acs-version, not in the query.
  const display = flattenForDisplay(req.params, req.secrets, { includeAction: false });
  const lines = display.map((p) => `${p.key}=${p.value}`);
  const header = [
    `# ${vscode.l10n.t('CreateContainerGroup request built from {0} (version {1}).', fileName, req.version)}`,
    `# POST /  x-acs-action: CreateContainerGroup  x-acs-version: ${ECI_API_VERSION}  (ACS3-HMAC-SHA256)`,
    `# ${vscode.l10n.t('Query string parameters, one per line (the body is empty). Secret values are masked as ********.')}`,
  ];
  const footer = [
    '',
    `# ${vscode.l10n.t('Dry run adds DryRun=true. Create adds a generated ClientToken when the document has none, the same for every retry.')}`,
    ...(req.sdkMissing.length > 0 ? [`# ${vscode.l10n.t('Absent from the SDK model, sent through RuntimeOptions.extendsParameters.queries: {0}', req.sdkMissing.join(', '))}`] : []),
  ];
  const text = ctx.output.scrub([...header, ...lines, ...footer].join('\n') + '\n');
  const base = document.uri.path.split('/').pop() ?? 'request';
  const uri = vscode.Uri.from({ scheme: REQUEST_SCHEME, path: `/${base}.request.txt`, query: document.uri.toString() });
  ctx.requestDocuments.set(uri.toString(), text);
  ctx.requestDocumentsChanged.fire(uri);
  let shown = await vscode.workspace.openTextDocument(uri);
  // `Key=Value` lines and `#` comments: the properties grammar colours them, when VS Code has it.
  if (shown.languageId !== 'properties' && (await vscode.languages.getLanguages()).includes('properties')) {
    shown = await vscode.languages.setTextDocumentLanguage(shown, 'properties');
  }
  await vscode.window.showTextDocument(shown, { preview: true, viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
  return { kind: 'request-shown', uri: uri.toString(), lines: lines.map((l) => ctx.output.scrub(l)) };
}
