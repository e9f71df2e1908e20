// The simulated lifecycle of a container group, computed from the clock: what each container is
// doing at time t, the events so far and the log lines of a run. Nothing here keeps time itself.
//   - Pending for `pendingMs` (scheduled, image pulled half-way), then Running;
//   - an image whose name contains `doesnotexist` is never pulled: ErrImagePull, then
//     ImagePullBackOff with retries, the group stays Pending;
//   - a container whose Command/Arg says `exit N` (N > 0), or runs `false`, exits with N (1) after
//     `crashAfterMs`, and restarts with the kubelet's back-off (10 s doubling, at most 300 s):
//     CrashLoopBackOff, RestartCount grows, LastState Terminated with the exit code;
//   - `oom` in the command of a container with at most 0.5 GiB of memory: OOMKilled (137);
//   - `exit 0` ends the container successfully (Completed).
// RestartPolicy Always restarts every exit, OnFailure only failures, Never none.

export interface LifecycleTiming {
  /** How long a new (or restarted, or updated) group stays Pending. */
  pendingMs: number;
  /** How long a container that exits runs before it does. */
  crashAfterMs: number;
  /** The first restart back-off (doubles each time, at most 300 s as the kubelet does). */
  backoffBaseMs: number;
  /** One generated log line every this long while a container runs. */
  logIntervalMs: number;
}

export const DEFAULT_TIMING: LifecycleTiming = {
  pendingMs: 5000,
  crashAfterMs: 2000,
  backoffBaseMs: 10_000,
  logIntervalMs: 2000,
};

export interface ContainerSpec {
  Name: string;
  Image: string;
  Command: string[];
  Arg: string[];
  Cpu?: number;
  Memory?: number;
  Ports: { Port: number; Protocol: string }[];
  EnvironmentVars: { Key: string; Value: string }[];
  WorkingDir?: string;
  ImagePullPolicy?: string;
  Tty: boolean;
  Stdin: boolean;
}

export type Behaviour =
  | { kind: 'runs' }
  | { kind: 'pull-fails' }
  | { kind: 'exits'; exitCode: number; reason: 'Error' | 'Completed' | 'OOMKilled' };

/** What a container will do, read from its image and command. */
export function behaviourOf(c: ContainerSpec, groupMemory: number | undefined, containers: number): Behaviour {
  if (/doesnotexist/i.test(c.Image)) return { kind: 'pull-fails' };
  const text = [...c.Command, ...c.Arg].join(' ');
  const memory = c.Memory ?? (groupMemory !== undefined ? groupMemory / Math.max(1, containers) : undefined);
  if (/\boom\b/i.test(text) && memory !== undefined && memory <= 0.5)
    return { kind: 'exits', exitCode: 137, reason: 'OOMKilled' };
  const exit = /\bexit\s+(\d+)/.exec(text);
  if (exit) {
    const code = Number(exit[1]) % 256;
    return { kind: 'exits', exitCode: code, reason: code === 0 ? 'Completed' : 'Error' };
  }
  if (/(^|[\s;&|(])false($|[\s;&|)])/.test(text)) return { kind: 'exits', exitCode: 1, reason: 'Error' };
  return { kind: 'runs' };
}

export interface Run {
  start: number;
  /** When the run ended (undefined: it goes on). */
  end?: number;
  exitCode?: number;
  reason?: string;
}

export type ContainerState =
  | { state: 'Waiting'; reason: string; message: string }
  | { state: 'Running'; startedAt: number }
  | { state: 'Terminated'; run: Run };

export interface ContainerStatus {
  spec: ContainerSpec;
  behaviour: Behaviour;
  current: ContainerState;
  /** The run before the current state, when there was one. */
  last?: Run;
  restartCount: number;
  ready: boolean;
  /** Every run started so far (for logs). */
  runs: Run[];
  /** Pull attempts so far (for an image that cannot be pulled). */
  pullAttempts: number[];
}

export interface SimEvent {
  at: number;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  component: 'default-scheduler' | 'kubelet';
}

function backoff(timing: LifecycleTiming, k: number): number {
  return Math.min(timing.backoffBaseMs * 2 ** k, 300_000);
}

function restarts(policy: string, exitCode: number): boolean {
  if (policy === 'Never') return false;
  if (policy === 'OnFailure') return exitCode !== 0;
  return true;
}

/** The status of one container at time `t`, for a group whose current life began at `epoch`. */
export function containerStatus(
  spec: ContainerSpec,
  behaviour: Behaviour,
  epoch: number,
  t: number,
  policy: string,
  timing: LifecycleTiming,
  groupId: string,
): ContainerStatus {
  const started = epoch + timing.pendingMs;
  const status: ContainerStatus = {
    spec,
    behaviour,
    current: { state: 'Waiting', reason: 'ContainerCreating', message: '' },
    restartCount: 0,
    ready: false,
    runs: [],
    pullAttempts: [],
  };
  if (behaviour.kind === 'pull-fails') {
    // First pull half-way through Pending, fails when the group would have started; then retried with back-off.
    let attempt = epoch + timing.pendingMs / 2;
    for (let k = 0; attempt <= t && k < 10_000; k++) {
      status.pullAttempts.push(attempt);
      attempt += timing.pendingMs / 2 + backoff(timing, k);
    }
    const failures = status.pullAttempts.filter((a) => a + timing.pendingMs / 2 <= t).length;
    if (failures === 0) return status;
    const lastFailure = status.pullAttempts[failures - 1] + timing.pendingMs / 2;
    const inBackOff = t >= lastFailure + 1000 && failures === status.pullAttempts.length;
    status.current = inBackOff
      ? { state: 'Waiting', reason: 'ImagePullBackOff', message: `Back-off pulling image "${spec.Image}"` }
      : { state: 'Waiting', reason: 'ErrImagePull', message: pullFailure(spec.Image) };
    return status;
  }
  if (t < started) return status;
  if (behaviour.kind === 'runs') {
    const run: Run = { start: started };
    status.runs.push(run);
    status.current = { state: 'Running', startedAt: started };
    status.ready = true;
    return status;
  }
  let start = started;
  for (let k = 0; start <= t && k < 100_000; k++) {
    const run: Run = {
      start,
      end: start + timing.crashAfterMs,
      exitCode: behaviour.exitCode,
      reason: behaviour.reason,
    };
    status.runs.push(run);
    if (t < run.end!) {
      status.current = { state: 'Running', startedAt: start };
      status.ready = true;
      status.last = status.runs[status.runs.length - 2];
      run.end = undefined;
      run.exitCode = undefined;
      run.reason = undefined;
      break;
    }
    if (!restarts(policy, behaviour.exitCode)) {
      status.current = { state: 'Terminated', run };
      status.last = status.runs[status.runs.length - 2];
      break;
    }
    const next = run.end! + backoff(timing, k);
    if (t < next) {
      status.current = {
        state: 'Waiting',
        reason: 'CrashLoopBackOff',
        message: `back-off ${Math.round(backoff(timing, k) / 1000)}s restarting failed container=${spec.Name} pod=${groupId}`,
      };
      status.last = run;
      break;
    }
    start = next;
  }
  status.restartCount = Math.max(0, status.runs.length - 1);
  return status;
}

function pullFailure(image: string): string {
  return `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": not found`;
}

/** Every event of one life of a group up to time `t`, in the order they happened. */
export function lifeEvents(
  groupId: string,
  zoneId: string,
  statuses: ContainerStatus[],
  epoch: number,
  t: number,
  timing: LifecycleTiming,
): SimEvent[] {
  const out: SimEvent[] = [];
  if (t < epoch) return out;
  out.push({
    at: epoch,
    type: 'Normal',
    reason: 'Scheduled',
    message: `Successfully assigned default/${groupId} to virtual-kubelet-${zoneId}`,
    component: 'default-scheduler',
  });
  for (const s of statuses) {
    const image = s.spec.Image;
    if (s.behaviour.kind === 'pull-fails') {
      for (const a of s.pullAttempts) {
        out.push({
          at: a,
          type: 'Normal',
          reason: 'Pulling',
          message: `pulling image "${image}"`,
          component: 'kubelet',
        });
        if (a + timing.pendingMs / 2 <= t) {
          out.push({
            at: a + timing.pendingMs / 2,
            type: 'Warning',
            reason: 'Failed',
            message: pullFailure(image),
            component: 'kubelet',
          });
          out.push({
            at: a + timing.pendingMs / 2,
            type: 'Warning',
            reason: 'Failed',
            message: 'Error: ErrImagePull',
            component: 'kubelet',
          });
        }
        if (a + timing.pendingMs / 2 + 1000 <= t) {
          out.push({
            at: a + timing.pendingMs / 2 + 1000,
            type: 'Normal',
            reason: 'BackOff',
            message: `Back-off pulling image "${image}"`,
            component: 'kubelet',
          });
          out.push({
            at: a + timing.pendingMs / 2 + 1000,
            type: 'Warning',
            reason: 'Failed',
            message: 'Error: ImagePullBackOff',
            component: 'kubelet',
          });
        }
      }
      continue;
    }
    const pullAt = epoch + timing.pendingMs / 2;
    if (t >= pullAt)
      out.push({
        at: pullAt,
        type: 'Normal',
        reason: 'Pulling',
        message: `pulling image "${image}"`,
        component: 'kubelet',
      });
    if (s.runs.length)
      out.push({
        at: s.runs[0].start,
        type: 'Normal',
        reason: 'Pulled',
        message: `Successfully pulled image "${image}"`,
        component: 'kubelet',
      });
    s.runs.forEach((run, k) => {
      out.push({
        at: run.start,
        type: 'Normal',
        reason: 'Created',
        message: `Created container ${s.spec.Name}`,
        component: 'kubelet',
      });
      out.push({
        at: run.start,
        type: 'Normal',
        reason: 'Started',
        message: `Started container ${s.spec.Name}`,
        component: 'kubelet',
      });
      if (
        run.end !== undefined &&
        run.end <= t &&
        (k < s.runs.length - 1 || (s.current.state === 'Waiting' && s.current.reason === 'CrashLoopBackOff'))
      ) {
        out.push({
          at: run.end,
          type: 'Warning',
          reason: 'BackOff',
          message: `Back-off restarting failed container ${s.spec.Name} in pod ${groupId}`,
          component: 'kubelet',
        });
      }
    });
  }
  return out.sort((a, b) => a.at - b.at);
}

export interface AggregatedEvent {
  type: string;
  reason: string;
  message: string;
  count: number;
  first: number;
  last: number;
  component: string;
}

/** Events with the same reason and message counted together, as Kubernetes does. */
export function aggregate(events: SimEvent[]): AggregatedEvent[] {
  const byKey = new Map<string, AggregatedEvent>();
  for (const e of events) {
    const key = `${e.type}\u0000${e.reason}\u0000${e.message}`;
    const a = byKey.get(key);
    if (a) {
      a.count += 1;
      a.last = Math.max(a.last, e.at);
      a.first = Math.min(a.first, e.at);
    } else
      byKey.set(key, {
        type: e.type,
        reason: e.reason,
        message: e.message,
        count: 1,
        first: e.at,
        last: e.at,
        component: e.component,
      });
  }
  return [...byKey.values()];
}

export interface LogLine {
  at: number;
  text: string;
}

/** The log lines one run of a container printed up to time `t`. */
export function runLog(spec: ContainerSpec, run: Run, t: number, timing: LifecycleTiming): LogLine[] {
  const lines: LogLine[] = [];
  const end = run.end !== undefined ? Math.min(run.end, t) : t;
  if (run.start > t) return lines;
  const command = [...spec.Command, ...spec.Arg].join(' ');
  lines.push({
    at: run.start,
    text: `[simulator] ${spec.Name}: started ${spec.Image}${command ? ` with: ${command}` : ''}`,
  });
  const echo = /\becho\s+(?:"([^"]*)"|'([^']*)'|([^;&|]+))/.exec(command);
  if (echo) lines.push({ at: run.start, text: (echo[1] ?? echo[2] ?? echo[3]).trim() });
  for (
    let at = run.start + timing.logIntervalMs, n = 1;
    at <= end && (run.end === undefined || at < run.end);
    at += timing.logIntervalMs, n++
  ) {
    lines.push({
      at,
      text: `[simulator] ${spec.Name}: alive, ${Math.round((at - run.start) / 1000)} s up (line ${n})`,
    });
  }
  if (run.end !== undefined && run.end <= t) {
    if (run.reason === 'OOMKilled')
      lines.push({ at: run.end, text: `[simulator] ${spec.Name}: allocating memory… out of memory` });
    else lines.push({ at: run.end, text: `[simulator] ${spec.Name}: exiting with code ${run.exitCode}` });
  }
  return lines;
}
