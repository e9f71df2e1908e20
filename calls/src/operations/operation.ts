// One ECI operation other than create, sent the way create is: the endpoint rules, the SDK's request
// model built from wire parameters, attempts in withRetries (a connection probe and one SDK request
// each), every failure classified by failures.ts, secrets redacted. Never throws for a service or
// network problem. The answer comes back as plain data in wire names (the SDK model's toMap()).
import { stringify as qsStringify } from 'node:querystring';
import { secretValuesOf } from '../credential';
import { describeNetworkError } from '../describe';
import { endpointFor, hostAndPort } from '../endpoint';
import { classifyFailure, connectFailure, type FailureContext } from '../failures';
import { redactSecrets } from '../redaction';
import { DEFAULT_BACKOFF_BASE_MS, DEFAULT_MAX_ATTEMPTS, withRetries } from '../retry';
import { eciClient, loadSdk, probed, runtimeOptions, type AttemptProbe } from '../sdk';
import { toSdkRequest, type SdkModelClass } from '../sdkRequest';
import { Cancelled, probeConnect, raceAbort } from '../transport';
import type { EciTarget, OperationFailure, OperationOutcome } from '../lifecycleTypes';
import type { EciCallOutcome } from '../types';

export const DEFAULT_OPERATION_READ_TIMEOUT_MS = 30_000;
const DEFAULT_CONNECT_MS = 10_000;

/** The operations this runner sends (their SDK request class is `<Action>Request`, the method `<action>WithOptions`). */
export type EciAction =
  | 'DescribeContainerGroups'
  | 'DescribeContainerGroupStatus'
  | 'DescribeContainerGroupEvents'
  | 'DescribeContainerLog'
  | 'ExecContainerCommand'
  | 'RestartContainerGroup'
  | 'DeleteContainerGroup'
  | 'UpdateContainerGroup';

export interface OperationCall {
  action: EciAction;
  /** Flattened wire parameters (RegionId is added from the target). */
  params: Record<string, string>;
  /** Keys of `params` the SDK model lacks (sent as extension queries). */
  sdkMissing?: string[];
  /** Keys of `params` whose values are secrets. */
  secrets?: string[];
}

/** Sends one operation; the answer body in wire names, or a failure outcome. */
export async function callEciOperation(
  target: EciTarget,
  call: OperationCall,
): Promise<OperationOutcome<Record<string, unknown>>> {
  const { host: endpoint, protocol } = endpointFor(target.regionId, {
    host: target.endpoint ?? '',
    protocol: target.protocol,
  });
  const { host, port } = hostAndPort(endpoint, protocol);
  const params: Record<string, string> = { RegionId: target.regionId, ...call.params };
  const connectMs = target.timeouts?.connectMs ?? DEFAULT_CONNECT_MS;
  const readMs = target.timeouts?.readMs ?? DEFAULT_OPERATION_READ_TIMEOUT_MS;
  const secretValues = () => [...(call.secrets ?? []).map((k) => params[k]), ...secretValuesOf(target.credential)];
  const fc: FailureContext = {
    host,
    port,
    readMs,
    params,
    credentialDescription: target.credential.description,
    totalUrlBytes: Buffer.byteLength(qsStringify(params)),
    redact: (s) => redactSecrets(s, secretValues()),
  };
  const sdk = loadSdk();
  const eci = sdk.eci as unknown as Record<string, SdkModelClass>;
  const RequestClass = eci[`${call.action}Request`];
  const { request, extensionQueries } = toSdkRequest(RequestClass, params, call.sdkMissing ?? [], sdk.flatten);
  const runtime = runtimeOptions(sdk, { connectMs, readMs, extensionQueries });
  const client = eciClient(sdk, {
    credential: target.credential,
    endpoint,
    protocol,
    regionId: target.regionId,
    connectMs,
    readMs,
  }) as unknown as Record<
    string,
    (r: unknown, rt: unknown) => Promise<{ body?: { toMap(): Record<string, unknown> } }>
  >;
  const method = `${call.action[0].toLowerCase()}${call.action.slice(1)}WithOptions`;
  let requestSent = false;
  const run = await withRetries<OperationOutcome<Record<string, unknown>>>(
    {
      maxAttempts: target.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      backoffBaseMs: target.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS,
      signal: target.signal,
      onAttempt: target.onAttempt,
    },
    async (attempt) => {
      const failure = await probeConnect(host, port, connectMs, target.signal);
      if (failure) return connectFailure(failure, attempt) as never;
      const probe: AttemptProbe = { sent: false, urlBytes: 0 };
      try {
        const response = await raceAbort(
          probed(probe, () => client[method].call(client, request, runtime)),
          target.signal,
        );
        const body = redactDeep(response.body?.toMap() ?? {}, fc.redact);
        return { done: { type: 'ok', value: body, requestId: String(body.RequestId ?? ''), attempts: attempt } };
      } catch (e) {
        if (e instanceof Cancelled) throw e;
        return classifyFailure(e, probe, attempt, fc) as never;
      } finally {
        requestSent = requestSent || probe.sent;
      }
    },
  );
  if ('cancelled' in run) return { type: 'cancelled', attempts: run.attempts, requestSent };
  const outcome = run.result;
  if (outcome.type === 'network-error') {
    outcome.requestSent = requestSent;
    outcome.message = describeNetworkError(outcome, 'en');
  }
  return outcome;
}

/** Every string of an answer with the call's secrets masked (an answer can echo the request). */
function redactDeep<T>(value: T, redact: (s: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redact)])) as T;
  return value;
}

/** Code of the service-error outcome for an id the region does not have (Describe answers an empty list). */
export const GROUP_NOT_FOUND_CODE = 'InvalidContainerGroup.NotFound';

/** The service-error outcome for an id that does not exist in the region, naming both. */
export function groupNotFound(
  id: string,
  regionId: string,
  requestId: string | undefined,
  attempts: number,
): OperationFailure {
  const outcome: Extract<EciCallOutcome, { type: 'service-error' }> = {
    type: 'service-error',
    code: GROUP_NOT_FOUND_CODE,
    httpStatus: 404,
    message: `The container group ${id} does not exist in the region ${regionId}.`,
    explanation: {
      en: `No container group with the id ${id} exists in the region ${regionId}: it was deleted, or it is in another region.`,
      ja: `リージョン ${regionId} に ID ${id} のコンテナグループはありません。削除されたか、別のリージョンにあります。`,
      action: {
        en: `Check the id and the region (--region, the document's RegionId or ALIBABA_CLOUD_REGION_ID); \`eci list --region ${regionId}\` lists the groups there.`,
        ja: `ID とリージョン (--region、ドキュメントの RegionId、ALIBABA_CLOUD_REGION_ID) を確認してください。\`eci list --region ${regionId}\` でそのリージョンのグループを一覧できます。`,
      },
    },
    parameterPaths: [],
    attempts,
    ...(requestId ? { requestId } : {}),
  };
  return outcome;
}
