// A live group as the real service answers it (volumes, probes, mounts, env from a field, security
// context, tags, spot), written back as a document: the language service accepts it, its wire
// parameters are the request's, no output-only field is kept.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { groupToDocument, groupToWireParams } from '../../calls/src/groupDocument';
import type { LiveContainerGroup } from '../../calls/src/lifecycleTypes';
import { parse } from '../../server/src/service/parse';
import { buildWireRequest } from '../../server/src/service/request';
import { createLanguageService } from '../../server/src/service/index';

const LIVE: LiveContainerGroup = {
  ContainerGroupId: 'eci-bp1live0000000000001',
  ContainerGroupName: 'rich',
  RegionId: 'cn-hangzhou',
  ZoneId: 'cn-hangzhou-h',
  VSwitchId: 'vsw-bp1sim0prodh00000001',
  SecurityGroupId: 'sg-bp1sim0prodweb0000001',
  VpcId: 'vpc-bp1sim0prod00000000001',
  InstanceType: 'ecs.c6.large',
  Cpu: 2,
  Memory: 4,
  Status: 'Running',
  RestartPolicy: 'OnFailure',
  SpotStrategy: 'SpotWithPriceLimit',
  SpotPriceLimit: 0.5,
  IntranetIp: '192.168.1.10',
  CreationTime: '2025-03-01T08:00:00Z',
  ResourceGroupId: 'rg-acfmdefault',
  Tags: [{ Key: 'team', Value: 'web' }],
  Volumes: [
    {
      Name: 'data',
      Type: 'NFSVolume',
      NFSVolumeServer: 'nas.example.com',
      NFSVolumePath: '/share',
      NFSVolumeReadOnly: false,
    },
    { Name: 'cache', Type: 'EmptyDirVolume', EmptyDirVolumeMedium: 'Memory' },
    {
      Name: 'cfg',
      Type: 'ConfigFileVolume',
      ConfigFileVolumeConfigFileToPaths: [{ Path: 'app.conf', Content: 'bGlzdGVuIDgw' }],
    },
  ],
  Events: [{ Type: 'Normal', Reason: 'Started', Message: 'Started container web' }],
  Containers: [
    {
      Name: 'web',
      Image: 'registry.cn-hangzhou.aliyuncs.com/team/web:2',
      Commands: [],
      Args: ['--port', '80'],
      Cpu: 0,
      Memory: 0,
      Gpu: 0,
      Ports: [{ Port: 80, Protocol: 'TCP' }],
      EnvironmentVars: [
        { Key: 'MODE', Value: 'production' },
        { Key: 'POD_IP', Value: '', ValueFrom: { FieldRef: { FieldPath: 'status.podIP' } } },
      ],
      VolumeMounts: [
        { Name: 'data', MountPath: '/data', ReadOnly: true, MountPropagation: 'None' },
        { Name: 'cfg', MountPath: '/etc/app', ReadOnly: false },
      ],
      ReadinessProbe: {
        HttpGet: { Path: '/healthz', Port: 80, Scheme: 'HTTP' },
        InitialDelaySeconds: 5,
        PeriodSeconds: 10,
        TimeoutSeconds: 2,
        FailureThreshold: 3,
        SuccessThreshold: 1,
      },
      LivenessProbe: { TcpSocket: { Port: 80 }, InitialDelaySeconds: 15, PeriodSeconds: 20 },
      SecurityContext: { Capability: { Adds: ['NET_ADMIN'] }, ReadOnlyRootFilesystem: true, RunAsUser: 1000 },
      ImagePullPolicy: 'Always',
      WorkingDir: '',
      Tty: false,
      Stdin: false,
      Ready: true,
      RestartCount: 0,
      CurrentState: { State: 'Running', StartTime: '2025-03-01T08:00:05Z' },
    },
  ],
};

test('a rich live group: a valid document with the same wire parameters', () => {
  const text = groupToDocument(LIVE);
  const errors = createLanguageService({ locale: 'en' })
    .diagnose(text)
    .filter((d) => d.severity === 1);
  assert.deepEqual(
    errors.map((d) => `${d.range.start.line + 1}: ${d.message}`),
    [],
    text,
  );
  const params = buildWireRequest(parse(text)).params;
  assert.deepEqual(params, groupToWireParams(LIVE));
  assert.equal(params['Volume.1.NFSVolume.Server'], 'nas.example.com');
  assert.equal(params['Volume.3.ConfigFileVolume.ConfigFileToPath.1.Content'], 'bGlzdGVuIDgw');
  assert.equal(params['Container.1.Arg.2'], '80');
  assert.equal(params['Container.1.EnvironmentVar.2.FieldRef.FieldPath'], 'status.podIP');
  assert.equal(params['Container.1.ReadinessProbe.HttpGet.Path'], '/healthz');
  assert.equal(params['Container.1.LivenessProbe.TcpSocket.Port'], '80');
  assert.equal(params['Container.1.SecurityContext.Capability.Add.1'], 'NET_ADMIN');
  assert.equal(params['Container.1.VolumeMount.1.ReadOnly'], 'true');
  assert.equal(params['Container.1.ImagePullPolicy'], 'Always', 'a value that is not the default is kept');
  assert.equal(params.InstanceType, 'ecs.c6.large');
  assert.equal(params.SpotPriceLimit, '0.5');
  for (const left of [
    'Cpu',
    'Memory',
    'ZoneId',
    'Container.1.Cpu',
    'Container.1.Command.1',
    'Container.1.WorkingDir',
    'Container.1.Port.1.Protocol',
    'Container.1.VolumeMount.1.MountPropagation',
    'ResourceGroupId',
  ])
    assert.ok(!(left in params), `${left} left out`);
  for (const outputOnly of [
    'Status',
    'VpcId',
    'IntranetIp',
    'CreationTime',
    'Events',
    'Ready',
    'CurrentState',
    'RestartCount',
  ])
    assert.ok(!new RegExp(`^\\s*(- )?${outputOnly}:`, 'm').test(text), `${outputOnly} left out:\n${text}`);
  assert.match(text, /^# ImageRegistryCredential:\n# {3}- Server: registry\.cn-hangzhou\.aliyuncs\.com$/m);
  assert.match(text, /^# ResourceGroupId: rg-acfmdefault$/m);
});
