// A dry run or create under VS Code's progress notification: its Cancel button (and a caller's
// cancellation token) abort the call; each retry is shown there and logged.
import * as vscode from 'vscode';
import type { CallEndpoint } from '../../calls/src/endpoint';
import { callCreateContainerGroup } from '../../calls/src/operations/createContainerGroup';
import type { EciCallOutcome, ResolvedCredential } from '../../calls/src/types';
import type { CommandContext, RunOptions } from './commandContext';
import type { EciSettings } from './config';
import type { WireRequestOk } from './preflight';

export interface CallRequest {
  dryRun: boolean;
  req: WireRequestOk;
  regionId: string;
  group: string;
  endpoint: CallEndpoint;
  credential: ResolvedCredential;
  settings: EciSettings;
}

export function callWithProgress(
  ctx: CommandContext,
  call: CallRequest,
  options: RunOptions,
): Thenable<EciCallOutcome> {
  const { dryRun, req, regionId, group, settings } = call;
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: dryRun
        ? vscode.l10n.t('ECI dry run of "{0}" in {1}', group, regionId)
        : vscode.l10n.t('Creating ECI container group "{0}" in {1}', group, regionId),
      cancellable: true,
    },
    async (progress, token) => {
      const abort = new AbortController();
      const subs = [token, options.cancellation]
        .filter((t): t is vscode.CancellationToken => t !== undefined)
        .map((t) => t.onCancellationRequested(() => abort.abort()));
      if (options.cancellation?.isCancellationRequested) abort.abort();
      try {
        return await callCreateContainerGroup({
          params: req.params,
          sdkMissing: req.sdkMissing,
          secrets: req.secrets,
          dryRun,
          regionId,
          endpoint: call.endpoint.host,
          protocol: call.endpoint.protocol,
          credential: call.credential,
          timeouts: { connectMs: settings.requestTimeoutSeconds * 1000, readMs: settings.requestTimeoutSeconds * 1000 },
          maxAttempts: settings.maxAttempts,
          signal: abort.signal,
          onAttempt: (attempt, reason) => {
            if (attempt === 1) return;
            const text = vscode.l10n.t('attempt {0} of {1} ({2})', attempt, settings.maxAttempts, reason ?? '');
            progress.report({ message: text });
            ctx.output.log(`  ${text}`);
          },
        });
      } finally {
        for (const sub of subs) sub.dispose();
      }
    },
  );
}
