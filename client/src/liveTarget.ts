// Where a call about a live group goes: the settings (eci.endpoint, timeouts, attempts) and the
// credential of the dry run and create (preflight.ts), for a region. Blocked outcomes are told to the user.
import * as vscode from 'vscode';
import { secretValuesOf } from '../../calls/src/credential';
import type { EciTarget } from '../../calls/src/lifecycleTypes';
import { blocked, isOutcome, type CommandContext, type RunOutcome } from './commandContext';
import type { EciSettings } from './config';
import type { ResolvedCredential } from '../../calls/src/types';
import { credentialFor, settingsFor } from './preflight';

const REGION_ID = /^[a-z]{2,}(-[a-z0-9]+)+$/;

/** The target of calls in `regionId`, or a blocked outcome (untrusted workspace, no credentials, bad setting). */
export async function targetFor(ctx: CommandContext, regionId: string): Promise<EciTarget | RunOutcome> {
  if (!ctx.ui.isWorkspaceTrusted()) {
    return blocked(
      ctx,
      'untrusted-workspace',
      vscode.l10n.t(
        'Calls to ECI are disabled in an untrusted workspace: trust this workspace to see and manage container groups.',
      ),
    );
  }
  if (!REGION_ID.test(regionId))
    return blocked(ctx, 'no-region', vscode.l10n.t('"{0}" is not a region id (e.g. cn-hangzhou).', regionId));
  const settings = settingsFor(ctx);
  if (isOutcome(settings)) return settings;
  const credential = await credentialFor(ctx, settings);
  if (isOutcome(credential)) return credential;
  ctx.output.addSecrets(secretValuesOf(credential));
  return targetOf(settings, regionId, credential);
}

/** The target of calls from settings already read and a credential already resolved. */
export function targetOf(settings: EciSettings, regionId: string, credential: ResolvedCredential): EciTarget {
  const ms = settings.requestTimeoutSeconds * 1000;
  return {
    regionId,
    ...(settings.endpoint ? { endpoint: settings.endpoint.host, protocol: settings.endpoint.protocol } : {}),
    credential,
    timeouts: { connectMs: Math.min(ms, 10_000), readMs: ms },
    maxAttempts: settings.maxAttempts,
  };
}

/** The follow limit (setting eci.followTimeoutSeconds, default 600). */
export function followTimeoutSeconds(): number {
  const v = vscode.workspace.getConfiguration('eci').get<number>('followTimeoutSeconds', 600);
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.min(86_400, Math.max(1, Math.round(v))) : 600;
}
