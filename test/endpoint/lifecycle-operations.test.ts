// The call layer's operations after a create (calls/src/operations/lifecycleOperations.ts) through the
// REAL SDK against the simulator on a manual clock: every operation, all pages, an unknown id as a
// service error naming id and region, throttling retried, authentication refused, no secret in outcomes.
import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import {
  deleteContainerGroup,
  describeContainerGroup,
  describeContainerGroupEvents,
  describeContainerGroups,
  describeContainerGroupStatus,
  describeContainerLog,
  execContainerCommand,
  restartContainerGroup,
  updateContainerGroup,
} from '../../calls/src/operations/lifecycleOperations';
import type { EciTarget } from '../../calls/src/lifecycleTypes';
import { ACCESS_KEY_SECRET, credential } from './helpers';
import { callTarget, create, harness, TIMING, type Harness } from './simulator-helpers';

let h: Harness;
let target: EciTarget;
before(async () => {
  h = await harness();
  target = callTarget(h, credential());
});
after(() => h.close());

function ok<T>(out: { type: string; value?: T } & Record<string, unknown>): T {
  assert.equal(out.type, 'ok', JSON.stringify(out));
  return out.value as T;
}

test('DescribeContainerGroups follows NextToken over every page, and filters by ids, name and status', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 23; i++) ids.push(await create(h, { name: `paged-${i}` }));
  const all = ok(await describeContainerGroups(target));
  for (const id of ids)
    assert.ok(
      all.some((g) => g.ContainerGroupId === id),
      `${id} on some page`,
    );
  const pages = h.sim.requests.filter((r) => r.action === 'DescribeContainerGroups' && r.params.NextToken);
  assert.ok(pages.length >= 1, 'a second page was asked for with NextToken');
  const two = ok(await describeContainerGroups(target, { ids: ids.slice(0, 2) }));
  assert.deepEqual(two.map((g) => g.ContainerGroupId).sort(), ids.slice(0, 2).sort());
  const byName = ok(await describeContainerGroups(target, { name: 'paged-7' }));
  assert.deepEqual(
    byName.map((g) => g.ContainerGroupId),
    [ids[7]],
  );
  assert.equal(ok(await describeContainerGroups(target, { status: 'Running', ids })).length, 0);
  h.clock.advance(TIMING.pendingMs);
  assert.equal(ok(await describeContainerGroups(target, { status: 'Running', ids })).length, ids.length);
  const one = ok(await describeContainerGroup(target, ids[0]));
  assert.equal(one.ContainerGroupName, 'paged-0');
  assert.equal(one.Status, 'Running');
  assert.equal(one.Containers?.[0].Name, 'app', 'wire names (PascalCase), as the service answers');
});

test('an id the region does not have: a service error naming the id and the region', async () => {
  const id = await create(h, { name: 'elsewhere' });
  for (const out of [
    await describeContainerGroup(target, 'eci-doesnotexist000000'),
    await describeContainerGroup({ ...target, regionId: 'cn-shanghai' }, id),
    await describeContainerGroupStatus(target, 'eci-doesnotexist000000'),
    await describeContainerGroupEvents(target, 'eci-doesnotexist000000'),
  ]) {
    assert.equal(out.type, 'service-error');
    if (out.type !== 'service-error') continue;
    assert.equal(out.code, 'InvalidContainerGroup.NotFound');
    assert.match(
      out.explanation.en,
      /(eci-doesnotexist000000 exists in the region cn-hangzhou|\S+ exists in the region cn-shanghai)/,
    );
    assert.match(out.explanation.ja, /リージョン (cn-hangzhou|cn-shanghai)/);
  }
  const del = await deleteContainerGroup(target, 'eci-doesnotexist000000');
  assert.equal(del.type, 'service-error');
  if (del.type === 'service-error') assert.equal(del.code, 'InvalidContainerGroup.NotFound');
});

test('status, events, logs (tail, previous, since), exec (sync and TTY), restart, update, delete', async () => {
  const id = await create(h, { name: 'ops', command: ['/bin/sh', '-c', 'echo hi; exit 3'], restartPolicy: 'Always' });
  h.clock.advance(TIMING.pendingMs + 500);
  const status = ok(await describeContainerGroupStatus(target, id));
  assert.equal(status.Status, 'Running');
  assert.equal(status.PodStatus?.ContainerStatuses?.[0].Name, 'app');
  const events = ok(await describeContainerGroupEvents(target, id));
  assert.deepEqual(
    events.map((e) => e.Reason),
    ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started'],
  );
  h.clock.advance(TIMING.crashAfterMs + TIMING.backoffBaseMs + 500);
  const log = ok(await describeContainerLog(target, { id, container: 'app', tail: 1 }));
  assert.equal(log.container, 'app');
  assert.equal(log.content.trimEnd().split('\n').length, 1);
  const previous = ok(await describeContainerLog(target, { id, previous: true }));
  assert.match(previous.content, /exiting with code 3/);
  const since = ok(await describeContainerLog(target, { id, sinceSeconds: 0 }));
  assert.ok(
    since.content.length < ok(await describeContainerLog(target, { id })).content.length || since.content === '',
  );
  assert.equal(
    h.sim.requests.filter((r) => r.action === 'DescribeContainerLog' && r.params.LastTime === 'true').length,
    1,
  );

  const run = await create(h, { name: 'exec' });
  h.clock.advance(TIMING.pendingMs);
  assert.deepEqual(ok(await execContainerCommand(target, { id: run, command: ['echo', 'hello'] })), {
    kind: 'output',
    output: 'hello\n',
  });
  const tty = ok(await execContainerCommand(target, { id: run, container: 'app', command: ['/bin/sh'], tty: true }));
  assert.equal(tty.kind, 'websocket');
  if (tty.kind === 'websocket') assert.match(tty.webSocketUri, /^ws:\/\/127\.0\.0\.1:\d+\/exec\//);

  assert.equal((await restartContainerGroup(target, run)).type, 'ok');
  assert.equal(ok(await describeContainerGroup(target, run)).Status, 'Restarting');
  h.clock.advance(TIMING.pendingMs);
  assert.equal(
    (await updateContainerGroup(target, run, { 'Container.1.Name': 'app', 'Container.1.Image': 'nginx:1.28' })).type,
    'ok',
  );
  const updated = ok(await describeContainerGroup(target, run));
  assert.equal(updated.Status, 'Updating');
  assert.equal(updated.Containers?.[0].Image, 'nginx:1.28');
  const sentUpdate = h.sim.requests.filter((r) => r.action === 'UpdateContainerGroup').at(-1)!;
  assert.match(sentUpdate.params.ClientToken, /^[0-9a-f-]{36}$/, 'an update carries one ClientToken');

  assert.equal((await deleteContainerGroup(target, run)).type, 'ok');
  const gone = await describeContainerGroup(target, run);
  assert.equal(gone.type, 'service-error');
});

test('throttling and 5xx are retried; a wrong key ends at once; no secret in any outcome', async () => {
  const id = await create(h, { name: 'faults' });
  h.sim.inject(
    { kind: 'error', code: 'Throttling.User', status: 400, action: 'DescribeContainerGroups' },
    { kind: 'html', status: 503, action: 'DescribeContainerGroups' },
  );
  const out = await describeContainerGroup(target, id);
  assert.equal(out.type, 'ok');
  assert.equal(out.type === 'ok' && out.attempts, 3);
  const before = h.sim.requests.length;
  const bad = await describeContainerGroup({ ...target, credential: credential('not-the-secret') }, id);
  assert.equal(bad.type, 'service-error');
  assert.equal(h.sim.requests.length - before, 1, 'an authentication error is not retried');
  assert.ok(!JSON.stringify(bad).includes('not-the-secret'));
  assert.ok(!JSON.stringify(out).includes(ACCESS_KEY_SECRET));
});
