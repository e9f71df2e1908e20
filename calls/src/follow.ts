// Following a launched group until it runs or fails (issue 11): the pure logic (is it done, did it
// fail and why, which events are new, how long to wait) and the poller (one per group, injectable
// clock and sleep). A recognised failure carries its explanation (en + ja) and the wire paths of the
// document it concerns, for a diagnostic on that line (keysForParameterPaths).
import { isRetryableServiceError } from './failures';
import { explainFollowFailure, type Explained, type FailureFacts, type FollowFailureKind } from './followExplanations';
import type { EciTarget, LiveContainer, LiveContainerGroup, LiveEvent, OperationFailure } from './lifecycleTypes';
import { describeContainerGroup, describeContainerLog } from './operations/lifecycleOperations';
import { GROUP_NOT_FOUND_CODE } from './operations/operation';
import { sleep as abortableSleep } from './transport';

export type { FollowFailureKind } from './followExplanations';

export const DEFAULT_FOLLOW_TIMEOUT_MS = 600_000;
export const FIRST_POLL_DELAY_MS = 1_000;
export const MAX_POLL_DELAY_MS = 5_000;
export const DEFAULT_SETTLE_MS = 5_000;
/** Log lines quoted with a crash. */
const LOG_LINES = 10;

export interface FollowFailure {
  kind: FollowFailureKind;
  /** The service's reason (ErrImagePull, CrashLoopBackOff, OOMKilled, Unhealthy, FailedMount, Failed, ...). */
  reason: string;
  /** The service's message, when it gave one. */
  message: string;
  /** The failing container, its 1-based index in Containers (or InitContainers), and which list. */
  container?: { name: string; index: number; init: boolean };
  exitCode?: number;
  lastLogLines?: string[];
  recommendedZones?: string[];
  /** Wire paths or flattened keys (`Container.1.Image`, `Container.1.Command`, `Volume.2`, `ZoneId`) the failure concerns. */
  parameterPaths: string[];
  explanation: Explained;
}

export type FollowResult =
  | { type: 'succeeded'; status: string; group: LiveContainerGroup }
  | { type: 'failed'; failure: FollowFailure; group: LiveContainerGroup }
  | { type: 'timeout'; seconds: number; status?: string; group?: LiveContainerGroup }
  /** The group disappeared while followed (deleted). */
  | { type: 'deleted'; id: string; regionId: string }
  /** A poll failed for a reason that retrying cannot cure (authentication, permission, an unknown id). */
  | { type: 'error'; outcome: OperationFailure }
  | { type: 'cancelled' };

export interface FollowListener {
  /** Each poll's view of the group. */
  onSnapshot?(group: LiveContainerGroup): void;
  /** Each event once, in the order the service lists them. */
  onEvent?(event: LiveEvent): void;
  /** A poll failed for a passing reason and will be tried again. */
  onRetry?(outcome: OperationFailure): void;
}

export interface FollowOptions extends FollowListener {
  /** The limit (default 600 s, `eci.followTimeoutSeconds`, `--wait-timeout`). */
  timeoutMs?: number;
  /**
   * How long a Running group must stay ready before it counts (default 5 s): a container that crashes
   * right after starting is ready for a moment, and the group reports Running meanwhile.
   */
  settleMs?: number;
  /** Milliseconds now (default Date.now). */
  now?: () => number;
  /** Waits (default: an abortable timer). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
}

// ---------------------------------------------------------------- pure logic

/** The wait before poll `n` (0-based): about 1 s first, growing by half each time, at most 5 s. */
export function pollDelayMs(n: number): number {
  return Math.min(MAX_POLL_DELAY_MS, Math.round(FIRST_POLL_DELAY_MS * 1.5 ** n));
}

/** Succeeded, or Running with every container ready (the poller also wants it to stay so for settleMs). */
export function isSuccess(g: LiveContainerGroup): boolean {
  if (g.Status === 'Succeeded') return true;
  const containers = g.Containers ?? [];
  return g.Status === 'Running' && containers.length > 0 && containers.every((c) => c.Ready === true);
}

/** The identity of an event (a repeated event with a higher Count is the same event). */
export function eventKey(e: LiveEvent): string {
  return [e.Type, e.Reason, e.Message, e.FirstTimestamp].join('\u0000');
}

/** The events not seen before (recorded in `seen`), each once. */
export function newEvents(seen: Set<string>, events: readonly LiveEvent[]): LiveEvent[] {
  const out: LiveEvent[] = [];
  for (const e of events) {
    const k = eventKey(e);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(e);
  }
  return out;
}

const PULL_REASONS = new Set(['ErrImagePull', 'ImagePullBackOff', 'ErrImageNeverPull', 'InvalidImageName']);
const ZONE = /\b[a-z]{2,}-[a-z]+(?:-[a-z0-9]+)+\b/g;

/** The zones a no-stock message recommends (`Recommend zones: [cn-hangzhou-h, cn-hangzhou-i]`). */
export function recommendedZonesOf(text: string): string[] {
  const m = /recommend\w*\s*zones?\W*(.*)$/is.exec(text);
  return m ? [...new Set(m[1].match(ZONE) ?? [])] : [];
}

function failure(
  kind: FollowFailureKind,
  reason: string,
  message: string,
  paths: string[],
  facts: FailureFacts,
  extra: Partial<FollowFailure> = {},
): FollowFailure {
  return {
    kind,
    reason,
    message,
    parameterPaths: paths,
    explanation: explainFollowFailure(kind, { ...facts, reason, message }),
    ...extra,
  };
}

function commandPath(prefix: string, c: LiveContainer): string {
  if (c.Commands?.length) return `${prefix}.Command`;
  if (c.Args?.length) return `${prefix}.Arg`;
  return `${prefix}.Image`;
}

/** A container that cannot succeed: its image, crash loop or OOM. */
function containerFailure(
  g: LiveContainerGroup,
  c: LiveContainer,
  index: number,
  init: boolean,
): FollowFailure | undefined {
  const prefix = `${init ? 'InitContainer' : 'Container'}.${index}`;
  const who = { container: { name: c.Name, index, init } };
  const cur = c.CurrentState ?? {};
  const prev = c.PreviousState ?? {};
  const curReason = cur.Reason ?? cur.DetailStatus ?? '';
  if (cur.State === 'Waiting' && PULL_REASONS.has(curReason))
    return failure(
      'image-pull',
      curReason,
      cur.Message ?? '',
      [`${prefix}.Image`],
      { container: c.Name, image: c.Image },
      who,
    );
  const oom = [cur, prev].find((s) => (s.Reason ?? s.DetailStatus) === 'OOMKilled');
  // A previous run that ended counts as much as a restart (the first back-off shows RestartCount 0).
  const ranBefore = (c.RestartCount ?? 0) > 0 || prev.State === 'Terminated';
  if (oom && (ranBefore || cur.State === 'Terminated')) {
    return failure(
      'oom',
      'OOMKilled',
      oom.Message ?? '',
      [c.Memory ? `${prefix}.Memory` : 'Memory'],
      { container: c.Name },
      { ...who, exitCode: oom.ExitCode ?? 137 },
    );
  }
  const crashedBefore = ranBefore && prev.ExitCode !== undefined && prev.ExitCode !== 0;
  const terminatedBadly =
    cur.State === 'Terminated' &&
    cur.ExitCode !== undefined &&
    cur.ExitCode !== 0 &&
    (g.Status === 'Failed' || g.RestartPolicy === 'Never');
  if (curReason === 'CrashLoopBackOff' || crashedBefore || terminatedBadly) {
    const exitCode = terminatedBadly ? cur.ExitCode : (prev.ExitCode ?? cur.ExitCode);
    return failure(
      'crash-loop',
      curReason || prev.Reason || 'Error',
      cur.Message ?? '',
      [commandPath(prefix, c)],
      { container: c.Name, exitCode },
      { ...who, exitCode },
    );
  }
  return undefined;
}

/** A failure an event tells of (pull, probe, mount, stock), placed on its container or volume. */
function eventFailure(g: LiveContainerGroup, e: LiveEvent): FollowFailure | undefined {
  const reason = e.Reason ?? '';
  const message = e.Message ?? '';
  const containers = g.Containers ?? [];
  if (/Failed to pull image/i.test(message)) {
    const image = /Failed to pull image "([^"]+)"/i.exec(message)?.[1];
    const i = containers.findIndex((c) => c.Image === image);
    const c = containers[i];
    return failure(
      'image-pull',
      reason,
      message,
      [i >= 0 ? `Container.${i + 1}.Image` : 'Container[].Image'],
      { container: c?.Name, image },
      c ? { container: { name: c.Name, index: i + 1, init: false } } : {},
    );
  }
  if (reason === 'Unhealthy') {
    const probe = /\b(liveness|readiness|startup)\b/i.exec(message)?.[1]?.toLowerCase() ?? 'liveness';
    const key = probe === 'readiness' ? 'ReadinessProbe' : probe === 'startup' ? 'StartupProbe' : 'LivenessProbe';
    const named = containers.findIndex((c) => message.includes(c.Name));
    const withProbe = containers.findIndex((c) => c[key] !== undefined && c[key] !== null);
    const i = named >= 0 ? named : withProbe >= 0 ? withProbe : containers.length === 1 ? 0 : -1;
    const c = containers[i];
    return failure(
      'probe',
      reason,
      message,
      [i >= 0 ? `Container.${i + 1}.${key}` : `Container[].${key}`],
      { container: c?.Name, probe },
      c ? { container: { name: c.Name, index: i + 1, init: false } } : {},
    );
  }
  if (reason === 'FailedMount' || reason === 'FailedAttachVolume' || /MountVolume\.\w+ failed/i.test(message)) {
    const volume = /volume "([^"]+)"/i.exec(message)?.[1];
    const k = (g.Volumes ?? []).findIndex((v) => v.Name === volume);
    const mount = containers.findIndex((c) => (c.VolumeMounts ?? []).some((m) => m.Name === volume));
    const paths = [k >= 0 ? `Volume.${k + 1}` : 'Volume'];
    if (mount >= 0) {
      const m = (containers[mount].VolumeMounts ?? []).findIndex((x) => x.Name === volume);
      paths.push(`Container.${mount + 1}.VolumeMount.${m + 1}`);
    }
    return failure('mount', reason, message, paths, { volume });
  }
  if (
    /NoStock|no ?stock|out of stock|insufficient (capacity|resource)|Recommend\w* zones?/i.test(`${reason} ${message}`)
  ) {
    const zones = recommendedZonesOf(message);
    return failure(
      'no-stock',
      reason,
      message,
      ['ZoneId', 'VSwitchId', 'InstanceType'],
      { zones },
      zones.length ? { recommendedZones: zones } : {},
    );
  }
  return undefined;
}

/**
 * Why the group cannot succeed, or undefined while it still may: its containers first (image, crash,
 * OOM), then its Warning events (pull, probe, mount, stock), then Failed / Expired.
 */
export function recognizeFailure(
  g: LiveContainerGroup,
  events: readonly LiveEvent[] = g.Events ?? [],
): FollowFailure | undefined {
  const lists: [LiveContainer[], boolean][] = [
    [g.InitContainers ?? [], true],
    [g.Containers ?? [], false],
  ];
  for (const [list, init] of lists) {
    for (let i = 0; i < list.length; i++) {
      const f = containerFailure(g, list[i], i + 1, init);
      if (f) return f;
    }
  }
  for (const e of events) {
    if (e.Type !== 'Warning' && !/NoStock/i.test(e.Reason ?? '')) continue;
    const f = eventFailure(g, e);
    if (f) return f;
  }
  if (g.Status === 'Expired') return failure('expired', 'Expired', '', [], {});
  if (g.Status === 'Failed') {
    const last = [...events].reverse().find((e) => e.Type === 'Warning');
    return failure('group-failed', last?.Reason ?? 'Failed', last?.Message ?? '', [], {});
  }
  return undefined;
}

// ---------------------------------------------------------------- the poller

/** A follow under way: its result, and a way to stop it or to listen to it too. */
export interface FollowHandle {
  id: string;
  /** True when this call joined a follow already under way for the same group (one poller per group). */
  joined: boolean;
  result: Promise<FollowResult>;
  /** Adds a listener; returns its removal. */
  listen(listener: FollowListener): () => void;
  /** Stops the follow (for every listener): the result is `cancelled`. */
  cancel(): void;
}

interface Running {
  handle: Omit<FollowHandle, 'joined'>;
  listeners: Set<FollowListener>;
  /** Every event reported so far (a joining listener gets them first). */
  events: LiveEvent[];
}

const running = new Map<string, Running>();

function followKey(target: EciTarget, id: string): string {
  return `${target.protocol ?? 'https'}://${target.endpoint ?? ''}|${target.regionId}|${id}`;
}

/** The groups being followed now (their ids), for tests and status displays. */
export function followedGroups(): string[] {
  return [...running.keys()].map((k) => k.slice(k.lastIndexOf('|') + 1));
}

/**
 * Follows a group until it succeeds (Running with every container ready, or Succeeded), fails for a
 * recognised reason, disappears, or the limit passes. A second call for the same group while one
 * runs joins it (same result; its listener gets the events reported so far, then the new ones).
 */
export function followContainerGroup(target: EciTarget, id: string, options: FollowOptions = {}): FollowHandle {
  const key = followKey(target, id);
  const existing = running.get(key);
  if (existing) {
    for (const e of existing.events) options.onEvent?.(e);
    existing.listeners.add(options);
    return { ...existing.handle, joined: true };
  }
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const entry: Running = { listeners: new Set([options]), events: [], handle: undefined as never };
  const result = poll(target, id, options, controller.signal, entry).finally(() => {
    running.delete(key);
    options.signal?.removeEventListener('abort', onOuterAbort);
  });
  entry.handle = {
    id,
    result,
    listen: (l) => {
      for (const e of entry.events) l.onEvent?.(e);
      entry.listeners.add(l);
      return () => entry.listeners.delete(l);
    },
    cancel: () => controller.abort(),
  };
  running.set(key, entry);
  return { ...entry.handle, joined: false };
}

/** Throttling, 5xx, a reset, a timeout, a non-JSON answer: the next poll may well succeed. */
export function isPassingFailure(o: OperationFailure): boolean {
  if (o.type === 'service-error') return isRetryableServiceError(o.code, o.httpStatus);
  if (o.type === 'network-error') return o.kind === 'reset' || o.kind === 'timeout' || o.kind === 'bad-response';
  return false;
}

async function poll(
  target: EciTarget,
  id: string,
  o: FollowOptions,
  signal: AbortSignal,
  entry: Running,
): Promise<FollowResult> {
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? abortableSleep;
  const limit = o.timeoutMs ?? DEFAULT_FOLLOW_TIMEOUT_MS;
  const start = now();
  const seen = new Set<string>();
  const each = (f: (l: FollowListener) => void) => {
    for (const l of entry.listeners) {
      try {
        f(l);
      } catch {
        /* a listener's failure is its own */
      }
    }
  };
  // Each poll is one attempt: the follow itself is the retry loop.
  const pollTarget: EciTarget = { ...target, maxAttempts: 1, signal };
  const settleMs = o.settleMs ?? DEFAULT_SETTLE_MS;
  let last: LiveContainerGroup | undefined;
  /** When the group was first seen Running with every container ready (since then, without a break). */
  let readySince: number | undefined;
  for (let n = 0; ; n++) {
    if (signal.aborted) return { type: 'cancelled' };
    const out = await describeContainerGroup(pollTarget, id);
    if (out.type === 'cancelled' || signal.aborted) return { type: 'cancelled' };
    if (out.type === 'ok') {
      const g = out.value;
      last = g;
      for (const e of newEvents(seen, g.Events ?? [])) {
        entry.events.push(e);
        each((l) => l.onEvent?.(e));
      }
      each((l) => l.onSnapshot?.(g));
      const f = recognizeFailure(g);
      if (f) {
        if (f.container && (f.kind === 'crash-loop' || f.kind === 'oom')) await attachLog(pollTarget, id, g, f);
        return { type: 'failed', failure: f, group: g };
      }
      if (g.Status === 'Succeeded') return { type: 'succeeded', status: g.Status, group: g };
      if (isSuccess(g)) {
        readySince ??= now();
        if (now() - readySince >= settleMs) return { type: 'succeeded', status: g.Status ?? '', group: g };
      } else readySince = undefined;
    } else if (out.type === 'service-error' && out.code === GROUP_NOT_FOUND_CODE && last) {
      return { type: 'deleted', id, regionId: target.regionId };
    } else if (isPassingFailure(out)) {
      each((l) => l.onRetry?.(out));
    } else {
      return { type: 'error', outcome: out };
    }
    const left = limit - (now() - start);
    if (left <= 0)
      return { type: 'timeout', seconds: limit / 1000, ...(last ? { status: last.Status, group: last } : {}) };
    try {
      const settleLeft = readySince !== undefined ? Math.max(0, settleMs - (now() - readySince)) : Infinity;
      await sleep(Math.min(pollDelayMs(n), left, settleLeft), signal);
    } catch {
      return { type: 'cancelled' };
    }
  }
}

/** The last lines of the run that crashed, into the failure and its explanation. */
async function attachLog(target: EciTarget, id: string, g: LiveContainerGroup, f: FollowFailure): Promise<void> {
  const c = f.container!;
  if (c.init) return;
  const current = g.Containers?.[c.index - 1]?.CurrentState;
  const out = await describeContainerLog(target, {
    id,
    container: c.name,
    tail: LOG_LINES,
    previous: current?.State !== 'Terminated',
  });
  if (out.type !== 'ok') return;
  const lines = out.value.content.split('\n').filter((l) => l !== '');
  if (!lines.length) return;
  f.lastLogLines = lines;
  f.explanation = explainFollowFailure(f.kind, { container: c.name, exitCode: f.exitCode, lastLogLines: lines });
}
