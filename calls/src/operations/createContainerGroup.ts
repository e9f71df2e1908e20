// CreateContainerGroup (dry run or create) through the official SDK: the request model, the endpoint,
// timeouts, retries with one ClientToken, and every failure turned into an outcome value (never thrown).
// The shape of an operation: plan the call, build the SDK request, run attempts in withRetries (each a
// connection probe and one SDK request, its failure classified by failures.ts), complete the outcome.
import { stringify as qsStringify } from 'node:querystring';
import { ensureClientToken } from '../clientToken';
import { secretValuesOf } from '../credential';
import { describeNetworkError } from '../describe';
import { endpointFor, hostAndPort } from '../endpoint';
import { classifyFailure, configFileBytes, connectFailure, networkError, type FailureContext } from '../failures';
import { redactSecrets } from '../redaction';
import { DEFAULT_BACKOFF_BASE_MS, DEFAULT_MAX_ATTEMPTS, withRetries, type AttemptResult } from '../retry';
import { eciClient, loadSdk, probed, runtimeOptions, type AttemptProbe } from '../sdk';
import { toSdkRequest, type SdkModelClass } from '../sdkRequest';
import { Cancelled, probeConnect, raceAbort } from '../transport';
import type { CallCreateContainerGroupOptions, EciCallOutcome } from '../types';

export { DEFAULT_BACKOFF_BASE_MS, DEFAULT_MAX_ATTEMPTS } from '../retry';
export { isRetryableServiceError } from '../failures';

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** A create can take a while: the service answers after scheduling. */
export const DEFAULT_CREATE_READ_TIMEOUT_MS = 60_000;
export const DEFAULT_DRY_RUN_READ_TIMEOUT_MS = 30_000;
/** Above this URL size a dropped connection or a gateway page may be the front end refusing the size. */
const LARGE_URL_BYTES = 8 * 1024;

/** What one call is: where it goes, within which times, with which parameters (ClientToken and DryRun set). */
interface CallPlan extends FailureContext {
  endpoint: string;
  protocol: 'https' | 'http';
  connectMs: number;
  /** The ClientToken of a create (undefined for a dry run). */
  clientToken: string | undefined;
}

function planCall(opts: CallCreateContainerGroupOptions): CallPlan {
  const { host: endpoint, protocol } = endpointFor(opts.regionId, {
    host: opts.endpoint ?? '',
    protocol: opts.protocol,
  });
  const { host, port } = hostAndPort(endpoint, protocol);
  const params: Record<string, string> = { ...opts.params };
  if (!params.RegionId) params.RegionId = opts.regionId;
  if (opts.dryRun) params.DryRun = 'true';
  // One ClientToken per create, reused by every retry: a retry can never create a second group.
  const clientToken = opts.dryRun ? undefined : ensureClientToken(params);
  const secretValues = () => [...(opts.secrets ?? []).map((k) => params[k]), ...secretValuesOf(opts.credential)];
  return {
    endpoint,
    protocol,
    host,
    port,
    connectMs: opts.timeouts?.connectMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    readMs: opts.timeouts?.readMs ?? (opts.dryRun ? DEFAULT_DRY_RUN_READ_TIMEOUT_MS : DEFAULT_CREATE_READ_TIMEOUT_MS),
    params,
    clientToken,
    credentialDescription: opts.credential.description,
    totalUrlBytes: Buffer.byteLength(qsStringify(params)),
    redact: (s) => redactSecrets(s, secretValues()),
  };
}

/**
 * Dry-runs or creates a container group. Never throws for a service or network problem: every
 * result is an outcome. Throws only for a programming error of the caller (no credential, bad endpoint).
 */
export async function callCreateContainerGroup(opts: CallCreateContainerGroupOptions): Promise<EciCallOutcome> {
  const plan = planCall(opts);
  const send = sdkSender(opts, plan);
  let requestSent = false;
  const run = await withRetries(
    {
      maxAttempts: opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      backoffBaseMs: opts.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS,
      signal: opts.signal,
      onAttempt: opts.onAttempt,
    },
    async (attempt) => {
      const failure = await probeConnect(plan.host, plan.port, plan.connectMs, opts.signal);
      if (failure) return connectFailure(failure, attempt);
      const probe: AttemptProbe = { sent: false, urlBytes: 0 };
      try {
        return await send(probe, attempt);
      } finally {
        requestSent = requestSent || probe.sent;
      }
    },
  );
  if ('cancelled' in run)
    return {
      type: 'cancelled',
      attempts: run.attempts,
      requestSent,
      ...(plan.clientToken ? { clientToken: plan.clientToken } : {}),
    };
  const outcome = run.result;
  if (
    run.exhausted &&
    outcome.type === 'network-error' &&
    (outcome.kind === 'reset' || outcome.kind === 'bad-response') &&
    plan.totalUrlBytes > LARGE_URL_BYTES
  ) {
    const cf = configFileBytes(plan.params);
    outcome.largeUrl = { urlBytes: plan.totalUrlBytes, configFileBytes: cf.bytes, configFileKeys: cf.keys };
  }
  return complete(outcome, requestSent, plan.clientToken);
}

/** One SDK request per attempt, its answer or failure as an attempt result. */
function sdkSender(
  opts: CallCreateContainerGroupOptions,
  plan: CallPlan,
): (probe: AttemptProbe, attempt: number) => Promise<AttemptResult<EciCallOutcome>> {
  const sdk = loadSdk();
  const RequestClass = sdk.eci.CreateContainerGroupRequest as unknown as SdkModelClass &
    (new (map?: Record<string, unknown>) => InstanceType<typeof sdk.eci.CreateContainerGroupRequest>);
  const { request, extensionQueries } = toSdkRequest(RequestClass, plan.params, opts.sdkMissing, sdk.flatten);
  const runtime = runtimeOptions(sdk, { connectMs: plan.connectMs, readMs: plan.readMs, extensionQueries });
  const client = eciClient(sdk, {
    credential: opts.credential,
    endpoint: plan.endpoint,
    protocol: plan.protocol,
    regionId: opts.regionId,
    connectMs: plan.connectMs,
    readMs: plan.readMs,
  });
  return async (probe, attempt) => {
    try {
      const response = await raceAbort(
        probed(probe, () => client.createContainerGroupWithOptions(request, runtime)),
        opts.signal,
      );
      const body = response.body;
      if (body?.containerGroupId) {
        return {
          done: {
            type: 'created',
            containerGroupId: body.containerGroupId,
            requestId: body.requestId ?? '',
            attempts: attempt,
            clientToken: plan.clientToken ?? plan.params.ClientToken ?? '',
          },
        };
      }
      const requestId = body?.requestId ? { requestId: plan.redact(body.requestId) } : {};
      return {
        done: networkError(
          'bad-response',
          { reason: 'no-container-group-id', host: plan.host, status: response.statusCode, ...requestId },
          attempt,
        ),
      };
    } catch (e) {
      if (e instanceof Cancelled) throw e;
      return classifyFailure(e, probe, attempt, plan);
    }
  };
}

/** The last word on an outcome: whether a request left this machine, the ClientToken of a create, the English message in full. */
function complete(outcome: EciCallOutcome, requestSent: boolean, clientToken: string | undefined): EciCallOutcome {
  if (outcome.type === 'network-error') {
    outcome.requestSent = requestSent;
    outcome.message = describeNetworkError(outcome, 'en');
  }
  if ((outcome.type === 'network-error' || outcome.type === 'service-error') && clientToken)
    outcome.clientToken = clientToken;
  return outcome;
}
