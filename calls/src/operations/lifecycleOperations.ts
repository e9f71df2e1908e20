// The operations after a create, each one call of operation.ts: DescribeContainerGroups (every page),
// DescribeContainerGroupStatus, DescribeContainerGroupEvents, DescribeContainerLog,
// ExecContainerCommand, RestartContainerGroup, DeleteContainerGroup, UpdateContainerGroup.
// An id the region does not have is a service-error outcome naming the id and region.
import { randomUUID } from 'node:crypto';
import type {
  ContainerLog,
  ContainerLogRequest,
  DescribeGroupsFilter,
  EciTarget,
  ExecRequest,
  ExecResult,
  LiveContainerGroup,
  LiveEvent,
  LiveGroupStatus,
  OperationOutcome,
} from '../lifecycleTypes';
import { callEciOperation, groupNotFound } from './operation';

/** The service's largest page of DescribeContainerGroups (and the most ids per request). */
const GROUPS_PAGE = 20;
/** A bound on pages followed, so that a service repeating a NextToken cannot loop forever. */
const MAX_PAGES = 500;

function list<T>(v: unknown): T[] {
  return Array.isArray(v) ? (v as T[]) : [];
}

/** Every page of a Describe (NextToken), its items under `key`. */
async function allPages<T>(
  target: EciTarget,
  action: 'DescribeContainerGroups' | 'DescribeContainerGroupStatus' | 'DescribeContainerGroupEvents',
  params: Record<string, string>,
  key: string,
): Promise<OperationOutcome<T[]>> {
  const items: T[] = [];
  let nextToken = '';
  let requestId = '';
  let attempts = 0;
  const seen = new Set<string>();
  for (let pageNo = 0; pageNo < MAX_PAGES; pageNo++) {
    const out = await callEciOperation(target, {
      action,
      params: { ...params, Limit: String(GROUPS_PAGE), ...(nextToken ? { NextToken: nextToken } : {}) },
    });
    if (out.type !== 'ok') return out;
    requestId = out.requestId;
    attempts += out.attempts;
    items.push(...list<T>(out.value[key]));
    nextToken = typeof out.value.NextToken === 'string' ? out.value.NextToken : '';
    if (!nextToken || seen.has(nextToken)) break;
    seen.add(nextToken);
  }
  return { type: 'ok', value: items, requestId, attempts };
}

/** Ids in batches the service accepts. */
function batches(ids: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += GROUPS_PAGE) out.push(ids.slice(i, i + GROUPS_PAGE));
  return out;
}

async function byIds<T>(
  target: EciTarget,
  action: 'DescribeContainerGroups' | 'DescribeContainerGroupStatus' | 'DescribeContainerGroupEvents',
  ids: string[] | undefined,
  params: Record<string, string>,
  key: string,
): Promise<OperationOutcome<T[]>> {
  if (!ids) return allPages<T>(target, action, params, key);
  const items: T[] = [];
  let requestId = '';
  let attempts = 0;
  for (const batch of batches(ids)) {
    const out = await allPages<T>(target, action, { ...params, ContainerGroupIds: JSON.stringify(batch) }, key);
    if (out.type !== 'ok') return out;
    items.push(...out.value);
    requestId = out.requestId;
    attempts += out.attempts;
  }
  return { type: 'ok', value: items, requestId, attempts };
}

/** DescribeContainerGroups over every page: the groups of the region, by ids, name and status. */
export function describeContainerGroups(
  target: EciTarget,
  filter: DescribeGroupsFilter = {},
): Promise<OperationOutcome<LiveContainerGroup[]>> {
  const params: Record<string, string> = {};
  if (filter.name) params.ContainerGroupName = filter.name;
  if (filter.status) params.Status = filter.status;
  if (filter.withoutEvents) params.WithEvent = 'false';
  return byIds<LiveContainerGroup>(target, 'DescribeContainerGroups', filter.ids, params, 'ContainerGroups');
}

/** One group by id; an id the region does not have is a service error naming id and region. */
export async function describeContainerGroup(
  target: EciTarget,
  id: string,
): Promise<OperationOutcome<LiveContainerGroup>> {
  const out = await describeContainerGroups(target, { ids: [id] });
  if (out.type !== 'ok') return out;
  const group = out.value.find((g) => g.ContainerGroupId === id);
  return group ? { ...out, value: group } : groupNotFound(id, target.regionId, out.requestId, out.attempts);
}

/** DescribeContainerGroupStatus of one group (its pod status). */
export async function describeContainerGroupStatus(
  target: EciTarget,
  id: string,
): Promise<OperationOutcome<LiveGroupStatus>> {
  const out = await byIds<LiveGroupStatus>(target, 'DescribeContainerGroupStatus', [id], {}, 'Data');
  if (out.type !== 'ok') return out;
  const s = out.value.find((g) => g.ContainerGroupId === id);
  return s ? { ...out, value: s } : groupNotFound(id, target.regionId, out.requestId, out.attempts);
}

/** DescribeContainerGroupEvents of one group, in the order the service gives them. */
export async function describeContainerGroupEvents(
  target: EciTarget,
  id: string,
): Promise<OperationOutcome<LiveEvent[]>> {
  const out = await byIds<{ ContainerGroupId?: string; Events?: LiveEvent[] }>(
    target,
    'DescribeContainerGroupEvents',
    [id],
    {},
    'Data',
  );
  if (out.type !== 'ok') return out;
  const g = out.value.find((x) => x.ContainerGroupId === id);
  return g
    ? { ...out, value: list<LiveEvent>(g.Events) }
    : groupNotFound(id, target.regionId, out.requestId, out.attempts);
}

/** DescribeContainerLog: the last lines (`tail`), the previous run (`previous`: LastTime), `sinceSeconds`. */
export async function describeContainerLog(
  target: EciTarget,
  r: ContainerLogRequest,
): Promise<OperationOutcome<ContainerLog>> {
  const params: Record<string, string> = { ContainerGroupId: r.id };
  if (r.container) params.ContainerName = r.container;
  if (r.tail !== undefined) params.Tail = String(r.tail);
  if (r.previous) params.LastTime = 'true';
  if (r.sinceSeconds !== undefined) params.SinceSeconds = String(r.sinceSeconds);
  if (r.timestamps) params.Timestamps = 'true';
  const out = await callEciOperation(target, { action: 'DescribeContainerLog', params });
  if (out.type !== 'ok') return out;
  return {
    ...out,
    value: {
      container: String(out.value.ContainerName ?? r.container ?? ''),
      content: String(out.value.Content ?? ''),
    },
  };
}

/** ExecContainerCommand: one-shot (Sync) returns the output; `tty` returns the WebSocket URL of a session. */
export async function execContainerCommand(target: EciTarget, r: ExecRequest): Promise<OperationOutcome<ExecResult>> {
  const params: Record<string, string> = { ContainerGroupId: r.id, Command: JSON.stringify(r.command) };
  if (r.container) params.ContainerName = r.container;
  if (r.tty) {
    params.TTY = 'true';
    params.Stdin = 'true';
  } else params.Sync = 'true';
  const out = await callEciOperation(target, { action: 'ExecContainerCommand', params });
  if (out.type !== 'ok') return out;
  const v = out.value;
  const value: ExecResult = r.tty
    ? {
        kind: 'websocket',
        webSocketUri: String(v.WebSocketUri ?? ''),
        ...(v.HttpUrl ? { httpUrl: String(v.HttpUrl) } : {}),
      }
    : { kind: 'output', output: String(v.SyncResponse ?? '') };
  return { ...out, value };
}

/** RestartContainerGroup (one ClientToken for every attempt: a retry cannot restart twice). */
export async function restartContainerGroup(
  target: EciTarget,
  id: string,
  clientToken: string = randomUUID(),
): Promise<OperationOutcome<Record<string, never>>> {
  const out = await callEciOperation(target, {
    action: 'RestartContainerGroup',
    params: { ContainerGroupId: id, ClientToken: clientToken },
  });
  return out.type === 'ok' ? { ...out, value: {} } : out;
}

/** DeleteContainerGroup. */
export async function deleteContainerGroup(
  target: EciTarget,
  id: string,
): Promise<OperationOutcome<Record<string, never>>> {
  const out = await callEciOperation(target, { action: 'DeleteContainerGroup', params: { ContainerGroupId: id } });
  return out.type === 'ok' ? { ...out, value: {} } : out;
}

/**
 * UpdateContainerGroup with the changed parameters (flattened wire keys, e.g. from planUpdate), one
 * ClientToken for every attempt.
 */
export async function updateContainerGroup(
  target: EciTarget,
  id: string,
  params: Record<string, string>,
  opts: { sdkMissing?: string[]; secrets?: string[]; clientToken?: string } = {},
): Promise<OperationOutcome<Record<string, never>>> {
  const out = await callEciOperation(target, {
    action: 'UpdateContainerGroup',
    params: { ...params, ContainerGroupId: id, ClientToken: opts.clientToken ?? randomUUID() },
    sdkMissing: opts.sdkMissing,
    secrets: opts.secrets,
  });
  return out.type === 'ok' ? { ...out, value: {} } : out;
}
