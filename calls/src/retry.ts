// Attempts with exponential backoff and full jitter, cancellable: the loop every operation runs its
// attempts in. An attempt says whether its result is final or worth another try (and why).
import { Cancelled, sleep } from './transport';

export const DEFAULT_MAX_ATTEMPTS = 4;
export const DEFAULT_BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 20_000;

/** One attempt's result: final, or worth retrying (`retry` says why) with `last` as the result should none follow. */
export type AttemptResult<T> = { done: T } | { retry: string; last: T };

export interface RetryOptions {
  /** Total attempts including the first (at least 1). */
  maxAttempts: number;
  /** Base delay of the exponential backoff in ms (full jitter; capped at 20 s). */
  backoffBaseMs: number;
  signal?: AbortSignal;
  /** Called before each attempt: n is 1-based; reason says why a retry happens (undefined for the first). */
  onAttempt?: (attempt: number, reason: string | undefined) => void;
}

/**
 * Runs `attempt` until a result is final or the attempts are used up (then the last result stands,
 * `exhausted`).
 * Resolves `{ cancelled }` when the signal aborts (or an attempt throws Cancelled), with the number of
 * the attempt under way. Any other error of an attempt propagates.
 */
export async function withRetries<T>(
  o: RetryOptions,
  attempt: (n: number) => Promise<AttemptResult<T>>,
): Promise<{ result: T; attempts: number; exhausted: boolean } | { cancelled: true; attempts: number }> {
  const maxAttempts = Math.max(1, Math.floor(o.maxAttempts));
  let last: T | undefined;
  let reason: string | undefined;
  let n = 0;
  try {
    while (n < maxAttempts) {
      n += 1;
      if (n > 1) {
        const ceiling = Math.min(BACKOFF_CAP_MS, o.backoffBaseMs * 2 ** (n - 2));
        await sleep(ceiling / 2 + Math.random() * (ceiling / 2), o.signal);
      }
      if (o.signal?.aborted) throw new Cancelled();
      o.onAttempt?.(n, reason);
      const r = await attempt(n);
      if ('done' in r) return { result: r.done, attempts: n, exhausted: false };
      last = r.last;
      reason = r.retry;
    }
  } catch (e) {
    if (e instanceof Cancelled) return { cancelled: true, attempts: n };
    throw e;
  }
  return { result: last as T, attempts: n, exhausted: true };
}
