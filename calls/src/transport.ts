// The network under a call: a TCP probe that bounds the connection time, and waits that a caller's
// AbortSignal cuts short (the SDK cannot abort a request in flight: cancelling stops waiting at once).
import { connect as netConnect } from 'node:net';
import type { NetworkErrorDetail, NetworkErrorKind } from './types';

/** Thrown inside the layer when the caller's signal aborts; an operation turns it into a `cancelled` outcome. */
export class Cancelled extends Error {}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
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
export function raceAbort<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
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

export interface ConnectFailure {
  kind: NetworkErrorKind;
  detail: NetworkErrorDetail;
  retryable: boolean;
}

/**
 * Opens and closes one TCP connection to the endpoint within `connectMs`. The SDK's own
 * "connect timeout" is an idle-socket timeout that also cuts the wait for the answer, so it is set
 * to the read timeout and the connection bound is enforced here.
 */
export function probeConnect(
  host: string,
  port: number,
  connectMs: number,
  signal?: AbortSignal,
): Promise<ConnectFailure | undefined> {
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
      () =>
        done({
          kind: 'timeout',
          retryable: true,
          detail: { reason: 'connect-timeout', host, port, seconds: connectMs / 1000 },
        }),
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
      else if (e.code === 'ECONNREFUSED')
        done({ kind: 'refused', retryable: false, detail: { reason: 'connection-refused', host, port } });
      else if (e.code === 'ETIMEDOUT')
        done({ kind: 'timeout', retryable: true, detail: { reason: 'connect-timeout', host, port } });
      else
        done({
          kind: 'reset',
          retryable: true,
          detail: { reason: 'connect-failed', host, port, errno: e.code ?? 'connection error' },
        });
    });
  });
}
