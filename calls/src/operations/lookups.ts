// The account facts of a region, for live completion and the account checks: vSwitches and EIPs (VPC
// 2016-04-28) and security groups (ECS 2014-05-26) through @alicloud/openapi-client's generic
// `callApi` (no further SDK bundled), regions, zones with stock and image caches through the ECI SDK.
// The same signing, credential, timeouts, retries (throttling included) and redaction as a create;
// every list that cannot be had is left out with the reason, never thrown. A cache per account,
// endpoint and region with a short lifetime; `clear()` is the refresh.
import type {
  AccountFacts,
  EipFact,
  ImageCacheFact,
  SecurityGroupFact,
  VSwitchFact,
  ZoneFact,
} from '../../../server/src/service/accountFacts';
import { secretValuesOf } from '../credential';
import { describeNetworkError } from '../describe';
import { defaultEndpoint, endpointFor, hostAndPort } from '../endpoint';
import { classifyFailure, connectFailure, type FailureContext } from '../failures';
import { redactSecrets } from '../redaction';
import { withRetries, type AttemptResult } from '../retry';
import { eciClient, genericClient, loadSdk, probed, runtimeOptions, type AttemptProbe, type Sdk } from '../sdk';
import { Cancelled, probeConnect, raceAbort } from '../transport';
import type { EciCallOutcome, ResolvedCredential } from '../types';

export const VPC_API_VERSION = '2016-04-28';
export const ECS_API_VERSION = '2014-05-26';
const LOOKUP_CONNECT_MS = 5_000;
const LOOKUP_READ_MS = 15_000;

/** The timeouts of a look-up: the caller's, else the look-up defaults. */
const timeoutsOf = (o: LookupOptions) => ({
  connectMs: o.timeouts?.connectMs ?? LOOKUP_CONNECT_MS,
  readMs: o.timeouts?.readMs ?? LOOKUP_READ_MS,
});

/** What a client of any product needs for one look-up call at `endpoint`. */
const clientConfigOf = (o: LookupOptions, endpoint: string) => ({
  credential: o.credential,
  endpoint,
  protocol: o.protocol ?? ('https' as const),
  regionId: o.regionId,
  ...timeoutsOf(o),
});
const LOOKUP_ATTEMPTS = 3;
const LOOKUP_BACKOFF_MS = 500;
/** At most this many pages of one list (50 each): a larger account is listed in part. */
const MAX_PAGES = 20;

export type LookupProduct = 'vpc' | 'ecs' | 'eci';

export interface LookupOptions {
  credential: ResolvedCredential;
  regionId: string;
  /** An endpoint override (`--endpoint`, `eci.endpoint`): applies to every product called. */
  endpoint?: string;
  protocol?: 'https' | 'http';
  signal?: AbortSignal;
  /** Total attempts of each call (default 3; throttling and 5xx are retried). */
  maxAttempts?: number;
  backoffBaseMs?: number;
  timeouts?: { connectMs?: number; readMs?: number };
  /** A clock for `lookedUpAt` (tests). */
  now?: () => Date;
}

/** One list that could not be looked up, and why (a service error's code, or the network failure). */
export interface LookupFailure {
  list: 'vSwitches' | 'securityGroups' | 'eips' | 'regions' | 'zones' | 'imageCaches';
  action: string;
  /** `Forbidden.RAM`, `Throttling`, `InvalidAccessKeyId.NotFound`, or a network kind (`refused`, `timeout`). */
  code: string;
  /** In English, secrets masked. */
  message: string;
}

export interface AccountLookup {
  facts: AccountFacts;
  failures: LookupFailure[];
}

/** The regional endpoint of a product (`vpc.cn-hangzhou.aliyuncs.com`), or the override for all. */
export function lookupEndpoint(product: LookupProduct, regionId: string, override?: string): string {
  if (override?.trim()) return override.trim();
  return product === 'eci' ? defaultEndpoint(regionId) : defaultEndpoint(regionId).replace(/^eci\./, `${product}.`);
}

interface Caller {
  sdk: Sdk;
  /** One call of a product's action, retried; its JSON body or a failure. */
  call(
    product: LookupProduct,
    action: string,
    send: (endpoint: string) => (probe: AttemptProbe) => Promise<Record<string, unknown>>,
  ): Promise<{ body: Record<string, unknown> } | { failure: { code: string; message: string } }>;
}

function caller(o: LookupOptions): Caller {
  const sdk = loadSdk();
  const protocol = o.protocol ?? 'https';
  const { connectMs, readMs } = timeoutsOf(o);
  const redact = (s: string) => redactSecrets(s, secretValuesOf(o.credential));
  return {
    sdk,
    async call(product, action, send) {
      const endpoint = endpointFor(o.regionId, {
        host: lookupEndpoint(product, o.regionId, o.endpoint),
        protocol,
      }).host;
      const { host, port } = hostAndPort(endpoint, protocol);
      const fc: FailureContext = {
        host,
        port,
        readMs,
        params: { RegionId: o.regionId },
        credentialDescription: o.credential.description,
        totalUrlBytes: 0,
        redact,
      };
      const attemptOnce = send(endpoint);
      const run = await withRetries<EciCallOutcome | { type: 'body'; body: Record<string, unknown> }>(
        {
          maxAttempts: o.maxAttempts ?? LOOKUP_ATTEMPTS,
          backoffBaseMs: o.backoffBaseMs ?? LOOKUP_BACKOFF_MS,
          signal: o.signal,
        },
        async (attempt) => {
          const failure = await probeConnect(host, port, connectMs, o.signal);
          if (failure) return connectFailure(failure, attempt);
          const probe: AttemptProbe = { sent: false, urlBytes: 0 };
          try {
            const body = await raceAbort(
              probed(probe, () => attemptOnce(probe)),
              o.signal,
            );
            return { done: { type: 'body', body } };
          } catch (e) {
            if (e instanceof Cancelled) throw e;
            return classifyFailure(e, probe, attempt, fc) as AttemptResult<EciCallOutcome>;
          }
        },
      );
      if ('cancelled' in run) return { failure: { code: 'cancelled', message: `${action} was cancelled.` } };
      const r = run.result;
      if (r.type === 'body') return { body: r.body };
      if (r.type === 'service-error')
        return { failure: { code: r.code, message: `${action}: ${r.code}${r.message ? `: ${r.message}` : ''}` } };
      if (r.type === 'network-error')
        return { failure: { code: r.kind, message: `${action}: ${describeNetworkError(r, 'en')}` } };
      return { failure: { code: r.type, message: `${action}: ${r.type}` } };
    },
  };
}

const arr = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
const s = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** A paged VPC/ECS list through the generic call (PageNumber/PageSize/TotalCount). */
async function pagedRpc(
  c: Caller,
  o: LookupOptions,
  product: 'vpc' | 'ecs',
  action: string,
  query: Record<string, string>,
  items: (body: Record<string, unknown>) => Record<string, unknown>[],
): Promise<Record<string, unknown>[] | { code: string; message: string }> {
  const version = product === 'vpc' ? VPC_API_VERSION : ECS_API_VERSION;
  const out: Record<string, unknown>[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const r = await c.call(product, action, (endpoint) => {
      const client = genericClient(c.sdk, clientConfigOf(o, endpoint));
      const params = new c.sdk.openapi.Params({
        action,
        version,
        protocol: (o.protocol ?? 'https').toUpperCase(),
        pathname: '/',
        method: 'POST',
        authType: 'AK',
        style: 'RPC',
        reqBodyType: 'formData',
        bodyType: 'json',
      });
      const request = new c.sdk.openapi.OpenApiRequest({
        query: { RegionId: o.regionId, PageSize: '50', PageNumber: String(page), ...query },
      });
      const runtime = runtimeOptions(c.sdk, { ...timeoutsOf(o), extensionQueries: {} });
      return async () => obj(((await client.callApi(params, request, runtime)) as { body?: unknown }).body);
    });
    if ('failure' in r) return r.failure;
    const got = items(r.body);
    out.push(...got);
    const total = Number(r.body.TotalCount ?? out.length);
    if (got.length === 0 || out.length >= total) break;
  }
  return out;
}

/** One ECI SDK call (DescribeRegions, DescribeAvailableResource, DescribeImageCaches), its body as a plain object. */
async function eciCall(
  c: Caller,
  o: LookupOptions,
  action: string,
  invoke: (
    client: ReturnType<typeof eciClient>,
    runtime: ReturnType<typeof runtimeOptions>,
  ) => Promise<{ body?: { toMap(): Record<string, unknown> } }>,
) {
  return c.call('eci', action, (endpoint) => {
    const client = eciClient(c.sdk, clientConfigOf(o, endpoint));
    const runtime = runtimeOptions(c.sdk, { ...timeoutsOf(o), extensionQueries: {} });
    return async () => (await invoke(client, runtime)).body?.toMap() ?? {};
  });
}

/** Stock by size of every zone: vCPU counts (`Cores`) and instance types, as DescribeAvailableResource answers. */
function stockInto(zones: Map<string, ZoneFact>, body: Record<string, unknown>, into: 'cores' | 'instanceTypes') {
  for (const z of arr(obj(body.AvailableZones).AvailableZone)) {
    const zone = zones.get(s(z.ZoneId));
    if (!zone) continue;
    for (const r of arr(obj(z.AvailableResources).AvailableResource)) {
      for (const x of arr(obj(r.SupportedResources).SupportedResource)) {
        zone[into][s(x.Value)] = s(x.StatusCategory) === 'WithStock' ? 'with' : 'without';
      }
    }
  }
}

/**
 * Looks up the account's facts in a region. Never throws for a service or network problem: a list
 * that cannot be had is absent from `facts` and named in `failures` (no credentials, offline,
 * throttled after the retries, Forbidden.RAM).
 */
export async function lookUpAccountFacts(o: LookupOptions): Promise<AccountLookup> {
  defaultEndpoint(o.regionId); // a region id that is not one is the caller's error
  const c = caller(o);
  const facts: AccountFacts = { regionId: o.regionId, lookedUpAt: (o.now?.() ?? new Date()).toISOString() };
  const failures: LookupFailure[] = [];
  const failed = (list: LookupFailure['list'], action: string, f: { code: string; message: string }) =>
    failures.push({ list, action, ...f });
  const { eci } = c.sdk;

  /** One paged VPC or ECS list, mapped into `facts[key]`, or named in `failures`. */
  const list = <K extends 'vSwitches' | 'eips' | 'securityGroups', T>(
    key: K,
    product: 'vpc' | 'ecs',
    action: string,
    items: (body: Record<string, unknown>) => Record<string, unknown>[],
    fact: (item: Record<string, unknown>) => T,
  ) =>
    (async () => {
      const r = await pagedRpc(c, o, product, action, {}, items);
      if ('code' in r) failed(key, action, r);
      else (facts as unknown as Record<K, T[]>)[key] = r.map(fact);
    })();

  const vSwitches = list(
    'vSwitches',
    'vpc',
    'DescribeVSwitches',
    (b) => arr(obj(b.VSwitches).VSwitch),
    (v): VSwitchFact => ({
      id: s(v.VSwitchId),
      name: s(v.VSwitchName),
      vpcId: s(v.VpcId),
      zoneId: s(v.ZoneId),
      cidr: s(v.CidrBlock),
      freeIps: Number(v.AvailableIpAddressCount ?? 0),
    }),
  );
  const eips = list(
    'eips',
    'vpc',
    'DescribeEipAddresses',
    (b) => arr(obj(b.EipAddresses).EipAddress),
    (e): EipFact => ({ id: s(e.AllocationId), ip: s(e.IpAddress), name: s(e.Name), status: s(e.Status) }),
  );
  const groups = list(
    'securityGroups',
    'ecs',
    'DescribeSecurityGroups',
    (b) => arr(obj(b.SecurityGroups).SecurityGroup),
    (g): SecurityGroupFact => ({ id: s(g.SecurityGroupId), name: s(g.SecurityGroupName), vpcId: s(g.VpcId) }),
  );
  const zones = (async () => {
    const regions = await eciCall(c, o, 'DescribeRegions', (client, rt) =>
      client.describeRegionsWithOptions(new eci.DescribeRegionsRequest({ regionId: o.regionId }), rt),
    );
    if ('failure' in regions) {
      failed('regions', 'DescribeRegions', regions.failure);
      return;
    }
    const list = arr(regions.body.Regions);
    facts.regions = list.map((r) => s(r.RegionId)).filter(Boolean);
    const here = list.find((r) => s(r.RegionId) === o.regionId);
    if (!here) return;
    const recommended = new Set((Array.isArray(here.RecommendZones) ? here.RecommendZones : []).map(s));
    const byId = new Map<string, ZoneFact>(
      (Array.isArray(here.Zones) ? here.Zones : []).map((z) => [
        s(z),
        { id: s(z), recommended: recommended.has(s(z)), cores: {}, instanceTypes: {} },
      ]),
    );
    for (const [category, into] of [
      ['InstanceType', 'instanceTypes'],
      ['Cores', 'cores'],
    ] as const) {
      const r = await eciCall(c, o, 'DescribeAvailableResource', (client, rt) =>
        client.describeAvailableResourceWithOptions(
          new eci.DescribeAvailableResourceRequest({
            regionId: o.regionId,
            destinationResource: new eci.DescribeAvailableResourceRequestDestinationResource({ category }),
          }),
          rt,
        ),
      );
      if ('failure' in r) {
        failed('zones', 'DescribeAvailableResource', r.failure);
        break;
      }
      stockInto(byId, r.body, into);
    }
    facts.zones = [...byId.values()];
  })();
  const caches = (async () => {
    const all: ImageCacheFact[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const r = await eciCall(c, o, 'DescribeImageCaches', (client, rt) =>
        client.describeImageCachesWithOptions(
          new eci.DescribeImageCachesRequest({ regionId: o.regionId, limit: 100, ...(nextToken ? { nextToken } : {}) }),
          rt,
        ),
      );
      if ('failure' in r) {
        failed('imageCaches', 'DescribeImageCaches', r.failure);
        return;
      }
      for (const x of arr(r.body.ImageCaches))
        all.push({
          id: s(x.ImageCacheId),
          name: s(x.ImageCacheName),
          images: (Array.isArray(x.Images) ? x.Images : []).map(s),
          status: s(x.Status),
        });
      nextToken = s(r.body.NextToken) || undefined;
      if (!nextToken) break;
    }
    facts.imageCaches = all;
  })();
  await Promise.all([vSwitches, eips, groups, zones, caches]);
  return { facts, failures };
}

/** True when a look-up gave nothing at all (no credential usable, offline, no permission anywhere). */
export function noFacts(l: AccountLookup): boolean {
  const f = l.facts;
  return !f.vSwitches && !f.securityGroups && !f.eips && !f.zones && !f.imageCaches && !f.regions;
}

/** Look-ups cached per account (masked AccessKey ID and source), endpoint and region, for `ttlMs`. */
export class AccountFactsCache {
  private readonly entries = new Map<string, { at: number; lookup: Promise<AccountLookup> }>();
  constructor(
    private readonly ttlMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
    private readonly lookUp: (o: LookupOptions) => Promise<AccountLookup> = lookUpAccountFacts,
  ) {}

  private key(o: LookupOptions): string {
    return [
      o.credential.source,
      o.credential.profile ?? '',
      o.credential.accessKeyIdHint,
      o.endpoint ?? '',
      o.protocol ?? 'https',
      o.regionId,
    ].join('|');
  }

  /** The cached look-up while fresh (one in flight is shared), else a new one; a look-up that gave nothing is not kept. */
  get(o: LookupOptions): Promise<AccountLookup> {
    const k = this.key(o);
    const hit = this.entries.get(k);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.lookup;
    const lookup = this.lookUp(o).then((l) => {
      if (noFacts(l) && this.entries.get(k)?.lookup === lookup) this.entries.delete(k);
      return l;
    });
    this.entries.set(k, { at: this.now(), lookup });
    return lookup;
  }

  /** Forgets every look-up (the refresh command). */
  clear(): void {
    this.entries.clear();
  }
}
