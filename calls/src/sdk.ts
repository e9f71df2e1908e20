// The official SDK, loaded on the first call (activation, the language server and `eci validate` never
// pay for it), and what every operation builds from it: the client for an endpoint and a credential,
// and the runtime options of one request. The transport of @alicloud/tea-typescript is wrapped once so
// that each attempt learns what the SDK itself loses (the HTTP status of a non-JSON answer, the URL size).
import { AsyncLocalStorage } from 'node:async_hooks';
import { stringify as qsStringify } from 'node:querystring';
import { providerOf } from './credential';
import { registerWireEncoder } from './redaction';
import type { ResolvedCredential } from './types';

type EciModule = typeof import('@alicloud/eci20180808');
type OpenApiModule = typeof import('@alicloud/openapi-client');
type TeaUtilModule = typeof import('@alicloud/tea-util');
type CredentialsModule = typeof import('@alicloud/credentials');

export interface Sdk {
  eci: EciModule;
  openapi: OpenApiModule;
  teaUtil: TeaUtilModule;
  credentials: CredentialsModule;
  /** The SDK's own flattening of a request model (what ends up in the signed query). */
  flatten: (model: { toMap(): Record<string, unknown> }) => Record<string, string>;
}

/** What the SDK's transport saw during one attempt (the SDK itself loses the status of non-JSON answers). */
export interface AttemptProbe {
  sent: boolean;
  urlBytes: number;
  status?: number;
  contentType?: string;
  /** The x-acs-request-id header, when the answer has one. */
  requestId?: string;
}
const probeStore = new AsyncLocalStorage<AttemptProbe>();

/** Runs one SDK request with `probe` recording what its transport sees. */
export function probed<T>(probe: AttemptProbe, request: () => Promise<T>): Promise<T> {
  return probeStore.run(probe, request);
}

interface TeaRequest {
  pathname: string;
  query?: Record<string, string>;
}
interface TeaResponse {
  statusCode: number;
  headers?: Record<string, string | string[] | undefined>;
}
type DoAction = ((req: TeaRequest, runtime: unknown) => Promise<TeaResponse>) & { eciProbe?: true };

let sdk: Sdk | undefined;

/** Loads the SDK on first use and wraps its transport (pass-through: every call and result unchanged). */
export function loadSdk(): Sdk {
  if (sdk) return sdk;

  const eci = require('@alicloud/eci20180808') as EciModule;
  const openapi = require('@alicloud/openapi-client') as OpenApiModule;
  const teaUtil = require('@alicloud/tea-util') as TeaUtilModule;
  const credentials = require('@alicloud/credentials') as CredentialsModule;
  const openapiUtil = (
    require('@alicloud/openapi-util') as {
      default: {
        query(filter: Record<string, unknown>): Record<string, string>;
        getEncodeParam(param: string): string;
      };
    }
  ).default;
  const tea = require('@alicloud/tea-typescript') as { doAction: DoAction };

  if (!tea.doAction.eciProbe) tea.doAction = probeTransport(tea.doAction);
  // Secrets are redacted in the exact encoding the SDK signs with, whatever its version does.
  registerWireEncoder((v) => openapiUtil.getEncodeParam(v));
  sdk = { eci, openapi, teaUtil, credentials, flatten: (model) => openapiUtil.query(model.toMap()) };
  return sdk;
}

function probeTransport(original: DoAction): DoAction {
  const wrapped = async (req: TeaRequest, runtime: unknown): Promise<TeaResponse> => {
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
  return Object.assign(wrapped, { eciProbe: true as const });
}

export interface SdkClientOptions {
  credential: ResolvedCredential;
  /** host or host:port. */
  endpoint: string;
  protocol: 'https' | 'http';
  regionId: string;
  connectMs: number;
  readMs: number;
}

/** The SDK's idle-socket "connect timeout" also bounds the wait for the answer: it is the read timeout at least. */
const socketTimeout = (o: { connectMs: number; readMs: number }) => Math.max(o.connectMs, o.readMs);

/** The client configuration of one endpoint and credential (every product: the same signing and timeouts). */
function clientConfig(s: Sdk, o: SdkClientOptions): InstanceType<OpenApiModule['Config']> {
  return new s.openapi.Config({
    credential: new s.credentials.default(null as never, providerOf(o.credential) as never) as never,
    endpoint: o.endpoint,
    protocol: o.protocol,
    regionId: o.regionId,
    readTimeout: o.readMs,
    connectTimeout: socketTimeout(o),
    userAgent: 'eci-container-groups/0.1.0',
  });
}

/** The ECI client of the SDK for one endpoint and credential. */
export function eciClient(s: Sdk, o: SdkClientOptions): InstanceType<EciModule['default']> {
  return new s.eci.default(clientConfig(s, o));
}

/** The runtime options of one request: no SDK retry (retries happen in retry.ts), the timeouts, extension queries. */
export function runtimeOptions(
  s: Sdk,
  o: { connectMs: number; readMs: number; extensionQueries: Record<string, string> },
): InstanceType<TeaUtilModule['RuntimeOptions']> {
  return new s.teaUtil.RuntimeOptions({
    extendsParameters: new s.teaUtil.ExtendsParameters({ queries: o.extensionQueries }),
    // The SDK's own retry does nothing for HTTP errors or timeouts; retries happen here.
    autoretry: false,
    readTimeout: o.readMs,
    connectTimeout: socketTimeout(o),
  });
}

/** The generic client of @alicloud/openapi-client (`callApi`), for products whose SDK is not bundled (VPC, ECS). */
export function genericClient(s: Sdk, o: SdkClientOptions): InstanceType<OpenApiModule['default']> {
  return new s.openapi.default(clientConfig(s, o));
}
