// The simulator's sense of time. Lifecycles are computed from the clock when asked (no timers),
// so a test can move a ManualClock forward and see the group as it would be then.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to. */
export class ManualClock implements Clock {
  constructor(private t: number = Date.now()) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

/** `2024-05-01T08:00:00Z`, the services' timestamp format. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** `2024-05-01T08:00:00.123000000Z`, the RFC 3339 nanosecond form of container log timestamps. */
export function isoNanos(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}
