// `eci dry-run FILE` and `eci create FILE`: the editor's call layer (client/src/eci), headless.
// The document is turned into wire parameters by the language service; the credential chain,
// endpoint, retries with one ClientToken, timeouts and error explanations are the shared layer's.
import type { Range } from 'vscode-languageserver-types';
import {
  callCreateContainerGroup,
  resolveCredential,
  defaultEndpoint,
  isCredentialsNotFound,
  secretValuesOf,
  redactSecrets,
  describeCredential,
  describeNetworkError,
  type EciCallOutcome,
  type ResolvedCredential,
} from '../../client/src/eci/index';
import { parseEndpoint } from '../../client/src/eci/endpoint';
import { keysForParameterPath } from '../../client/src/results';
import { randomUUID } from 'node:crypto';
import { complain, noteForLostOutput, type CliContext } from './context';
import { buildDocument } from './request';
import { EXIT } from './exitCodes';
import { ProgressLine } from './terminal';
import { messageText, severityName } from './report';

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
}

export async function runCall(ctx: CliContext, file: string, options: CallOptions): Promise<number> {
  const command = options.dryRun ? 'dry-run' : 'create';
  const what = options.dryRun ? ctx.msg.dryRunWord : ctx.msg.createWord;
  const emitJson = (value: Record<string, unknown>) => ctx.stdout.write(JSON.stringify({ command, ...value }, null, 2) + '\n');

  // Usage problems first: nothing is read or resolved when the command line is wrong.
  let endpointOverride: { host: string; protocol: 'https' | 'http' } | undefined;
  if (options.endpoint !== undefined) {
    endpointOverride = parseEndpoint(options.endpoint);
    if (!endpointOverride) {
      complain(ctx, ctx.msg.badEndpoint(options.endpoint, 'expected host[:port] with an optional http:// or https:// scheme, e.g. eci-vpc.cn-hangzhou.aliyuncs.com or http://127.0.0.1:8080'));
      return EXIT.usage;
    }
  }

  const doc = buildDocument(ctx, file, options.dryRun && options.force === true);
  if (!doc.ok) {
    if (options.json && doc.errors) emitJson({ outcome: 'invalid', file: doc.displayPath, diagnostics: doc.errors.map((d) => jsonDiagnostic(d)) });
    return doc.exit;
  }
  const { built } = doc;

  // --client-token fills in a ClientToken; it never replaces the one the document writes.
  const documentToken = built.params.ClientToken;
  if (options.clientToken !== undefined && !options.dryRun) {
    if (documentToken !== undefined && documentToken !== options.clientToken) {
      complain(ctx, ctx.msg.clientTokenConflict(options.clientToken, documentToken, doc.displayPath));
      return EXIT.usage;
    }
    built.params.ClientToken = options.clientToken;
  }
  const regionId = built.params.RegionId ?? '';
  if (options.region !== undefined && options.region !== regionId) {
    complain(ctx, ctx.msg.regionMismatch(regionId, options.region));
    return EXIT.usage;
  }
  let host: string;
  let protocol: 'https' | 'http';
  if (endpointOverride) ({ host, protocol } = endpointOverride);
  else {
    try {
      host = defaultEndpoint(regionId);
    } catch (err) {
      complain(ctx, `${doc.displayPath}: ${(err as Error).message}`);
      return EXIT.usage;
    }
    protocol = 'https';
  }
  const endpointText = `${protocol}://${host}`;
  const endpointJson = { endpoint: endpointText, RegionId: regionId };

  let credential: ResolvedCredential;
  try {
    credential = await resolveCredential({ profile: options.profile, allowInstanceMetadata: options.allowInstanceMetadata, env: ctx.env });
  } catch (err) {
    if (!isCredentialsNotFound(err)) throw err;
    complain(ctx, err.message);
    if (options.json) emitJson({ outcome: 'no-credentials', message: err.message, attempts: err.attempts, ...endpointJson, ...(options.profile !== undefined ? { profile: options.profile } : {}) });
    return EXIT.usage;
  }
  const credentialJson = { source: credential.source, description: credential.description, accessKeyIdHint: credential.accessKeyIdHint, ...(credential.profile ? { profile: credential.profile } : {}) };
  if (!options.json) {
    ctx.stderr.write(ctx.err.dim(`${ctx.msg.credentialSource(`${describeCredential(credential, ctx.locale)} (${credential.accessKeyIdHint})`)}\n${ctx.msg.endpointUsed(endpointText)}\n`));
  }

  // Ctrl-C (SIGINT) and SIGTERM (a CI job cancelled, `timeout`, `kill`) both cancel the call and
  // report what is known (the ClientToken, whether a create may have happened); a second one exits at once.
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
  // A create's ClientToken is known, and shown, before anything is sent: whatever happens to this
  // process afterwards (a signal, a lost terminal, stdout lost), the user can send it again safely.
  if (!options.dryRun) {
    const generated = !built.params.ClientToken;
    if (generated) built.params.ClientToken = randomUUID();
    ctx.stderr.write(`${ctx.msg.clientTokenBeforeSend(built.params.ClientToken, generated, doc.displayPath)}\n`);
  }
  const progress = new ProgressLine(
    ctx.stderr,
    (seconds, attempt) => ctx.err.dim(ctx.msg.progress(what, host, seconds, attempt)),
    () => ctx.msg.progressStarted(what, host),
  );
  let outcome: EciCallOutcome;
  try {
    outcome = await callCreateContainerGroup({
      params: built.params,
      sdkMissing: built.sdkMissing,
      secrets: built.secrets,
      dryRun: options.dryRun,
      regionId,
      endpoint: host,
      protocol,
      credential,
      signal: controller.signal,
      ...(options.timeoutSeconds !== undefined ? { timeouts: { connectMs: options.timeoutSeconds * 1000, readMs: options.timeoutSeconds * 1000 } } : {}),
      ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
      onAttempt: (attempt) => progress.setAttempt(attempt),
    });
  } finally {
    progress.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  // The call layer masks secrets; this is a second belt for anything the CLI itself prints.
  const secretValues = [...built.secrets.map((k) => built.params[k]), ...secretValuesOf(credential)];
  const clean = (s: string | undefined) => (s === undefined ? undefined : redactSecrets(s, secretValues));

  // What every outcome of a call carries in --json: where it went, with which credential, and for a
  // create the ClientToken that makes sending it again safe.
  const common = { ...endpointJson, credential: credentialJson };
  const tokenOf = (o: { clientToken?: string }) => (!options.dryRun && (o.clientToken ?? built.params.ClientToken) ? { ClientToken: o.clientToken ?? built.params.ClientToken } : {});
  /** What to do after a create whose answer was lost or cancelled after sending. */
  const retryAdvice = (token: string) =>
    documentToken !== undefined ? ctx.msg.retryWithTokenFromDocument(token, doc.displayPath) : ctx.msg.retryWithToken(token, doc.displayPath);

  switch (outcome.type) {
    case 'dry-run-passed':
      if (options.json) emitJson({ outcome: outcome.type, RequestId: outcome.requestId, Code: outcome.code, attempts: outcome.attempts, ...common });
      else ctx.stdout.write(`${ctx.out.green(ctx.msg.dryRunPassed)}\n${ctx.msg.requestId}: ${outcome.requestId}\n`);
      return EXIT.ok;
    case 'created':
      // Should stdout be lost (a full disk, a closed pipe), these still reach the user on stderr.
      noteForLostOutput(
        ctx,
        `${ctx.msg.created}\n${ctx.msg.containerGroupId}: ${outcome.containerGroupId}\n${ctx.msg.requestId}: ${outcome.requestId}\n${ctx.msg.clientToken}: ${outcome.clientToken}`,
      );
      if (options.json)
        emitJson({ outcome: outcome.type, ContainerGroupId: outcome.containerGroupId, RequestId: outcome.requestId, ClientToken: outcome.clientToken, attempts: outcome.attempts, requestSent: true, ...common });
      else
        ctx.stdout.write(
          `${ctx.out.green(ctx.msg.created)}\n${ctx.msg.containerGroupId}: ${outcome.containerGroupId}\n${ctx.msg.requestId}: ${outcome.requestId}\n${ctx.msg.clientToken}: ${outcome.clientToken}\n`,
        );
      return EXIT.ok;
    case 'service-error': {
      const explanation = outcome.explanation[ctx.locale];
      const action = outcome.explanation.action?.[ctx.locale];
      const located = locateParameters(outcome.parameterPaths, built.locations);
      if (options.json)
        emitJson({
          outcome: outcome.type,
          Code: clean(outcome.code),
          HttpStatus: outcome.httpStatus,
          Message: clean(outcome.message),
          ...(outcome.recommend ? { Recommend: clean(outcome.recommend) } : {}),
          ...(outcome.requestId ? { RequestId: clean(outcome.requestId) } : {}),
          explanation,
          ...(action ? { action } : {}),
          parameterPaths: outcome.parameterPaths,
          parameters: located.map(({ key, range }) => ({ key, file: doc.displayPath, line: range.start.line + 1, column: range.start.character + 1 })),
          attempts: outcome.attempts,
          requestSent: true,
          ...tokenOf(outcome),
          ...common,
        });
      else {
        complain(ctx, ctx.msg.serviceError);
        const lines = [`${ctx.err.red(clean(outcome.code)!)} (HTTP ${outcome.httpStatus}): ${explanation}`];
        if (action) lines.push(`  ${action}`);
        if (outcome.message) lines.push(`  Message: ${clean(outcome.message)}`);
        if (outcome.recommend) lines.push(`  ${ctx.msg.recommend}: ${clean(outcome.recommend)}`);
        if (outcome.requestId) lines.push(`  ${ctx.msg.requestId}: ${clean(outcome.requestId)}`);
        ctx.stderr.write(lines.join('\n') + '\n');
        for (const { key, range } of located)
          ctx.stderr.write(`${ctx.err.bold(`${doc.displayPath}:${range.start.line + 1}:${range.start.character + 1}`)}: ${ctx.err.red('error')} ${ctx.err.dim(outcome.code)}: ${key}: ${explanation}\n`);
      }
      return EXIT.service;
    }
    case 'network-error': {
      const token = options.dryRun ? undefined : (outcome.clientToken ?? built.params.ClientToken);
      const mayExist = !options.dryRun && outcome.requestSent && token !== undefined;
      if (options.json)
        emitJson({
          outcome: outcome.type,
          kind: outcome.kind,
          message: clean(describeNetworkError(outcome, ctx.locale)),
          detail: outcome.detail,
          attempts: outcome.attempts,
          requestSent: outcome.requestSent,
          ...(options.dryRun ? {} : { mayHaveBeenCreated: mayExist }),
          ...(token !== undefined ? { ClientToken: token } : {}),
          ...(mayExist ? { advice: retryAdvice(token) } : {}),
          ...common,
        });
      else {
        complain(ctx, `${ctx.msg.networkError} (${outcome.kind}, ${ctx.msg.attempts(outcome.attempts)})`);
        ctx.stderr.write(`  ${clean(describeNetworkError(outcome, ctx.locale))}\n`);
        if (mayExist) {
          ctx.stderr.write(`${ctx.err.bold(ctx.msg.mayHaveBeenCreated)}\n  ${ctx.msg.clientToken}: ${token}\n  ${retryAdvice(token)}\n`);
        } else if (!options.dryRun) {
          ctx.stderr.write(`  ${ctx.msg.notSentNothingCreated}\n`);
          if (token !== undefined) ctx.stderr.write(`  ${ctx.msg.clientToken}: ${token}\n`);
        }
      }
      return EXIT.network;
    }
    case 'cancelled': {
      const token = options.dryRun ? undefined : outcome.clientToken;
      const mayExist = !options.dryRun && outcome.requestSent && token !== undefined;
      if (options.json)
        emitJson({
          outcome: outcome.type,
          ...(stoppedBy ? { signal: stoppedBy } : {}),
          attempts: outcome.attempts,
          requestSent: outcome.requestSent,
          ...(options.dryRun ? {} : { mayHaveBeenCreated: mayExist }),
          ...(token !== undefined ? { ClientToken: token } : {}),
          ...common,
        });
      else {
        complain(ctx, `${stoppedBy === 'SIGTERM' ? `${ctx.msg.terminated} ` : ''}${options.dryRun ? ctx.msg.cancelledDryRun : ctx.msg.cancelled}`);
        if (mayExist) ctx.stderr.write(`  ${ctx.msg.clientToken}: ${token}\n  ${ctx.msg.cancelledWithToken(token, doc.displayPath)}\n`);
        else if (token !== undefined) ctx.stderr.write(`  ${ctx.msg.notSentNothingCreated}\n  ${ctx.msg.clientToken}: ${token}\n`);
      }
      return stoppedBy === 'SIGTERM' ? EXIT.terminated : EXIT.cancelled;
    }
  }
}

function locateParameters(paths: string[], locations: Record<string, Range>): { key: string; range: Range }[] {
  const keys = Object.keys(locations);
  const found = new Set<string>();
  for (const p of paths) for (const k of keysForParameterPath(p, keys)) found.add(k);
  return [...found].map((key) => ({ key, range: locations[key] }));
}

function jsonDiagnostic(d: import('vscode-languageserver-types').Diagnostic) {
  return { line: d.range.start.line + 1, column: d.range.start.character + 1, severity: severityName(d), rule: String(d.code ?? 'eci'), message: messageText(d) };
}
