// What every command after a create shares: where its calls go (--region, else the document's
// RegionId, else ALIBABA_CLOUD_REGION_ID; --endpoint; --profile), Ctrl-C/SIGTERM as cancellation,
// a failure outcome presented (exit 3 service, 4 network, 130/143 cancelled), --json output.
import {
  describeNetworkError,
  endpointFor,
  explainServiceError,
  parseEndpoint,
  redactSecrets,
  secretValuesOf,
  type EciTarget,
  type OperationFailure,
} from '../../calls/src/index';
import { complain, type CliContext } from './context';
import { credentialOrExit } from './credentialOrExit';
import { EXIT } from './exitCodes';
import { lifecycleWords } from './lifecycleWords';

export interface GroupCommandOptions {
  command: string;
  region?: string;
  profile?: string;
  endpoint?: string;
  allowInstanceMetadata: boolean;
  json: boolean;
}

export interface GroupTarget {
  target: EciTarget;
  endpointText: string;
  /** Masks the credential's secrets in anything printed (a second belt: the call layer masks already). */
  clean: (s: string) => string;
  /** Ends the signal handling; returns the signal that stopped the command, if any. */
  release(): 'SIGINT' | 'SIGTERM' | undefined;
}

/** The region (--region, the document's, ALIBABA_CLOUD_REGION_ID), endpoint and credential, or an exit code. */
export async function groupTarget(
  ctx: CliContext,
  o: GroupCommandOptions,
  documentRegion?: string,
): Promise<GroupTarget | number> {
  const words = lifecycleWords(ctx.locale);
  const override = o.endpoint === undefined ? undefined : parseEndpoint(o.endpoint);
  if (o.endpoint !== undefined && !override) {
    complain(
      ctx,
      ctx.msg.badEndpoint(
        o.endpoint,
        'expected host[:port] with an optional http:// or https:// scheme, e.g. eci-vpc.cn-hangzhou.aliyuncs.com or http://127.0.0.1:8080',
      ),
    );
    return EXIT.usage;
  }
  if (o.region !== undefined && documentRegion && o.region !== documentRegion) {
    complain(ctx, ctx.msg.regionMismatch(documentRegion, o.region));
    return EXIT.usage;
  }
  const regionId = o.region ?? documentRegion ?? ctx.env.ALIBABA_CLOUD_REGION_ID ?? '';
  if (!regionId) {
    complain(ctx, `${words.noRegion}\n${ctx.msg.seeHelp(o.command)}`);
    return EXIT.usage;
  }
  let endpoint;
  try {
    endpoint = endpointFor(regionId, override);
  } catch (err) {
    complain(ctx, (err as Error).message);
    return EXIT.usage;
  }
  const credential = await credentialOrExit(ctx, {
    profile: o.profile,
    allowInstanceMetadata: o.allowInstanceMetadata,
  });
  if (typeof credential === 'number') return credential;
  const controller = new AbortController();
  let stoppedBy: 'SIGINT' | 'SIGTERM' | undefined;
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    if (stoppedBy) process.exit(signal === 'SIGTERM' ? EXIT.terminated : EXIT.cancelled);
    stoppedBy = signal;
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const secrets = secretValuesOf(credential);
  return {
    target: { regionId, endpoint: endpoint.host, protocol: endpoint.protocol, credential, signal: controller.signal },
    endpointText: endpoint.text,
    clean: (s) => redactSecrets(s, secrets),
    release: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      return stoppedBy;
    },
  };
}

/** Writes the command's --json answer. */
export function emitJson(ctx: CliContext, command: string, value: unknown): void {
  ctx.stdout.write(
    JSON.stringify(Array.isArray(value) ? value : { command, ...(value as Record<string, unknown>) }, null, 2) + '\n',
  );
}

/** A failed call, said (text or --json), and its exit code. */
export function presentFailure(
  ctx: CliContext,
  gt: GroupTarget,
  o: GroupCommandOptions,
  outcome: OperationFailure,
): number {
  const stoppedBy = gt.release();
  if (outcome.type === 'cancelled') {
    if (o.json) emitJson(ctx, o.command, { outcome: 'cancelled', ...(stoppedBy ? { signal: stoppedBy } : {}) });
    else complain(ctx, ctx.msg.cancelledDryRun);
    return stoppedBy === 'SIGTERM' ? EXIT.terminated : EXIT.cancelled;
  }
  if (outcome.type === 'network-error') {
    const details = gt.clean(describeNetworkError(outcome, ctx.locale));
    if (o.json)
      emitJson(ctx, o.command, {
        outcome: outcome.type,
        kind: outcome.kind,
        message: details,
        attempts: outcome.attempts,
        endpoint: gt.endpointText,
        RegionId: gt.target.regionId,
      });
    else {
      complain(ctx, `${ctx.msg.networkError} (${outcome.kind}, ${ctx.msg.attempts(outcome.attempts)})`);
      ctx.stderr.write(`  ${details}\n`);
    }
    return EXIT.network;
  }
  const { explanation, action } = explainServiceError(outcome, ctx.locale);
  if (o.json) {
    emitJson(ctx, o.command, {
      outcome: outcome.type,
      Code: gt.clean(outcome.code),
      HttpStatus: outcome.httpStatus,
      Message: gt.clean(outcome.message),
      ...(outcome.requestId ? { RequestId: gt.clean(outcome.requestId) } : {}),
      explanation,
      ...(action ? { action } : {}),
      endpoint: gt.endpointText,
      RegionId: gt.target.regionId,
    });
    return EXIT.service;
  }
  complain(ctx, ctx.msg.serviceError);
  const lines = [`${ctx.err.red(gt.clean(outcome.code))} (HTTP ${outcome.httpStatus}): ${explanation}`];
  if (action) lines.push(`  ${action}`);
  if (outcome.message) lines.push(`  Message: ${gt.clean(outcome.message)}`);
  if (outcome.requestId) lines.push(`  ${ctx.msg.requestId}: ${gt.clean(outcome.requestId)}`);
  ctx.stderr.write(lines.join('\n') + '\n');
  return EXIT.service;
}
