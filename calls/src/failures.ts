// Every way a call can fail, turned into an outcome value (never thrown): the service's error answers
// (explained, with the parameters they concern) and the transport's failures (what exactly went wrong,
// whether a retry can help). Every text taken from an answer or an error is redacted first.
import { describeNetworkDetail } from './describe';
import { explainError, parameterPathsFromMessage } from './errorExplanations';
import type { AttemptResult } from './retry';
import type { AttemptProbe } from './sdk';
import type { ConnectFailure } from './transport';
import type { EciCallOutcome, NetworkErrorDetail, NetworkErrorKind } from './types';

type NetworkErrorOutcome = Extract<EciCallOutcome, { type: 'network-error' }>;

/** What classifying a failed attempt needs to know of the call. */
export interface FailureContext {
  host: string;
  port: number;
  readMs: number;
  /** The parameters sent (to name the parameter a generic error's message means, to size ConfigFile contents). */
  params: Record<string, string>;
  /** The credential's description, for a credential that could not be used. */
  credentialDescription: string;
  totalUrlBytes: number;
  redact: (s: string) => string;
}

/** Codes of service errors that a later retry can cure. */
export function isRetryableServiceError(code: string, httpStatus: number): boolean {
  if (code === 'Throttling.Vcpu.PerDay') return false; // a daily quota: no retry helps today
  if (code === 'Throttling' || code.startsWith('Throttling.')) return true;
  if (code === 'ServiceUnavailable' || code.startsWith('ServiceUnavailable.')) return true;
  if (code === 'InternalError' || code.startsWith('InternalError.') || code === 'UnknownError') return true;
  return httpStatus >= 500;
}

/** A network-error outcome; its message in English (the operation completes it when the call ends). */
export function networkError(kind: NetworkErrorKind, detail: NetworkErrorDetail, attempt: number): NetworkErrorOutcome {
  return {
    type: 'network-error',
    kind,
    detail,
    message: describeNetworkDetail(detail, 'en'),
    attempts: attempt,
    requestSent: false,
  };
}

/** A failed connection probe: final, or worth another attempt. */
export function connectFailure(failure: ConnectFailure, attempt: number): AttemptResult<EciCallOutcome> {
  const last = networkError(failure.kind, failure.detail, attempt);
  return failure.retryable
    ? { retry: failure.kind === 'timeout' ? 'connect timeout' : failure.kind, last }
    : { done: last };
}

type SdkError = Error & { code?: string; statusCode?: number; data?: Record<string, unknown> };

/** What the SDK threw during an attempt: the service's error answer, or a transport failure. */
export function classifyFailure(
  e: unknown,
  probe: AttemptProbe,
  attempt: number,
  fc: FailureContext,
): AttemptResult<EciCallOutcome> {
  const err = e as SdkError;
  const data = err && typeof err.data === 'object' && err.data ? err.data : undefined;
  if (data && (typeof data.Code === 'string' || typeof data.code === 'string'))
    return serviceAnswer(err, data, probe, attempt, fc);
  return transportFailure(err, e, probe, attempt, fc);
}

/**
 * The service's error answer (or a dry run's success, which the SDK throws too). Every field of the
 * answer can echo the request (a gateway's Code, a RequestId built from it): each is redacted.
 */
function serviceAnswer(
  err: SdkError,
  data: Record<string, unknown>,
  probe: AttemptProbe,
  attempt: number,
  fc: FailureContext,
): AttemptResult<EciCallOutcome> {
  const code = fc.redact(String(data.Code ?? data.code));
  const httpStatus = Number(err.statusCode ?? data.statusCode ?? probe.status ?? 0);
  const rawRequestId =
    typeof data.RequestId === 'string'
      ? data.RequestId
      : typeof data.requestId === 'string'
        ? data.requestId
        : probe.requestId;
  const requestId = rawRequestId === undefined ? undefined : fc.redact(rawRequestId);
  if (code === 'DryRun.Success' || code === 'DryRunOperation')
    return { done: { type: 'dry-run-passed', code, requestId: requestId ?? '', attempts: attempt } };
  const message = fc.redact(typeof data.Message === 'string' ? data.Message : String(data.message ?? ''));
  const en = explainError(code, 'en', httpStatus);
  const ja = explainError(code, 'ja', httpStatus);
  const outcome: EciCallOutcome = {
    type: 'service-error',
    code,
    httpStatus,
    message,
    requestId,
    explanation: {
      en: en.text,
      ja: ja.text,
      action: en.action && ja.action ? { en: en.action, ja: ja.action } : undefined,
    },
    parameterPaths:
      en.parameterPaths.length > 0
        ? en.parameterPaths
        : parameterPathsFromMessage(code, message, Object.keys(fc.params)),
    attempts: attempt,
  };
  const recommend = typeof data.Recommend === 'string' ? fc.redact(data.Recommend) : undefined;
  if (recommend) outcome.recommend = recommend;
  return isRetryableServiceError(code, httpStatus)
    ? { retry: `${code} (HTTP ${httpStatus})`, last: outcome }
    : { done: outcome };
}

/** A failure without a service answer: before sending, a refused size, a non-JSON answer, or the network. */
function transportFailure(
  err: SdkError,
  e: unknown,
  probe: AttemptProbe,
  attempt: number,
  fc: FailureContext,
): AttemptResult<EciCallOutcome> {
  const { host, port } = fc;
  const name = err?.name ?? '';
  const code = err?.code ?? '';
  const status = probe.status;
  // Anything quoted from an error: its first line, the URL (and its secrets) left out.
  const errorText = () =>
    fc.redact(firstLine(err?.message ?? String(e)).replace(/(GET|POST) https?:\/\/\S+/g, '$1 <url>'));
  // Failed before anything left this machine: the credential could not be obtained (an STS or OIDC
  // exchange, an expired profile) or the SDK refused the request.
  if (!probe.sent)
    return {
      done: networkError(
        'refused',
        { reason: 'credential-unusable', credential: fc.credentialDescription, error: errorText() },
        attempt,
      ),
    };
  if (status === 414 || status === 431) {
    const cf = configFileBytes(fc.params);
    return {
      done: networkError(
        'too-large',
        {
          reason: 'too-large',
          status,
          urlBytes: probe.urlBytes || fc.totalUrlBytes,
          configFileBytes: cf.bytes,
          configFileKeys: cf.keys,
        },
        attempt,
      ),
    };
  }
  if (err instanceof SyntaxError || (status !== undefined && status >= 400)) return notServiceJson(probe, attempt, fc);
  if (name.includes('RequestTimeout') || code === 'ETIMEDOUT' || /timeout/i.test(name)) {
    return {
      retry: 'timeout',
      last: networkError('timeout', { reason: 'no-answer', host, seconds: fc.readMs / 1000 }, attempt),
    };
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(err?.message ?? '')) {
    return { retry: 'connection reset', last: networkError('reset', { reason: 'connection-closed', host }, attempt) };
  }
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND') {
    return {
      done: networkError(
        'refused',
        code === 'ENOTFOUND' ? { reason: 'dns', host, errno: code } : { reason: 'connection-refused', host, port },
        attempt,
      ),
    };
  }
  // Anything else from the transport: report it without its text (it can quote the URL and its secrets).
  return { done: networkError('bad-response', { reason: 'transport', host, error: errorText() }, attempt) };
}

/** An answer that is not the service's JSON (a gateway's HTML page): retried when the front end failed (5xx). */
function notServiceJson(probe: AttemptProbe, attempt: number, fc: FailureContext): AttemptResult<EciCallOutcome> {
  const status = probe.status;
  const what =
    status !== undefined
      ? `HTTP ${status}${probe.contentType ? ` (${probe.contentType.split(';')[0]})` : ''}`
      : 'a response';
  const outcome = networkError(
    'bad-response',
    {
      reason: 'not-service-json',
      host: fc.host,
      ...(status !== undefined ? { status } : {}),
      ...(probe.contentType ? { contentType: fc.redact(probe.contentType) } : {}),
      ...(probe.requestId ? { requestId: fc.redact(probe.requestId) } : {}),
    },
    attempt,
  );
  return status === undefined || status >= 500
    ? { retry: `non-JSON answer (${what})`, last: outcome }
    : { done: outcome };
}

/** Sums the sizes of ConfigFile contents, the usual reason a request becomes too large. */
export function configFileBytes(params: Record<string, string>): { bytes: number; keys: string[] } {
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

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return i < 0 ? s : s.slice(0, i);
}
