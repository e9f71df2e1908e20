// Following a launch (calls/src/follow.ts) against the simulator through the REAL SDK, on the
// simulator's manual clock (the follow's sleep moves it): success, each failure the simulator can
// produce with its document path and en/ja words, throttling while polling, a group deleted while
// followed, an authentication error ending at once, one poller per group, no event reported twice.
import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { followContainerGroup, followedGroups, pollDelayMs, type FollowOptions } from '../../calls/src/follow';
import type { EciTarget, LiveEvent } from '../../calls/src/lifecycleTypes';
import { keysForParameterPaths } from '../../calls/src/parameterPaths';
import { ACCESS_KEY_SECRET, credential } from './helpers';
import { callTarget, create, harness, type Harness } from './simulator-helpers';

let h: Harness;
let target: EciTarget;
before(async () => {
  h = await harness();
  target = callTarget(h, credential());
});
after(() => h.close());

/** The follow's clock is the simulator's: each wait moves it, and is recorded. */
function clocked(extra: FollowOptions = {}): FollowOptions & { waits: number[]; events: LiveEvent[] } {
  const waits: number[] = [];
  const events: LiveEvent[] = [];
  return {
    now: () => h.clock.now(),
    sleep: async (ms) => {
      waits.push(ms);
      h.clock.advance(ms);
    },
    onEvent: (e) => events.push(e),
    waits,
    events,
    ...extra,
  };
}

test('the poll delays: about 1 s first, growing, at most 5 s', () => {
  assert.equal(pollDelayMs(0), 1000);
  assert.ok(pollDelayMs(1) > 1000 && pollDelayMs(1) < 5000);
  assert.equal(pollDelayMs(10), 5000);
});

test('a healthy group: Pending, then Running with every container ready; every event once', async () => {
  const id = await create(h, { name: 'follow-ok' });
  const o = clocked();
  const r = await followContainerGroup(target, id, o).result;
  assert.equal(r.type, 'succeeded');
  assert.equal(r.type === 'succeeded' && r.status, 'Running');
  assert.deepEqual(
    o.events.map((e) => e.Reason),
    ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started'],
  );
  assert.ok(o.waits.length >= 3, 'it polled several times while Pending');
  assert.equal(o.waits[0], 1000);
  assert.ok(o.waits.every((w) => w <= 5000));
  assert.deepEqual(followedGroups(), []);
});

test('an image that cannot be pulled: image-pull on Container.1.Image, explained in en and ja', async () => {
  const id = await create(h, { name: 'follow-pull', image: 'registry.example.com/doesnotexist:1' });
  const o = clocked();
  const r = await followContainerGroup(target, id, o).result;
  assert.equal(r.type, 'failed', JSON.stringify(r));
  if (r.type !== 'failed') return;
  assert.equal(r.failure.kind, 'image-pull');
  assert.deepEqual(r.failure.parameterPaths, ['Container.1.Image']);
  assert.deepEqual(
    keysForParameterPaths(r.failure.parameterPaths, ['ContainerGroupName', 'Container.1.Name', 'Container.1.Image']),
    ['Container.1.Image'],
  );
  assert.match(r.failure.explanation.en, /cannot be pulled/);
  assert.match(r.failure.explanation.ja, /プルできません/);
  assert.ok(o.waits.reduce((a, b) => a + b, 0) < 60_000, 'recognised without waiting out the limit');
});

test('a crash loop: crash-loop on Container.1.Command with its exit code and last log lines', async () => {
  const id = await create(h, { name: 'follow-crash', command: ['/bin/sh', '-c', 'echo starting; exit 1'] });
  const r = await followContainerGroup(target, id, clocked()).result;
  assert.equal(r.type, 'failed', JSON.stringify(r));
  if (r.type !== 'failed') return;
  assert.equal(r.failure.kind, 'crash-loop');
  assert.equal(r.failure.exitCode, 1);
  assert.deepEqual(r.failure.parameterPaths, ['Container.1.Command']);
  assert.deepEqual(
    keysForParameterPaths(r.failure.parameterPaths, [
      'Container.1.Image',
      'Container.1.Command.1',
      'Container.1.Command.2',
    ]),
    ['Container.1.Command.1'],
  );
  assert.match(r.failure.explanation.en, /exited with code 1/);
  assert.match(r.failure.explanation.en, /exiting with code 1/, 'its last log lines');
  assert.match(r.failure.explanation.ja, /終了コード 1/);
  assert.ok(r.failure.lastLogLines?.some((l) => l === 'starting'));
});

test('OOMKilled: oom on the container Memory', async () => {
  const id = await create(h, { name: 'follow-oom', command: ['/bin/sh', '-c', 'oom'], containerMemory: 0.5 });
  const r = await followContainerGroup(target, id, clocked()).result;
  assert.equal(r.type, 'failed', JSON.stringify(r));
  if (r.type !== 'failed') return;
  assert.equal(r.failure.kind, 'oom');
  assert.equal(r.failure.exitCode, 137);
  assert.deepEqual(r.failure.parameterPaths, ['Container.1.Memory']);
  assert.match(r.failure.explanation.en, /out of memory/);
  assert.match(r.failure.explanation.ja, /メモリ不足/);
});

test('throttling and a 503 while polling are retried; the follow goes on', async () => {
  const id = await create(h, { name: 'follow-throttled' });
  h.sim.inject(
    { kind: 'error', code: 'Throttling.User', status: 400, action: 'DescribeContainerGroups' },
    { kind: 'html', status: 503, action: 'DescribeContainerGroups' },
    { kind: 'drop', action: 'DescribeContainerGroups' },
  );
  const retries: string[] = [];
  const r = await followContainerGroup(
    target,
    id,
    clocked({ onRetry: (o) => retries.push(o.type === 'service-error' ? o.code : o.type) }),
  ).result;
  assert.equal(r.type, 'succeeded');
  assert.deepEqual(retries, ['Throttling.User', 'network-error', 'network-error']);
});

test('an authentication error ends the follow at once', async () => {
  const id = await create(h, { name: 'follow-auth' });
  const before = h.sim.requests.length;
  const o = clocked();
  const r = await followContainerGroup({ ...target, credential: credential('not-the-secret') }, id, o).result;
  assert.equal(r.type, 'error');
  assert.equal(h.sim.requests.length - before, 1);
  assert.equal(o.waits.length, 0);
  assert.ok(!JSON.stringify(r).includes('not-the-secret') && !JSON.stringify(r).includes(ACCESS_KEY_SECRET));
});

test('a group deleted while followed: deleted, not an error', async () => {
  const id = await create(h, { name: 'follow-deleted', image: 'doesnotexist-but-slow' });
  let polls = 0;
  const r = await followContainerGroup(
    target,
    id,
    clocked({ onSnapshot: () => (++polls === 1 ? h.sim.eci.groups.delete(id) : undefined) }),
  ).result;
  assert.deepEqual(r, { type: 'deleted', id, regionId: 'cn-hangzhou' });
});

test('the limit: a group that stays Pending ends in timeout after the limit', async () => {
  const id = await create(h, { name: 'follow-slow' });
  const o = clocked({ timeoutMs: 3000 });
  const r = await followContainerGroup(target, id, o).result;
  assert.equal(r.type, 'timeout');
  assert.equal(r.type === 'timeout' && r.status, 'Pending');
  assert.equal(
    o.waits.reduce((a, b) => a + b, 0),
    3000,
  );
});

test('one poller per group: a second follow joins the first, its listener gets every event once', async () => {
  const id = await create(h, { name: 'follow-once' });
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const first = clocked({
    sleep: async (ms) => {
      first.waits.push(ms);
      await gate;
      h.clock.advance(ms);
    },
  });
  const a = followContainerGroup(target, id, first);
  await h.sim.waitForRequests(h.sim.requests.length + 1);
  await new Promise((r) => setTimeout(r, 50));
  const secondEvents: LiveEvent[] = [];
  const b = followContainerGroup(target, id, { onEvent: (e) => secondEvents.push(e) });
  assert.equal(a.joined, false);
  assert.equal(b.joined, true);
  assert.deepEqual(followedGroups(), [id]);
  const polls = () =>
    h.sim.requests.filter((q) => q.action === 'DescribeContainerGroups' && q.params.ContainerGroupIds?.includes(id))
      .length;
  release();
  const [ra, rb] = await Promise.all([a.result, b.result]);
  assert.deepEqual(ra, rb);
  assert.equal(ra.type, 'succeeded');
  assert.equal(polls(), first.waits.length + 1, 'one poll per wait of the one poller');
  assert.deepEqual(
    secondEvents.map((e) => e.Reason),
    first.events.map((e) => e.Reason),
  );
  assert.equal(
    new Set(first.events.map((e) => `${e.Reason}|${e.Message}`)).size,
    first.events.length,
    'no event twice',
  );
});

test('a container that crashes a few seconds after starting is not taken for a success (it must stay ready)', async () => {
  const slow = await harness({ crashAfterMs: 5000 });
  try {
    const t: EciTarget = { ...target, endpoint: slow.sim.endpoint };
    const id = await create(slow, { name: 'follow-late-crash', command: ['/bin/sh', '-c', 'exit 2'] });
    const snapshots: string[] = [];
    const r = await followContainerGroup(t, id, {
      now: () => slow.clock.now(),
      sleep: async (ms) => slow.clock.advance(ms),
      onSnapshot: (g) => snapshots.push(`${g.Status}:${g.Containers?.[0].Ready}`),
    }).result;
    assert.ok(snapshots.includes('Running:true'), `it was seen Running and ready first: ${snapshots.join(' ')}`);
    assert.equal(r.type, 'failed', JSON.stringify(r));
    assert.equal(r.type === 'failed' && r.failure.kind, 'crash-loop');
    assert.equal(r.type === 'failed' && r.failure.exitCode, 2);
  } finally {
    await slow.close();
  }
});

// The failures the simulator's lifecycle does not produce, answered by it as the service would
// (an answer fault), through the real SDK's response model and the poller.
const answered = (group: Record<string, unknown>) => ({
  kind: 'answer' as const,
  status: 200,
  action: 'DescribeContainerGroups',
  body: () => ({ RequestId: 'REQ-1', TotalCount: 1, NextToken: '', ContainerGroups: [group] }),
});
const liveGroup = (id: string, extra: Record<string, unknown>) => ({
  ContainerGroupId: id,
  ContainerGroupName: 'answered',
  RegionId: 'cn-hangzhou',
  Status: 'Pending',
  Volumes: [{ Name: 'data', Type: 'NFSVolume', NFSVolumeServer: 'nas.example.com', NFSVolumePath: '/' }],
  Containers: [
    {
      Name: 'web',
      Image: 'nginx',
      Ready: false,
      RestartCount: 0,
      CurrentState: { State: 'Waiting', Reason: 'ContainerCreating' },
      VolumeMounts: [{ Name: 'data', MountPath: '/data' }],
      ReadinessProbe: { HttpGet: { Path: '/healthz', Port: 80 }, PeriodSeconds: 5 },
    },
  ],
  ...extra,
});
const warning = (Reason: string, Message: string) => ({
  Events: [{ Type: 'Warning', Reason, Message, Count: 3, FirstTimestamp: '2025-03-01T08:00:01Z' }],
});

for (const [kind, extra, paths, en, ja] of [
  [
    'probe',
    { Status: 'Running', ...warning('Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503') },
    ['Container.1.ReadinessProbe'],
    /readiness probe of the container "web" keeps failing/,
    /readiness プローブが失敗し続けています/,
  ],
  [
    'mount',
    warning('FailedMount', 'MountVolume.SetUp failed for volume "data" : mount failed: exit status 32'),
    ['Volume.1', 'Container.1.VolumeMount.1'],
    /volume "data" cannot be mounted/,
    /ボリューム "data" をマウントできません/,
  ],
  [
    'no-stock',
    warning('ContainerGroup.NoStock', 'No stock of the instance type in the zone. Recommend zones: [cn-hangzhou-i]'),
    ['ZoneId', 'VSwitchId', 'InstanceType'],
    /recommends the zones cn-hangzhou-i/,
    /推奨するゾーン: cn-hangzhou-i/,
  ],
  ['expired', { Status: 'Expired' }, [], /expired/, /期限切れ/],
] as const) {
  test(`${kind}: recognised from the service's answer, with its paths and en/ja words`, async () => {
    const id = `eci-answered${kind.replace('-', '')}`;
    h.sim.inject(answered(liveGroup(id, extra)));
    const r = await followContainerGroup(target, id, clocked()).result;
    assert.equal(r.type, 'failed', JSON.stringify(r));
    if (r.type !== 'failed') return;
    assert.equal(r.failure.kind, kind);
    assert.deepEqual(r.failure.parameterPaths, paths);
    assert.match(r.failure.explanation.en, en);
    assert.match(r.failure.explanation.ja, ja);
  });
}
