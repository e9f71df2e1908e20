// How Dry run and Create tell their outcome: a notification (never awaited on the way to the result),
// the output channel, the service's answer placed on the parameters it concerns, the history of
// created groups. The words of the call layer (explanations, network details, "may have been
// created") in the display language; the editor's own words through vscode.l10n.
import * as vscode from 'vscode';
import { mayHaveBeenCreated } from '../../calls/src/clientToken';
import { describeNetworkError, explainServiceError } from '../../calls/src/describe';
import type { EciCallOutcome, NetworkErrorKind, ResolvedCredential } from '../../calls/src/types';
import {
  showErrorWithButtons,
  showProblems,
  type Button,
  type CallResult,
  type CommandContext,
} from './commandContext';
import { rememberCreatedGroup } from './history';
import type { WireRequestOk } from './preflight';
import { writeHistory } from './shared';

/** What presenting an outcome needs of the call. */
export interface ReportContext {
  timeoutSeconds: number;
  document: vscode.TextDocument;
  req: WireRequestOk;
  regionId: string;
  group: string;
  credential: ResolvedCredential;
}

type Of<T extends EciCallOutcome['type']> = Extract<EciCallOutcome, { type: T }>;

/** Tells the user the outcome (notifications not awaited), writes it to the output, keeps the history. */
export async function presentOutcome(
  ctx: CommandContext,
  outcome: EciCallOutcome,
  rc: ReportContext,
): Promise<CallResult> {
  switch (outcome.type) {
    case 'dry-run-passed':
      ctx.output.log(
        `  ${vscode.l10n.t('Dry run passed')} (${outcome.code}) RequestId=${outcome.requestId}${attemptsText(outcome)}`,
      );
      void ctx.ui.showInformationMessage(
        ctx.output.scrub(
          vscode.l10n.t(
            'Dry run passed: "{0}" in {1} can be created. RequestId: {2}',
            rc.group,
            rc.regionId,
            outcome.requestId,
          ),
        ),
      );
      return { kind: 'dry-run-passed', requestId: outcome.requestId, code: outcome.code, attempts: outcome.attempts };
    case 'created':
      return presentCreated(ctx, outcome, rc);
    case 'service-error':
      return presentServiceError(ctx, outcome, rc);
    case 'network-error':
      return presentNetworkError(ctx, outcome, rc);
    case 'cancelled':
      return presentCancelled(ctx, outcome);
  }
}

function attemptsText(outcome: { attempts: number }): string {
  return outcome.attempts > 1 ? ' ' + vscode.l10n.t('after {0} attempts', outcome.attempts) : '';
}

async function presentCreated(ctx: CommandContext, outcome: Of<'created'>, rc: ReportContext): Promise<CallResult> {
  const history = await rememberCreatedGroup(ctx.extension.globalState, {
    containerGroupId: outcome.containerGroupId,
    ...(rc.req.params.ContainerGroupName ? { containerGroupName: rc.req.params.ContainerGroupName } : {}),
    regionId: rc.regionId,
    requestId: outcome.requestId,
    createdAt: new Date().toISOString(),
    documentUri: rc.document.uri.toString(),
    credentialSource: rc.credential.description,
  });
  ctx.output.log(
    `  ${vscode.l10n.t('Created')} ContainerGroupId=${outcome.containerGroupId} RequestId=${outcome.requestId} ClientToken=${outcome.clientToken}${attemptsText(outcome)}`,
  );
  writeHistory(ctx, history);
  const copyId = vscode.l10n.t('Copy ContainerGroupId');
  const copyRequest = vscode.l10n.t('Copy RequestId');
  void ctx.ui
    .showInformationMessage(
      ctx.output.scrub(
        vscode.l10n.t(
          'Created container group "{0}" in {1}: {2} (RequestId {3})',
          rc.group,
          rc.regionId,
          outcome.containerGroupId,
          outcome.requestId,
        ),
      ),
      copyId,
      copyRequest,
    )
    .then((picked) => {
      if (picked === copyId) void ctx.ui.writeClipboard(outcome.containerGroupId);
      if (picked === copyRequest) void ctx.ui.writeClipboard(outcome.requestId);
    });
  return {
    kind: 'created',
    containerGroupId: outcome.containerGroupId,
    requestId: outcome.requestId,
    clientToken: outcome.clientToken,
    attempts: outcome.attempts,
  };
}

function presentServiceError(ctx: CommandContext, outcome: Of<'service-error'>, rc: ReportContext): CallResult {
  const out = ctx.output;
  const { explanation, action } = explainServiceError(outcome, vscode.env.language);
  const serviceText = [outcome.message, outcome.recommend ? `Recommend: ${outcome.recommend}` : '']
    .filter(Boolean)
    .join(' ');
  const requestText = outcome.requestId ? `RequestId: ${outcome.requestId}` : '';
  const message = [`${outcome.code}: ${explanation}`, action, serviceText, requestText].filter(Boolean).join(' ');
  const placed =
    outcome.parameterPaths.length > 0
      ? ctx.serviceDiagnostics.show(
          rc.document.uri,
          outcome.code,
          out.scrub(message),
          outcome.parameterPaths,
          rc.req.locations,
        )
      : 0;
  out.log(`  ${outcome.code} (HTTP ${outcome.httpStatus})${attemptsText(outcome)}: ${explanation}`);
  if (action) out.log(`    ${action}`);
  out.log(`    ${vscode.l10n.t('Service message')}: ${serviceText}`);
  if (requestText) out.log(`    ${requestText}`);
  if (outcome.parameterPaths.length > 0)
    out.log(`    ${vscode.l10n.t('Parameters')}: ${outcome.parameterPaths.join(', ')}`);
  const buttons: Button[] = [
    ...(placed > 0 ? [showProblems()] : []),
    [vscode.l10n.t('Show output'), () => out.show(false)],
  ];
  showErrorWithButtons(ctx, out.scrub(message), buttons);
  return {
    kind: 'service-error',
    code: outcome.code,
    httpStatus: outcome.httpStatus,
    message: out.scrub(outcome.message),
    ...(outcome.recommend ? { recommend: out.scrub(outcome.recommend) } : {}),
    ...(outcome.requestId ? { requestId: outcome.requestId } : {}),
    parameterPaths: outcome.parameterPaths,
    diagnostics: placed,
    attempts: outcome.attempts,
  };
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
      return vscode.l10n.t("The answer was not the service's JSON (for example an error page of a proxy or gateway).");
    case 'too-large':
      return vscode.l10n.t(
        'The request is too large for the service: every parameter travels in the URL, so make ConfigFile contents smaller.',
      );
    default:
      return vscode.l10n.t('The request failed on the way to ECI.');
  }
}

function presentNetworkError(ctx: CommandContext, outcome: Of<'network-error'>, rc: ReportContext): CallResult {
  const out = ctx.output;
  const headline = networkHeadline(outcome.kind, rc.timeoutSeconds);
  const details = describeNetworkError(outcome, vscode.env.language);
  const token = outcome.clientToken;
  const mayExist = mayHaveBeenCreated(outcome);
  out.log(`  ${vscode.l10n.t('No answer from ECI')} (${outcome.kind})${attemptsText(outcome)}: ${headline} ${details}`);
  const buttons: Button[] = [[vscode.l10n.t('Show output'), () => out.show(false)]];
  let text = `${vscode.l10n.t('No usable answer from ECI{0}: {1}', attemptsText(outcome), headline)} ${details}`;
  if (mayExist) {
    // The lost answer may belong to a group that now exists: the same ClientToken makes a new create return it.
    const advice = vscode.l10n.t(
      'The request was sent, so the container group MAY have been created. ClientToken: {0}. Add the line "ClientToken: {0}" to {1} and run Create again: the service then returns the same group instead of creating a second one.',
      outcome.clientToken,
      vscode.workspace.asRelativePath(rc.document.uri),
    );
    out.log(`    ${advice}`);
    text += ` ${advice}`;
    buttons.unshift([vscode.l10n.t('Copy ClientToken'), () => ctx.ui.writeClipboard(outcome.clientToken)]);
  } else if (token !== undefined) {
    out.log(`    ${vscode.l10n.t('No attempt reached ECI: nothing was created (ClientToken {0}).', token)}`);
  }
  showErrorWithButtons(ctx, out.scrub(text), buttons);
  return {
    kind: 'network-error',
    reason: outcome.kind,
    message: out.scrub(details),
    attempts: outcome.attempts,
    requestSent: outcome.requestSent,
    mayHaveBeenCreated: mayExist,
    ...(token !== undefined ? { clientToken: token } : {}),
  };
}

function presentCancelled(ctx: CommandContext, outcome: Of<'cancelled'>): CallResult {
  const mayComplete = mayHaveBeenCreated(outcome);
  ctx.output.log(`  ${vscode.l10n.t('Cancelled')}${mayComplete ? ` ClientToken=${outcome.clientToken}` : ''}`);
  void ctx.ui.showInformationMessage(
    mayComplete
      ? vscode.l10n.t(
          'Cancelled. The request had already been sent, so the group may still be created: check the ECI console before creating again (ClientToken {0}).',
          outcome.clientToken,
        )
      : vscode.l10n.t('Cancelled before anything was created.'),
  );
  return {
    kind: 'cancelled',
    attempts: outcome.attempts,
    requestSent: outcome.requestSent,
    ...(outcome.clientToken ? { clientToken: outcome.clientToken } : {}),
  };
}
