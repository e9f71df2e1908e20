// The account look-ups and the price through the call layer against the simulator: VPC and ECS through
// the generic callApi, ECI through its SDK, every request signed (verified by the simulator), paging
// followed, throttling retried, failures degraded to "no facts" with the reason, secrets never quoted.
import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import {
  AccountFactsCache,
  callDescribeContainerGroupPrice,
  describePrice,
  lookUpAccountFacts,
  lookupEndpoint,
  noFacts,
} from '../../calls/src/index';
import { harness, type Harness } from './simulator-helpers';
import { ACCESS_KEY_SECRET, credential } from './helpers';

let h: Harness;
before(async () => {
  h = await harness();
});
after(() => h.close());

const opts = () => ({
  credential: credential(),
  regionId: 'cn-hangzhou',
  endpoint: h.sim.endpoint,
  protocol: 'http' as const,
  backoffBaseMs: 1,
});

test('each product has its regional endpoint; an override applies to every product', () => {
  assert.equal(lookupEndpoint('vpc', 'cn-hangzhou'), 'vpc.cn-hangzhou.aliyuncs.com');
  assert.equal(lookupEndpoint('ecs', 'ap-northeast-1'), 'ecs.ap-northeast-1.aliyuncs.com');
  assert.equal(lookupEndpoint('eci', 'cn-beijing'), 'eci.cn-beijing.aliyuncs.com');
  assert.equal(lookupEndpoint('ecs', 'cn-beijing', '127.0.0.1:9'), '127.0.0.1:9');
});

test('the facts of a region: every list, signed requests, VPC/ECS paging followed to TotalCount', async () => {
  const before = h.sim.requests.length;
  const { facts, failures } = await lookUpAccountFacts({ ...opts(), now: () => new Date('2025-03-01T08:00:00Z') });
  assert.deepEqual(failures, []);
  assert.equal(facts.lookedUpAt, '2025-03-01T08:00:00.000Z');
  assert.equal(facts.vSwitches?.length, 4);
  const devh = facts.vSwitches?.find((v) => v.id === 'vsw-bp1sim0devh000000003');
  assert.deepEqual(devh, {
    id: 'vsw-bp1sim0devh000000003',
    name: 'dev-h',
    vpcId: 'vpc-bp1sim0dev000000000002',
    zoneId: 'cn-hangzhou-h',
    cidr: '172.16.1.0/24',
    freeIps: 0,
  });
  assert.deepEqual(
    facts.securityGroups?.map((g) => g.name),
    ['prod-web', 'prod-internal', 'dev-all'],
  );
  assert.deepEqual(
    facts.eips?.map((e) => [e.id, e.status]),
    [
      ['eip-bp1sim0free000000001', 'Available'],
      ['eip-bp1sim0free000000002', 'Available'],
      ['eip-bp1sim0used000000003', 'InUse'],
    ],
  );
  assert.deepEqual(
    facts.imageCaches?.map((c) => [c.id, c.images]),
    [
      ['imc-bp1sim0nginx00000001', ['nginx:1.27', 'registry.cn-hangzhou.aliyuncs.com/acs/nginx:1.25']],
      ['imc-bp1sim0redis00000002', ['redis:7']],
    ],
  );
  assert.ok(facts.regions?.includes('ap-northeast-1'));
  const zones = Object.fromEntries((facts.zones ?? []).map((z) => [z.id, z]));
  assert.deepEqual(Object.keys(zones), ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j', 'cn-hangzhou-k']);
  assert.equal(zones['cn-hangzhou-j'].cores['2'], 'without');
  assert.equal(zones['cn-hangzhou-k'].cores['4'], 'with');
  assert.equal(zones['cn-hangzhou-k'].cores['8'], 'without');
  assert.equal(zones['cn-hangzhou-k'].instanceTypes['ecs.c6.2xlarge'], 'without');
  assert.equal(zones['cn-hangzhou-h'].recommended, true);
  const mine = h.sim.requests.slice(before);
  assert.equal(mine.length, 7);
  assert.ok(mine.every((r) => r.signature === 'valid'));
  const actions = new Set(mine.map((r) => `${r.action}@${r.version}`));
  for (const a of [
    'DescribeVSwitches@2016-04-28',
    'DescribeEipAddresses@2016-04-28',
    'DescribeSecurityGroups@2014-05-26',
    'DescribeRegions@2018-08-08',
    'DescribeAvailableResource@2018-08-08',
    'DescribeImageCaches@2018-08-08',
  ])
    assert.ok(actions.has(a), a);
});

test('paging: more vSwitches than one page are all listed', async () => {
  const extra = Array.from({ length: 57 }, (_, i) => ({
    ...h.sim.account.vSwitches[0],
    VSwitchId: `vsw-bp1sim0page${String(i).padStart(8, '0')}`,
  }));
  h.sim.account.vSwitches.push(...extra);
  try {
    const before = h.sim.requests.length;
    const { facts } = await lookUpAccountFacts(opts());
    assert.equal(facts.vSwitches?.length, 61);
    const pages = h.sim.requests.slice(before).filter((r) => r.action === 'DescribeVSwitches');
    assert.deepEqual(
      pages.map((r) => r.params.PageNumber),
      ['1', '2'],
    );
  } finally {
    h.sim.account.vSwitches.splice(4);
  }
});

test('throttling is retried; Forbidden.RAM on one product leaves that list out and says why', async () => {
  h.sim.inject(
    { kind: 'error', code: 'Throttling', action: 'DescribeSecurityGroups' },
    { kind: 'error', code: 'Forbidden.RAM', status: 403, action: 'DescribeEipAddresses' },
  );
  const { facts, failures } = await lookUpAccountFacts(opts());
  assert.equal(facts.securityGroups?.length, 3);
  assert.equal(facts.eips, undefined);
  assert.deepEqual(
    failures.map((f) => [f.list, f.action, f.code]),
    [['eips', 'DescribeEipAddresses', 'Forbidden.RAM']],
  );
  assert.equal(facts.vSwitches?.length, 4);
});

test('a wrong key or nothing listening: no facts, the reasons without the secret', async () => {
  const wrong = await lookUpAccountFacts({ ...opts(), credential: credential('not-the-secret') });
  assert.ok(noFacts(wrong));
  assert.ok(wrong.failures.length >= 5);
  assert.ok(
    wrong.failures.every((f) => !f.message.includes('not-the-secret') && !f.message.includes(ACCESS_KEY_SECRET)),
  );
  const offline = await lookUpAccountFacts({ ...opts(), endpoint: '127.0.0.1:1', maxAttempts: 1 });
  assert.ok(noFacts(offline));
  assert.ok(offline.failures.every((f) => f.code === 'refused'));
});

test('the cache: one look-up per account and region while fresh, shared in flight; clear() refreshes; nothing kept from a failed look-up', async () => {
  let t = 0;
  let calls = 0;
  const cache = new AccountFactsCache(
    1000,
    () => t,
    async (o) => {
      calls++;
      return lookUpAccountFacts(o);
    },
  );
  const [a, b] = await Promise.all([cache.get(opts()), cache.get(opts())]);
  assert.equal(a, b);
  assert.equal(calls, 1);
  await cache.get({ ...opts(), regionId: 'cn-beijing' });
  assert.equal(calls, 2);
  t = 999;
  await cache.get(opts());
  assert.equal(calls, 2);
  t = 1000;
  await cache.get(opts());
  assert.equal(calls, 3);
  cache.clear();
  await cache.get(opts());
  assert.equal(calls, 4);
  await cache.get({ ...opts(), endpoint: '127.0.0.1:1', maxAttempts: 1 });
  await cache.get({ ...opts(), endpoint: '127.0.0.1:1', maxAttempts: 1 });
  assert.equal(calls, 6);
});

test('the price per hour: Price per second × 3600, spot prices per hour as they come, the size from the containers when the group has none', async () => {
  const before = h.sim.requests.length;
  const p = await callDescribeContainerGroupPrice({
    ...opts(),
    params: { RegionId: 'cn-hangzhou', Cpu: '2', Memory: '4', 'Container.1.Name': 'web' },
    now: () => new Date('2025-03-01T08:00:00Z'),
  });
  assert.equal(p.type, 'price');
  if (p.type !== 'price') return;
  assert.equal(p.perSecond, 0.00012252);
  assert.equal(p.perHour, 0.441072);
  assert.equal(p.currency, 'CNY');
  assert.deepEqual(p.spot, []);
  assert.equal(p.sizeFrom, 'group');
  const sent = h.sim.requests.slice(before).find((r) => r.action === 'DescribeContainerGroupPrice');
  assert.equal(sent?.signature, 'valid');
  assert.equal(sent?.params['Container.1.Name'], undefined, 'only the price parameters travel');
  assert.match(
    describePrice(p).join('\n'),
    /0\.4411 CNY per hour[\s\S]*per second \(0\.00012252 CNY\): multiplied by 3600/,
  );
  assert.match(describePrice(p, 'ja').join('\n'), /1 時間あたり/);

  const spot = await callDescribeContainerGroupPrice({
    ...opts(),
    params: {
      RegionId: 'cn-hangzhou',
      'Container.1.Cpu': '1',
      'Container.2.Cpu': '1',
      'Container.1.Memory': '2',
      'Container.2.Memory': '2',
      SpotStrategy: 'SpotAsPriceGo',
      ZoneId: 'cn-hangzhou-h',
    },
  });
  assert.equal(spot.type, 'price');
  if (spot.type !== 'price') return;
  assert.equal(spot.sizeFrom, 'containers');
  assert.deepEqual(spot.sent, {
    RegionId: 'cn-hangzhou',
    ZoneId: 'cn-hangzhou-h',
    SpotStrategy: 'SpotAsPriceGo',
    Cpu: '2',
    Memory: '4',
  });
  assert.equal(spot.spot.length, 1);
  assert.equal(spot.spot[0].zoneId, 'cn-hangzhou-h');
  assert.equal(spot.spot[0].spotPerHour, Number((0.00012252 * 3600 * 0.15).toFixed(8)));
  assert.match(describePrice(spot).join('\n'), /spot prices are per hour already/);

  const bad = await callDescribeContainerGroupPrice({
    ...opts(),
    params: { RegionId: 'cn-hangzhou', InstanceType: 'ecs.nope' },
  });
  assert.equal(bad.type, 'service-error');
});
