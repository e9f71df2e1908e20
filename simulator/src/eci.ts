// ECI (2018-08-08): container groups kept in memory, with the response shapes of the service
// (field names from the installed SDK's response models in @alicloud/eci20180808).
import { randomBytes, randomUUID } from 'node:crypto';
import { INSTANCE_TYPES, hasStock, type Account } from './account';
import { isoNanos, isoSeconds, type Clock } from './clock';
import {
  aggregate,
  behaviourOf,
  containerStatus,
  lifeEvents,
  runLog,
  type AggregatedEvent,
  type ContainerSpec,
  type ContainerState,
  type ContainerStatus,
  type LifecycleTiming,
  type Run,
} from './lifecycle';
import { errorOf, listParam, objectListParam, type ServiceError } from './protocol';

export type Answer = { body: Record<string, unknown> } | { error: ServiceError };

export interface ContainerGroup {
  ContainerGroupId: string;
  ContainerGroupName: string;
  RegionId: string;
  ZoneId: string;
  VSwitchId: string;
  SecurityGroupId: string;
  VpcId: string;
  InstanceType: string;
  Cpu: number;
  Memory: number;
  RestartPolicy: string;
  SpotStrategy: string;
  SpotPriceLimit?: number;
  EphemeralStorage?: number;
  ResourceGroupId: string;
  Tags: { Key: string; Value: string }[];
  Containers: ContainerSpec[];
  InitContainers: ContainerSpec[];
  Volumes: { Name: string; Type: string }[];
  IntranetIp: string;
  EniInstanceId: string;
  createdAt: number;
  /** When the current life began (creation, restart or update). */
  epoch: number;
  /** The status shown while the current life is Pending after a restart or update. */
  pendingLabel: 'Pending' | 'Restarting' | 'Updating';
  /** Events of earlier lives (before a restart or update). */
  pastEvents: AggregatedEvent[];
  /** The ClientTokens of the update/restart requests already applied. */
  appliedTokens: Set<string>;
}

/** The ClientToken -> ContainerGroupId map kept for idempotent creates (shared with the test endpoint). */
export type TokenMap = Map<string, string>;

const NOT_FOUND = (id: string): ServiceError => ({
  status: 404,
  code: 'InvalidContainerGroup.NotFound',
  message: `The specified ContainerGroupId "${id}" does not exist.`,
});
const MISSING = (name: string): ServiceError => ({
  status: 400,
  code: 'MissingParameter',
  message: `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
});
const INVALID = (name: string, why: string): ServiceError => ({
  status: 400,
  code: 'InvalidParameter',
  message: `The specified parameter "${name}" is not valid: ${why}`,
});

function num(v: string | undefined): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

function containersFrom(p: Record<string, string>, prefix: 'Container' | 'InitContainer'): ContainerSpec[] {
  const out: ContainerSpec[] = [];
  for (let i = 1; p[`${prefix}.${i}.Name`] !== undefined || p[`${prefix}.${i}.Image`] !== undefined; i++) {
    const k = (s: string) => p[`${prefix}.${i}.${s}`];
    out.push({
      Name: k('Name') ?? '',
      Image: k('Image') ?? '',
      Command: listParam(p, `${prefix}.${i}.Command`),
      Arg: listParam(p, `${prefix}.${i}.Arg`),
      Cpu: num(k('Cpu')),
      Memory: num(k('Memory')),
      Ports: objectListParam(p, `${prefix}.${i}.Port`).map((o) => ({
        Port: Number(o.Port),
        Protocol: o.Protocol ?? 'TCP',
      })),
      EnvironmentVars: objectListParam(p, `${prefix}.${i}.EnvironmentVar`).map((o) => ({
        Key: o.Key ?? '',
        Value: o.Value ?? '',
      })),
      WorkingDir: k('WorkingDir'),
      ImagePullPolicy: k('ImagePullPolicy') ?? 'IfNotPresent',
      Tty: k('Tty') === 'true',
      Stdin: k('Stdin') === 'true',
    });
  }
  return out;
}

/** Reads `NextToken`/`Limit`: the page of `items` asked for and the token of the next one. */
function page<T>(
  items: T[],
  p: Record<string, string>,
  defaultLimit: number,
  maxLimit: number,
): { error?: ServiceError; items: T[]; next: string } {
  const limit = p.Limit === undefined ? defaultLimit : Number(p.Limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit)
    return { error: INVALID('Limit', `an integer from 1 to ${maxLimit} is expected.`), items: [], next: '' };
  let offset = 0;
  if (p.NextToken) {
    const m = /^sim-next-(\d+)$/.exec(Buffer.from(p.NextToken, 'base64url').toString('utf8'));
    if (!m)
      return {
        error: { status: 400, code: 'InvalidParameter.NextToken', message: 'The specified NextToken is not valid.' },
        items: [],
        next: '',
      };
    offset = Number(m[1]);
  }
  const slice = items.slice(offset, offset + limit);
  const next = offset + limit < items.length ? Buffer.from(`sim-next-${offset + limit}`).toString('base64url') : '';
  return { items: slice, next };
}

function idsParam(v: string | undefined): string[] | undefined {
  if (!v) return undefined;
  try {
    const parsed = JSON.parse(v) as unknown;
    if (Array.isArray(parsed)) return parsed.map(String);
  } catch {
    /* a comma-separated list */
  }
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export class EciService {
  readonly groups = new Map<string, ContainerGroup>();
  private execSessions = new Map<string, { groupId: string; container: string; command: string[] }>();
  /** ClientToken -> the create parameters first sent with it (sorted key=value lines). */
  private fingerprints = new Map<string, string>();

  constructor(
    private readonly clock: Clock,
    private readonly timing: LifecycleTiming,
    private readonly account: Account,
    /** ClientToken -> ContainerGroupId of every create (a lost answer included). */
    readonly tokens: TokenMap,
    /** Where a TTY exec session is served: `ws://127.0.0.1:PORT`. */
    private readonly webSocketBase: () => string,
  ) {}

  /** What the service itself checks before a create (a few of its real rules). */
  createChecks(p: Record<string, string>): ServiceError | undefined {
    for (const required of ['RegionId', 'ContainerGroupName', 'Container.1.Name', 'Container.1.Image']) {
      if (!p[required]) return MISSING(required);
    }
    const names = Object.keys(p)
      .filter((k) => /^(Init)?Container\.\d+\.Name$/.test(k))
      .map((k) => p[k]);
    if (new Set(names).size !== names.length) return errorOf('InvalidParameter.DuplicatedName');
    const volumes = Object.keys(p)
      .filter((k) => /^Volume\.\d+\.Name$/.test(k))
      .map((k) => p[k]);
    if (new Set(volumes).size !== volumes.length) return errorOf('InvalidParameter.DuplicatedVolumeName');
    return undefined;
  }

  private static fingerprint(p: Record<string, string>): string {
    return Object.keys(p)
      .filter((k) => k !== 'DryRun')
      .sort()
      .map((k) => `${k}=${p[k]}`)
      .join('\n');
  }

  /** Whether this create's ClientToken was used before with other parameters. */
  tokenReusedWithOtherParameters(p: Record<string, string>): boolean {
    const first = p.ClientToken ? this.fingerprints.get(p.ClientToken) : undefined;
    return first !== undefined && first !== EciService.fingerprint(p);
  }

  /** Creates the group (or returns the one already created with this ClientToken). */
  createGroup(p: Record<string, string>): string {
    const token = p.ClientToken || `no-token-${randomUUID()}`;
    if (!this.fingerprints.has(token)) this.fingerprints.set(token, EciService.fingerprint(p));
    const known = this.tokens.get(token);
    if (known) return known;
    const id = `eci-${randomBytes(10).toString('hex').slice(0, 20)}`;
    this.tokens.set(token, id);
    const now = this.clock.now();
    const vsw = this.account.vSwitches.find((v) => v.VSwitchId === (p.VSwitchId ?? '').split(',')[0]);
    const region = this.account.regions.find((r) => r.RegionId === p.RegionId);
    const instanceType = (p.InstanceType ?? '').split(',')[0];
    const sized = INSTANCE_TYPES[instanceType];
    const containers = containersFrom(p, 'Container');
    const cpu = num(p.Cpu) ?? sized?.cpu ?? (containers.reduce((s, c) => s + (c.Cpu ?? 0), 0) || 2);
    const memory = num(p.Memory) ?? sized?.memory ?? (containers.reduce((s, c) => s + (c.Memory ?? 0), 0) || 4);
    this.groups.set(id, {
      ContainerGroupId: id,
      ContainerGroupName: p.ContainerGroupName ?? '',
      RegionId: p.RegionId ?? '',
      ZoneId: p.ZoneId ?? vsw?.ZoneId ?? region?.RecommendZones[0] ?? `${p.RegionId}-a`,
      VSwitchId: p.VSwitchId ?? '',
      SecurityGroupId: p.SecurityGroupId ?? '',
      VpcId: vsw?.VpcId ?? '',
      InstanceType: instanceType,
      Cpu: cpu,
      Memory: memory,
      RestartPolicy: p.RestartPolicy ?? 'Always',
      SpotStrategy: p.SpotStrategy ?? 'NoSpot',
      SpotPriceLimit: num(p.SpotPriceLimit),
      EphemeralStorage: num(p.EphemeralStorage),
      ResourceGroupId: p.ResourceGroupId ?? 'rg-acfmsim0default00001',
      Tags: objectListParam(p, 'Tag').map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' })),
      Containers: containers,
      InitContainers: containersFrom(p, 'InitContainer'),
      Volumes: objectListParam(p, 'Volume').map((v) => ({ Name: v.Name ?? '', Type: v.Type ?? '' })),
      IntranetIp: `192.168.${1 + (this.groups.size % 250)}.${10 + (this.groups.size % 240)}`,
      EniInstanceId: `eni-${randomBytes(10).toString('hex').slice(0, 20)}`,
      createdAt: now,
      epoch: now,
      pendingLabel: 'Pending',
      pastEvents: [],
      appliedTokens: new Set(),
    });
    return id;
  }

  /** The group as of now: each container's status, its events, its status word. */
  private view(g: ContainerGroup) {
    const t = this.clock.now();
    const statuses = g.Containers.map((c) =>
      containerStatus(
        c,
        behaviourOf(c, g.Memory, g.Containers.length),
        g.epoch,
        t,
        g.RestartPolicy,
        this.timing,
        g.ContainerGroupId,
      ),
    );
    const events = [
      ...g.pastEvents,
      ...aggregate(lifeEvents(g.ContainerGroupId, g.ZoneId, statuses, g.epoch, t, this.timing)),
    ];
    let status: string;
    if (statuses.some((s) => s.runs.length === 0)) status = g.pendingLabel;
    else if (statuses.every((s) => s.current.state === 'Terminated'))
      status = statuses.every((s) => s.current.state === 'Terminated' && s.current.run.exitCode === 0)
        ? 'Succeeded'
        : 'Failed';
    else status = 'Running';
    return { t, statuses, events, status };
  }

  private region(p: Record<string, string>): ServiceError | undefined {
    if (!p.RegionId) return MISSING('RegionId');
    return undefined;
  }

  private find(p: Record<string, string>): ContainerGroup | ServiceError {
    const missing = this.region(p);
    if (missing) return missing;
    if (!p.ContainerGroupId) return MISSING('ContainerGroupId');
    const g = this.groups.get(p.ContainerGroupId);
    if (!g || g.RegionId !== p.RegionId) return NOT_FOUND(p.ContainerGroupId);
    return g;
  }

  private selected(p: Record<string, string>): ContainerGroup[] {
    const ids = idsParam(p.ContainerGroupIds);
    return [...this.groups.values()]
      .filter((g) => g.RegionId === p.RegionId)
      .filter((g) => !ids || ids.includes(g.ContainerGroupId))
      .filter((g) => !p.ContainerGroupName || g.ContainerGroupName === p.ContainerGroupName)
      .filter((g) => !p.ZoneId || g.ZoneId === p.ZoneId)
      .filter((g) => !p.VSwitchId || g.VSwitchId === p.VSwitchId)
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  private stateObject(s: ContainerState | undefined): Record<string, unknown> {
    if (!s) return {};
    switch (s.state) {
      case 'Waiting':
        return { State: 'Waiting', DetailStatus: s.reason, Reason: s.reason, Message: s.message };
      case 'Running':
        return { State: 'Running', DetailStatus: '', StartTime: isoSeconds(s.startedAt) };
      case 'Terminated':
        return {
          State: 'Terminated',
          DetailStatus: s.run.reason ?? '',
          Reason: s.run.reason ?? '',
          ExitCode: s.run.exitCode,
          StartTime: isoSeconds(s.run.start),
          FinishTime: isoSeconds(s.run.end ?? s.run.start),
        };
    }
  }

  private groupBody(g: ContainerGroup, withEvents: boolean): Record<string, unknown> {
    const v = this.view(g);
    const containerBody = (s: ContainerStatus) => ({
      Name: s.spec.Name,
      Image: s.spec.Image,
      Cpu: s.spec.Cpu ?? 0,
      Memory: s.spec.Memory ?? 0,
      Gpu: 0,
      Commands: s.spec.Command,
      Args: s.spec.Arg,
      Ports: s.spec.Ports,
      EnvironmentVars: s.spec.EnvironmentVars.map((e) => ({ Key: e.Key, Value: e.Value })),
      ImagePullPolicy: s.spec.ImagePullPolicy,
      WorkingDir: s.spec.WorkingDir ?? '',
      Tty: s.spec.Tty,
      Stdin: s.spec.Stdin,
      StdinOnce: false,
      VolumeMounts: [],
      Ready: s.ready,
      RestartCount: s.restartCount,
      CurrentState: this.stateObject(s.current),
      PreviousState: s.last ? this.stateObject({ state: 'Terminated', run: s.last }) : {},
    });
    return {
      ContainerGroupId: g.ContainerGroupId,
      ContainerGroupName: g.ContainerGroupName,
      RegionId: g.RegionId,
      ZoneId: g.ZoneId,
      VSwitchId: g.VSwitchId,
      SecurityGroupId: g.SecurityGroupId,
      VpcId: g.VpcId,
      InstanceType: g.InstanceType,
      Cpu: g.Cpu,
      Memory: g.Memory,
      Status: v.status,
      RestartPolicy: g.RestartPolicy,
      SpotStrategy: g.SpotStrategy,
      ...(g.SpotPriceLimit !== undefined ? { SpotPriceLimit: g.SpotPriceLimit } : {}),
      ...(g.EphemeralStorage !== undefined ? { EphemeralStorage: g.EphemeralStorage } : {}),
      ResourceGroupId: g.ResourceGroupId,
      IntranetIp: g.IntranetIp,
      InternetIp: '',
      EniInstanceId: g.EniInstanceId,
      CreationTime: isoSeconds(g.createdAt),
      ...(v.status === 'Succeeded' ? { SucceededTime: isoSeconds(v.t) } : {}),
      ...(v.status === 'Failed' ? { FailedTime: isoSeconds(v.t) } : {}),
      Discount: 1,
      Tags: g.Tags,
      Volumes: g.Volumes,
      Containers: v.statuses.map(containerBody),
      InitContainers: [],
      Events: withEvents ? v.events.map((e) => this.eventShort(g, e)) : [],
    };
  }

  private eventShort(g: ContainerGroup, e: AggregatedEvent): Record<string, unknown> {
    return {
      Count: e.count,
      Type: e.type,
      Name: g.ContainerGroupId,
      Message: e.message,
      FirstTimestamp: isoSeconds(e.first),
      LastTimestamp: isoSeconds(e.last),
      Reason: e.reason,
    };
  }

  /** A Describe over the groups of the region that `p` selects, paged with Limit/NextToken. */
  private describeGroups(
    p: Record<string, string>,
    requestId: string,
    maxLimit: number,
    keep: (g: ContainerGroup) => boolean,
    key: string,
    shape: (g: ContainerGroup) => Record<string, unknown>,
  ): Answer {
    const missing = this.region(p);
    if (missing) return { error: missing };
    const groups = this.selected(p).filter(keep);
    const pg = page(groups, p, 20, maxLimit);
    if (pg.error) return { error: pg.error };
    return {
      body: { RequestId: requestId, TotalCount: groups.length, NextToken: pg.next, [key]: pg.items.map(shape) },
    };
  }

  describeContainerGroups(p: Record<string, string>, requestId: string): Answer {
    const keep = (g: ContainerGroup) => !p.Status || this.view(g).status === p.Status;
    return this.describeGroups(p, requestId, 20, keep, 'ContainerGroups', (g) =>
      this.groupBody(g, p.WithEvent !== 'false'),
    );
  }

  describeContainerGroupStatus(p: Record<string, string>, requestId: string): Answer {
    const since = num(p.SinceSecond);
    const keep = (g: ContainerGroup) =>
      since === undefined ||
      this.clock.now() - Math.max(g.epoch, ...this.view(g).events.map((e) => e.last)) <= since * 1000;
    return this.describeGroups(p, requestId, 1000, keep, 'Data', (g) => this.podStatus(g));
  }

  private podStatus(g: ContainerGroup): Record<string, unknown> {
    const v = this.view(g);
    const k8sState = (s: ContainerState | undefined): Record<string, unknown> => {
      if (!s) return {};
      if (s.state === 'Waiting') return { Waiting: { Reason: s.reason, Message: s.message } };
      // The wire name is StartedAt; the SDK's model maps it as `StartedAtstartedAt` and never reads it.
      if (s.state === 'Running') return { Running: { StartedAt: isoSeconds(s.startedAt) } };
      return { Terminated: terminated(s.run) };
    };
    const terminated = (r: Run) => ({
      ContainerID: `containerd://${g.ContainerGroupId.slice(4)}${r.start.toString(16)}`,
      ExitCode: r.exitCode,
      Reason: r.reason,
      Message: '',
      Signal: r.reason === 'OOMKilled' ? 9 : 0,
      StartedAt: isoSeconds(r.start),
      FinishedAt: isoSeconds(r.end ?? r.start),
    });
    const allReady = v.statuses.every((s) => s.ready);
    const started = v.statuses.every((s) => s.runs.length > 0);
    const condition = (type: string, ok: boolean) => ({
      type,
      status: ok ? 'True' : 'False',
      lastTransitionTime: isoSeconds(g.epoch),
      Reason: ok ? '' : 'ContainersNotReady',
      Message: ok
        ? ''
        : `containers with unready status: [${v.statuses
            .filter((s) => !s.ready)
            .map((s) => s.spec.Name)
            .join(' ')}]`,
    });
    const phase = v.status === 'Restarting' || v.status === 'Updating' ? 'Pending' : v.status;
    return {
      ContainerGroupId: g.ContainerGroupId,
      Name: g.ContainerGroupName,
      Namespace: 'default',
      uuid: g.ContainerGroupId,
      Annotations: '',
      Status: v.status,
      PodStatus: {
        Phase: phase,
        HostIp: g.IntranetIp,
        PodIp: g.IntranetIp,
        PodIps: [{ Ip: g.IntranetIp }],
        QosClass: 'Guaranteed',
        StartTime: isoSeconds(g.epoch),
        Conditions: [
          { type: 'PodScheduled', status: 'True', lastTransitionTime: isoSeconds(g.epoch), Reason: '', Message: '' },
          { type: 'Initialized', status: 'True', lastTransitionTime: isoSeconds(g.epoch), Reason: '', Message: '' },
          condition('ContainersReady', allReady && started),
          condition('Ready', allReady && started),
        ],
        ContainerStatuses: v.statuses.map((s) => ({
          Name: s.spec.Name,
          Image: s.spec.Image,
          ImageID: s.runs.length
            ? `${s.spec.Image.split(':')[0]}@sha256:${Buffer.from(s.spec.Image).toString('hex').padEnd(64, '0').slice(0, 64)}`
            : '',
          Ready: s.ready,
          Started: s.current.state === 'Running',
          RestartCount: s.restartCount,
          State: k8sState(s.current),
          LastState: s.last ? { Terminated: terminated(s.last) } : {},
        })),
      },
    };
  }

  describeContainerGroupEvents(p: Record<string, string>, requestId: string): Answer {
    const missing = this.region(p);
    if (missing) return { error: missing };
    const since = num(p.SinceSecond);
    const now = this.clock.now();
    const groups = this.selected(p);
    const pg = page(groups, p, 20, 1000);
    if (pg.error) return { error: pg.error };
    return {
      body: {
        RequestId: requestId,
        TotalCount: groups.length,
        Data: pg.items.map((g) => ({
          ContainerGroupId: g.ContainerGroupId,
          Name: g.ContainerGroupName,
          Namespace: 'default',
          uuid: g.ContainerGroupId,
          Annotations: '',
          Events: this.view(g)
            .events.filter((e) => since === undefined || now - e.last <= since * 1000)
            .map((e) => ({
              Count: e.count,
              Type: e.type,
              Reason: e.reason,
              Message: e.message,
              FirstTimestamp: isoSeconds(e.first),
              LastTimestamp: isoSeconds(e.last),
              Metadata: { Name: `${g.ContainerGroupId}.${e.first.toString(16)}`, Namespace: 'default' },
              ReportingComponent: '',
              ReportingInstance: '',
              Source: { Component: e.component, Host: `virtual-kubelet-${g.ZoneId}` },
              involvedObject: {
                ApiVersion: 'v1',
                Kind: 'Pod',
                Name: g.ContainerGroupId,
                Namespace: 'default',
                Uid: g.ContainerGroupId,
              },
            })),
        })),
      },
    };
  }

  describeContainerLog(p: Record<string, string>, requestId: string): Answer {
    const g = this.find(p);
    if (!('ContainerGroupId' in g)) return { error: g };
    const v = this.view(g);
    const name = p.ContainerName ?? g.Containers[0]?.Name;
    const s = v.statuses.find((c) => c.spec.Name === name);
    if (!s)
      return {
        error: INVALID('ContainerName', `the container group ${g.ContainerGroupId} has no container "${name}".`),
      };
    let run: Run | undefined;
    if (p.LastTime === 'true') run = s.last;
    else
      run =
        s.current.state === 'Running'
          ? s.runs[s.runs.length - 1]
          : s.current.state === 'Terminated'
            ? s.current.run
            : s.last;
    let lines = run ? runLog(s.spec, run, v.t, this.timing) : [];
    const since = num(p.SinceSeconds);
    if (since !== undefined) lines = lines.filter((l) => v.t - l.at <= since * 1000);
    const tail = num(p.Tail);
    if (tail !== undefined && tail >= 0) lines = lines.slice(Math.max(0, lines.length - tail));
    lines = lines.slice(-2000);
    let content = lines.map((l) => (p.Timestamps === 'true' ? `${isoNanos(l.at)} ${l.text}` : l.text)).join('\n');
    if (content) content += '\n';
    const limitBytes = num(p.LimitBytes);
    if (limitBytes !== undefined && limitBytes > 0)
      content = Buffer.from(content).subarray(0, limitBytes).toString('utf8');
    return { body: { RequestId: requestId, ContainerName: name, Content: content } };
  }

  execContainerCommand(p: Record<string, string>, requestId: string): Answer {
    const g = this.find(p);
    if (!('ContainerGroupId' in g)) return { error: g };
    if (!p.Command) return { error: MISSING('Command') };
    const name = p.ContainerName ?? g.Containers[0]?.Name;
    const v = this.view(g);
    const s = v.statuses.find((c) => c.spec.Name === name);
    if (!s)
      return {
        error: INVALID('ContainerName', `the container group ${g.ContainerGroupId} has no container "${name}".`),
      };
    if (s.current.state !== 'Running')
      return {
        error: {
          ...errorOf('IncorrectStatus'),
          message: `The container ${name} is not running (${s.current.state}); a command can only run in a running container.`,
        },
      };
    let command: string[];
    try {
      const parsed = JSON.parse(p.Command) as unknown;
      if (!Array.isArray(parsed) || !parsed.length) throw new Error('not a list');
      command = parsed.map(String);
    } catch {
      return { error: INVALID('Command', 'a JSON array of strings is expected, e.g. ["/bin/sh","-c","echo hello"].') };
    }
    if (p.Sync === 'true') return { body: { RequestId: requestId, SyncResponse: runCommand(command, s.spec, g) } };
    const token = randomBytes(16).toString('hex');
    this.execSessions.set(token, { groupId: g.ContainerGroupId, container: name, command });
    return {
      body: {
        RequestId: requestId,
        WebSocketUri: `${this.webSocketBase()}/exec/${token}?tty=${p.TTY === 'true'}`,
        HttpUrl: '',
      },
    };
  }

  /** The exec session of a WebSocket URL token (once). */
  takeExecSession(token: string): { group: ContainerGroup; container: ContainerSpec; command: string[] } | undefined {
    const s = this.execSessions.get(token);
    if (!s) return undefined;
    this.execSessions.delete(token);
    const group = this.groups.get(s.groupId);
    const container = group?.Containers.find((c) => c.Name === s.container);
    return group && container ? { group, container, command: s.command } : undefined;
  }

  /** Runs one shell line in a simulated container (the exec echo-shell). */
  shellLine(line: string, c: ContainerSpec, g: ContainerGroup): string {
    return runCommand(['/bin/sh', '-c', line], c, g);
  }

  private newLife(g: ContainerGroup, label: 'Restarting' | 'Updating'): void {
    g.pastEvents = this.view(g).events;
    g.epoch = this.clock.now();
    g.pendingLabel = label;
  }

  private changeable(g: ContainerGroup, what: string): ServiceError | undefined {
    const status = this.view(g).status;
    if (status === 'Pending' || status === 'Running' || status === 'Restarting' || status === 'Updating')
      return undefined;
    return {
      ...errorOf('IncorrectStatus'),
      message: `The container group ${g.ContainerGroupId} is ${status}; ${what} needs it Pending or Running.`,
    };
  }

  restartContainerGroup(p: Record<string, string>, requestId: string): Answer {
    const g = this.find(p);
    if (!('ContainerGroupId' in g)) return { error: g };
    if (p.ClientToken && g.appliedTokens.has(`restart:${p.ClientToken}`)) return { body: { RequestId: requestId } };
    const status = this.view(g).status;
    if (status !== 'Running')
      return {
        error: {
          ...errorOf('IncorrectStatus'),
          message: `The container group ${g.ContainerGroupId} is ${status}; only a Running group can be restarted.`,
        },
      };
    if (p.ClientToken) g.appliedTokens.add(`restart:${p.ClientToken}`);
    this.newLife(g, 'Restarting');
    return { body: { RequestId: requestId } };
  }

  deleteContainerGroup(p: Record<string, string>, requestId: string): Answer {
    const g = this.find(p);
    if (!('ContainerGroupId' in g)) return { error: g };
    this.groups.delete(g.ContainerGroupId);
    return { body: { RequestId: requestId } };
  }

  updateContainerGroup(p: Record<string, string>, requestId: string): Answer {
    const g = this.find(p);
    if (!('ContainerGroupId' in g)) return { error: g };
    if (p.ClientToken && g.appliedTokens.has(`update:${p.ClientToken}`)) return { body: { RequestId: requestId } };
    const refused = this.changeable(g, 'an update');
    if (refused) return { error: refused };
    if (p.Cpu !== undefined) g.Cpu = num(p.Cpu) ?? g.Cpu;
    if (p.Memory !== undefined) g.Memory = num(p.Memory) ?? g.Memory;
    if (p.RestartPolicy) g.RestartPolicy = p.RestartPolicy;
    const tags = objectListParam(p, 'Tag');
    if (tags.length) g.Tags = tags.map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' }));
    const updates = containersFrom(p, 'Container');
    let restart = p.Cpu !== undefined || p.Memory !== undefined || p.RestartPolicy !== undefined;
    for (const u of updates) {
      const c = g.Containers.find((x) => x.Name === u.Name);
      if (!c)
        return {
          error: INVALID(
            'Container.N.Name',
            `the container group has no container "${u.Name}"; UpdateContainerGroup cannot add containers.`,
          ),
        };
      const i = updates.indexOf(u) + 1;
      if (p[`Container.${i}.Image`] !== undefined) c.Image = u.Image;
      if (u.Command.length) c.Command = u.Command;
      if (u.Arg.length) c.Arg = u.Arg;
      if (u.Cpu !== undefined) c.Cpu = u.Cpu;
      if (u.Memory !== undefined) c.Memory = u.Memory;
      if (u.EnvironmentVars.length) c.EnvironmentVars = u.EnvironmentVars;
      restart = true;
    }
    if (p.ClientToken) g.appliedTokens.add(`update:${p.ClientToken}`);
    if (restart) this.newLife(g, 'Updating');
    return { body: { RequestId: requestId } };
  }

  describeContainerGroupPrice(p: Record<string, string>, requestId: string): Answer {
    const missing = this.region(p);
    if (missing) return { error: missing };
    let cpu = num(p.Cpu);
    let memory = num(p.Memory);
    const instanceType = (p.InstanceType ?? '').split(',')[0];
    if (instanceType) {
      const sized = INSTANCE_TYPES[instanceType];
      if (!sized) return { error: INVALID('InstanceType', `the instance type "${instanceType}" is not offered.`) };
      cpu = sized.cpu;
      memory = sized.memory;
    }
    if (cpu === undefined || memory === undefined) return { error: MISSING(cpu === undefined ? 'Cpu' : 'Memory') };
    // Per second, as the service answers (2 vCPU + 4 GiB = 0.00012252).
    const perSecond =
      cpu * 0.000049 + memory * 0.00000613 + Math.max(0, (num(p.EphemeralStorage) ?? 0) - 30) * 0.0000000463;
    const round = (n: number) => Number(n.toFixed(8));
    const spot = p.SpotStrategy === 'SpotAsPriceGo' || p.SpotStrategy === 'SpotWithPriceLimit';
    const region = this.account.regions.find((r) => r.RegionId === p.RegionId);
    const zones = p.ZoneId ? [p.ZoneId] : (region?.RecommendZones ?? []);
    return {
      body: {
        RequestId: requestId,
        PriceInfo: {
          Price: {
            Currency: 'CNY',
            OriginalPrice: round(perSecond),
            DiscountPrice: 0,
            TradePrice: round(perSecond),
            DetailInfos: {
              DetailInfo: [
                {
                  Resource: 'Cpu',
                  OriginalPrice: round(cpu * 0.000049),
                  DiscountPrice: 0,
                  TradePrice: round(cpu * 0.000049),
                  Rules: { Rule: [] },
                },
                {
                  Resource: 'Memory',
                  OriginalPrice: round(memory * 0.00000613),
                  DiscountPrice: 0,
                  TradePrice: round(memory * 0.00000613),
                  Rules: { Rule: [] },
                },
              ],
            },
          },
          Rules: { Rule: [] },
          // Spot prices are per hour.
          SpotPrices: {
            SpotPrice: spot
              ? zones.map((z, i) => ({
                  ZoneId: z,
                  InstanceType: instanceType || `eci.${cpu}c${memory}g`,
                  OriginPrice: round(perSecond * 3600),
                  SpotPrice: round(perSecond * 3600 * (0.15 + 0.02 * i)),
                }))
              : [],
          },
        },
      },
    };
  }

  describeRegions(_p: Record<string, string>, requestId: string): Answer {
    // Every region is listed whatever RegionId says, as the service does.
    const regions = this.account.regions;
    return {
      body: {
        RequestId: requestId,
        Regions: regions.map((r) => ({
          RegionId: r.RegionId,
          RegionEndpoint: `eci.${r.RegionId}.aliyuncs.com`,
          Zones: r.Zones,
          RecommendZones: r.RecommendZones,
        })),
      },
    };
  }

  describeAvailableResource(p: Record<string, string>, requestId: string): Answer {
    const missing = this.region(p);
    if (missing) return { error: missing };
    const region = this.account.regions.find((r) => r.RegionId === p.RegionId);
    const zones = (region?.Zones ?? []).filter((z) => !p.ZoneId || z === p.ZoneId);
    const category = p['DestinationResource.Category'] ?? 'InstanceType';
    const value = p['DestinationResource.Value'];
    const cores = num(p['DestinationResource.Cores']);
    const resources = (zone: string) => {
      if (category === 'InstanceType') {
        const types = Object.entries(INSTANCE_TYPES).filter(([name]) => !value || name === value);
        return types.map(([name, size]) => ({
          Value: name,
          StatusCategory: hasStock(this.account, zone, size.cpu) ? 'WithStock' : 'WithoutStock',
        }));
      }
      const sizes = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64].filter((c) => cores === undefined || c === cores);
      return sizes.map((c) => ({
        Value: `${c}`,
        StatusCategory: hasStock(this.account, zone, c) ? 'WithStock' : 'WithoutStock',
      }));
    };
    return {
      body: {
        RequestId: requestId,
        AvailableZones: {
          AvailableZone: zones.map((z) => ({
            RegionId: p.RegionId,
            ZoneId: z,
            AvailableResources: {
              AvailableResource: [{ Type: category, SupportedResources: { SupportedResource: resources(z) } }],
            },
          })),
        },
      },
    };
  }

  describeImageCaches(p: Record<string, string>, requestId: string): Answer {
    const missing = this.region(p);
    if (missing) return { error: missing };
    const match = listParam(p, 'MatchImage');
    const caches = this.account.imageCaches
      .filter((c) => c.RegionId === p.RegionId)
      .filter((c) => !p.ImageCacheId || c.ImageCacheId === p.ImageCacheId)
      .filter((c) => !p.ImageCacheName || c.ImageCacheName === p.ImageCacheName)
      .filter((c) => !p.SnapshotId || c.SnapshotId === p.SnapshotId)
      .filter(
        (c) => !p.Image || c.Images.some((i) => (p.ImageFullMatch === 'true' ? i === p.Image : i.includes(p.Image))),
      )
      .filter((c) => !match.length || match.every((m) => c.Images.includes(m)));
    const pg = page(caches, p, 10, 100);
    if (pg.error) return { error: pg.error };
    return {
      body: {
        RequestId: requestId,
        TotalCount: caches.length,
        NextToken: pg.next,
        ImageCaches: pg.items.map((c) => ({
          ImageCacheId: c.ImageCacheId,
          ImageCacheName: c.ImageCacheName,
          SnapshotId: c.SnapshotId,
          RegionId: c.RegionId,
          Images: c.Images,
          ImageCacheSize: c.ImageCacheSize,
          Status: c.Status,
          Progress: '100%',
          ContainerGroupId: '',
          CreationTime: this.account.createdAt,
          ExpireDateTime: '',
          LastMatchedTime: this.account.createdAt,
          EliminationStrategy: '',
          FlashSnapshotId: '',
          ResourceGroupId: 'rg-acfmsim0default00001',
          Events: [],
          Tags: [],
        })),
      },
    };
  }
}

/** The output of a command in a simulated container: a few shell builtins, the rest "not found". */
export function runCommand(command: string[], c: ContainerSpec, g: ContainerGroup): string {
  const line =
    command[0] === '/bin/sh' || command[0] === 'sh' || command[0] === 'bash'
      ? command[1] === '-c'
        ? command.slice(2).join(' ')
        : ''
      : command.join(' ');
  const [word, ...rest] = line.trim().split(/\s+/);
  switch (word) {
    case '':
      return '';
    case 'echo':
      return `${rest.join(' ').replace(/^["']|["']$/g, '')}\n`;
    case 'hostname':
      return `${g.ContainerGroupName}\n`;
    case 'pwd':
      return `${c.WorkingDir || '/'}\n`;
    case 'whoami':
      return 'root\n';
    case 'env':
      return (
        [`HOSTNAME=${g.ContainerGroupName}`, ...c.EnvironmentVars.map((e) => `${e.Key}=${e.Value}`)].join('\n') + '\n'
      );
    case 'ls':
      return 'bin\ndev\netc\nhome\nproc\nroot\ntmp\nusr\nvar\n';
    case 'uname':
      return 'Linux\n';
    default:
      return `sh: ${word}: not found (the ECI simulator runs no real container)\n`;
  }
}
