// The pure logic of following a launch (calls/src/follow.ts): the failures the simulator does not
// produce (probes, mounts, stock, Expired, Failed), success, new events once each.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { eventKey, isSuccess, newEvents, recognizeFailure, recommendedZonesOf } from '../../calls/src/follow';
import type { LiveContainerGroup } from '../../calls/src/lifecycleTypes';

const running = (extra: Partial<LiveContainerGroup> = {}): LiveContainerGroup => ({
  ContainerGroupId: 'eci-1',
  Status: 'Running',
  Containers: [
    { Name: 'sidecar', Image: 'busybox', Ready: true, RestartCount: 0, CurrentState: { State: 'Running' } },
    {
      Name: 'web',
      Image: 'nginx',
      Ready: false,
      RestartCount: 0,
      CurrentState: { State: 'Running' },
      ReadinessProbe: { HttpGet: { Port: 80 } },
      VolumeMounts: [{ Name: 'data', MountPath: '/data' }],
    },
  ],
  Volumes: [
    { Name: 'cfg', Type: 'ConfigFileVolume' },
    { Name: 'data', Type: 'NFSVolume' },
  ],
  ...extra,
});

test('failing probes (Unhealthy): on the probe of the container that has it, en and ja', () => {
  const f = recognizeFailure(running(), [
    { Type: 'Warning', Reason: 'Unhealthy', Message: 'Readiness probe failed: connection refused' },
  ]);
  assert.equal(f?.kind, 'probe');
  assert.deepEqual(f?.parameterPaths, ['Container.2.ReadinessProbe']);
  assert.equal(f?.container?.name, 'web');
  assert.match(f!.explanation.en, /readiness probe of the container "web" keeps failing/);
  assert.match(f!.explanation.ja, /readiness プローブが失敗/);
});

test('a volume that cannot mount (FailedMount): on the volume and the mount', () => {
  const f = recognizeFailure(running(), [
    {
      Type: 'Warning',
      Reason: 'FailedMount',
      Message: 'MountVolume.SetUp failed for volume "data" : mount failed: exit status 32',
    },
  ]);
  assert.equal(f?.kind, 'mount');
  assert.deepEqual(f?.parameterPaths, ['Volume.2', 'Container.2.VolumeMount.1']);
  assert.match(f!.explanation.en, /volume "data" cannot be mounted/);
  assert.match(f!.explanation.ja, /マウントできません/);
});

test('no stock: ZoneId, VSwitchId, InstanceType, with the zones the service recommends', () => {
  const g = running({ Status: 'Failed', Containers: [] });
  const f = recognizeFailure(g, [
    {
      Type: 'Warning',
      Reason: 'ContainerGroup.NoStock',
      Message: 'The resource is out of stock in the specified zone. Recommend zones: [cn-hangzhou-h, cn-hangzhou-i]',
    },
  ]);
  assert.equal(f?.kind, 'no-stock');
  assert.deepEqual(f?.parameterPaths, ['ZoneId', 'VSwitchId', 'InstanceType']);
  assert.deepEqual(f?.recommendedZones, ['cn-hangzhou-h', 'cn-hangzhou-i']);
  assert.match(f!.explanation.en, /recommends the zones cn-hangzhou-h, cn-hangzhou-i/);
  assert.match(f!.explanation.ja, /推奨するゾーン: cn-hangzhou-h, cn-hangzhou-i/);
  assert.deepEqual(recommendedZonesOf('no zone named'), []);
});

test('Expired and Failed end the follow; an unknown Failed keeps the service reason and message', () => {
  assert.equal(recognizeFailure(running({ Status: 'Expired' }), [])?.kind, 'expired');
  const f = recognizeFailure(running({ Status: 'Failed', Containers: [] }), [
    { Type: 'Warning', Reason: 'SomethingNew', Message: 'the node went away' },
  ]);
  assert.equal(f?.kind, 'group-failed');
  assert.match(f!.explanation.en, /SomethingNew: the node went away/);
  assert.match(f!.explanation.ja, /SomethingNew: the node went away/);
});

test('a command that exits non-zero under RestartPolicy Never: crash on its Arg when only Arg is set', () => {
  const g = running({
    Status: 'Failed',
    RestartPolicy: 'Never',
    Containers: [
      {
        Name: 'job',
        Image: 'python',
        Args: ['main.py'],
        CurrentState: { State: 'Terminated', ExitCode: 2, Reason: 'Error' },
      },
    ],
  });
  const f = recognizeFailure(g, []);
  assert.equal(f?.kind, 'crash-loop');
  assert.deepEqual(f?.parameterPaths, ['Container.1.Arg']);
  assert.match(f!.explanation.en, /exited with code 2/);
});

test('success: Succeeded, or Running with every container ready; Running with one not ready is not', () => {
  assert.equal(isSuccess(running()), false);
  assert.equal(isSuccess(running({ Containers: [{ Name: 'a', Ready: true }] })), true);
  assert.equal(isSuccess(running({ Status: 'Succeeded', Containers: [] })), true);
  assert.equal(
    recognizeFailure(running({ Containers: [{ Name: 'a', Ready: true, CurrentState: { State: 'Running' } }] }), [
      { Type: 'Normal', Reason: 'Started', Message: 'Started container a' },
    ]),
    undefined,
  );
});

test('new events: each once, a repeat with a higher Count is not new', () => {
  const seen = new Set<string>();
  const e1 = { Type: 'Normal', Reason: 'Pulling', Message: 'pulling', FirstTimestamp: 't1', Count: 1 };
  assert.deepEqual(newEvents(seen, [e1]), [e1]);
  assert.deepEqual(newEvents(seen, [{ ...e1, Count: 3, LastTimestamp: 't9' }]), []);
  const e2 = { ...e1, Reason: 'Pulled' };
  assert.deepEqual(newEvents(seen, [e1, e2]), [e2]);
  assert.notEqual(eventKey(e1), eventKey(e2));
});
