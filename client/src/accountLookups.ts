// The account look-ups behind live completion and the account checks (issue 12): when the server
// announces the regions of the open documents (eci/accountRegions), the facts of each region are looked
// up in the background through the call layer's AccountFactsCache and handed to the server
// (eci/accountFacts). Only in a trusted workspace with credentials (resolved as for Dry run), to
// eci.endpoint when set. Nothing here waits in the way of typing, and a failure (no credentials,
// offline, throttled, Forbidden.RAM) costs at most one quiet line in the output: the static behaviour
// stays.
import * as vscode from 'vscode';
import { secretValuesOf } from '../../calls/src/credential';
import { AccountFactsCache, noFacts, type AccountLookup } from '../../calls/src/operations/lookups';
import { AccountFactsMethod, type AccountFacts, type AccountFactsParams } from '../../server/src/protocol';
import type { CommandContext } from './commandContext';
import { accountLookupsEnabled } from './accountSettings';
import { InvalidEndpointSetting, readSettings } from './config';
import { resolveCallCredential } from './preflight';

/** What one round of look-ups did (returned to the refresh command and the tests). */
export type AccountLookupReport =
  | { kind: 'off'; reason: 'untrusted' | 'disabled' | 'no-credentials' | 'invalid-endpoint' | 'no-server' }
  | { kind: 'looked-up'; regions: string[]; withFacts: string[]; failures: string[]; ms: number };

const cache = new AccountFactsCache();
let round = 0;
let lastQuietLine: string | undefined;

/** One quiet line in the output, not repeated while the same thing keeps failing. */
function quietly(ctx: Pick<CommandContext, 'output'>, line: string): void {
  if (line === lastQuietLine) return;
  lastQuietLine = line;
  ctx.output.log(line);
}

/** Sends the facts to the server (an empty list withdraws them: the static behaviour). */
async function handOver(ctx: Pick<CommandContext, 'client'>, facts: AccountFacts[]): Promise<boolean> {
  const client = await ctx.client();
  if (!client?.isRunning()) return false;
  await client.sendNotification(AccountFactsMethod, { facts } satisfies AccountFactsParams);
  return true;
}

/**
 * Looks up the facts of `regions` (from the cache while fresh; `refresh` empties it first) and hands
 * them to the server. A later round supersedes an earlier one still running.
 */
export async function lookUpAccount(
  ctx: CommandContext,
  regions: readonly string[],
  refresh = false,
): Promise<AccountLookupReport> {
  const mine = ++round;
  if (refresh) cache.clear();
  if (!ctx.ui.isWorkspaceTrusted()) return { kind: 'off', reason: 'untrusted' };
  if (!accountLookupsEnabled()) {
    await handOver(ctx, []);
    return { kind: 'off', reason: 'disabled' };
  }
  let settings;
  try {
    settings = readSettings();
  } catch (e) {
    if (!(e instanceof InvalidEndpointSetting)) throw e;
    quietly(ctx, vscode.l10n.t('Account look-ups are off: the setting eci.endpoint "{0}" is not a host name.', e.raw));
    return { kind: 'off', reason: 'invalid-endpoint' };
  }
  let credential;
  try {
    credential = await resolveCallCredential(ctx, settings, false);
  } catch (e) {
    const detail = ctx.output.scrub(e instanceof Error ? e.message.split('\n')[0] : String(e));
    quietly(
      ctx,
      vscode.l10n.t(
        'Account look-ups are off (no credentials: {0}); completion and checks stay without live account data.',
        detail,
      ),
    );
    await handOver(ctx, []);
    return { kind: 'off', reason: 'no-credentials' };
  }
  ctx.output.addSecrets(secretValuesOf(credential));
  const started = performance.now();
  const looked = await Promise.all(
    regions.map(async (regionId): Promise<[string, AccountLookup | { error: string }]> => {
      try {
        return [
          regionId,
          await cache.get({
            credential,
            regionId,
            endpoint: settings.endpoint?.host,
            protocol: settings.endpoint?.protocol,
            maxAttempts: settings.maxAttempts,
          }),
        ];
      } catch (e) {
        return [regionId, { error: e instanceof Error ? e.message : String(e) }];
      }
    }),
  );
  if (mine !== round)
    return {
      kind: 'looked-up',
      regions: [...regions],
      withFacts: [],
      failures: ['superseded'],
      ms: Math.round(performance.now() - started),
    };
  const facts: AccountFacts[] = [];
  const failures: string[] = [];
  for (const [regionId, l] of looked) {
    if ('error' in l) {
      failures.push(`${regionId}: ${l.error}`);
      continue;
    }
    if (!noFacts(l)) facts.push(l.facts);
    for (const f of l.failures) failures.push(`${regionId}: ${f.action}: ${f.code}`);
  }
  if (!(await handOver(ctx, facts))) return { kind: 'off', reason: 'no-server' };
  if (failures.length > 0) {
    const shown = failures.slice(0, 3).join('; ') + (failures.length > 3 ? ` (+${failures.length - 3})` : '');
    quietly(
      ctx,
      vscode.l10n.t(
        'Account look-ups incomplete ({0}); completion and checks use what was found. ECI: Refresh account look-ups tries again.',
        ctx.output.scrub(shown),
      ),
    );
  } else {
    lastQuietLine = undefined;
  }
  return {
    kind: 'looked-up',
    regions: [...regions],
    withFacts: facts.map((f) => f.regionId),
    failures,
    ms: Math.round(performance.now() - started),
  };
}
