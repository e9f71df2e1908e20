// The wire protocol of Alibaba Cloud's RPC-style APIs, as a server sees it: the query string,
// ACS3-HMAC-SHA256 signatures (written from Alibaba Cloud's V3 signature specification,
// independently of the SDK's code), and the service's JSON error bodies.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
// The API reference's table of error codes (HTTP status, code, message), as the simulator answers them.
import errorRows from '../data/reference-error-codes.json';

export interface ErrorRow {
  status: number;
  code: string;
  text: string;
}

let errorTable: Map<string, ErrorRow> | undefined;

/** The ECI API reference's error table (HTTP status and message per code). */
export function documentedErrors(): Map<string, ErrorRow> {
  if (!errorTable) {
    errorTable = new Map();
    for (const r of errorRows as ErrorRow[]) if (!errorTable.has(r.code)) errorTable.set(r.code, r);
  }
  return errorTable;
}

export interface ServiceError {
  code: string;
  status: number;
  message: string;
}

/** A service error with the reference's status and message for `code` (or the given message). */
export function errorOf(code: string, message?: string): ServiceError {
  const row = documentedErrors().get(code);
  // The reference's messages carry a %s where the service puts a detail; fill in a neutral one.
  const text = row
    ? /^%s\.?$/.test(row.text)
      ? `${code}: the request cannot be processed.`
      : row.text.replace(/%s/g, 'the requested resource')
    : `${code}.`;
  return { code, status: row?.status ?? 400, message: message ?? text };
}

/** RFC 3986 percent-encoding as Alibaba Cloud's signature specification requires. */
export function percentEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decodeComponent(s: string): string {
  return decodeURIComponent(s.replace(/\+/g, ' '));
}

/** The query of a request target, decoded (the last value wins for a repeated key). */
export function parseQuery(target: string): Record<string, string> {
  const q = target.indexOf('?');
  const out: Record<string, string> = {};
  if (q < 0) return out;
  for (const part of target.slice(q + 1).split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = decodeComponent(eq < 0 ? part : part.slice(0, eq));
    out[k] = eq < 0 ? '' : decodeComponent(part.slice(eq + 1));
  }
  return out;
}

export interface CanonicalInput {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Header names in lower case. */
  headers: Record<string, string>;
  signedHeaders: string[];
  hashedPayload: string;
}

/** The canonical request of ACS3-HMAC-SHA256 (Alibaba Cloud's V3 request signature specification). */
export function canonicalRequest(r: CanonicalInput): string {
  const canonicalQuery = Object.keys(r.query)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(r.query[k])}`)
    .join('&');
  const signed = [...r.signedHeaders].map((h) => h.toLowerCase()).sort();
  const canonicalHeaders = signed.map((h) => `${h}:${(r.headers[h] ?? '').trim()}\n`).join('');
  return [
    r.method.toUpperCase(),
    r.path || '/',
    canonicalQuery,
    canonicalHeaders,
    signed.join(';'),
    r.hashedPayload,
  ].join('\n');
}

function stringToSign(canonical: string): string {
  return `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
}

/** The ACS3-HMAC-SHA256 signature (hex) of a canonical request. */
export function acs3Signature(canonical: string, secret: string): string {
  return createHmac('sha256', secret).update(stringToSign(canonical), 'utf8').digest('hex');
}

export interface AccessKeyRecord {
  secret: string;
  /** When set, requests with this key must carry this x-acs-security-token (an STS key). */
  securityToken?: string;
}

export interface SignedRequest {
  method: string;
  /** The raw request target (path and query). */
  target: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The decoded query. */
  params: Record<string, string>;
  body: Buffer;
}

export type Authentication =
  | { ok: true; accessKeyId: string }
  | { ok: false; signature: 'missing' | 'invalid' | 'valid'; accessKeyId?: string; error: ServiceError };

const AUTH = /^ACS3-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/i;

export interface AuthenticationRules {
  accessKeys: Record<string, AccessKeyRecord>;
  /** Accepted difference between x-acs-date and `now`. */
  maxClockSkewMs: number;
  /** Signature nonces already used (added to when a request passes). */
  nonces: Set<string>;
  /** The real time, for x-acs-date (never a simulated clock). */
  now(): number;
}

/** Verifies a request's ACS3-HMAC-SHA256 signature, its key, token, date and nonce. */
export function authenticate(req: SignedRequest, rules: AuthenticationRules): Authentication {
  const auth = req.headers['authorization'];
  if (!auth)
    return {
      ok: false,
      signature: 'missing',
      error: { status: 400, code: 'MissingAuthorization', message: 'The Authorization header is missing.' },
    };
  const m = AUTH.exec(auth);
  if (!m)
    return {
      ok: false,
      signature: 'invalid',
      error: {
        status: 400,
        code: 'IncompleteSignature',
        message: 'The request signature does not conform to Aliyun standards.',
      },
    };
  const [, accessKeyId, signedHeadersText, signature] = m;
  const key = rules.accessKeys[accessKeyId];
  if (!key)
    return {
      ok: false,
      signature: 'invalid',
      accessKeyId,
      error: { status: 404, code: 'InvalidAccessKeyId.NotFound', message: 'Specified access key is not found.' },
    };
  const signedHeaders = signedHeadersText.split(';');
  // Host and every x-acs-* header must be signed.
  const mustSign = ['host', ...Object.keys(req.headers).filter((h) => h.startsWith('x-acs-'))];
  const unsigned = mustSign.filter((h) => !signedHeaders.includes(h));
  if (unsigned.length) {
    return {
      ok: false,
      signature: 'invalid',
      accessKeyId,
      error: {
        status: 400,
        code: 'IncompleteSignature',
        message: `The request signature does not cover the headers: ${unsigned.join(', ')}.`,
      },
    };
  }
  const hashedPayload = createHash('sha256').update(req.body).digest('hex');
  if (req.headers['x-acs-content-sha256'] !== hashedPayload) {
    return {
      ok: false,
      signature: 'invalid',
      accessKeyId,
      error: {
        status: 400,
        code: 'SignatureDoesNotMatch',
        message: 'x-acs-content-sha256 does not match the request body.',
      },
    };
  }
  const canonical = canonicalRequest({
    method: req.method || 'GET',
    path: req.target.split('?')[0],
    query: req.params,
    headers: req.headers,
    signedHeaders,
    hashedPayload,
  });
  const expected = acs3Signature(canonical, key.secret);
  const matches =
    expected.length === signature.length &&
    timingSafeEqual(Buffer.from(expected), Buffer.from(signature.toLowerCase()));
  if (!matches) {
    return {
      ok: false,
      signature: 'invalid',
      accessKeyId,
      error: {
        status: 400,
        code: 'SignatureDoesNotMatch',
        message: `The request signature we calculated does not match the signature you provided. Check your key and signing method. server string to sign is:${stringToSign(canonical)}`,
      },
    };
  }
  if (key.securityToken !== undefined && req.headers['x-acs-security-token'] !== key.securityToken) {
    return {
      ok: false,
      signature: 'valid',
      accessKeyId,
      error: { status: 400, code: 'InvalidSecurityToken.Mismatch', message: 'Specified SecurityToken is invalid.' },
    };
  }
  const date = Date.parse(req.headers['x-acs-date'] ?? '');
  if (!Number.isFinite(date) || Math.abs(rules.now() - date) > rules.maxClockSkewMs) {
    return {
      ok: false,
      signature: 'valid',
      accessKeyId,
      error: {
        status: 400,
        code: 'InvalidTimeStamp.Expired',
        message: 'Specified time stamp or date value is expired.',
      },
    };
  }
  const nonce = req.headers['x-acs-signature-nonce'];
  if (!nonce || rules.nonces.has(nonce)) {
    return {
      ok: false,
      signature: 'valid',
      accessKeyId,
      error: { status: 400, code: 'SignatureNonceUsed', message: 'Specified signature nonce was used already.' },
    };
  }
  rules.nonces.add(nonce);
  return { ok: true, accessKeyId };
}

/** The JSON error body of an Alibaba Cloud service. */
export function errorBody(
  requestId: string,
  hostId: string,
  product: string,
  e: ServiceError,
): Record<string, unknown> {
  return {
    RequestId: requestId,
    HostId: hostId,
    Code: e.code,
    Message: e.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(e.code)}&product=${product}`,
  };
}

/** The HTML page a front end (Tengine) answers for a status of its own. */
export function frontEndPage(status: number, title: string): string {
  return `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n`;
}

/** Parameters of a flattened list: `Prefix.1`, `Prefix.2`, ... in order. */
export function listParam(p: Record<string, string>, prefix: string): string[] {
  const out: string[] = [];
  for (let i = 1; p[`${prefix}.${i}`] !== undefined; i++) out.push(p[`${prefix}.${i}`]);
  return out;
}

/** Sub-parameters of the items of a flattened list of objects: `Container.1.Name` -> [{Name}] (by index). */
export function objectListParam(p: Record<string, string>, prefix: string): Record<string, string>[] {
  const byIndex = new Map<number, Record<string, string>>();
  const re = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)\\.(.+)$`);
  for (const [k, v] of Object.entries(p)) {
    const m = re.exec(k);
    if (!m) continue;
    const i = Number(m[1]);
    if (!byIndex.has(i)) byIndex.set(i, {});
    byIndex.get(i)![m[2]] = v;
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}
