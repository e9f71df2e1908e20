// `eci list`, `eci get ID`, `eci status ID [--wait]`, `eci events ID`, `eci restart ID`,
// `eci delete ID --yes`: the call layer's operations after a create, presented.
import {
  deleteContainerGroup,
  describeContainerGroup,
  describeContainerGroupEvents,
  describeContainerGroups,
  groupToDocument,
  restartContainerGroup,
  type LiveContainerGroup,
} from '../../calls/src/index';
import { complain, type CliContext } from './context';
import { EXIT } from './exitCodes';
import { eventLine, followAndReport } from './followCommand';
import { emitJson, groupTarget, presentFailure, type GroupCommandOptions } from './groupTarget';
import { lifecycleWords } from './lifecycleWords';

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
}

export async function runList(ctx: CliContext, o: GroupCommandOptions, status: string | undefined): Promise<number> {
  const gt = await groupTarget(ctx, o);
  if (typeof gt === 'number') return gt;
  const out = await describeContainerGroups(gt.target, { ...(status ? { status } : {}), withoutEvents: true });
  if (out.type !== 'ok') return presentFailure(ctx, gt, o, out);
  gt.release();
  const words = lifecycleWords(ctx.locale);
  if (o.json) {
    emitJson(
      ctx,
      o.command,
      out.value.map((g) => ({
        ContainerGroupId: g.ContainerGroupId,
        ContainerGroupName: g.ContainerGroupName,
        Status: g.Status,
        CreationTime: g.CreationTime,
        RegionId: g.RegionId,
        ZoneId: g.ZoneId,
      })),
    );
  } else if (!out.value.length) ctx.stderr.write(`${words.noGroups(gt.target.regionId)}\n`);
  else
    ctx.stdout.write(
      table([
        words.header,
        ...out.value.map((g) => [g.ContainerGroupId, g.ContainerGroupName ?? '', g.Status ?? '', g.CreationTime ?? '']),
      ]),
    );
  return EXIT.ok;
}

export async function runGet(
  ctx: CliContext,
  o: GroupCommandOptions,
  id: string,
  format: 'yaml' | 'json',
): Promise<number> {
  const gt = await groupTarget(ctx, o);
  if (typeof gt === 'number') return gt;
  const out = await describeContainerGroup(gt.target, id);
  if (out.type !== 'ok') return presentFailure(ctx, gt, o, out);
  gt.release();
  if (format === 'json' || o.json) ctx.stdout.write(JSON.stringify(out.value, null, 2) + '\n');
  else ctx.stdout.write(groupToDocument(out.value, ctx.locale));
  return EXIT.ok;
}

function statusText(ctx: CliContext, g: LiveContainerGroup): string {
  const words = lifecycleWords(ctx.locale);
  const lines = [`${g.ContainerGroupId}  ${g.ContainerGroupName ?? ''}  ${words.status}: ${g.Status ?? ''}`];
  for (const c of g.Containers ?? []) {
    const st = c.CurrentState ?? {};
    const why = st.Reason || st.DetailStatus;
    lines.push(
      `  ${c.Name}: ${st.State ?? ''}${why ? ` (${why})` : ''}, ${c.Ready ? words.ready : words.notReady}, ${words.restarts}: ${c.RestartCount ?? 0}`,
    );
  }
  return lines.join('\n') + '\n';
}

export async function runStatus(
  ctx: CliContext,
  o: GroupCommandOptions,
  id: string,
  wait: boolean,
  waitTimeoutSeconds: number | undefined,
): Promise<number> {
  const gt = await groupTarget(ctx, o);
  if (typeof gt === 'number') return gt;
  if (wait)
    return followAndReport(ctx, gt, o, id, { ...(waitTimeoutSeconds !== undefined ? { waitTimeoutSeconds } : {}) });
  const out = await describeContainerGroup(gt.target, id);
  if (out.type !== 'ok') return presentFailure(ctx, gt, o, out);
  gt.release();
  const g = out.value;
  if (o.json)
    emitJson(ctx, o.command, {
      ContainerGroupId: g.ContainerGroupId,
      ContainerGroupName: g.ContainerGroupName,
      Status: g.Status,
      Containers: (g.Containers ?? []).map((c) => ({
        Name: c.Name,
        Ready: c.Ready,
        RestartCount: c.RestartCount,
        CurrentState: c.CurrentState,
      })),
    });
  else ctx.stdout.write(statusText(ctx, g));
  return EXIT.ok;
}

export async function runEvents(ctx: CliContext, o: GroupCommandOptions, id: string): Promise<number> {
  const gt = await groupTarget(ctx, o);
  if (typeof gt === 'number') return gt;
  const out = await describeContainerGroupEvents(gt.target, id);
  if (out.type !== 'ok') return presentFailure(ctx, gt, o, out);
  gt.release();
  if (o.json) emitJson(ctx, o.command, out.value);
  else if (!out.value.length) ctx.stderr.write(`${lifecycleWords(ctx.locale).noEvents}\n`);
  else ctx.stdout.write(out.value.map((e) => gt.clean(eventLine(e))).join('\n') + '\n');
  return EXIT.ok;
}

export async function runRestart(ctx: CliContext, o: GroupCommandOptions, id: string): Promise<number> {
  const gt = await groupTarget(ctx, o);
  if (typeof gt === 'number') return gt;
  const out = await restartContainerGroup(gt.target, id);
  if (out.type !== 'ok') return presentFailure(ctx, gt, o, out);
  gt.release();
  if (o.json)
    emitJson(ctx, o.command, {
      outcome: 'restarted',
      ContainerGroupId: id,
      RequestId: out.requestId,
      RegionId: gt.target.regionId,
    });
  else ctx.stdout.write(`${lifecycleWords(ctx.locale).restarted(id)}\n${ctx.msg.requestId}: ${out.requestId}\n`);
  return EXIT.ok;
}

export async function runDelete(ctx: CliContext, o: GroupCommandOptions, id: string, yes: boolean): Promise<number> {
  if (!yes) {
    const region = o.region ?? ctx.env.ALIBABA_CLOUD_REGION_ID ?? '?';
    complain(ctx, `${lifecycleWords(ctx.locale).deleteNeedsYes(id, region)}\n${ctx.msg.seeHelp(o.command)}`);
    return EXIT.usage;
  }
  const gt = await groupTarget(ctx, o);
  if (typeof gt === 'number') return gt;
  const out = await deleteContainerGroup(gt.target, id);
  if (out.type !== 'ok') return presentFailure(ctx, gt, o, out);
  gt.release();
  if (o.json)
    emitJson(ctx, o.command, {
      outcome: 'deleted',
      ContainerGroupId: id,
      RequestId: out.requestId,
      RegionId: gt.target.regionId,
    });
  else
    ctx.stdout.write(
      `${lifecycleWords(ctx.locale).deleted(id, gt.target.regionId)}\n${ctx.msg.requestId}: ${out.requestId}\n`,
    );
  return EXIT.ok;
}
