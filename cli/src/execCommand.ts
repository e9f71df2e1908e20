// `eci exec ID [--container NAME] -- COMMAND [ARG...]`: one command in a running container
// (ExecContainerCommand with Sync), its output printed.
import { execContainerCommand } from '../../calls/src/index';
import type { CliContext } from './context';
import { EXIT } from './exitCodes';
import { emitJson, groupTarget, presentFailure, type GroupCommandOptions } from './groupTarget';

export async function runExec(
  ctx: CliContext,
  o: GroupCommandOptions,
  id: string,
  command: string[],
  container: string | undefined,
): Promise<number> {
  const gt = await groupTarget(ctx, o);
  if (typeof gt === 'number') return gt;
  const out = await execContainerCommand(gt.target, { id, command, ...(container ? { container } : {}) });
  if (out.type !== 'ok') return presentFailure(ctx, gt, o, out);
  gt.release();
  const output = out.value.kind === 'output' ? gt.clean(out.value.output) : '';
  if (o.json)
    emitJson(ctx, o.command, {
      ContainerGroupId: id,
      ...(container ? { ContainerName: container } : {}),
      Command: command,
      Output: output,
      RequestId: out.requestId,
    });
  else ctx.stdout.write(output);
  return EXIT.ok;
}
