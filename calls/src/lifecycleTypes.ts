// The types of the operations after a create (issue 11): describe, status, events, logs, exec,
// restart, delete, update, and the follow engine. Plain data in the service's wire names
// (PascalCase, as DescribeContainerGroups answers them), no SDK model, no vscode.
import type { EciCallOutcome, ResolvedCredential } from './types';

/** Where and how an operation is sent: region, endpoint override, credential, timeouts, retries. */
export interface EciTarget {
  regionId: string;
  /** Endpoint host[:port] override (VPC endpoints, the simulator). Default `eci.<RegionId>.aliyuncs.com`. */
  endpoint?: string;
  /** Default https. */
  protocol?: 'https' | 'http';
  credential: ResolvedCredential;
  /** Default {connectMs: 10000, readMs: 30000}. */
  timeouts?: { connectMs?: number; readMs?: number };
  /** Total attempts including the first (default 4). */
  maxAttempts?: number;
  /** Base delay of the exponential backoff in ms (default 1000). */
  backoffBaseMs?: number;
  signal?: AbortSignal;
  onAttempt?: (attempt: number, reason: string | undefined) => void;
}

/** How an operation can fail: the same outcomes as a create (service error explained, network error, cancelled). */
export type OperationFailure = Extract<EciCallOutcome, { type: 'service-error' | 'network-error' | 'cancelled' }>;

/** An operation's result: its value, or a failure outcome. Never thrown. */
export type OperationOutcome<T> = { type: 'ok'; value: T; requestId: string; attempts: number } | OperationFailure;

/** The state of a container as DescribeContainerGroups answers it. */
export interface LiveContainerState {
  State?: string;
  DetailStatus?: string;
  Reason?: string;
  Message?: string;
  ExitCode?: number;
  Signal?: number;
  StartTime?: string;
  FinishTime?: string;
}

/** One event of a group (DescribeContainerGroups' Events, DescribeContainerGroupEvents' Events). */
export interface LiveEvent {
  Count?: number;
  Type?: string;
  Reason?: string;
  Message?: string;
  FirstTimestamp?: string;
  LastTimestamp?: string;
  Name?: string;
}

export interface LiveContainer {
  Name: string;
  Image?: string;
  Cpu?: number;
  Memory?: number;
  Gpu?: number;
  Commands?: string[];
  Args?: string[];
  Ports?: { Port?: number; Protocol?: string }[];
  EnvironmentVars?: { Key?: string; Value?: string; ValueFrom?: unknown }[];
  ImagePullPolicy?: string;
  WorkingDir?: string;
  Tty?: boolean;
  Stdin?: boolean;
  StdinOnce?: boolean;
  VolumeMounts?: {
    Name?: string;
    MountPath?: string;
    ReadOnly?: boolean;
    SubPath?: string;
    MountPropagation?: string;
  }[];
  Ready?: boolean;
  RestartCount?: number;
  CurrentState?: LiveContainerState;
  PreviousState?: LiveContainerState;
  ReadinessProbe?: Record<string, unknown>;
  LivenessProbe?: Record<string, unknown>;
  SecurityContext?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A container group as DescribeContainerGroups answers it (wire names; fields the service adds are kept). */
export interface LiveContainerGroup {
  ContainerGroupId: string;
  ContainerGroupName?: string;
  RegionId?: string;
  ZoneId?: string;
  VSwitchId?: string;
  SecurityGroupId?: string;
  VpcId?: string;
  InstanceType?: string;
  Cpu?: number;
  Memory?: number;
  Status?: string;
  RestartPolicy?: string;
  CreationTime?: string;
  Containers?: LiveContainer[];
  InitContainers?: LiveContainer[];
  Events?: LiveEvent[];
  Tags?: { Key?: string; Value?: string }[];
  Volumes?: Record<string, unknown>[];
  [key: string]: unknown;
}

/** One group of DescribeContainerGroupStatus (a Kubernetes-style pod status). */
export interface LiveGroupStatus {
  ContainerGroupId: string;
  Name?: string;
  Status?: string;
  PodStatus?: {
    Phase?: string;
    Conditions?: { Type?: string; Status?: string; Reason?: string; Message?: string }[];
    ContainerStatuses?: {
      Name?: string;
      Image?: string;
      Ready?: boolean;
      Started?: boolean;
      RestartCount?: number;
      State?: {
        Waiting?: { Reason?: string; Message?: string };
        Running?: Record<string, unknown>;
        Terminated?: { ExitCode?: number; Reason?: string; Message?: string };
      };
      LastState?: { Terminated?: { ExitCode?: number; Reason?: string; Message?: string } };
    }[];
  };
  [key: string]: unknown;
}

export interface DescribeGroupsFilter {
  /** At most 20 ids per request are sent; more are sent in several requests. */
  ids?: string[];
  name?: string;
  /** Pending, Running, Succeeded, Failed, Scheduling, Expired, Restarting, Updating, ... */
  status?: string;
  /** Leave out the events of each group (WithEvent=false). */
  withoutEvents?: boolean;
}

export interface ContainerLogRequest {
  id: string;
  /** Default: the first container. */
  container?: string;
  /** The last N lines. */
  tail?: number;
  /** The previous run of a restarted container (LastTime). */
  previous?: boolean;
  /** Only lines of the last N seconds. */
  sinceSeconds?: number;
  /** Prefix every line with its RFC 3339 time. */
  timestamps?: boolean;
}

export interface ContainerLog {
  container: string;
  content: string;
}

export interface ExecRequest {
  id: string;
  container?: string;
  /** The command and its arguments (`['/bin/sh', '-c', 'ls']`). */
  command: string[];
  /** Interactive: TTY (and stdin) through a WebSocket; false (default): one-shot, output returned (Sync). */
  tty?: boolean;
}

/** A one-shot command's output, or the WebSocket URL of an interactive session. */
export type ExecResult =
  { kind: 'output'; output: string } | { kind: 'websocket'; webSocketUri: string; httpUrl?: string };
