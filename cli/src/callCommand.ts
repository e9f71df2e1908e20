// `eci dry-run FILE` and `eci create FILE`: the call layer (calls/src), headless. The document is
// turned into wire parameters by the language service; the credential chain, the endpoint, the
// ClientToken rule, retries, timeouts, error explanations and the wording of outcomes are the call
// layer's. This file checks the command line, sends with progress and signals, and prints the outcome.
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import {
  callCreateContainerGroup,
  chooseClientToken,
  describeCredentialInUse,
  describeNetworkError,
  endpointFor,
  explainServiceError,
  keysForParameterPaths,
  mayHaveBeenCreated,
  parseEndpoint,
  redactSecrets,
  secretValuesOf,
  type CallEndpoint,
  type ClientTokenChoice,
  type EciCallOutcome,
  type ResolvedCredential,
} from '../../calls/src/index';
import { complain, noteForLostOutput, type CliContext } from './context';
import { credentialOrExit } from './credentialOrExit';
import { EXIT } from './exitCodes';
import { messageText, severityName } from './report';
import { buildDocument } from './requestCommand';
import { ProgressLine } from './terminal';

export interface CallOptions {
  dryRun: boolean;
  region?: string;
  profile?: string;
  endpoint?: string;
  allowInstanceMetadata: boolean;
  json: boolean;
  /** Seconds to wait for each attempt (connect and read); default: the call layer's. */
  timeoutSeconds?: number;
  /** Total attempts including the first; default: the call layer's. */
  maxAttempts?: number;
  /** `eci create --client-token`: the ClientToken to send when the document has none. */
  clientToken?: string;
  /** `eci dry-run --force`: dry run despite cross-field rule errors (never for create). */
  force?: boolean;
  /** `eci create --wait [--wait-timeout SECONDS]`: follow the created group (followCommand.ts). */
  wait?: { timeoutSeconds?: number };
}

type Built = Extract<ReturnType<typeof buildDocument>, { ok: true }>;

/** A call ready to send: the document, where it goes, with which credential and ClientToken. */
interface PreparedCall {
  options: CallOptions;
  displayPath: string;
  built: Built['built'];
  regionId: string;
  endpoint: CallEndpoint;
  credential: ResolvedCredential;
  /** The ClientToken of a create (the document's, --client-token's, or generated); none for a dry run. */
  token?: Extract<ClientTokenChoice, { ok: true }>;
  /** Writes the command's --json answer. */
  emitJson: (value: Record<string, unknown>) => void;
}

export async function runCall(ctx: CliContext, file: string, options: CallOptions): Promise<number> {
  const call = await prepareCall(ctx, file, options);
  if (typeof call === 'number') return call;
  if (!options.json) {
    ctx.stderr.write(
      ctx.err.dim(
        `${ctx.msg.credentialSource(describeCredentialInUse(call.credential, ctx.locale))}\n${ctx.msg.endpointUsed(call.endpoint.text)}\n`,
      ),
    );
  }
  const { outcome, stoppedBy } = await send(ctx, call);
  const code = present(ctx, call, outcome, stoppedBy);
  if (code !== EXIT.ok || outcome.type !== 'created' || !options.wait) return code;
  return waitForCreated(ctx, call, outcome);
}

/** `create --wait`: follow the created group; a failure is placed on the document's line. */
async function waitForCreated(
  ctx: CliContext,
  call: PreparedCall,
  created: Extract<EciCallOutcome, { type: 'created' }>,
): Promise<number> {
  const { groupTarget } = await import('./groupTarget.js');
  const { followAndReport } = await import('./followCommand.js');
  const o = {
    command: 'create',
    region: call.regionId,
    profile: call.options.profile,
    endpoint: call.options.endpoint,
    allowInstanceMetadata: call.options.allowInstanceMetadata,
    json: call.options.json,
  };
  const gt = await groupTarget(ctx, o, call.regionId);
  if (typeof gt === 'number') return gt;
  return followAndReport(ctx, gt, o, created.containerGroupId, {
    ...(call.options.wait?.timeoutSeconds !== undefined
      ? { waitTimeoutSeconds: call.options.wait.timeoutSeconds }
      : {}),
    file: { displayPath: call.displayPath, locations: call.built.locations },
    jsonExtra: { RequestId: created.requestId, ClientToken: created.clientToken },
  });
}

/** Checks the command line and the document, resolves the credential: a call ready to send, or the exit code. */
async function prepareCall(ctx: CliContext, file: string, options: CallOptions): Promise<PreparedCall | number> {
  const command = options.dryRun ? 'dry-run' : 'create';
  const emitJson = (value: Record<string, unknown>) =>
    ctx.stdout.write(JSON.stringify({ command, ...value }, null, 2) + '\n');
  // Usage problems first: nothing is read or resolved when the command line is wrong.
  const override = options.endpoint === undefined ? undefined : parseEndpoint(options.endpoint);
  if (options.endpoint !== undefined && !override) {
    complain(
      ctx,
      ctx.msg.badEndpoint(
        options.endpoint,
        'expected host[:port] with an optional http:// or https:// scheme, e.g. eci-vpc.cn-hangzhou.aliyuncs.com or http://127.0.0.1:8080',
      ),
    );
    return EXIT.usage;
  }
  const doc = buildDocument(ctx, file, options.dryRun && options.force === true);
  if (!doc.ok) {
    if (options.json && doc.errors)
      emitJson({ outcome: 'invalid', file: doc.displayPath, diagnostics: doc.errors.map((d) => jsonDiagnostic(d)) });
    return doc.exit;
  }
  const { built, displayPath } = doc;
  // --client-token fills in a ClientToken; it never replaces the one the document writes.
  const token = options.dryRun ? undefined : chooseClientToken(built.params, options.clientToken);
  if (token && !token.ok) {
    complain(ctx, ctx.msg.clientTokenConflict(token.requested, token.documentToken, displayPath));
    return EXIT.usage;
  }
  const regionId = built.params.RegionId ?? '';
  if (options.region !== undefined && options.region !== regionId) {
    complain(ctx, ctx.msg.regionMismatch(regionId, options.region));
    return EXIT.usage;
  }
  let endpoint: CallEndpoint;
  try {
    endpoint = endpointFor(regionId, override);
  } catch (err) {
    complain(ctx, `${displayPath}: ${(err as Error).message}`);
    return EXIT.usage;
  }
  const credential = await credentialFor(
    ctx,
    options,
    () => ({ endpoint: endpoint.text, RegionId: regionId }),
    emitJson,
  );
  if (typeof credential === 'number') return credential;
  return { options, displayPath, built, regionId, endpoint, credential, ...(token ? { token } : {}), emitJson };
}

/** The credential of the call (`--profile`, else the default chain), or the exit code after saying what is missing. */
async function credentialFor(
  ctx: CliContext,
  options: CallOptions,
  where: () => Record<string, string>,
  emitJson: PreparedCall['emitJson'],
): Promise<ResolvedCredential | number> {
  return credentialOrExit(
    ctx,
    { profile: options.profile, allowInstanceMetadata: options.allowInstanceMetadata },
    (err) => {
      if (options.json)
        emitJson({
          outcome: 'no-credentials',
          message: err.message,
          attempts: err.attempts,
          ...where(),
          ...(options.profile !== undefined ? { profile: options.profile } : {}),
        });
    },
  );
}

/**
 * Sends the call with a progress line. Ctrl-C (SIGINT) and SIGTERM (a CI job cancelled, `timeout`,
 * `kill`) both cancel it and report what is known (the ClientToken, whether a create may have
 * happened); a second one exits at once.
 */
async function send(
  ctx: CliContext,
  call: PreparedCall,
): Promise<{ outcome: EciCallOutcome; stoppedBy?: 'SIGINT' | 'SIGTERM' }> {
  const { options, built, endpoint } = call;
  const controller = new AbortController();
  let interrupts = 0;
  let stoppedBy: 'SIGINT' | 'SIGTERM' | undefined;
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    interrupts++;
    stoppedBy ??= signal;
    if (interrupts > 1) process.exit(signal === 'SIGTERM' ? EXIT.terminated : EXIT.cancelled);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // A create's ClientToken is shown before anything is sent: whatever happens to this process
  // afterwards (a signal, a lost terminal, stdout lost), the user can send it again safely.
  if (call.token)
    ctx.stderr.write(
      `${ctx.msg.clientTokenBeforeSend(call.token.token, call.token.source === 'generated', call.displayPath)}\n`,
    );
  const what = options.dryRun ? ctx.msg.dryRunWord : ctx.msg.createWord;
  const progress = new ProgressLine(
    ctx.stderr,
    (seconds, attempt) => ctx.err.dim(ctx.msg.progress(what, endpoint.host, seconds, attempt)),
    () => ctx.msg.progressStarted(what, endpoint.host),
  );
  try {
    const outcome = await callCreateContainerGroup({
      params: built.params,
      sdkMissing: built.sdkMissing,
      secrets: built.secrets,
      dryRun: options.dryRun,
      regionId: call.regionId,
      endpoint: endpoint.host,
      protocol: endpoint.protocol,
      credential: call.credential,
      signal: controller.signal,
      ...(options.timeoutSeconds !== undefined
        ? { timeouts: { connectMs: options.timeoutSeconds * 1000, readMs: options.timeoutSeconds * 1000 } }
        : {}),
      ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
      onAttempt: (attempt) => progress.setAttempt(attempt),
    });
    return { outcome, ...(stoppedBy ? { stoppedBy } : {}) };
  } finally {
    progress.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Prints the outcome (text or --json) and returns the exit code. */
function present(
  ctx: CliContext,
  call: PreparedCall,
  outcome: EciCallOutcome,
  stoppedBy: 'SIGINT' | 'SIGTERM' | undefined,
): number {
  switch (outcome.type) {
    case 'dry-run-passed':
      if (call.options.json)
        call.emitJson({
          outcome: outcome.type,
          RequestId: outcome.requestId,
          Code: outcome.code,
          attempts: outcome.attempts,
          ...commonJson(call),
        });
      else ctx.stdout.write(`${ctx.out.green(ctx.msg.dryRunPassed)}\n${ctx.msg.requestId}: ${outcome.requestId}\n`);
      return EXIT.ok;
    case 'created':
      return presentCreated(ctx, call, outcome);
    case 'service-error':
      return presentServiceError(ctx, call, outcome);
    case 'network-error':
      return presentNetworkError(ctx, call, outcome);
    case 'cancelled':
      return presentCancelled(ctx, call, outcome, stoppedBy);
  }
}

/** What every outcome of a call carries in --json: where it went, with which credential. */
function commonJson(call: PreparedCall): Record<string, unknown> {
  const c = call.credential;
  return {
    endpoint: call.endpoint.text,
    RegionId: call.regionId,
    credential: {
      source: c.source,
      description: c.description,
      accessKeyIdHint: c.accessKeyIdHint,
      ...(c.profile ? { profile: c.profile } : {}),
    },
  };
}

/** The call layer masks secrets; this is a second belt for anything the CLI itself prints. */
function cleaner(call: PreparedCall): (s: string) => string {
  const secretValues = [...call.built.secrets.map((k) => call.built.params[k]), ...secretValuesOf(call.credential)];
  return (s) => redactSecrets(s, secretValues);
}

/** What to do after a create whose answer was lost: send it again with the same ClientToken. */
function retryAdvice(ctx: CliContext, call: PreparedCall, token: string): string {
  return call.token?.source === 'document'
    ? ctx.msg.retryWithTokenFromDocument(token, call.displayPath)
    : ctx.msg.retryWithToken(token, call.displayPath);
}

function presentCreated(
  ctx: CliContext,
  call: PreparedCall,
  outcome: Extract<EciCallOutcome, { type: 'created' }>,
): number {
  const text = `${ctx.msg.created}\n${ctx.msg.containerGroupId}: ${outcome.containerGroupId}\n${ctx.msg.requestId}: ${outcome.requestId}\n${ctx.msg.clientToken}: ${outcome.clientToken}`;
  // Should stdout be lost (a full disk, a closed pipe), these still reach the user on stderr.
  noteForLostOutput(ctx, text);
  if (call.options.json && call.options.wait) {
    // One JSON answer: the follow's, which carries the create's ids.
  } else if (call.options.json) {
    call.emitJson({
      outcome: outcome.type,
      ContainerGroupId: outcome.containerGroupId,
      RequestId: outcome.requestId,
      ClientToken: outcome.clientToken,
      attempts: outcome.attempts,
      requestSent: true,
      ...commonJson(call),
    });
  } else {
    ctx.stdout.write(`${ctx.out.green(ctx.msg.created)}${text.slice(ctx.msg.created.length)}\n`);
  }
  return EXIT.ok;
}

function presentServiceError(
  ctx: CliContext,
  call: PreparedCall,
  outcome: Extract<EciCallOutcome, { type: 'service-error' }>,
): number {
  const clean = cleaner(call);
  const { explanation, action } = explainServiceError(outcome, ctx.locale);
  const located = locateParameters(outcome.parameterPaths, call.built.locations);
  if (call.options.json) {
    call.emitJson({
      outcome: outcome.type,
      Code: clean(outcome.code),
      HttpStatus: outcome.httpStatus,
      Message: clean(outcome.message),
      ...(outcome.recommend ? { Recommend: clean(outcome.recommend) } : {}),
      ...(outcome.requestId ? { RequestId: clean(outcome.requestId) } : {}),
      explanation,
      ...(action ? { action } : {}),
      parameterPaths: outcome.parameterPaths,
      parameters: located.map(({ key, range }) => ({
        key,
        file: call.displayPath,
        line: range.start.line + 1,
        column: range.start.character + 1,
      })),
      attempts: outcome.attempts,
      requestSent: true,
      ...(outcome.clientToken ? { ClientToken: outcome.clientToken } : {}),
      ...commonJson(call),
    });
    return EXIT.service;
  }
  complain(ctx, ctx.msg.serviceError);
  const lines = [`${ctx.err.red(clean(outcome.code))} (HTTP ${outcome.httpStatus}): ${explanation}`];
  if (action) lines.push(`  ${action}`);
  if (outcome.message) lines.push(`  Message: ${clean(outcome.message)}`);
  if (outcome.recommend) lines.push(`  ${ctx.msg.recommend}: ${clean(outcome.recommend)}`);
  if (outcome.requestId) lines.push(`  ${ctx.msg.requestId}: ${clean(outcome.requestId)}`);
  ctx.stderr.write(lines.join('\n') + '\n');
  for (const { key, range } of located) {
    ctx.stderr.write(
      `${ctx.err.bold(`${call.displayPath}:${range.start.line + 1}:${range.start.character + 1}`)}: ${ctx.err.red('error')} ${ctx.err.dim(outcome.code)}: ${key}: ${explanation}\n`,
    );
  }
  return EXIT.service;
}

function presentNetworkError(
  ctx: CliContext,
  call: PreparedCall,
  outcome: Extract<EciCallOutcome, { type: 'network-error' }>,
): number {
  const { dryRun, json } = call.options;
  const token = outcome.clientToken;
  const mayExist = mayHaveBeenCreated(outcome);
  const details = cleaner(call)(describeNetworkError(outcome, ctx.locale));
  if (json) {
    call.emitJson({
      outcome: outcome.type,
      kind: outcome.kind,
      message: details,
      detail: outcome.detail,
      attempts: outcome.attempts,
      requestSent: outcome.requestSent,
      ...(dryRun ? {} : { mayHaveBeenCreated: mayExist }),
      ...(token !== undefined ? { ClientToken: token } : {}),
      ...(mayExist ? { advice: retryAdvice(ctx, call, outcome.clientToken) } : {}),
      ...commonJson(call),
    });
    return EXIT.network;
  }
  complain(ctx, `${ctx.msg.networkError} (${outcome.kind}, ${ctx.msg.attempts(outcome.attempts)})`);
  ctx.stderr.write(`  ${details}\n`);
  if (mayExist) {
    ctx.stderr.write(
      `${ctx.err.bold(ctx.msg.mayHaveBeenCreated)}\n  ${ctx.msg.clientToken}: ${outcome.clientToken}\n  ${retryAdvice(ctx, call, outcome.clientToken)}\n`,
    );
  } else if (!dryRun) {
    ctx.stderr.write(`  ${ctx.msg.notSentNothingCreated}\n`);
    if (token !== undefined) ctx.stderr.write(`  ${ctx.msg.clientToken}: ${token}\n`);
  }
  return EXIT.network;
}

function presentCancelled(
  ctx: CliContext,
  call: PreparedCall,
  outcome: Extract<EciCallOutcome, { type: 'cancelled' }>,
  stoppedBy: 'SIGINT' | 'SIGTERM' | undefined,
): number {
  const { dryRun, json } = call.options;
  const token = outcome.clientToken;
  const mayExist = mayHaveBeenCreated(outcome);
  if (json) {
    call.emitJson({
      outcome: outcome.type,
      ...(stoppedBy ? { signal: stoppedBy } : {}),
      attempts: outcome.attempts,
      requestSent: outcome.requestSent,
      ...(dryRun ? {} : { mayHaveBeenCreated: mayExist }),
      ...(token !== undefined ? { ClientToken: token } : {}),
      ...commonJson(call),
    });
  } else {
    complain(
      ctx,
      `${stoppedBy === 'SIGTERM' ? `${ctx.msg.terminated} ` : ''}${dryRun ? ctx.msg.cancelledDryRun : ctx.msg.cancelled}`,
    );
    if (mayExist)
      ctx.stderr.write(
        `  ${ctx.msg.clientToken}: ${outcome.clientToken}\n  ${ctx.msg.cancelledWithToken(outcome.clientToken, call.displayPath)}\n`,
      );
    else if (token !== undefined)
      ctx.stderr.write(`  ${ctx.msg.notSentNothingCreated}\n  ${ctx.msg.clientToken}: ${token}\n`);
  }
  return stoppedBy === 'SIGTERM' ? EXIT.terminated : EXIT.cancelled;
}

function locateParameters(paths: string[], locations: Record<string, Range>): { key: string; range: Range }[] {
  return keysForParameterPaths(paths, Object.keys(locations)).map((key) => ({ key, range: locations[key] }));
}

function jsonDiagnostic(d: Diagnostic) {
  return {
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    severity: severityName(d),
    rule: String(d.code ?? 'eci'),
    message: messageText(d),
  };
}
