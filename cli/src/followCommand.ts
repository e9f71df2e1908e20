// `eci create FILE --wait` and `eci status ID --wait`: follow the group (the call layer's follow
// engine), print each new event once on stderr, and end with the group Running/Succeeded (exit 0),
// failed (exit 5: the explanation, and with a FILE the document line it concerns), or the limit
// passed (exit 6).
import type { Range } from 'vscode-languageserver-types';
import {
  DEFAULT_FOLLOW_TIMEOUT_MS,
  followContainerGroup,
  keysForParameterPaths,
  type FollowResult,
  type LiveEvent,
} from '../../calls/src/index';
import { complain, type CliContext } from './context';
import { EXIT } from './exitCodes';
import { emitJson, presentFailure, type GroupCommandOptions, type GroupTarget } from './groupTarget';
import { lifecycleWords } from './lifecycleWords';

export interface FollowCommandOptions {
  /** Seconds (default 600). */
  waitTimeoutSeconds?: number;
  /** The document the group was created from: a failure is placed on its line. */
  file?: { displayPath: string; locations: Record<string, Range> };
  /** Extra members of the --json answer (a create's ContainerGroupId, RequestId, ClientToken). */
  jsonExtra?: Record<string, unknown>;
}

export function eventLine(e: LiveEvent): string {
  return `${e.LastTimestamp ?? e.FirstTimestamp ?? ''}  ${e.Type ?? ''}  ${e.Reason ?? ''}: ${e.Message ?? ''}${(e.Count ?? 1) > 1 ? ` (x${e.Count})` : ''}`;
}

export async function followAndReport(
  ctx: CliContext,
  gt: GroupTarget,
  o: GroupCommandOptions,
  id: string,
  f: FollowCommandOptions,
): Promise<number> {
  const words = lifecycleWords(ctx.locale);
  const timeoutMs = f.waitTimeoutSeconds !== undefined ? f.waitTimeoutSeconds * 1000 : DEFAULT_FOLLOW_TIMEOUT_MS;
  const events: LiveEvent[] = [];
  if (!o.json) ctx.stderr.write(ctx.err.dim(`${words.following(id, timeoutMs / 1000)}\n`));
  const handle = followContainerGroup(gt.target, id, {
    timeoutMs,
    signal: gt.target.signal,
    onEvent: (e) => {
      events.push(e);
      if (!o.json) ctx.stderr.write(`  ${gt.clean(eventLine(e))}\n`);
    },
    onRetry: (out) => {
      if (!o.json)
        ctx.stderr.write(
          ctx.err.dim(
            `  ${words.retrying(out.type === 'service-error' ? out.code : out.type === 'network-error' ? out.kind : out.type)}\n`,
          ),
        );
    },
  });
  const result = await handle.result;
  return report(ctx, gt, o, id, f, result, events);
}

function report(
  ctx: CliContext,
  gt: GroupTarget,
  o: GroupCommandOptions,
  id: string,
  f: FollowCommandOptions,
  r: FollowResult,
  events: LiveEvent[],
): number {
  const words = lifecycleWords(ctx.locale);
  const json = (value: Record<string, unknown>) =>
    emitJson(ctx, o.command, {
      ContainerGroupId: id,
      ...f.jsonExtra,
      ...value,
      events,
      endpoint: gt.endpointText,
      RegionId: gt.target.regionId,
    });
  switch (r.type) {
    case 'succeeded':
      gt.release();
      if (o.json) json({ outcome: 'succeeded', Status: r.status });
      else ctx.stdout.write(`${ctx.out.green(words.succeeded(id, r.status))}\n`);
      return EXIT.ok;
    case 'failed': {
      gt.release();
      const loc = ctx.locale === 'ja' ? 'ja' : 'en';
      const fl = r.failure;
      const located = f.file
        ? keysForParameterPaths(fl.parameterPaths, Object.keys(f.file.locations)).map((key) => ({
            key,
            range: f.file!.locations[key],
          }))
        : [];
      if (o.json) {
        json({
          outcome: 'failed',
          Status: r.group.Status,
          failure: {
            kind: fl.kind,
            reason: fl.reason,
            message: gt.clean(fl.message),
            ...(fl.container ? { container: fl.container.name } : {}),
            ...(fl.exitCode !== undefined ? { exitCode: fl.exitCode } : {}),
            ...(fl.recommendedZones ? { recommendedZones: fl.recommendedZones } : {}),
            ...(fl.lastLogLines ? { lastLogLines: fl.lastLogLines.map(gt.clean) } : {}),
            explanation: gt.clean(fl.explanation[loc]),
            action: fl.explanation.action[loc],
            parameterPaths: fl.parameterPaths,
          },
          ...(f.file
            ? {
                parameters: located.map(({ key, range }) => ({
                  key,
                  file: f.file!.displayPath,
                  line: range.start.line + 1,
                  column: range.start.character + 1,
                })),
              }
            : {}),
        });
        return EXIT.groupFailed;
      }
      complain(ctx, words.failed(id));
      ctx.stderr.write(
        `${ctx.err.red(fl.reason)}: ${gt.clean(fl.explanation[loc])}\n  ${fl.explanation.action[loc]}\n`,
      );
      if (fl.message && !fl.explanation[loc].includes(fl.message))
        ctx.stderr.write(`  Message: ${gt.clean(fl.message)}\n`);
      const firstLine = gt.clean(fl.explanation[loc]).split('\n')[0];
      for (const { key, range } of located) {
        ctx.stderr.write(
          `${ctx.err.bold(`${f.file!.displayPath}:${range.start.line + 1}:${range.start.character + 1}`)}: ${ctx.err.red('error')} ${ctx.err.dim(`follow.${fl.kind}`)}: ${key}: ${firstLine} (${words.fromGroup(id)})\n`,
        );
      }
      return EXIT.groupFailed;
    }
    case 'timeout':
      gt.release();
      if (o.json) json({ outcome: 'timeout', seconds: r.seconds, ...(r.status ? { Status: r.status } : {}) });
      else complain(ctx, words.timedOut(id, r.seconds, r.status ?? ''));
      return EXIT.waitLimit;
    case 'deleted':
      gt.release();
      if (o.json) json({ outcome: 'deleted' });
      else complain(ctx, words.deletedWhileFollowed(id, r.regionId));
      return EXIT.service;
    case 'error':
      return presentFailure(ctx, gt, o, r.outcome);
    case 'cancelled':
      return presentFailure(ctx, gt, o, { type: 'cancelled', attempts: 0, requestSent: true });
  }
}
