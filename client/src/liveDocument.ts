// A live group as a document, and a document's changes applied to its live group:
//   Open as .eci.yaml  the group as an untitled eci-yaml document (the call layer's groupToDocument:
//                      output-only fields and service defaults left out, registry passwords as commented
//                      placeholders), linked to the group;
//   Apply changes      for a document linked to a live group (created from it or opened from the view):
//                      the difference first (modal), then UpdateContainerGroup with what it accepts,
//                      naming what it cannot change.
import * as vscode from 'vscode';
import { groupToDocument, planUpdate } from '../../calls/src/groupDocument';
import { describeContainerGroup, updateContainerGroup } from '../../calls/src/operations/lifecycleOperations';
import { isOutcome, type CommandContext } from './commandContext';
import { prepare, type GroupActionOutcome } from './groupActions';
import { callFailed } from './liveFailures';
import { liveState } from './liveState';
import { followTimeoutSeconds, targetFor } from './liveTarget';
import { documentFor, wireRequest } from './preflight';

export async function openAsYaml(
  ctx: CommandContext,
  arg: unknown,
): Promise<GroupActionOutcome | { kind: 'opened'; uri: string; text: string }> {
  const p = await prepare(ctx, arg);
  if (!('ref' in p)) return p;
  const out = await describeContainerGroup(p.target, p.ref.groupId);
  if (out.type !== 'ok') {
    const f = callFailed(out, (s) => ctx.output.scrub(s));
    void ctx.ui.showErrorMessage(f.message);
    return f;
  }
  const text = ctx.output.scrub(groupToDocument(out.value, vscode.env.language));
  const document = await vscode.workspace.openTextDocument({ language: 'eci-yaml', content: text });
  await vscode.window.showTextDocument(document, { preview: false });
  liveState(ctx).links.set(document.uri.toString(), {
    groupId: p.ref.groupId,
    regionId: p.ref.regionId,
    name: out.value.ContainerGroupName ?? p.ref.groupId,
  });
  return { kind: 'opened', uri: document.uri.toString(), text };
}

export type ApplyOutcome =
  | GroupActionOutcome
  | { kind: 'not-linked'; message: string }
  | { kind: 'no-changes' }
  | { kind: 'updated'; groupId: string; changed: string[]; cannotChange: string[] }
  | { kind: 'cannot-change'; cannotChange: string[] };

export async function applyChanges(ctx: CommandContext, arg: unknown): Promise<ApplyOutcome> {
  const document = await documentFor(ctx, arg);
  if (isOutcome(document)) return document;
  const live = liveState(ctx);
  const link = live.links.get(document.uri.toString());
  if (!link) {
    const message = vscode.l10n.t(
      '{0} is not linked to a live container group: create it from this editor, or open the group from the ECI Container Groups view (Open as .eci.yaml).',
      vscode.workspace.asRelativePath(document.uri),
    );
    void ctx.ui.showErrorMessage(message);
    return { kind: 'not-linked', message };
  }
  const req = await wireRequest(ctx, document);
  if (isOutcome(req)) return req;
  ctx.output.addSecrets(req.secrets.map((k) => req.params[k]));
  const target = await targetFor(ctx, link.regionId);
  if (isOutcome(target)) return target;
  const current = await describeContainerGroup(target, link.groupId);
  if (current.type !== 'ok') {
    const f = callFailed(current, (s) => ctx.output.scrub(s));
    void ctx.ui.showErrorMessage(f.message);
    return f;
  }
  const plan = planUpdate(current.value, req.params);
  if (plan.changes.length === 0) {
    void ctx.ui.showInformationMessage(
      vscode.l10n.t('The document and the live group {0} ({1}) do not differ.', link.name, link.groupId),
    );
    return { kind: 'no-changes' };
  }
  const secret = new Set(req.secrets);
  const show = (k: string, v: string | undefined) => (v === undefined ? '-' : secret.has(k) ? '******' : v);
  const lines = plan.changes.map((c) => `${c.key}: ${show(c.key, c.from)} → ${show(c.key, c.to)}`);
  ctx.output.log(
    vscode.l10n.t(
      'Differences between {0} and the live group {1} ({2}):',
      vscode.workspace.asRelativePath(document.uri),
      link.name,
      link.groupId,
    ),
  );
  for (const l of lines) ctx.output.appendLine(`  ${ctx.output.scrub(l)}`);
  const cannot = plan.cannotChange.length
    ? vscode.l10n.t(
        'UpdateContainerGroup cannot change: {0} (create a new group for those).',
        plan.cannotChange.join(', '),
      )
    : '';
  if (cannot) ctx.output.appendLine(`  ${cannot}`);
  if (Object.keys(plan.params).length === 0) {
    void ctx.ui.showErrorMessage(cannot);
    return { kind: 'cannot-change', cannotChange: plan.cannotChange };
  }
  const button = vscode.l10n.t('Apply changes');
  const answer = await ctx.ui.confirm(
    vscode.l10n.t('Update container group "{0}" ({1}) in {2}?', link.name, link.groupId, link.regionId),
    ctx.output.scrub([...lines.slice(0, 30), ...(lines.length > 30 ? ['…'] : []), cannot].filter(Boolean).join('\n')),
    button,
  );
  if (answer !== button) return { kind: 'declined' };
  const sent = Object.keys(plan.params);
  const out = await updateContainerGroup(target, link.groupId, plan.params, {
    sdkMissing: req.sdkMissing.filter((k) => k in plan.params),
    secrets: req.secrets.filter((k) => k in plan.params),
  });
  if (out.type !== 'ok') {
    const f = callFailed(out, (s) => ctx.output.scrub(s));
    ctx.output.log(`  ${f.message}`);
    void ctx.ui.showErrorMessage(f.message);
    return f;
  }
  ctx.output.log(vscode.l10n.t('Updated {0} ({1}). RequestId: {2}', link.name, link.groupId, out.requestId));
  live.explorer.refresh();
  void live.follower.follow({
    target,
    id: link.groupId,
    name: link.name,
    timeoutSeconds: followTimeoutSeconds(),
    document: { uri: document.uri, locations: req.locations },
  });
  const changedTops = [...new Set(sent.map((k) => k.split('.')[0]))];
  return { kind: 'updated', groupId: link.groupId, changed: changedTops, cannotChange: plan.cannotChange };
}
