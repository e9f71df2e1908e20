// The failures of a live group that cannot succeed, with the wire path of the document line each
// concerns: an image that cannot be pulled (Image), a container that keeps crashing (Command/Arg, with
// its exit code), OOMKilled (Memory), a group Failed or Expired. The editor's provisional recogniser:
// the call layer's follow engine (branch after-launch-calls) takes its place when it lands.
import * as vscode from 'vscode';
import type { LiveContainerGroup } from '../../calls/src/lifecycleTypes';
import type { LiveFailure } from './liveDiagnostics';

const PULL = /ErrImagePull|ImagePullBackOff|Failed to pull image/i;

export function recogniseFailures(g: LiveContainerGroup, _locale: string): LiveFailure[] {
  const failures: LiveFailure[] = [];
  (g.Containers ?? []).forEach((c, i) => {
    const at = `Container.${i + 1}`;
    const reason = c.CurrentState?.Reason ?? c.CurrentState?.DetailStatus ?? '';
    const events = (g.Events ?? []).filter((e) => (e.Message ?? '').includes(c.Image ?? '\u0000') || (e.Message ?? '').includes(`container ${c.Name}`));
    if (PULL.test(reason) || events.some((e) => PULL.test(`${e.Reason} ${e.Message}`))) {
      failures.push({
        reason: PULL.test(reason) ? reason : 'ErrImagePull',
        message: vscode.l10n.t('the image {0} of container {1} cannot be pulled: check the image name and tag, that the registry is reachable from the VPC (a public registry needs an EIP or a NAT gateway), and the registry credentials (ImageRegistryCredential).', c.Image ?? '?', c.Name),
        parameterPaths: [`${at}.Image`],
      });
      return;
    }
    const prev = c.PreviousState;
    const oom = reason === 'OOMKilled' || prev?.Reason === 'OOMKilled';
    if (oom) {
      failures.push({
        reason: 'OOMKilled',
        message: vscode.l10n.t('container {0} was killed for using more memory than it may (OOMKilled, exit code 137): raise its Memory or make it use less.', c.Name),
        parameterPaths: [`${at}.Memory`, 'Memory'],
      });
      return;
    }
    const exitCode = prev?.ExitCode ?? c.CurrentState?.ExitCode;
    if ((reason === 'CrashLoopBackOff' || ((c.RestartCount ?? 0) > 0 && exitCode !== undefined && exitCode !== 0))) {
      const commandKey = (c.Args?.length ?? 0) > 0 && !(c.Commands?.length ?? 0) ? 'Arg' : 'Command';
      failures.push({
        reason: 'CrashLoopBackOff',
        message: vscode.l10n.t('container {0} keeps crashing: its command exited with code {1} (restarted {2} times). Its logs (ECI: Logs, previous run) say why.', c.Name, exitCode ?? '?', c.RestartCount ?? 0),
        parameterPaths: [`${at}.${commandKey}`, `${at}.${commandKey === 'Arg' ? 'Command' : 'Arg'}`, `${at}.Image`],
      });
    }
  });
  if (failures.length === 0 && (g.Status === 'Failed' || g.Status === 'Expired' || g.Status === 'ScheduleFailed')) {
    const last = [...(g.Events ?? [])].reverse().find((e) => e.Type === 'Warning');
    failures.push({
      reason: g.Status,
      message: vscode.l10n.t('the group is {0}{1}.', g.Status, last ? `: ${last.Reason ?? ''} ${last.Message ?? ''}` : ''),
      parameterPaths: ['ZoneId', 'VSwitchId', 'InstanceType'],
    });
  }
  return failures;
}
