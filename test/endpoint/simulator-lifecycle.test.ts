// The simulator's ECI container groups through the REAL SDK (@alicloud/eci20180808), on a manual
// clock: create, ClientToken, DryRun, the lifecycle Pending -> Running with its events and logs,
// failures (image pull, crash loop, OOM), restart, update, delete while followed.
import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import {
  $Eci,
  create,
  createRequest,
  describe,
  events,
  harness,
  log,
  thrown,
  TIMING,
  type Harness,
} from './simulator-helpers';

let h: Harness;
before(async () => {
  h = await harness();
});
after(() => h.close());

test('a created group is Pending, pulls half-way, then Running with Scheduled, Pulling, Pulled, Created, Started', async () => {
  const id = await create(h, { name: 'lifecycle' });
  assert.match(id, /^eci-[0-9a-f]{20}$/);
  let g = await describe(h, id);
  assert.equal(g?.status, 'Pending');
  assert.equal(g?.containers?.[0].currentState?.state, 'Waiting');
  assert.equal(g?.containers?.[0].currentState?.reason, 'ContainerCreating');
  assert.deepEqual(
    (await events(h, id)).map((e) => e.reason),
    ['Scheduled'],
  );

  h.clock.advance(TIMING.pendingMs / 2);
  assert.deepEqual(
    (await events(h, id)).map((e) => e.reason),
    ['Scheduled', 'Pulling'],
  );
  assert.equal((await describe(h, id))?.status, 'Pending');

  h.clock.advance(TIMING.pendingMs / 2);
  g = await describe(h, id);
  assert.equal(g?.status, 'Running');
  assert.equal(g?.containers?.[0].ready, true);
  assert.equal(g?.containers?.[0].currentState?.state, 'Running');
  assert.equal(g?.containers?.[0].restartCount, 0);
  assert.equal(g?.vpcId, 'vpc-bp1sim0prod00000000001', 'the vSwitch of the seeded account decides the VPC');
  assert.equal(g?.zoneId, 'cn-hangzhou-h');
  const evs = await events(h, id);
  assert.deepEqual(
    evs.map((e) => e.reason),
    ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started'],
  );
  assert.equal(evs[0].source?.component, 'default-scheduler');
  assert.equal(evs[4].involvedObject?.name, id);
  assert.match(evs[4].message!, /Started container app/);

  const status = await h.eci.describeContainerGroupStatus(
    new $Eci.DescribeContainerGroupStatusRequest({ regionId: 'cn-hangzhou', containerGroupIds: JSON.stringify([id]) }),
  );
  const pod = status.body.data?.[0];
  assert.equal(pod?.status, 'Running');
  assert.equal(pod?.podStatus?.phase, 'Running');
  assert.equal(pod?.podStatus?.containerStatuses?.[0].ready, true);
  assert.equal(pod?.podStatus?.containerStatuses?.[0].started, true);
  assert.deepEqual(
    pod?.podStatus?.conditions?.map((c) => `${c.type}=${c.status}`),
    ['PodScheduled=True', 'Initialized=True', 'ContainersReady=True', 'Ready=True'],
  );
});

test('logs: generated lines while running, Tail, Timestamps, SinceSeconds', async () => {
  const id = await create(h, { name: 'logs', command: ['/bin/sh', '-c', 'echo hello from app; sleep infinity'] });
  h.clock.advance(TIMING.pendingMs + 3 * TIMING.logIntervalMs);
  const all = (await log(h, id)).trimEnd().split('\n');
  assert.equal(all.length, 5, all.join('\n'));
  assert.match(all[0], /started nginx:1\.27 with: \/bin\/sh -c echo hello from app/);
  assert.equal(all[1], 'hello from app');
  assert.match(all[4], /3 s up \(line 3\)/);
  const tail = (await log(h, id, { tail: 2 })).trimEnd().split('\n');
  assert.deepEqual(tail, all.slice(-2));
  const stamped = (await log(h, id, { tail: 1, timestamps: true })).trimEnd();
  assert.match(stamped, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z \[simulator\] app: alive, 3 s up/);
  h.clock.advance(TIMING.logIntervalMs);
  const recent = (await log(h, id, { sinceSeconds: 1 })).trimEnd().split('\n');
  assert.equal(recent.length, 2, 'lines of the last second only');
});

test('ClientToken: the same token returns the same group and creates no second one', async () => {
  const first = await create(h, { name: 'token', clientToken: 'sim-token-0001' });
  const again = await create(h, { name: 'token', clientToken: 'sim-token-0001' });
  assert.equal(again, first);
  const r = await h.eci.describeContainerGroups(
    new $Eci.DescribeContainerGroupsRequest({ regionId: 'cn-hangzhou', containerGroupName: 'token' }),
  );
  assert.equal(r.body.totalCount, 1);
  assert.equal(h.sim.groups.get('sim-token-0001'), first);
});

test('DryRun: DryRun.Success is thrown and nothing is created; a failing check names the parameter', async () => {
  const before = h.sim.eci.groups.size;
  const e = await thrown(h.eci.createContainerGroup(createRequest({ name: 'dry', dryRun: true })));
  assert.equal(e.code, 'DryRun.Success');
  assert.equal(e.statusCode, 400);
  assert.equal(h.sim.eci.groups.size, before);
  const req = createRequest({ name: 'dry-dup', dryRun: true });
  req.container!.push(new $Eci.CreateContainerGroupRequestContainer({ name: 'app', image: 'redis:7' }));
  assert.equal((await thrown(h.eci.createContainerGroup(req))).code, 'InvalidParameter.DuplicatedName');
});

test('an image that cannot be pulled: ErrImagePull, then ImagePullBackOff with retries; the group stays Pending', async () => {
  const image = 'registry.cn-hangzhou.aliyuncs.com/acme/doesnotexist:1.0';
  const id = await create(h, { name: 'pull', image });
  h.clock.advance(TIMING.pendingMs);
  let g = await describe(h, id);
  assert.equal(g?.status, 'Pending');
  assert.equal(g?.containers?.[0].currentState?.state, 'Waiting');
  assert.equal(g?.containers?.[0].currentState?.reason, 'ErrImagePull');
  let evs = await events(h, id);
  assert.ok(
    evs.some(
      (e) => e.type === 'Warning' && e.reason === 'Failed' && e.message!.startsWith(`Failed to pull image "${image}"`),
    ),
    JSON.stringify(evs),
  );
  assert.ok(evs.some((e) => e.message === 'Error: ErrImagePull'));

  h.clock.advance(1000);
  g = await describe(h, id);
  assert.equal(g?.containers?.[0].currentState?.reason, 'ImagePullBackOff');
  h.clock.advance(60_000);
  evs = await events(h, id);
  const pulling = evs.find((e) => e.reason === 'Pulling');
  assert.ok(pulling!.count! >= 3, `pull retried with back-off: ${pulling!.count}`);
  assert.ok(evs.some((e) => e.reason === 'BackOff' && e.message === `Back-off pulling image "${image}"`));
  assert.equal((await describe(h, id))?.status, 'Pending');
});

test('a command that exits non-zero crash-loops: CrashLoopBackOff, RestartCount grows, LastState Terminated with the exit code', async () => {
  const id = await create(h, { name: 'crash', command: ['/bin/sh', '-c', 'echo boom; exit 3'] });
  h.clock.advance(TIMING.pendingMs + 500);
  let g = await describe(h, id);
  assert.equal(g?.containers?.[0].currentState?.state, 'Running');
  h.clock.advance(TIMING.crashAfterMs);
  g = await describe(h, id);
  assert.equal(g?.status, 'Running', 'a crash-looping group still reports Running');
  const c = g!.containers![0];
  assert.equal(c.currentState?.state, 'Waiting');
  assert.equal(c.currentState?.reason, 'CrashLoopBackOff');
  assert.equal(c.previousState?.state, 'Terminated');
  assert.equal(c.previousState?.exitCode, 3);
  assert.equal(c.previousState?.reason, 'Error');
  assert.equal(c.ready, false);
  assert.equal(c.restartCount, 0);

  // Back-off 10 s, run 2 s, back-off 20 s, run 2 s: two restarts.
  h.clock.advance(10_000 + 2000 + 20_000 + 500);
  const status = await h.eci.describeContainerGroupStatus(
    new $Eci.DescribeContainerGroupStatusRequest({ regionId: 'cn-hangzhou', containerGroupIds: JSON.stringify([id]) }),
  );
  const cs = status.body.data![0].podStatus!.containerStatuses![0];
  assert.equal(cs.restartCount, 2);
  assert.equal(cs.lastState?.terminated?.exitCode, 3);
  assert.equal(cs.lastState?.terminated?.reason, 'Error');
  assert.ok(cs.state?.running, 'running again between crashes');
  const backOff = (await events(h, id)).find((e) => e.reason === 'BackOff');
  assert.equal(backOff?.count, 2);
  assert.match(backOff!.message!, /Back-off restarting failed container app/);
  const previous = await log(h, id, { lastTime: true });
  assert.match(previous, /^\[simulator\] app: started/);
  assert.match(previous, /\nboom\n/);
  assert.match(previous, /exiting with code 3\n$/);
  assert.doesNotMatch(await log(h, id), /exiting/, 'the current run has not exited yet');
});

test('RestartPolicy Never: a failing container ends the group Failed', async () => {
  const id = await create(h, { name: 'never', command: ['false'], restartPolicy: 'Never' });
  h.clock.advance(TIMING.pendingMs + TIMING.crashAfterMs);
  const g = await describe(h, id);
  assert.equal(g?.status, 'Failed');
  assert.equal(g?.containers?.[0].currentState?.state, 'Terminated');
  assert.equal(g?.containers?.[0].currentState?.exitCode, 1);
  assert.ok(g?.failedTime);
});

test('a tiny memory request with oom in the command is OOMKilled (137)', async () => {
  const id = await create(h, { name: 'oom', command: ['/app/leak', '--oom'], memory: 0.5, containerMemory: 0.5 });
  h.clock.advance(TIMING.pendingMs + TIMING.crashAfterMs);
  const status = await h.eci.describeContainerGroupStatus(
    new $Eci.DescribeContainerGroupStatusRequest({ regionId: 'cn-hangzhou', containerGroupIds: JSON.stringify([id]) }),
  );
  const cs = status.body.data![0].podStatus!.containerStatuses![0];
  assert.equal(cs.state?.waiting?.reason, 'CrashLoopBackOff');
  assert.equal(cs.lastState?.terminated?.reason, 'OOMKilled');
  assert.equal(cs.lastState?.terminated?.exitCode, 137);
  // The same command with enough memory runs.
  const fine = await create(h, { name: 'oom-fine', command: ['/app/leak', '--oom'], memory: 4, containerMemory: 2 });
  h.clock.advance(TIMING.pendingMs + TIMING.crashAfterMs);
  assert.equal((await describe(h, fine))?.containers?.[0].currentState?.state, 'Running');
});

test('restart: a Running group goes through Restarting back to Running, keeping its earlier events; a Pending one is refused', async () => {
  const id = await create(h, { name: 'restart' });
  const early = await thrown(
    h.eci.restartContainerGroup(
      new $Eci.RestartContainerGroupRequest({ regionId: 'cn-hangzhou', containerGroupId: id }),
    ),
  );
  assert.equal(early.code, 'IncorrectStatus');
  h.clock.advance(TIMING.pendingMs);
  await h.eci.restartContainerGroup(
    new $Eci.RestartContainerGroupRequest({ regionId: 'cn-hangzhou', containerGroupId: id }),
  );
  assert.equal((await describe(h, id))?.status, 'Restarting');
  h.clock.advance(TIMING.pendingMs);
  assert.equal((await describe(h, id))?.status, 'Running');
  const started = (await events(h, id)).filter((e) => e.reason === 'Started');
  assert.equal(
    started.reduce((n, e) => n + e.count!, 0),
    2,
    'started once per life',
  );
});

test('update: a new image restarts the group as Updating, then Running with that image', async () => {
  const id = await create(h, { name: 'update' });
  h.clock.advance(TIMING.pendingMs);
  await h.eci.updateContainerGroup(
    new $Eci.UpdateContainerGroupRequest({
      regionId: 'cn-hangzhou',
      containerGroupId: id,
      container: [new $Eci.UpdateContainerGroupRequestContainer({ name: 'app', image: 'nginx:1.28' })],
    }),
  );
  assert.equal((await describe(h, id))?.status, 'Updating');
  h.clock.advance(TIMING.pendingMs);
  const g = await describe(h, id);
  assert.equal(g?.status, 'Running');
  assert.equal(g?.containers?.[0].image, 'nginx:1.28');
  const unknown = await thrown(
    h.eci.updateContainerGroup(
      new $Eci.UpdateContainerGroupRequest({
        regionId: 'cn-hangzhou',
        containerGroupId: id,
        container: [new $Eci.UpdateContainerGroupRequestContainer({ name: 'sidecar', image: 'x' })],
      }),
    ),
  );
  assert.equal(unknown.code, 'InvalidParameter');
});

test('a group deleted while followed: Describe answers an empty list, other operations InvalidContainerGroup.NotFound', async () => {
  const id = await create(h, { name: 'deleted' });
  h.clock.advance(TIMING.pendingMs);
  assert.equal((await describe(h, id))?.status, 'Running');
  await h.eci.deleteContainerGroup(
    new $Eci.DeleteContainerGroupRequest({ regionId: 'cn-hangzhou', containerGroupId: id }),
  );
  const r = await h.eci.describeContainerGroups(
    new $Eci.DescribeContainerGroupsRequest({ regionId: 'cn-hangzhou', containerGroupIds: JSON.stringify([id]) }),
  );
  assert.equal(r.body.totalCount, 0);
  assert.deepEqual(r.body.containerGroups, []);
  const s = await h.eci.describeContainerGroupStatus(
    new $Eci.DescribeContainerGroupStatusRequest({ regionId: 'cn-hangzhou', containerGroupIds: JSON.stringify([id]) }),
  );
  assert.deepEqual(s.body.data, []);
  const e = await thrown(log(h, id));
  assert.equal(e.code, 'InvalidContainerGroup.NotFound');
  assert.equal(e.statusCode, 404);
  assert.equal(
    (
      await thrown(
        h.eci.deleteContainerGroup(
          new $Eci.DeleteContainerGroupRequest({ regionId: 'cn-hangzhou', containerGroupId: id }),
        ),
      )
    ).code,
    'InvalidContainerGroup.NotFound',
  );
});

test('a group exists only in its region', async () => {
  const id = await create(h, { name: 'regional' });
  const r = await h.eci.describeContainerGroups(
    new $Eci.DescribeContainerGroupsRequest({ regionId: 'cn-shanghai', containerGroupIds: JSON.stringify([id]) }),
  );
  assert.equal(r.body.totalCount, 0);
  assert.equal(
    (
      await thrown(
        h.eci.describeContainerLog(
          new $Eci.DescribeContainerLogRequest({ regionId: 'cn-shanghai', containerGroupId: id }),
        ),
      )
    ).code,
    'InvalidContainerGroup.NotFound',
  );
});

test('every request the SDK sent carried a valid signature', () => {
  assert.ok(h.sim.requests.length > 20);
  assert.deepEqual(
    h.sim.requests.filter((r) => r.signature !== 'valid').map((r) => r.action),
    [],
  );
});
