// DescribeContainerGroupPrice for a document's wire parameters: the region, zone, CPU/memory or
// instance types, spot strategy and price limit, ephemeral storage. The answer's Price fields are per
// SECOND and its spot prices per HOUR: both are given per hour here, and the estimate says which were
// converted. Never throws for a service or network problem.
import { secretValuesOf } from '../credential';
import { describeNetworkError } from '../describe';
import { endpointFor, hostAndPort } from '../endpoint';
import { classifyFailure, connectFailure, type FailureContext } from '../failures';
import { redactSecrets } from '../redaction';
import { withRetries } from '../retry';
import { eciClient, loadSdk, probed, runtimeOptions, type AttemptProbe } from '../sdk';
import { toSdkRequest, type SdkModelClass } from '../sdkRequest';
import { Cancelled, probeConnect, raceAbort } from '../transport';
import type { EciCallOutcome } from '../types';
import type { LookupOptions } from './lookups';

/** The wire keys of a create that the price depends on (the rest of the document does not change it). */
export const PRICE_KEYS = [
  'RegionId',
  'ZoneId',
  'Cpu',
  'Memory',
  'InstanceType',
  'SpotStrategy',
  'SpotPriceLimit',
  'SpotDuration',
  'EphemeralStorage',
] as const;

/** Where and how to ask (as a look-up: region, credential, endpoint, retries, timeouts, clock), and what. */
export interface PriceOptions extends LookupOptions {
  /** The document's wire parameters (buildWireRequest); only PRICE_KEYS are sent. */
  params: Record<string, string>;
  /** Keys the SDK model lacks (sent through extendsParameters.queries, as a create sends them). */
  sdkMissing?: string[];
}

export interface SpotPriceEstimate {
  zoneId: string;
  instanceType: string;
  /** Per hour, as the service answers spot prices. */
  spotPerHour: number;
  originPerHour: number;
}

export interface PriceEstimate {
  type: 'price';
  /** The trade price per hour (the answer's per-second TradePrice × 3600). */
  perHour: number;
  /** The list price per hour (OriginalPrice × 3600). */
  originalPerHour: number;
  /** The answer's TradePrice, per second, as it came. */
  perSecond: number;
  currency: string;
  /** Spot prices per zone when SpotStrategy asks for spot (already per hour in the answer: not converted). */
  spot: SpotPriceEstimate[];
  /** What the size was taken from: the group's Cpu/Memory, its InstanceType, or the sum of its containers'. */
  sizeFrom: 'group' | 'instance-type' | 'containers';
  /** The parameters sent. */
  sent: Record<string, string>;
  askedAt: string;
  requestId: string;
}

export type PriceOutcome = PriceEstimate | Exclude<EciCallOutcome, { type: 'created' } | { type: 'dry-run-passed' }>;

/** The parameters of the price request for a document: its size, or the sum of its containers' when the group has none. */
export function priceParams(wire: Record<string, string>): {
  params: Record<string, string>;
  sizeFrom: PriceEstimate['sizeFrom'];
} {
  const params: Record<string, string> = {};
  for (const k of PRICE_KEYS) if (wire[k] !== undefined && wire[k] !== '') params[k] = wire[k];
  if (params.InstanceType) return { params, sizeFrom: 'instance-type' };
  if (params.Cpu && params.Memory) return { params, sizeFrom: 'group' };
  let cpu = 0;
  let memory = 0;
  for (const [k, v] of Object.entries(wire)) {
    if (/^Container\.\d+\.Cpu$/.test(k)) cpu += Number(v) || 0;
    if (/^Container\.\d+\.Memory$/.test(k)) memory += Number(v) || 0;
  }
  if (!params.Cpu && cpu > 0) params.Cpu = String(Number(cpu.toFixed(3)));
  if (!params.Memory && memory > 0) params.Memory = String(Number(memory.toFixed(3)));
  return { params, sizeFrom: 'containers' };
}

const SPOT = new Set(['SpotAsPriceGo', 'SpotWithPriceLimit']);

/** Asks DescribeContainerGroupPrice for the document's group, per hour. */
export async function callDescribeContainerGroupPrice(o: PriceOptions): Promise<PriceOutcome> {
  const { params, sizeFrom } = priceParams(o.params);
  if (!params.RegionId) params.RegionId = o.regionId;
  const protocol = o.protocol ?? 'https';
  const { host: endpoint } = endpointFor(o.regionId, { host: o.endpoint ?? '', protocol });
  const { host, port } = hostAndPort(endpoint, protocol);
  const connectMs = o.timeouts?.connectMs ?? 5_000;
  const readMs = o.timeouts?.readMs ?? 15_000;
  const fc: FailureContext = {
    host,
    port,
    readMs,
    params,
    credentialDescription: o.credential.description,
    totalUrlBytes: 0,
    redact: (s) => redactSecrets(s, secretValuesOf(o.credential)),
  };
  const sdk = loadSdk();
  const RequestClass = sdk.eci.DescribeContainerGroupPriceRequest as unknown as SdkModelClass &
    (new (map?: Record<string, unknown>) => InstanceType<typeof sdk.eci.DescribeContainerGroupPriceRequest>);
  const missing = (o.sdkMissing ?? []).filter((k) => k in params);
  const { request, extensionQueries } = toSdkRequest(RequestClass, params, missing, sdk.flatten);
  const runtime = runtimeOptions(sdk, { connectMs, readMs, extensionQueries });
  const client = eciClient(sdk, {
    credential: o.credential,
    endpoint,
    protocol,
    regionId: o.regionId,
    connectMs,
    readMs,
  });
  const run = await withRetries<PriceOutcome | EciCallOutcome>(
    { maxAttempts: o.maxAttempts ?? 3, backoffBaseMs: o.backoffBaseMs ?? 500, signal: o.signal },
    async (attempt) => {
      const failure = await probeConnect(host, port, connectMs, o.signal);
      if (failure) return connectFailure(failure, attempt);
      const probe: AttemptProbe = { sent: false, urlBytes: 0 };
      try {
        const response = await raceAbort(
          probed(probe, () => client.describeContainerGroupPriceWithOptions(request, runtime)),
          o.signal,
        );
        const body = response.body;
        const price = body?.priceInfo?.price;
        const perSecond = Number(price?.tradePrice ?? 0);
        const spotWanted = SPOT.has(params.SpotStrategy ?? '');
        const estimate: PriceEstimate = {
          type: 'price',
          perSecond,
          perHour: round(perSecond * 3600),
          originalPerHour: round(Number(price?.originalPrice ?? perSecond) * 3600),
          currency: price?.currency ?? '',
          spot: spotWanted
            ? (body?.priceInfo?.spotPrices?.spotPrice ?? []).map((x) => ({
                zoneId: x.zoneId ?? '',
                instanceType: x.instanceType ?? '',
                spotPerHour: Number(x.spotPrice ?? 0),
                originPerHour: Number(x.originPrice ?? 0),
              }))
            : [],
          sizeFrom,
          sent: params,
          askedAt: (o.now?.() ?? new Date()).toISOString(),
          requestId: body?.requestId ?? '',
        };
        return { done: estimate };
      } catch (e) {
        if (e instanceof Cancelled) throw e;
        return classifyFailure(e, probe, attempt, fc);
      }
    },
  );
  if ('cancelled' in run) return { type: 'cancelled', attempts: run.attempts, requestSent: false };
  const r = run.result;
  if (r.type === 'network-error') r.message = describeNetworkError(r, 'en');
  return r as PriceOutcome;
}

function round(n: number): number {
  return Number(n.toFixed(6));
}

/** The estimate in words (en/ja): per hour, currency, spot prices, what was converted, when asked. */
export function describePrice(p: PriceEstimate, locale: string = 'en'): string[] {
  const ja = /^ja/i.test(locale);
  const money = (n: number) => `${n.toFixed(4)} ${p.currency}`;
  const lines = [ja ? `推定価格: ${money(p.perHour)} / 時間` : `Estimated price: ${money(p.perHour)} per hour`];
  if (p.originalPerHour !== p.perHour)
    lines.push(ja ? `定価: ${money(p.originalPerHour)} / 時間` : `List price: ${money(p.originalPerHour)} per hour`);
  for (const s of p.spot)
    lines.push(
      ja
        ? `スポット価格 (${s.zoneId}, ${s.instanceType}): ${money(s.spotPerHour)} / 時間`
        : `Spot price (${s.zoneId}, ${s.instanceType}): ${money(s.spotPerHour)} per hour`,
    );
  const size = {
    group: ja ? 'グループの Cpu/Memory' : "the group's Cpu/Memory",
    'instance-type': 'InstanceType',
    containers: ja ? 'コンテナの Cpu/Memory の合計' : "the sum of the containers' Cpu/Memory",
  }[p.sizeFrom];
  lines.push(
    ja
      ? `DescribeContainerGroupPrice の Price は 1 秒あたり (${p.perSecond} ${p.currency}) で、3600 倍して 1 時間あたりにしました${p.spot.length ? '。スポット価格は元から 1 時間あたりです' : ''}。サイズ: ${size}。${p.askedAt.slice(0, 16).replace('T', ' ')} UTC に照会。`
      : `DescribeContainerGroupPrice answers Price per second (${p.perSecond} ${p.currency}): multiplied by 3600 for the hour${p.spot.length ? '; its spot prices are per hour already' : ''}. Size from ${size}. Asked at ${p.askedAt.slice(0, 16).replace('T', ' ')} UTC.`,
  );
  return lines;
}
