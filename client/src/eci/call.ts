// The CreateContainerGroup call through the official SDK: request model, endpoint, timeouts,
// retries with one ClientToken, and every failure turned into an outcome value (never thrown).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { connect as netConnect } from 'node:net';
import { stringify as qsStringify } from 'node:querystring';
import { providerOf, secretValuesOf } from './credentials';
import { redactSecrets, registerWireEncoder } from './display';
import { defaultEndpoint, ECI_API_VERSION } from './endpoint';
import { describeNetworkDetail, describeNetworkError } from './describe';
import { explainError, parameterPathsFromMessage } from './errorExplanations';
import { toSdkRequest, type SdkModelClass } from './sdkRequest';
import type { CallCreateContainerGroupOptions, EciCallOutcome, NetworkErrorDetail, NetworkErrorKind } from './types';

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** A create can take a while: the service answers after scheduling. */
export const DEFAULT_CREATE_READ_TIMEOUT_MS = 60_000;
export const DEFAULT_DRY_RUN_READ_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_ATTEMPTS = 4;
export const DEFAULT_BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 20_000;
/** Above this URL size a dropped connection or a gateway page may be the front end refusing the size. */
const LARGE_URL_BYTES = 8 * 1024;

type EciModule = typeof import('@alicloud/eci20180808');
type OpenApiModule = typeof import('@alicloud/openapi-client');
type TeaUtilModule = typeof import('@alicloud/tea-util');
type CredentialsModule = typeof import('@alicloud/credentials');

interface Sdk {
  eci: EciModule;
  openapi: OpenApiModule;
  teaUtil: TeaUtilModule;
  credentials: CredentialsModule;
  flatten: (model: { toMap(): Record<string, unknown> }) => Record<string, string>;
}

/** What the SDK's transport saw during one attempt (the SDK itself loses the status of non-JSON answers). */
interface AttemptProbe {
  sent: boolean;
  urlBytes: number;
  status?: number;
  contentType?: string;
  /** The x-acs-request-id header, when the answer has one. */
  requestId?: string;
}
const probeStore = new AsyncLocalStorage<AttemptProbe>();

let sdk: Sdk | undefined;

/**
 * Loads the SDK on first use (activation and the language server never pay for it) and wraps the
 * transport function of @alicloud/tea-typescript once so that each attempt learns the HTTP status and
 * the URL size; the wrapper passes every call and result through unchanged.
 */
function loadSdk(): Sdk {
  if (sdk) return sdk;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const eci = require('@alicloud/eci20180808') as EciModule;
  const openapi = require('@alicloud/openapi-client') as OpenApiModule;
  const teaUtil = require('@alicloud/tea-util') as TeaUtilModule;
  const credentials = require('@alicloud/credentials') as CredentialsModule;
  const openapiUtil = (require('@alicloud/openapi-util') as { default: { query(filter: Record<string, unknown>): Record<string, string>; getEncodeParam(param: string): string } }).default;
  const tea = require('@alicloud/tea-typescript') as { doAction: ((req: TeaRequest, runtime: unknown) => Promise<TeaResponse>) & { eciProbe?: true } };
  /* eslint-enable @typescript-eslint/no-require-imports */
  if (!tea.doAction.eciProbe) {
    const original = tea.doAction;
    const probed = async (req: TeaRequest, runtime: unknown): Promise<TeaResponse> => {
      const probe = probeStore.getStore();
      if (probe) {
        probe.sent = true;
        probe.urlBytes = Buffer.byteLength(`${req.pathname}?${qsStringify(req.query ?? {})}`);
      }
      const res = await original(req, runtime);
      if (probe) {
        probe.status = res.statusCode;
        const ct = res.headers?.['content-type'];
        probe.contentType = Array.isArray(ct) ? ct[0] : ct;
        const rid = res.headers?.['x-acs-request-id'];
        probe.requestId = Array.isArray(rid) ? rid[0] : rid;
      }
      return res;
    };
    tea.doAction = Object.assign(probed, { eciProbe: true as const });
  }
  // Secrets are redacted in the exact encoding the SDK signs with, whatever its version does.
  registerWireEncoder((v) => openapiUtil.getEncodeParam(v));
  sdk = { eci, openapi, teaUtil, credentials, flatten: (model) => openapiUtil.query(model.toMap()) };
  return sdk;
}

interface TeaRequest {
  pathname: string;
  query?: Record<string, string>;
}
interface TeaResponse {
  statusCode: number;
  headers?: Record<string, string | string[] | undefined>;
}

/** `host`, `host:port` or `[v6]:port` -> host and port. */
function splitEndpoint(endpoint: string, protocol: 'https' | 'http'): { host: string; port: number } {
  const e = endpoint.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(e);
  if (v6) return { host: v6[1], port: v6[2] ? Number(v6[2]) : protocol === 'https' ? 443 : 80 };
  const m = /^([^:]+)(?::(\d+))?$/.exec(e);
  if (!m) throw new Error(`"${endpoint}" is not an endpoint (expected host or host:port, e.g. eci-vpc.cn-hangzhou.aliyuncs.com).`);
  return { host: m[1], port: m[2] ? Number(m[2]) : protocol === 'https' ? 443 : 80 };
}

class Cancelled extends Error {}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Cancelled());
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new Cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Resolves with the promise's value, or rejects with Cancelled as soon as `signal` aborts. */
function raceAbort<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) {
    p.catch(() => undefined);
    return Promise.reject(new Cancelled());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      p.catch(() => undefined); // the abandoned attempt ends on its own timeout
      reject(new Cancelled());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

interface ConnectFailure {
  kind: NetworkErrorKind;
  detail: NetworkErrorDetail;
  retryable: boolean;
}

/**
 * Opens and closes one TCP connection to the endpoint within `connectMs`. The SDK's own
 * "connect timeout" is an idle-socket timeout that also cuts the wait for the answer, so it is set
 * to the read timeout and the connection bound is enforced here.
 */
function probeConnect(host: string, port: number, connectMs: number, signal?: AbortSignal): Promise<ConnectFailure | undefined> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host, port });
    let settled = false;
    const done = (v: ConnectFailure | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(v);
    };
    const timer = setTimeout(
      () => done({ kind: 'timeout', retryable: true, detail: { reason: 'connect-timeout', host, port, seconds: connectMs / 1000 } }),
      connectMs,
    );
    const onAbort = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      reject(new Cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => done(undefined));
    socket.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN')
        done({ kind: 'refused', retryable: e.code === 'EAI_AGAIN', detail: { reason: 'dns', host, errno: e.code } });
      else if (e.code === 'ECONNREFUSED') done({ kind: 'refused', retryable: false, detail: { reason: 'connection-refused', host, port } });
      else if (e.code === 'ETIMEDOUT') done({ kind: 'timeout', retryable: true, detail: { reason: 'connect-timeout', host, port } });
      else done({ kind: 'reset', retryable: true, detail: { reason: 'connect-failed', host, port, errno: e.code ?? 'connection error' } });
    });
  });
}

/** Codes of service errors that a later retry can cure. */
export function isRetryableServiceError(code: string, httpStatus: number): boolean {
  if (code === 'Throttling.Vcpu.PerDay') return false; // a daily quota: no retry helps today
  if (code === 'Throttling' || code.startsWith('Throttling.')) return true;
  if (code === 'ServiceUnavailable' || code.startsWith('ServiceUnavailable.')) return true;
  if (code === 'InternalError' || code.startsWith('InternalError.') || code === 'UnknownError') return true;
  return httpStatus >= 500;
}

type AttemptResult =
  | { done: EciCallOutcome }
  | { retry: string; last: EciCallOutcome };

/** Sums the sizes of ConfigFile contents, the usual reason a request becomes too large. */
function configFileBytes(params: Record<string, string>): { bytes: number; keys: string[] } {
  let bytes = 0;
  const keys: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    if (/\.ConfigFileVolume\.ConfigFileToPath\.\d+\.Content$/.test(k)) {
      bytes += Buffer.byteLength(v);
      keys.push(k);
    }
  }
  return { bytes, keys };
}

/**
 * Dry-runs or creates a container group. Never throws for a service or network problem: every
 * result is an outcome. Throws only for a programming error of the caller (no credential, bad endpoint).
 */
export async function callCreateContainerGroup(opts: CallCreateContainerGroupOptions): Promise<EciCallOutcome> {
  const protocol = opts.protocol ?? 'https';
  const endpoint = opts.endpoint?.trim() || defaultEndpoint(opts.regionId);
  const { host, port } = splitEndpoint(endpoint, protocol);
  const connectMs = opts.timeouts?.connectMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const readMs = opts.timeouts?.readMs ?? (opts.dryRun ? DEFAULT_DRY_RUN_READ_TIMEOUT_MS : DEFAULT_CREATE_READ_TIMEOUT_MS);
  const maxAttempts = Math.max(1, Math.floor(opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS));
  const backoffBase = opts.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS;
  const provider = providerOf(opts.credential);

  const params: Record<string, string> = { ...opts.params };
  if (!params.RegionId) params.RegionId = opts.regionId;
  if (opts.dryRun) params.DryRun = 'true';
  // One ClientToken per create, reused by every retry: a retry can never create a second group.
  let clientToken: string | undefined;
  if (!opts.dryRun) {
    if (!params.ClientToken) params.ClientToken = randomUUID();
    clientToken = params.ClientToken;
  }

  const secretValues = () => [...(opts.secrets ?? []).map((k) => params[k]), ...secretValuesOf(opts.credential)];
  const redact = (s: string) => redactSecrets(s, secretValues());

  const { eci, openapi, teaUtil, credentials, flatten } = loadSdk();
  const RequestClass = eci.CreateContainerGroupRequest as unknown as SdkModelClass & (new (map?: Record<string, unknown>) => InstanceType<typeof eci.CreateContainerGroupRequest>);
  const { request, extensionQueries } = toSdkRequest(RequestClass, params, opts.sdkMissing, flatten);
  const runtime = new teaUtil.RuntimeOptions({
    extendsParameters: new teaUtil.ExtendsParameters({ queries: extensionQueries }),
    // The SDK's own retry does nothing for HTTP errors or timeouts; retries happen here.
    autoretry: false,
    readTimeout: readMs,
    connectTimeout: Math.max(connectMs, readMs),
  });
  const config = new openapi.Config({
    credential: new credentials.default(null as never, provider as never) as never,
    endpoint,
    protocol,
    regionId: opts.regionId,
    readTimeout: readMs,
    // The SDK's connect timeout is an idle-socket timeout covering the wait for the answer too.
    connectTimeout: Math.max(connectMs, readMs),
    userAgent: 'eci-container-groups/0.1.0',
  });
  const client = new eci.default(config);
  const totalUrlBytes = Buffer.byteLength(qsStringify(params));

  let requestSent = false;
  const netError = (kind: NetworkErrorKind, detail: NetworkErrorDetail, attempt: number): Extract<EciCallOutcome, { type: 'network-error' }> => ({
    type: 'network-error',
    kind,
    detail,
    message: describeNetworkDetail(detail, 'en'),
    attempts: attempt,
    requestSent: false,
  });
  /** The last word on an outcome: whether a request left this machine, the ClientToken of a create, the English message in full. */
  const finish = (outcome: EciCallOutcome): EciCallOutcome => {
    if (outcome.type === 'network-error') {
      outcome.requestSent = requestSent;
      outcome.message = describeNetworkError(outcome, 'en');
    }
    if ((outcome.type === 'network-error' || outcome.type === 'service-error') && clientToken) outcome.clientToken = clientToken;
    return outcome;
  };

  const classify = (e: unknown, probe: AttemptProbe, attempt: number): AttemptResult => {
    const err = e as Error & { code?: string; statusCode?: number; data?: Record<string, unknown> };
    const data = err && typeof err.data === 'object' && err.data ? err.data : undefined;
    if (data && (typeof data.Code === 'string' || typeof data.code === 'string')) {
      // Every field of the answer can echo the request (a gateway's Code, a RequestId built from it):
      // each is redacted, not only Message.
      const rawCode = String(data.Code ?? data.code);
      const code = redact(rawCode);
      const httpStatus = Number(err.statusCode ?? data.statusCode ?? probe.status ?? 0);
      const rawRequestId = typeof data.RequestId === 'string' ? data.RequestId : typeof data.requestId === 'string' ? data.requestId : probe.requestId;
      const requestId = rawRequestId === undefined ? undefined : redact(rawRequestId);
      if (code === 'DryRun.Success' || code === 'DryRunOperation') {
        return { done: { type: 'dry-run-passed', code, requestId: requestId ?? '', attempts: attempt } };
      }
      const message = redact(typeof data.Message === 'string' ? data.Message : String(data.message ?? ''));
      const recommend = typeof data.Recommend === 'string' ? redact(data.Recommend) : undefined;
      const en = explainError(code, 'en', httpStatus);
      const ja = explainError(code, 'ja', httpStatus);
      const outcome: EciCallOutcome = {
        type: 'service-error',
        code,
        httpStatus,
        message,
        requestId,
        explanation: { en: en.text, ja: ja.text, action: en.action && ja.action ? { en: en.action, ja: ja.action } : undefined },
        parameterPaths: en.parameterPaths.length > 0 ? en.parameterPaths : parameterPathsFromMessage(code, message, Object.keys(params)),
        attempts: attempt,
      };
      if (recommend) outcome.recommend = recommend;
      if (isRetryableServiceError(code, httpStatus)) return { retry: `${code} (HTTP ${httpStatus})`, last: outcome };
      return { done: outcome };
    }
    const name = err?.name ?? '';
    const code = err?.code ?? '';
    const status = probe.status;
    if (!probe.sent) {
      // Failed before anything left this machine: the credential could not be obtained (an STS or
      // OIDC exchange, an expired profile) or the SDK refused the request.
      return {
        done: netError('refused', { reason: 'credential-unusable', credential: opts.credential.description, error: redact(firstLine(err?.message ?? String(e))).replace(/(GET|POST) https?:\/\/\S+/g, '$1 <url>') }, attempt),
      };
    }
    if (status === 414 || status === 431) {
      const cf = configFileBytes(params);
      return {
        done: netError('too-large', { reason: 'too-large', status, urlBytes: probe.urlBytes || totalUrlBytes, configFileBytes: cf.bytes, configFileKeys: cf.keys }, attempt),
      };
    }
    if (err instanceof SyntaxError || (status !== undefined && status >= 400)) {
      const what = status !== undefined ? `HTTP ${status}${probe.contentType ? ` (${probe.contentType.split(';')[0]})` : ''}` : 'a response';
      const outcome = netError(
        'bad-response',
        {
          reason: 'not-service-json',
          host,
          ...(status !== undefined ? { status } : {}),
          ...(probe.contentType ? { contentType: redact(probe.contentType) } : {}),
          ...(probe.requestId ? { requestId: redact(probe.requestId) } : {}),
        },
        attempt,
      );
      if (status === undefined || status >= 500) return { retry: `non-JSON answer (${what})`, last: outcome };
      return { done: outcome };
    }
    if (name.includes('RequestTimeout') || code === 'ETIMEDOUT' || /timeout/i.test(name)) {
      return {
        retry: 'timeout',
        last: netError('timeout', { reason: 'no-answer', host, seconds: readMs / 1000 }, attempt),
      };
    }
    if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(err?.message ?? '')) {
      return {
        retry: 'connection reset',
        last: netError('reset', { reason: 'connection-closed', host }, attempt),
      };
    }
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND') {
      return { done: netError('refused', code === 'ENOTFOUND' ? { reason: 'dns', host, errno: code } : { reason: 'connection-refused', host, port }, attempt) };
    }
    // Anything else from the transport: report it without its text (it can quote the URL and its secrets).
    return {
      done: netError('bad-response', { reason: 'transport', host, error: redact(firstLine(err?.message ?? String(e)).replace(/(GET|POST) https?:\/\/\S+/g, '$1 <url>')) }, attempt),
    };
  };

  let last: EciCallOutcome | undefined;
  let lastRetryReason: string | undefined;
  let attempt = 0;
  try {
    while (attempt < maxAttempts) {
      attempt += 1;
      if (attempt > 1) {
        const ceiling = Math.min(BACKOFF_CAP_MS, backoffBase * 2 ** (attempt - 2));
        await sleep(ceiling / 2 + Math.random() * (ceiling / 2), opts.signal);
      }
      if (opts.signal?.aborted) throw new Cancelled();
      opts.onAttempt?.(attempt, lastRetryReason);
      const failure = await probeConnect(host, port, connectMs, opts.signal);
      if (failure) {
        last = netError(failure.kind, failure.detail, attempt);
        if (!failure.retryable) return finish(last);
        lastRetryReason = failure.kind === 'timeout' ? 'connect timeout' : failure.kind;
        continue;
      }
      const probe: AttemptProbe = { sent: false, urlBytes: 0 };
      try {
        const response = await raceAbort(
          probeStore.run(probe, () => client.createContainerGroupWithOptions(request, runtime)),
          opts.signal,
        );
        requestSent = requestSent || probe.sent;
        const body = response.body;
        if (body?.containerGroupId) {
          return { type: 'created', containerGroupId: body.containerGroupId, requestId: body.requestId ?? '', attempts: attempt, clientToken: clientToken ?? params.ClientToken ?? '' };
        }
        return finish(
          netError('bad-response', { reason: 'no-container-group-id', host, status: response.statusCode, ...(body?.requestId ? { requestId: redact(body.requestId) } : {}) }, attempt),
        );
      } catch (e) {
        requestSent = requestSent || probe.sent;
        if (e instanceof Cancelled) throw e;
        const r = classify(e, probe, attempt);
        if ('done' in r) return finish(r.done);
        last = r.last;
        lastRetryReason = r.retry;
      }
    }
  } catch (e) {
    if (e instanceof Cancelled) {
      const c: EciCallOutcome = { type: 'cancelled', attempts: attempt, requestSent };
      if (clientToken) c.clientToken = clientToken;
      return c;
    }
    throw e;
  }
  const outcome = last!;
  if (outcome.type === 'network-error' && (outcome.kind === 'reset' || outcome.kind === 'bad-response') && totalUrlBytes > LARGE_URL_BYTES) {
    const cf = configFileBytes(params);
    outcome.largeUrl = { urlBytes: totalUrlBytes, configFileBytes: cf.bytes, configFileKeys: cf.keys };
  }
  return finish(outcome);
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return i < 0 ? s : s.slice(0, i);
}

/** The API version sent with every call (for display). */
export const API_VERSION = ECI_API_VERSION;
