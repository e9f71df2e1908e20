// The estimated price of a document's group (issue 12): DescribeContainerGroupPrice through the call
// layer, per hour (calls/src/operations/price.ts converts and words it), cached per request parameters,
// account and endpoint. For the price CodeLens and hover (priceLens.ts, loaded with activation, asks
// here) and the line in Create's confirmation. Never a notification: the lens says why there is no price.
import * as vscode from 'vscode';
import { secretValuesOf } from '../../calls/src/credential';
import {
  callDescribeContainerGroupPrice,
  describePrice,
  priceParams,
  type PriceOutcome,
} from '../../calls/src/operations/price';
import type { ResolvedCredential } from '../../calls/src/types';
import { WireRequestMethod, type WireRequestParams, type WireRequestResult } from '../../server/src/protocol';
import { accountLookupsEnabled, type PriceView } from './accountSettings';
import type { CommandContext } from './commandContext';
import { InvalidEndpointSetting, readSettings, type EciSettings } from './config';
import { resolveCallCredential } from './preflight';

const PRICE_TTL_MS = 5 * 60_000;
const cache = new Map<string, { at: number; outcome: Promise<PriceOutcome> }>();

/** Forgets every price asked (ECI: Refresh account look-ups). */
export function clearPrices(): void {
  cache.clear();
}

const none = (title: string, tooltip = title): PriceView => ({
  title: `$(tag) ${title}`,
  tooltip,
  hoverLines: [],
  hoverText: '',
});

/** The price of the wire request, from the cache while fresh for the same parameters, account and endpoint. */
export function priceOf(
  params: Record<string, string>,
  sdkMissing: string[],
  regionId: string,
  credential: ResolvedCredential,
  settings: EciSettings,
  signal?: AbortSignal,
): Promise<PriceOutcome> {
  const sent = priceParams(params).params;
  const key = JSON.stringify([
    sent,
    credential.source,
    credential.profile ?? '',
    credential.accessKeyIdHint,
    settings.endpoint?.host ?? '',
    settings.endpoint?.protocol ?? '',
  ]);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < PRICE_TTL_MS) return hit.outcome;
  const outcome = callDescribeContainerGroupPrice({
    params,
    sdkMissing,
    regionId,
    credential,
    endpoint: settings.endpoint?.host,
    protocol: settings.endpoint?.protocol,
    maxAttempts: Math.min(settings.maxAttempts, 2),
    signal,
  }).then((o) => {
    if (o.type !== 'price' && cache.get(key)?.outcome === outcome) cache.delete(key); // a failure is asked again next time
    return o;
  });
  cache.set(key, { at: Date.now(), outcome });
  return outcome;
}

/** A short reason a price call gave none (secrets masked). */
function failureText(ctx: Pick<CommandContext, 'output'>, o: Exclude<PriceOutcome, { type: 'price' }>): string {
  const detail =
    'code' in o && typeof o.code === 'string'
      ? o.code
      : 'message' in o && typeof o.message === 'string'
        ? o.message.split('\n')[0]
        : o.type;
  return ctx.output.scrub(detail);
}

/** The one-line form of an estimate (lens title, confirmation line). */
export function priceSummary(o: Extract<PriceOutcome, { type: 'price' }>): string {
  const money = (n: number) => `${n.toFixed(4)} ${o.currency}`;
  const spot = o.spot.length
    ? ' · ' + vscode.l10n.t('spot from {0} per hour', money(Math.min(...o.spot.map((s) => s.spotPerHour))))
    : '';
  const asked = new Date(o.askedAt);
  const at = `${String(asked.getHours()).padStart(2, '0')}:${String(asked.getMinutes()).padStart(2, '0')}`;
  return vscode.l10n.t('Estimated {0} per hour', money(o.perHour)) + spot + ' · ' + vscode.l10n.t('asked at {0}', at);
}

/** The price of a document for the lens and hover: the estimate, or why there is none. */
export async function estimatePrice(ctx: CommandContext, document: vscode.TextDocument): Promise<PriceView> {
  if (!ctx.ui.isWorkspaceTrusted() || !accountLookupsEnabled())
    return none(vscode.l10n.t('No price: look-ups are off in this workspace'));
  const client = await ctx.client();
  if (!client?.isRunning()) return none(vscode.l10n.t('No price: the language server is not running'));
  let req: WireRequestResult | null;
  try {
    req = await client.sendRequest<WireRequestResult | null>(WireRequestMethod, {
      uri: client.code2ProtocolConverter.asUri(document.uri),
    } satisfies WireRequestParams);
  } catch {
    return none(vscode.l10n.t('No price: the language server could not build the request'));
  }
  if (!req) return none(vscode.l10n.t('No price: the language server does not have this document open'));
  if (!req.ok)
    return none(
      vscode.l10n.t('No price: the document has {0} error(s)', req.errors.length),
      vscode.l10n.t('Fix the errors first: a document with errors gets no price.'),
    );
  const regionId = req.params.RegionId;
  if (!regionId) return none(vscode.l10n.t('No price: the document sets no RegionId'));
  let settings: EciSettings;
  try {
    settings = readSettings(document.uri);
  } catch (e) {
    if (!(e instanceof InvalidEndpointSetting)) throw e;
    return none(vscode.l10n.t('No price: the setting eci.endpoint is not a host name'));
  }
  let credential: ResolvedCredential;
  try {
    credential = await resolveCallCredential(ctx, settings, false);
  } catch {
    return none(
      vscode.l10n.t('No price: no credentials'),
      vscode.l10n.t(
        'No Alibaba Cloud credentials were found (as for Dry run): set eci.profile, store an access key or configure the credentials chain.',
      ),
    );
  }
  ctx.output.addSecrets(secretValuesOf(credential));
  ctx.output.addSecrets(req.secrets.map((k) => (req as { params: Record<string, string> }).params[k]));
  const outcome = await priceOf(req.params, req.sdkMissing, regionId, credential, settings);
  if (outcome.type !== 'price') {
    const reason = failureText(ctx, outcome);
    return none(vscode.l10n.t('No price: the price look-up failed ({0})', reason));
  }
  const lines = describePrice(outcome, vscode.env.language);
  const hoverLines = ['Cpu', 'Memory', 'InstanceType']
    .map((k) => req.locations[k]?.start.line)
    .filter((l): l is number => typeof l === 'number');
  return {
    title: `$(tag) ${priceSummary(outcome)}`,
    tooltip: lines.join('\n'),
    hoverLines,
    hoverText: lines.join('\n\n'),
  };
}

/** The price line of Create's confirmation (at most `waitMs`): the estimate, or why there is none. */
export async function confirmationPriceLine(
  req: { params: Record<string, string>; sdkMissing: string[] },
  regionId: string,
  credential: ResolvedCredential,
  settings: EciSettings,
  waitMs = 5_000,
): Promise<string | undefined> {
  if (!accountLookupsEnabled()) return undefined;
  const outcome = await priceOf(
    req.params,
    req.sdkMissing,
    regionId,
    credential,
    settings,
    AbortSignal.timeout(waitMs),
  );
  if (outcome.type === 'price') return vscode.l10n.t('Price: {0}', priceSummary(outcome));
  return vscode.l10n.t(
    'Price: not available ({0})',
    'code' in outcome && typeof outcome.code === 'string' ? outcome.code : outcome.type,
  );
}
