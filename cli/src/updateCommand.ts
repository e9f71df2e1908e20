// `eci update FILE --group ID [--dry-run]`: the difference between the live group and the document
// (the call layer's planUpdate), printed; then UpdateContainerGroup with the changed parameters it
// accepts (unless --dry-run), naming those it cannot change.
import { describeContainerGroup, maskParams, planUpdate, updateContainerGroup } from '../../calls/src/index';
import { complain, type CliContext } from './context';
import { EXIT } from './exitCodes';
import { emitJson, groupTarget, presentFailure, type GroupCommandOptions } from './groupTarget';
import { lifecycleWords } from './lifecycleWords';
import { buildDocument } from './requestCommand';

export async function runUpdate(
  ctx: CliContext,
  o: GroupCommandOptions,
  file: string,
  id: string,
  dryRun: boolean,
): Promise<number> {
  const words = lifecycleWords(ctx.locale);
  const doc = buildDocument(ctx, file);
  if (!doc.ok) return doc.exit;
  const { built } = doc;
  const gt = await groupTarget(ctx, o, built.params.RegionId);
  if (typeof gt === 'number') return gt;
  const live = await describeContainerGroup(gt.target, id);
  if (live.type !== 'ok') return presentFailure(ctx, gt, o, live);
  const plan = planUpdate(live.value, built.params);
  const secret = new Set(built.secrets);
  const shown = (key: string, v: string | undefined) =>
    v === undefined ? undefined : secret.has(key) ? maskParams({ [key]: v }, [key])[key] : gt.clean(v);
  const changes = plan.changes.map((c) => ({
    key: c.key,
    ...(c.from !== undefined ? { from: shown(c.key, c.from) } : {}),
    ...(c.to !== undefined ? { to: shown(c.key, c.to) } : {}),
  }));
  if (!o.json) {
    if (!changes.length) ctx.stdout.write(`${words.noChanges(id)}\n`);
    else {
      ctx.stdout.write(`${words.differences(id)}\n`);
      for (const c of changes) {
        if (c.from !== undefined) ctx.stdout.write(ctx.out.red(`- ${c.key}=${c.from}`) + '\n');
        if (c.to !== undefined) ctx.stdout.write(ctx.out.green(`+ ${c.key}=${c.to}`) + '\n');
      }
    }
    if (plan.cannotChange.length) complain(ctx, words.cannotChange(plan.cannotChange));
  }
  const sendable = Object.keys(plan.params).length > 0;
  if (dryRun || !sendable) {
    gt.release();
    if (o.json)
      emitJson(ctx, o.command, {
        outcome: dryRun ? 'dry-run' : 'no-changes',
        ContainerGroupId: id,
        changes,
        cannotChange: plan.cannotChange,
        sent: false,
      });
    else if (dryRun) ctx.stderr.write(`${words.dryRunNothingSent}\n`);
    return EXIT.ok;
  }
  const out = await updateContainerGroup(gt.target, id, plan.params, {
    sdkMissing: built.sdkMissing.filter((k) => k in plan.params),
    secrets: built.secrets.filter((k) => k in plan.params),
  });
  if (out.type !== 'ok') return presentFailure(ctx, gt, o, out);
  gt.release();
  if (o.json)
    emitJson(ctx, o.command, {
      outcome: 'updated',
      ContainerGroupId: id,
      RequestId: out.requestId,
      changes,
      cannotChange: plan.cannotChange,
      sent: true,
    });
  else ctx.stdout.write(`${words.updated(id)}\n${ctx.msg.requestId}: ${out.requestId}\n`);
  return EXIT.ok;
}
