// The simulator's other ECI operations through the REAL SDK: paging and filters, throttling
// during Describe, exec (Sync output, and the TTY WebSocket echo-shell), price, regions, stock,
// image caches; and a wrong key refused for every action.
import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { $Eci, create, describe, harness, thrown, TIMING, wrongKeyClient, type Harness } from './simulator-helpers';

let h: Harness;
before(async () => {
  h = await harness();
});
after(() => h.close());

test('DescribeContainerGroups pages with Limit and NextToken, newest first, and filters by ids, name and status', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    ids.push(await create(h, { name: `page-${i}`, image: i === 4 ? 'doesnotexist:1' : 'nginx:1.27' }));
    h.clock.advance(1000);
  }
  const seen: string[] = [];
  const sizes: number[] = [];
  let token: string | undefined;
  do {
    const r = await h.eci.describeContainerGroups(
      new $Eci.DescribeContainerGroupsRequest({ regionId: 'cn-hangzhou', limit: 2, nextToken: token }),
    );
    assert.equal(r.body.totalCount, 5);
    sizes.push(r.body.containerGroups!.length);
    seen.push(...r.body.containerGroups!.map((g) => g.containerGroupId!));
    token = r.body.nextToken || undefined;
  } while (token);
  assert.deepEqual(sizes, [2, 2, 1]);
  assert.deepEqual(seen, [...ids].reverse());

  const two = await h.eci.describeContainerGroups(
    new $Eci.DescribeContainerGroupsRequest({
      regionId: 'cn-hangzhou',
      containerGroupIds: JSON.stringify([ids[1], ids[3]]),
    }),
  );
  assert.deepEqual(two.body.containerGroups!.map((g) => g.containerGroupId).sort(), [ids[1], ids[3]].sort());
  const named = await h.eci.describeContainerGroups(
    new $Eci.DescribeContainerGroupsRequest({ regionId: 'cn-hangzhou', containerGroupName: 'page-2' }),
  );
  assert.deepEqual(
    named.body.containerGroups!.map((g) => g.containerGroupId),
    [ids[2]],
  );
  h.clock.advance(TIMING.pendingMs);
  const pending = await h.eci.describeContainerGroups(
    new $Eci.DescribeContainerGroupsRequest({ regionId: 'cn-hangzhou', status: 'Pending' }),
  );
  assert.deepEqual(
    pending.body.containerGroups!.map((g) => g.containerGroupId),
    [ids[4]],
    'only the group that cannot pull is Pending',
  );
  const bad = await thrown(
    h.eci.describeContainerGroups(
      new $Eci.DescribeContainerGroupsRequest({ regionId: 'cn-hangzhou', nextToken: 'garbage' }),
    ),
  );
  assert.equal(bad.code, 'InvalidParameter.NextToken');
});

test('throttling during Describe: the queued fault answers the Describe it names, not a create in between', async () => {
  const id = await create(h, { name: 'throttled' });
  h.sim.inject(
    { kind: 'error', code: 'Throttling', action: 'DescribeContainerGroups' },
    { kind: 'html', status: 503, action: 'DescribeContainerGroupStatus' },
  );
  await create(h, { name: 'unaffected' });
  assert.equal(h.sim.pendingFaults(), 2, 'the create consumed no fault');
  const e = await thrown(describe(h, id));
  assert.equal(e.code, 'Throttling');
  assert.equal(e.statusCode, 400);
  assert.equal((e.data as Record<string, unknown>).HostId, 'eci.cn-hangzhou.aliyuncs.com');
  await assert.rejects(
    h.eci.describeContainerGroupStatus(
      new $Eci.DescribeContainerGroupStatusRequest({
        regionId: 'cn-hangzhou',
        containerGroupIds: JSON.stringify([id]),
      }),
    ),
    /Unexpected token|JSON/,
  );
  assert.equal((await describe(h, id))?.containerGroupId, id, 'the next Describe is answered');
  assert.equal(h.sim.pendingFaults(), 0);
});

test('ExecContainerCommand with Sync returns the output; on a container not running it is refused', async () => {
  const id = await create(h, { name: 'exec' });
  const early = await thrown(
    h.eci.execContainerCommand(
      new $Eci.ExecContainerCommandRequest({
        regionId: 'cn-hangzhou',
        containerGroupId: id,
        containerName: 'app',
        command: '["echo","hi"]',
        sync: true,
      }),
    ),
  );
  assert.equal(early.code, 'IncorrectStatus');
  h.clock.advance(TIMING.pendingMs);
  const r = await h.eci.execContainerCommand(
    new $Eci.ExecContainerCommandRequest({
      regionId: 'cn-hangzhou',
      containerGroupId: id,
      containerName: 'app',
      command: '["/bin/sh","-c","echo hello world"]',
      sync: true,
    }),
  );
  assert.equal(r.body.syncResponse, 'hello world\n');
  const notJson = await thrown(
    h.eci.execContainerCommand(
      new $Eci.ExecContainerCommandRequest({
        regionId: 'cn-hangzhou',
        containerGroupId: id,
        command: 'echo hi',
        sync: true,
      }),
    ),
  );
  assert.equal(notJson.code, 'InvalidParameter');
});

test('ExecContainerCommand with a TTY returns a WebSocket URL served by an echo-shell', async () => {
  const id = await create(h, { name: 'shell' });
  h.clock.advance(TIMING.pendingMs);
  const r = await h.eci.execContainerCommand(
    new $Eci.ExecContainerCommandRequest({
      regionId: 'cn-hangzhou',
      containerGroupId: id,
      containerName: 'app',
      command: '["/bin/sh"]',
      TTY: true,
      stdin: true,
    }),
  );
  const url = r.body.webSocketUri!;
  assert.match(url, new RegExp(`^ws://127\\.0\\.0\\.1:${h.sim.port}/exec/[0-9a-f]{32}\\?tty=true$`));
  const { WebSocket } = require('ws') as {
    WebSocket: new (url: string) => import('node:events').EventEmitter & { send(s: string): void; close(): void };
  };
  const ws = new WebSocket(url);
  let received = '';
  const closed = new Promise<number>((resolve) => ws.on('close', (code: number) => resolve(code)));
  ws.on('message', (d: Buffer) => (received += d.toString('utf8')));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const waitFor = async (text: string) => {
    for (let i = 0; i < 200 && !received.includes(text); i++) await new Promise((r) => setTimeout(r, 10));
    assert.ok(received.includes(text), `expected ${JSON.stringify(text)} in ${JSON.stringify(received)}`);
  };
  await waitFor('/ # ');
  ws.send('hostname\r');
  await waitFor('hostname\r\nshell\r\n/ # ');
  ws.send('exit\r');
  assert.equal(await closed, 1000);
  // A URL serves one session only.
  const again = new WebSocket(url);
  await new Promise<void>((resolve) => again.once('error', () => resolve()));
});

test('DescribeContainerGroupPrice: per second, 2 vCPU + 4 GiB = 0.00012252 CNY; spot prices per hour', async () => {
  const r = await h.eci.describeContainerGroupPrice(
    new $Eci.DescribeContainerGroupPriceRequest({ regionId: 'cn-hangzhou', cpu: 2, memory: 4 }),
  );
  assert.equal(r.body.priceInfo?.price?.tradePrice, 0.00012252);
  assert.equal(r.body.priceInfo?.price?.currency, 'CNY');
  assert.deepEqual(
    r.body.priceInfo?.price?.detailInfos?.detailInfo?.map((d) => d.resource),
    ['Cpu', 'Memory'],
  );
  assert.deepEqual(r.body.priceInfo?.spotPrices?.spotPrice, []);
  const spot = await h.eci.describeContainerGroupPrice(
    new $Eci.DescribeContainerGroupPriceRequest({
      regionId: 'cn-hangzhou',
      instanceType: 'ecs.c6.large',
      spotStrategy: 'SpotAsPriceGo',
      zoneId: 'cn-hangzhou-h',
    }),
  );
  const sp = spot.body.priceInfo!.spotPrices!.spotPrice![0];
  assert.equal(sp.zoneId, 'cn-hangzhou-h');
  assert.equal(sp.originPrice, Number((0.00012252 * 3600).toFixed(8)), 'per hour');
  assert.ok(sp.spotPrice! < sp.originPrice!);
  assert.equal(
    (
      await thrown(
        h.eci.describeContainerGroupPrice(
          new $Eci.DescribeContainerGroupPriceRequest({ regionId: 'cn-hangzhou', instanceType: 'ecs.nope' }),
        ),
      )
    ).code,
    'InvalidParameter',
  );
});

test('DescribeRegions, DescribeAvailableResource (a zone without stock) and DescribeImageCaches', async () => {
  const regions = await h.eci.describeRegions(new $Eci.DescribeRegionsRequest({ regionId: 'cn-hangzhou' }));
  const hz = regions.body.regions!.find((r) => r.regionId === 'cn-hangzhou');
  assert.deepEqual(hz?.zones, ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j', 'cn-hangzhou-k']);
  assert.equal(hz?.regionEndpoint, 'eci.cn-hangzhou.aliyuncs.com');
  assert.ok(regions.body.regions!.length > 3);

  const stock = await h.eci.describeAvailableResource(
    new $Eci.DescribeAvailableResourceRequest({
      regionId: 'cn-hangzhou',
      destinationResource: new $Eci.DescribeAvailableResourceRequestDestinationResource({
        category: 'InstanceType',
        value: 'ecs.c6.2xlarge',
      }),
    }),
  );
  const byZone = Object.fromEntries(
    stock.body.availableZones!.availableZone!.map((z) => [
      z.zoneId,
      z.availableResources!.availableResource![0].supportedResources!.supportedResource![0].statusCategory,
    ]),
  );
  assert.deepEqual(byZone, {
    'cn-hangzhou-h': 'WithStock',
    'cn-hangzhou-i': 'WithStock',
    'cn-hangzhou-j': 'WithoutStock',
    'cn-hangzhou-k': 'WithoutStock',
  });

  const caches = await h.eci.describeImageCaches(
    new $Eci.DescribeImageCachesRequest({ regionId: 'cn-hangzhou', image: 'nginx' }),
  );
  assert.equal(caches.body.totalCount, 1);
  assert.equal(caches.body.imageCaches![0].snapshotId, 's-bp1sim0nginx000000001');
  assert.ok(caches.body.imageCaches![0].images!.includes('nginx:1.27'));
  const paged = await h.eci.describeImageCaches(
    new $Eci.DescribeImageCachesRequest({ regionId: 'cn-hangzhou', limit: 1 }),
  );
  assert.equal(paged.body.totalCount, 2);
  assert.equal(paged.body.imageCaches!.length, 1);
  const rest = await h.eci.describeImageCaches(
    new $Eci.DescribeImageCachesRequest({ regionId: 'cn-hangzhou', limit: 1, nextToken: paged.body.nextToken }),
  );
  assert.notEqual(rest.body.imageCaches![0].imageCacheId, paged.body.imageCaches![0].imageCacheId);
  assert.equal(rest.body.nextToken, '');
});

test('a wrong secret is refused with SignatureDoesNotMatch for a Describe as for a create', async () => {
  const bad = wrongKeyClient(h.sim);
  const e = await thrown(
    bad.describeContainerGroups(new $Eci.DescribeContainerGroupsRequest({ regionId: 'cn-hangzhou' })),
  );
  assert.equal(e.code, 'SignatureDoesNotMatch');
  assert.equal(h.sim.requests[h.sim.requests.length - 1].signature, 'invalid');
});
