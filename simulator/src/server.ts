// The simulator's HTTP server: one loopback server answers every product (ECI 2018-08-08,
// VPC 2016-04-28, ECS 2014-05-26), routed on the x-acs-action and x-acs-version headers the SDK
// sends. RPC over `POST /` with every parameter in the query string; signatures verified; the
// services' JSON error bodies; front-end limits on URL and header size; injectable faults (5xx,
// throttling, HTML 502 pages, slow answers, dropped connections) for any action. ClientToken is
// honoured: the same token never creates a second group.
//
// Listens on 127.0.0.1 only. Never started unless asked for (`eci simulator`, or a test).
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { seededAccount, type Account } from './account';
import { systemClock, type Clock } from './clock';
import { EciService, type Answer, type TokenMap } from './eci';
import { DEFAULT_TIMING, type LifecycleTiming } from './lifecycle';
import { describeEipAddresses, describeSecurityGroups, describeVSwitches } from './network';
import {
  authenticate,
  errorBody,
  errorOf,
  frontEndPage,
  parseQuery,
  type AccessKeyRecord,
  type ServiceError,
} from './protocol';
import { attachExecShell } from './shell';

export interface SimulatorOptions {
  /** Known access keys (AccessKey ID -> secret). */
  accessKeys: Record<string, AccessKeyRecord>;
  /** The port to listen on (127.0.0.1). Default 0: any free port. */
  port?: number;
  /** Longest request target (path + query) accepted before answering 414, in bytes. Default 16384. */
  maxUrlBytes?: number;
  /** Largest request head accepted (request line + headers) before answering 431, in bytes. Default 32768. */
  maxHeaderBytes?: number;
  /** Accepted difference between x-acs-date and the real clock. Default 15 minutes. */
  maxClockSkewMs?: number;
  /** The HostId put into ECI error bodies. Default `eci.cn-hangzhou.aliyuncs.com`. */
  hostId?: string;
  /** The clock of the simulated lifecycles (signature dates are always checked against the real one). */
  clock?: Clock;
  /** How long things take in the simulated lifecycle (each part optional). */
  timing?: Partial<LifecycleTiming>;
  /** The fake account (default: seededAccount()). */
  account?: Account;
}

/** One fault, consumed by one request (in order), before the normal answer resumes. */
export type Fault = (
  | { kind: 'error'; code: string; status?: number; message?: string }
  | { kind: 'html'; status: number }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'drop' }
  /** The group is created (the token remembered), then the connection drops before the answer. */
  | { kind: 'drop-after-create' }
  | { kind: 'hang' }
  /** An answer built from the request as received (e.g. an error whose fields echo the request). */
  | { kind: 'answer'; status: number; body: (request: ReceivedRequest) => Record<string, unknown> }
) & {
  /** Only a request for this action consumes the fault (default: any action). */
  action?: string;
};

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

export interface Simulator {
  /** `127.0.0.1:PORT`, for the SDK's config.endpoint. */
  readonly endpoint: string;
  readonly port: number;
  /** Every request received, in order (including rejected ones). */
  readonly requests: ReceivedRequest[];
  /** Container groups created: ClientToken (or a generated key) -> ContainerGroupId. */
  readonly groups: TokenMap;
  /** The ECI state (container groups by id, with their lifecycle). */
  readonly eci: EciService;
  /** The fake account the look-ups answer from. */
  readonly account: Account;
  /** Queues faults; each request consumes the first one left that applies to its action. */
  inject(...faults: Fault[]): void;
  /** Number of faults still queued. */
  pendingFaults(): number;
  /** Resolves when `n` requests have been received. */
  waitForRequests(n: number): Promise<void>;
  close(): Promise<void>;
}

type Handler = (p: Record<string, string>, requestId: string) => Answer;

/** The operations by version and action. */
function routes(
  eci: EciService,
  account: Account,
): Record<string, { product: string; actions: Record<string, Handler> }> {
  return {
    '2018-08-08': {
      product: 'Eci',
      actions: {
        DescribeContainerGroups: (p, id) => eci.describeContainerGroups(p, id),
        DescribeContainerGroupStatus: (p, id) => eci.describeContainerGroupStatus(p, id),
        DescribeContainerGroupEvents: (p, id) => eci.describeContainerGroupEvents(p, id),
        DescribeContainerLog: (p, id) => eci.describeContainerLog(p, id),
        ExecContainerCommand: (p, id) => eci.execContainerCommand(p, id),
        RestartContainerGroup: (p, id) => eci.restartContainerGroup(p, id),
        DeleteContainerGroup: (p, id) => eci.deleteContainerGroup(p, id),
        UpdateContainerGroup: (p, id) => eci.updateContainerGroup(p, id),
        DescribeContainerGroupPrice: (p, id) => eci.describeContainerGroupPrice(p, id),
        DescribeRegions: (p, id) => eci.describeRegions(p, id),
        DescribeAvailableResource: (p, id) => eci.describeAvailableResource(p, id),
        DescribeImageCaches: (p, id) => eci.describeImageCaches(p, id),
        CreateContainerGroup: (p, id) => {
          const problem = eci.createChecks(p);
          if (problem) return { error: problem };
          // As the service does: a ClientToken already used with other parameters is refused.
          if (p.DryRun !== 'true' && eci.tokenReusedWithOtherParameters(p)) {
            return {
              error: {
                status: 400,
                code: 'IdempotentParameterMismatch',
                message: 'The request uses the same client token as a previous, but non-identical request.',
              },
            };
          }
          if (p.DryRun === 'true')
            return { error: errorOf('DryRun.Success', 'This request is a dryrun request with successful result.') };
          return { body: { RequestId: id, ContainerGroupId: eci.createGroup(p) } };
        },
      },
    },
    '2016-04-28': {
      product: 'Vpc',
      actions: {
        DescribeVSwitches: (p, id) => describeVSwitches(account, p, id),
        DescribeEipAddresses: (p, id) => describeEipAddresses(account, p, id),
      },
    },
    '2014-05-26': {
      product: 'Ecs',
      actions: {
        DescribeSecurityGroups: (p, id) => describeSecurityGroups(account, p, id),
      },
    },
  };
}

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const maxUrlBytes = options.maxUrlBytes ?? 16384;
  const maxHeaderBytes = options.maxHeaderBytes ?? 32768;
  const maxSkew = options.maxClockSkewMs ?? 15 * 60_000;
  const hostId = options.hostId ?? 'eci.cn-hangzhou.aliyuncs.com';
  const clock = options.clock ?? systemClock;
  const account = options.account ?? seededAccount();
  const timing: LifecycleTiming = { ...DEFAULT_TIMING, ...options.timing };
  const requests: ReceivedRequest[] = [];
  const groups: TokenMap = new Map();
  const faults: Fault[] = [];
  const nonces = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  const waiters: { n: number; resolve: () => void }[] = [];
  let port = 0;
  const eci = new EciService(clock, timing, account, groups, () => `ws://127.0.0.1:${port}`);
  const table = routes(eci, account);

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
    res.writeHead(status, {
      'content-type': 'application/json;charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'x-acs-request-id': String(body.RequestId),
    });
    res.end(text);
  };
  const productOf = (rec: ReceivedRequest) => (rec.version && table[rec.version]?.product) || 'Eci';
  const sendError = (res: ServerResponse, rec: ReceivedRequest, e: ServiceError) => {
    const product = productOf(rec);
    const host = product === 'Eci' ? hostId : `${product.toLowerCase()}.aliyuncs.com`;
    sendJson(res, rec, e.status, errorBody(requestId(), host, product, e));
  };
  const sendHtml = (res: ServerResponse, rec: ReceivedRequest, status: number, title: string) => {
    rec.status = status;
    const html = frontEndPage(status, title);
    res.writeHead(status, {
      'content-type': 'text/html',
      'content-length': Buffer.byteLength(html),
      connection: 'close',
    });
    res.end(html);
  };

  const answer = (res: ServerResponse, rec: ReceivedRequest, handler: Handler) => {
    const a = handler(rec.params, requestId());
    if ('error' in a) return sendError(res, rec, a.error);
    return sendJson(res, rec, 200, a.body);
  };

  const takeFault = (action: string): Fault | undefined => {
    const i = faults.findIndex((f) => f.action === undefined || f.action === action);
    return i < 0 ? undefined : faults.splice(i, 1)[0];
  };

  const server: Server = createServer({ maxHeaderSize: maxHeaderBytes }, (req, res) => {
    const target = req.url ?? '/';
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
    const rec: ReceivedRequest = {
      method: req.method ?? '',
      target,
      headers,
      params: {},
      signature: 'missing',
      status: 0,
    };
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        handle();
      } catch (err) {
        // A fault in the simulator must fail the request at once, not leave the client waiting.
        if (!res.headersSent)
          sendError(res, rec, {
            status: 500,
            code: 'InternalError',
            message: `The simulator failed: ${(err as Error).message}`,
          });
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
      if (req.method !== 'POST' || target.split('?')[0] !== '/')
        return sendError(res, rec, {
          status: 404,
          code: 'InvalidAction.NotFound',
          message: 'Specified api is not found, please check your url and method.',
        });
      const auth = authenticate(
        { method: req.method, target, headers, params: rec.params, body: Buffer.concat(chunks) },
        { accessKeys: options.accessKeys, maxClockSkewMs: maxSkew, nonces, now: () => Date.now() },
      );
      rec.accessKeyId = auth.accessKeyId;
      if (!auth.ok) {
        rec.signature = auth.signature;
        return sendError(res, rec, auth.error);
      }
      rec.signature = 'valid';
      const product = rec.version ? table[rec.version] : undefined;
      const handler = product?.actions[rec.action ?? ''];
      if (!handler) {
        const known = Object.values(table).some((t) => rec.action && t.actions[rec.action]);
        if (known)
          return sendError(res, rec, {
            status: 400,
            code: 'InvalidVersion',
            message: `Specified version "${rec.version}" is not valid.`,
          });
        return sendError(res, rec, {
          status: 400,
          code: 'InvalidAction.NotFound',
          message: `Specified api "${rec.action}" is not found.`,
        });
      }
      const fault = takeFault(rec.action!);
      if (fault) rec.fault = fault.kind;
      switch (fault?.kind) {
        case undefined:
          return answer(res, rec, handler);
        case 'error': {
          const e = errorOf(fault.code, fault.message);
          return sendError(res, rec, { ...e, status: fault.status ?? e.status });
        }
        case 'html':
          return sendHtml(
            res,
            rec,
            fault.status,
            fault.status === 502 ? 'Bad Gateway' : fault.status === 503 ? 'Service Temporarily Unavailable' : 'Error',
          );
        case 'slow': {
          const t = setTimeout(() => {
            timers.delete(t);
            if (!res.destroyed && !res.writableEnded) answer(res, rec, handler);
          }, fault.delayMs);
          timers.add(t);
          return;
        }
        case 'drop':
          rec.status = -1;
          req.socket.destroy();
          return;
        case 'drop-after-create':
          if (rec.action === 'CreateContainerGroup' && !eci.createChecks(rec.params) && rec.params.DryRun !== 'true')
            eci.createGroup(rec.params);
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
      const html =
        '<html><head><title>431 Request Header Fields Too Large</title></head><body><h1>431 Request Header Fields Too Large</h1></body></html>';
      if (socket.writable)
        socket.end(
          `HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-type: text/html\r\ncontent-length: ${html.length}\r\nconnection: close\r\n\r\n${html}`,
        );
      else socket.destroy();
      return;
    }
    socket.destroy();
  });
  const closeShells = attachExecShell(server, eci);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    endpoint: `127.0.0.1:${port}`,
    port,
    requests,
    groups,
    eci,
    account,
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
        closeShells();
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
