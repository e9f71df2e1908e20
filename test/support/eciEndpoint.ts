// A local stand-in for the ECI service's CreateContainerGroup endpoint, speaking the real wire
// protocol: RPC over `POST /` with every parameter in the query string, ACS3-HMAC-SHA256 signatures
// verified from Alibaba Cloud's specification (independently of the SDK's code), answers shaped like
// the service's (success, DryRun.Success, documented error bodies), front-end limits on URL and
// header size, and injectable faults (5xx, throttling, HTML 502 pages, slow answers, dropped
// connections). ClientToken is honoured: the same token never creates a second group.
//
// Listens on 127.0.0.1:0; the test closes it.
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface AccessKeyRecord {
  secret: string;
  /** When set, requests with this key must carry this x-acs-security-token (an STS key). */
  securityToken?: string;
}

export interface EciEndpointOptions {
  /** Known access keys (AccessKey ID -> secret). */
  accessKeys: Record<string, AccessKeyRecord>;
  /** Longest request target (path + query) accepted before answering 414, in bytes. Default 16384. */
  maxUrlBytes?: number;
  /** Largest request head accepted (request line + headers) before answering 431, in bytes. Default 32768. */
  maxHeaderBytes?: number;
  /** Accepted difference between x-acs-date and the server's clock. Default 15 minutes. */
  maxClockSkewMs?: number;
  /** The HostId put into error bodies. Default `eci.cn-hangzhou.aliyuncs.com`. */
  hostId?: string;
}

/** One fault, consumed by one request (in order), before the normal answer resumes. */
export type Fault =
  | { kind: 'error'; code: string; status?: number; message?: string }
  | { kind: 'html'; status: number }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'drop' }
  /** The group is created (the token remembered), then the connection drops before the answer. */
  | { kind: 'drop-after-create' }
  | { kind: 'hang' }
  /** An answer built from the request as received (e.g. an error whose fields echo the request). */
  | { kind: 'answer'; status: number; body: (request: ReceivedRequest) => Record<string, unknown> };

export interface ReceivedRequest {
  method: string;
  /** The raw request target. */
  target: string;
  headers: Record<string, string>;
  /** The decoded query: the flattened wire parameters. */
  params: Record<string, string>;
  accessKeyId?: string;
  signature: 'valid' | 'invalid' | 'missing';
  action?: string;
  version?: string;
  /** What the endpoint answered. */
  status: number;
  code?: string;
  fault?: Fault['kind'];
}

export interface EciEndpoint {
  /** `127.0.0.1:PORT`, for the SDK's config.endpoint. */
  readonly endpoint: string;
  readonly port: number;
  /** Every request received, in order (including rejected ones). */
  readonly requests: ReceivedRequest[];
  /** Container groups created: ClientToken (or a generated key) -> ContainerGroupId. */
  readonly groups: Map<string, string>;
  /** Queues faults; each request consumes the first one left. */
  inject(...faults: Fault[]): void;
  /** Number of faults still queued. */
  pendingFaults(): number;
  /** Resolves when `n` requests have been received. */
  waitForRequests(n: number): Promise<void>;
  close(): Promise<void>;
}

interface ErrorRow {
  status: number;
  code: string;
  text: string;
}

let errorTable: Map<string, ErrorRow> | undefined;

/** The reference's error table (status and message per code). */
export function documentedErrors(): Map<string, ErrorRow> {
  if (!errorTable) {
    const rows = JSON.parse(readFileSync(join(repoRoot(), 'test', 'unit', 'reference', 'error-codes.json'), 'utf8')) as ErrorRow[];
    errorTable = new Map();
    for (const r of rows) if (!errorTable.has(r.code)) errorTable.set(r.code, r);
  }
  return errorTable;
}

/** The repository root (this file runs from out/test/support or test/support). */
export function repoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'eci-container-groups' && existsSync(join(dir, 'scripts', 'test.mjs'))) return dir;
    } catch {
      /* keep looking upwards */
    }
    dir = join(dir, '..');
  }
  throw new Error(`package.json of eci-container-groups not found above ${__dirname}`);
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
  return [r.method.toUpperCase(), r.path || '/', canonicalQuery, canonicalHeaders, signed.join(';'), r.hashedPayload].join('\n');
}

/** The ACS3-HMAC-SHA256 signature (hex) of a canonical request. */
export function acs3Signature(canonical: string, secret: string): string {
  const stringToSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
  return createHmac('sha256', secret).update(stringToSign, 'utf8').digest('hex');
}

const AUTH = /^ACS3-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/i;

export async function startEciEndpoint(options: EciEndpointOptions): Promise<EciEndpoint> {
  const maxUrlBytes = options.maxUrlBytes ?? 16384;
  const maxHeaderBytes = options.maxHeaderBytes ?? 32768;
  const maxSkew = options.maxClockSkewMs ?? 15 * 60_000;
  const hostId = options.hostId ?? 'eci.cn-hangzhou.aliyuncs.com';
  const requests: ReceivedRequest[] = [];
  const groups = new Map<string, string>();
  const faults: Fault[] = [];
  const nonces = new Set<string>();
  /** ClientToken -> the parameters first sent with it (sorted key=value lines). */
  const fingerprints = new Map<string, string>();
  const fingerprint = (p: Record<string, string>) =>
    Object.keys(p)
      .filter((k) => k !== 'DryRun')
      .sort()
      .map((k) => `${k}=${p[k]}`)
      .join('\n');
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  const waiters: { n: number; resolve: () => void }[] = [];

  const notify = () => {
    for (const w of [...waiters]) {
      if (requests.length >= w.n) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };

  const requestId = () => randomUUID().toUpperCase();

  const sendJson = (res: ServerResponse, rec: ReceivedRequest, status: number, body: Record<string, unknown>) => {
    rec.status = status;
    if (typeof body.Code === 'string') rec.code = body.Code;
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(text), 'x-acs-request-id': String(body.RequestId) });
    res.end(text);
  };
  const sendError = (res: ServerResponse, rec: ReceivedRequest, status: number, code: string, message: string) => {
    sendJson(res, rec, status, {
      RequestId: requestId(),
      HostId: hostId,
      Code: code,
      Message: message,
      Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=Eci`,
    });
  };
  const sendHtml = (res: ServerResponse, rec: ReceivedRequest, status: number, title: string) => {
    rec.status = status;
    const html = `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n`;
    res.writeHead(status, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(html), connection: 'close' });
    res.end(html);
  };

  /** Checks the signature; answers and returns false when it does not hold. */
  const authenticate = (req: IncomingMessage, res: ServerResponse, rec: ReceivedRequest, body: Buffer): boolean => {
    const auth = rec.headers['authorization'];
    if (!auth) {
      rec.signature = 'missing';
      sendError(res, rec, 400, 'MissingAuthorization', 'The Authorization header is missing.');
      return false;
    }
    const m = AUTH.exec(auth);
    if (!m) {
      rec.signature = 'invalid';
      sendError(res, rec, 400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards.');
      return false;
    }
    const [, akId, signedHeadersText, signature] = m;
    rec.accessKeyId = akId;
    const key = options.accessKeys[akId];
    if (!key) {
      rec.signature = 'invalid';
      sendError(res, rec, 404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
      return false;
    }
    const signedHeaders = signedHeadersText.split(';');
    // Host and every x-acs-* header must be signed.
    const mustSign = ['host', ...Object.keys(rec.headers).filter((h) => h.startsWith('x-acs-'))];
    const unsigned = mustSign.filter((h) => !signedHeaders.includes(h));
    if (unsigned.length) {
      rec.signature = 'invalid';
      sendError(res, rec, 400, 'IncompleteSignature', `The request signature does not cover the headers: ${unsigned.join(', ')}.`);
      return false;
    }
    const hashedPayload = createHash('sha256').update(body).digest('hex');
    if (rec.headers['x-acs-content-sha256'] !== hashedPayload) {
      rec.signature = 'invalid';
      sendError(res, rec, 400, 'SignatureDoesNotMatch', 'x-acs-content-sha256 does not match the request body.');
      return false;
    }
    const canonical = canonicalRequest({
      method: req.method ?? 'GET',
      path: (req.url ?? '/').split('?')[0],
      query: rec.params,
      headers: rec.headers,
      signedHeaders,
      hashedPayload,
    });
    const expected = acs3Signature(canonical, key.secret);
    const ok = expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature.toLowerCase()));
    if (!ok) {
      rec.signature = 'invalid';
      const stringToSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
      sendError(res, rec, 400, 'SignatureDoesNotMatch', `The request signature we calculated does not match the signature you provided. Check your key and signing method. server string to sign is:${stringToSign}`);
      return false;
    }
    rec.signature = 'valid';
    if (key.securityToken !== undefined && rec.headers['x-acs-security-token'] !== key.securityToken) {
      sendError(res, rec, 400, 'InvalidSecurityToken.Mismatch', 'Specified SecurityToken is invalid.');
      return false;
    }
    const date = Date.parse(rec.headers['x-acs-date'] ?? '');
    if (!Number.isFinite(date) || Math.abs(Date.now() - date) > maxSkew) {
      sendError(res, rec, 400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
      return false;
    }
    const nonce = rec.headers['x-acs-signature-nonce'];
    if (!nonce || nonces.has(nonce)) {
      sendError(res, rec, 400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
      return false;
    }
    nonces.add(nonce);
    return true;
  };

  /** What the service itself would check before answering (a few of its real rules). */
  const serviceChecks = (p: Record<string, string>): { code: string; status: number; message: string } | undefined => {
    for (const required of ['RegionId', 'ContainerGroupName', 'Container.1.Name', 'Container.1.Image']) {
      if (!p[required]) return { code: 'MissingParameter', status: 400, message: `The input parameter "${required}" that is mandatory for processing this request is not supplied.` };
    }
    const names = Object.keys(p).filter((k) => /^(Init)?Container\.\d+\.Name$/.test(k)).map((k) => p[k]);
    if (new Set(names).size !== names.length) return errorOf('InvalidParameter.DuplicatedName');
    const volumes = Object.keys(p).filter((k) => /^Volume\.\d+\.Name$/.test(k)).map((k) => p[k]);
    if (new Set(volumes).size !== volumes.length) return errorOf('InvalidParameter.DuplicatedVolumeName');
    return undefined;
  };
  const errorOf = (code: string, message?: string) => {
    const row = documentedErrors().get(code);
    // The reference's messages carry a %s where the service puts a detail; fill in a neutral one.
    const text = row ? (/^%s\.?$/.test(row.text) ? `${code}: the request cannot be processed.` : row.text.replace(/%s/g, 'the requested resource')) : `${code}.`;
    return { code, status: row?.status ?? 400, message: message ?? text };
  };

  const answer = (res: ServerResponse, rec: ReceivedRequest) => {
    const p = rec.params;
    const problem = serviceChecks(p);
    if (problem) return sendError(res, rec, problem.status, problem.code, problem.message);
    // As the service does: a ClientToken already used with other parameters is refused.
    if (p.DryRun !== 'true' && p.ClientToken && fingerprints.has(p.ClientToken) && fingerprints.get(p.ClientToken) !== fingerprint(p))
      return sendError(res, rec, 400, 'IdempotentParameterMismatch', 'The request uses the same client token as a previous, but non-identical request.');
    if (p.DryRun === 'true') return sendError(res, rec, 400, 'DryRun.Success', 'This request is a dryrun request with successful result.');
    return sendJson(res, rec, 200, { RequestId: requestId(), ContainerGroupId: createGroup(p) });
  };
  const createGroup = (p: Record<string, string>): string => {
    const token = p.ClientToken || `no-token-${randomUUID()}`;
    if (!fingerprints.has(token)) fingerprints.set(token, fingerprint(p));
    let id = groups.get(token);
    if (!id) {
      id = `eci-${randomBytes(10).toString('hex').slice(0, 20)}`;
      groups.set(token, id);
    }
    return id;
  };

  const server: Server = createServer({ maxHeaderSize: maxHeaderBytes }, (req, res) => {
    const target = req.url ?? '/';
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
    const rec: ReceivedRequest = { method: req.method ?? '', target, headers, params: {}, signature: 'missing', status: 0 };
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        handle();
      } catch (err) {
        // A fault in this stand-in must fail the request at once, not leave the client waiting.
        if (!res.headersSent) sendError(res, rec, 500, 'InternalError', `The test endpoint failed: ${(err as Error).message}`);
        else res.destroy();
      }
    });
    const handle = (): void => {
      requests.push(rec);
      notify();
      if (Buffer.byteLength(target) > maxUrlBytes) return sendHtml(res, rec, 414, 'Request-URI Too Large');
      rec.params = parseQuery(target);
      rec.action = headers['x-acs-action'];
      rec.version = headers['x-acs-version'];
      if (req.method !== 'POST' || target.split('?')[0] !== '/') return sendError(res, rec, 404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.');
      if (!authenticate(req, res, rec, Buffer.concat(chunks))) return;
      if (rec.action !== 'CreateContainerGroup') return sendError(res, rec, 400, 'InvalidAction.NotFound', `Specified api "${rec.action}" is not found.`);
      if (rec.version !== '2018-08-08') return sendError(res, rec, 400, 'InvalidVersion', `Specified version "${rec.version}" is not valid.`);
      const fault = faults.shift();
      if (fault) rec.fault = fault.kind;
      switch (fault?.kind) {
        case undefined:
          return answer(res, rec);
        case 'error': {
          const e = errorOf(fault.code, fault.message);
          return sendError(res, rec, fault.status ?? e.status, fault.code, e.message);
        }
        case 'html':
          return sendHtml(res, rec, fault.status, fault.status === 502 ? 'Bad Gateway' : fault.status === 503 ? 'Service Temporarily Unavailable' : 'Error');
        case 'slow': {
          const t = setTimeout(() => {
            timers.delete(t);
            if (!res.destroyed && !res.writableEnded) answer(res, rec);
          }, fault.delayMs);
          timers.add(t);
          return;
        }
        case 'drop':
          rec.status = -1;
          req.socket.destroy();
          return;
        case 'drop-after-create':
          if (!serviceChecks(rec.params) && rec.params.DryRun !== 'true') createGroup(rec.params);
          rec.status = -1;
          req.socket.destroy();
          return;
        case 'hang':
          rec.status = -1;
          return;
        case 'answer':
          return sendJson(res, rec, fault.status, fault.body(rec));
      }
    };
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // A request head above maxHeaderBytes: answer 431 like a front end would (Node's default
  // answer carries no body; the front end's carries an HTML page).
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    const rec: ReceivedRequest = { method: '', target: '', headers: {}, params: {}, signature: 'missing', status: 0 };
    if (err.code === 'HPE_HEADER_OVERFLOW') {
      rec.status = 431;
      requests.push(rec);
      notify();
      const html = '<html><head><title>431 Request Header Fields Too Large</title></head><body><h1>431 Request Header Fields Too Large</h1></body></html>';
      if (socket.writable) socket.end(`HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-type: text/html\r\ncontent-length: ${html.length}\r\nconnection: close\r\n\r\n${html}`);
      else socket.destroy();
      return;
    }
    socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    endpoint: `127.0.0.1:${port}`,
    port,
    requests,
    groups,
    inject: (...f: Fault[]) => void faults.push(...f),
    pendingFaults: () => faults.length,
    waitForRequests: (n: number) =>
      new Promise<void>((resolve) => {
        waiters.push({ n, resolve });
        notify();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port that nothing listens on (taken from the system, then released), for refused connections. */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
