// `eci logs ID [--container NAME] [--tail N] [--follow] [--previous]`: a container's log; --follow
// polls (every 2 s) and prints only lines not printed before, until Ctrl-C or the group is gone.
import { createLogFollower, describeContainerLog, LOG_FOLLOW_POLL_MS, sleep } from '../../calls/src/index';
import type { CliContext } from './context';
import { EXIT } from './exitCodes';
import { emitJson, groupTarget, presentFailure, type GroupCommandOptions } from './groupTarget';

export interface LogsOptions {
  container?: string;
  tail?: number;
  follow: boolean;
  previous: boolean;
}

export async function runLogs(ctx: CliContext, o: GroupCommandOptions, id: string, l: LogsOptions): Promise<number> {
  const gt = await groupTarget(ctx, o);
  if (typeof gt === 'number') return gt;
  const request = { id, ...(l.container ? { container: l.container } : {}), ...(l.previous ? { previous: true } : {}) };
  const first = await describeContainerLog(gt.target, {
    ...request,
    tail: l.tail ?? (l.follow ? 200 : undefined),
    timestamps: l.follow,
  });
  if (first.type !== 'ok') return presentFailure(ctx, gt, o, first);
  if (!l.follow) {
    gt.release();
    if (o.json)
      emitJson(ctx, o.command, {
        ContainerGroupId: id,
        ContainerName: first.value.container,
        Content: gt.clean(first.value.content),
      });
    else ctx.stdout.write(gt.clean(first.value.content));
    return EXIT.ok;
  }
  // Following: lines carry their time; the call layer's follower keeps each line once.
  const follower = createLogFollower();
  const print = (content: string) => {
    for (const line of follower.take(content)) ctx.stdout.write(`${gt.clean(line)}\n`);
  };
  print(first.value.content);
  for (;;) {
    try {
      await sleep(LOG_FOLLOW_POLL_MS, gt.target.signal);
    } catch {
      gt.release();
      return EXIT.ok;
    }
    const next = await describeContainerLog(gt.target, {
      ...request,
      timestamps: true,
      sinceSeconds: Math.ceil(LOG_FOLLOW_POLL_MS / 1000) + 5,
    });
    if (next.type === 'cancelled') {
      gt.release();
      return EXIT.ok;
    }
    if (next.type !== 'ok') return presentFailure(ctx, gt, o, next);
    print(next.value.content);
  }
}
