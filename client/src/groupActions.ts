// The actions on a live group (explorer context menu, palette, tests): Events, Logs, Restart, Delete,
// Copy ID, Run command, Refresh. Each takes the explorer's node or `{ regionId, groupId }` and returns
// its outcome as data; failed calls are told with the call layer's explanation.
import * as vscode from 'vscode';
import type { EciTarget, LiveContainerGroup, LiveEvent } from '../../calls/src/lifecycleTypes';
import {
  deleteContainerGroup,
  describeContainerGroup,
  describeContainerGroupEvents,
  execContainerCommand,
  restartContainerGroup,
} from '../../calls/src/operations/lifecycleOperations';
import { isOutcome, type CommandContext, type RunOutcome } from './commandContext';
import { followTimeoutSeconds, targetFor } from './liveTarget';
import { callFailed, type CallFailed } from './liveFailures';
import { liveState } from './liveState';

export interface GroupRef {
  regionId: string;
  groupId: string;
  name: string;
  group?: LiveContainerGroup;
}

/** What a group action got: the explorer's group node, or `{ regionId, groupId }`. */
export function groupRef(arg: unknown): GroupRef | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const a = arg as { regionId?: unknown; groupId?: unknown; group?: LiveContainerGroup; containerGroupId?: unknown };
  if (typeof a.regionId !== 'string') return undefined;
  if (a.group && typeof a.group.ContainerGroupId === 'string')
    return {
      regionId: a.regionId,
      groupId: a.group.ContainerGroupId,
      name: a.group.ContainerGroupName ?? a.group.ContainerGroupId,
      group: a.group,
    };
  if (typeof a.groupId === 'string') return { regionId: a.regionId, groupId: a.groupId, name: a.groupId };
  return undefined;
}

export type GroupActionOutcome =
  | RunOutcome
  | CallFailed
  | { kind: 'no-group'; message: string }
  | { kind: 'events'; events: LiveEvent[] }
  | { kind: 'restarted'; groupId: string }
  | { kind: 'deleted'; groupId: string }
  | { kind: 'copied'; groupId: string }
  | { kind: 'command-output'; container: string; output: string }
  | { kind: 'refreshed' };

export interface Prepared {
  ref: GroupRef;
  target: EciTarget;
}

/** The group and where its calls go, or why not. */
export async function prepare(ctx: CommandContext, arg: unknown): Promise<Prepared | GroupActionOutcome> {
  const ref = groupRef(arg);
  if (!ref) {
    const message = vscode.l10n.t('Pick a container group in the ECI Container Groups view first.');
    void ctx.ui.showErrorMessage(message);
    return { kind: 'no-group', message };
  }
  const target = await targetFor(ctx, ref.regionId);
  if (isOutcome(target)) return target;
  return { ref, target };
}

export const isCallFailed = (v: unknown): v is CallFailed =>
  typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'call-failed';

const isPrepared = (p: Prepared | GroupActionOutcome): p is Prepared => 'ref' in p;

function fail(ctx: CommandContext, f: CallFailed): CallFailed {
  ctx.output.log(`  ${f.message}`);
  void ctx.ui.showErrorMessage(f.message);
  return f;
}

/** The group's current description (containers, events). */
export async function currentGroup(ctx: CommandContext, p: Prepared): Promise<LiveContainerGroup | CallFailed> {
  const out = await describeContainerGroup(p.target, p.ref.groupId);
  return out.type === 'ok' ? out.value : callFailed(out, (s) => ctx.output.scrub(s));
}

export async function showEvents(ctx: CommandContext, arg: unknown): Promise<GroupActionOutcome> {
  const p = await prepare(ctx, arg);
  if (!isPrepared(p)) return p;
  const out = await describeContainerGroupEvents(p.target, p.ref.groupId);
  if (out.type !== 'ok')
    return fail(
      ctx,
      callFailed(out, (s) => ctx.output.scrub(s)),
    );
  ctx.output.log(vscode.l10n.t('Events of {0} ({1}, {2}):', p.ref.name, p.ref.groupId, p.ref.regionId));
  for (const e of out.value)
    ctx.output.appendLine(
      `  ${e.LastTimestamp ?? e.FirstTimestamp ?? ''} ${e.Type ?? ''} ${e.Reason ?? ''}: ${e.Message ?? ''}${(e.Count ?? 1) > 1 ? ` ×${e.Count}` : ''}`,
    );
  ctx.output.show();
  return { kind: 'events', events: out.value };
}

export async function restartGroup(ctx: CommandContext, arg: unknown): Promise<GroupActionOutcome> {
  const p = await prepare(ctx, arg);
  if (!isPrepared(p)) return p;
  const button = vscode.l10n.t('Restart');
  const answer = await ctx.ui.confirm(
    vscode.l10n.t('Restart container group "{0}"?', p.ref.name),
    vscode.l10n.t('{0} in {1}: every container is restarted.', p.ref.groupId, p.ref.regionId),
    button,
  );
  if (answer !== button) return { kind: 'declined' };
  const out = await restartContainerGroup(p.target, p.ref.groupId);
  if (out.type !== 'ok')
    return fail(
      ctx,
      callFailed(out, (s) => ctx.output.scrub(s)),
    );
  ctx.output.log(vscode.l10n.t('Restarted {0} ({1}). RequestId: {2}', p.ref.name, p.ref.groupId, out.requestId));
  const live = liveState(ctx);
  live.explorer.refresh();
  const link = [...live.links.entries()].find(([, l]) => l.groupId === p.ref.groupId);
  void live.follower.follow({
    target: p.target,
    id: p.ref.groupId,
    name: p.ref.name,
    timeoutSeconds: followTimeoutSeconds(),
    ...(link?.[1].locations ? { document: { uri: vscode.Uri.parse(link[0]), locations: link[1].locations } } : {}),
  });
  return { kind: 'restarted', groupId: p.ref.groupId };
}

export async function deleteGroup(ctx: CommandContext, arg: unknown): Promise<GroupActionOutcome> {
  const p = await prepare(ctx, arg);
  if (!isPrepared(p)) return p;
  const button = vscode.l10n.t('Delete');
  const answer = await ctx.ui.confirm(
    vscode.l10n.t('Delete container group "{0}" ({1}) in {2}?', p.ref.name, p.ref.groupId, p.ref.regionId),
    vscode.l10n.t('Its containers stop and its data on temporary volumes is lost. This cannot be undone.'),
    button,
  );
  if (answer !== button) return { kind: 'declined' };
  const out = await deleteContainerGroup(p.target, p.ref.groupId);
  if (out.type !== 'ok')
    return fail(
      ctx,
      callFailed(out, (s) => ctx.output.scrub(s)),
    );
  ctx.output.log(
    vscode.l10n.t('Deleted {0} ({1}, {2}). RequestId: {3}', p.ref.name, p.ref.groupId, p.ref.regionId, out.requestId),
  );
  const live = liveState(ctx);
  live.follower.stop(p.ref.groupId);
  live.diagnostics.clearGroup(p.ref.groupId);
  for (const [uri, l] of [...live.links]) if (l.groupId === p.ref.groupId) live.links.delete(uri);
  live.explorer.refresh();
  void ctx.ui.showInformationMessage(vscode.l10n.t('Deleted container group "{0}" ({1}).', p.ref.name, p.ref.groupId));
  return { kind: 'deleted', groupId: p.ref.groupId };
}

export async function copyGroupId(ctx: CommandContext, arg: unknown): Promise<GroupActionOutcome> {
  const ref = groupRef(arg);
  if (!ref)
    return {
      kind: 'no-group',
      message: vscode.l10n.t('Pick a container group in the ECI Container Groups view first.'),
    };
  await ctx.ui.writeClipboard(ref.groupId);
  return { kind: 'copied', groupId: ref.groupId };
}

/** The container an action is about: the argument's, the only one, or the one the user picks. */
export async function pickContainer(
  ctx: CommandContext,
  group: LiveContainerGroup,
  given: unknown,
): Promise<string | undefined> {
  const names = (group.Containers ?? []).map((c) => c.Name);
  if (typeof given === 'string' && names.includes(given)) return given;
  if (names.length <= 1) return names[0];
  return ctx.ui.pick(names, vscode.l10n.t('Container of {0}', group.ContainerGroupName ?? group.ContainerGroupId));
}

function option(arg: unknown, key: string): unknown {
  return typeof arg === 'object' && arg !== null ? (arg as Record<string, unknown>)[key] : undefined;
}

/** Runs a one-shot command in a container (ExecContainerCommand with Sync) and shows its output. */
export async function runCommandIn(ctx: CommandContext, arg: unknown): Promise<GroupActionOutcome> {
  const p = await prepare(ctx, arg);
  if (!isPrepared(p)) return p;
  const group = await currentGroup(ctx, p);
  if (isCallFailed(group)) return fail(ctx, group);
  const container = await pickContainer(ctx, group, option(arg, 'container'));
  if (!container) return { kind: 'declined' };
  const given = option(arg, 'command');
  const text = Array.isArray(given)
    ? undefined
    : await ctx.ui.input(vscode.l10n.t('Command to run in {0} (run by /bin/sh -c)', container), 'ls');
  const command = Array.isArray(given) ? given.map(String) : text ? ['/bin/sh', '-c', text] : undefined;
  if (!command) return { kind: 'declined' };
  const out = await execContainerCommand(p.target, { id: p.ref.groupId, container, command });
  if (out.type !== 'ok')
    return fail(
      ctx,
      callFailed(out, (s) => ctx.output.scrub(s)),
    );
  const output = out.value.kind === 'output' ? ctx.output.scrub(out.value.output) : '';
  ctx.output.log(`${p.ref.name}/${container}$ ${command.join(' ')}`);
  for (const line of output.replace(/\n$/, '').split('\n')) ctx.output.appendLine(`  ${line}`);
  ctx.output.show();
  return { kind: 'command-output', container, output };
}

export function refreshExplorer(ctx: CommandContext): GroupActionOutcome {
  liveState(ctx).explorer.refresh();
  return { kind: 'refreshed' };
}
