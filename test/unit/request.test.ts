// buildWireRequest: a *.eci.yaml document -> the flattened CreateContainerGroup wire parameters.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse } from '../../server/src/service/parse';
import { buildWireRequest, type WireRequest } from '../../server/src/service/request';
import { MAX_EXPANDED_VALUES } from '../../server/src/service/ast';

function build(text: string): WireRequest {
  return buildWireRequest(parse(text));
}

/** One case: the document, and the exact params it must give. */
function check(text: string, params: Record<string, string>): WireRequest {
  const w = build(text);
  assert.deepEqual(w.params, params);
  return w;
}

test('top-level scalars keep their wire names; numbers and booleans are written as the SDK writes them', () => {
  check(
    'RegionId: cn-hangzhou\nContainerGroupName: web\nCpu: 0.5\nMemory: 1\nAutoCreateEip: true\nEipBandwidth: 5\nSpotPriceLimit: 0.025\nDryRun: false\n',
    {
      RegionId: 'cn-hangzhou',
      ContainerGroupName: 'web',
      Cpu: '0.5',
      Memory: '1',
      AutoCreateEip: 'true',
      EipBandwidth: '5',
      SpotPriceLimit: '0.025',
      DryRun: 'false',
    },
  );
});

test('lists of objects and of scalars flatten to .1, .2 ...; nested objects to A.B', () => {
  const text = `Container:
  - Name: web
    Image: nginx
    Command: [/bin/sh, -c]
    Arg:
      - echo hi
    ReadinessProbe:
      HttpGet:
        Path: /healthz
        Port: 8080
    SecurityContext:
      Capability:
        Add: [NET_ADMIN, SYS_TIME]
    Port:
      - Port: 80
        Protocol: TCP
  - Name: sidecar
    Image: busybox
Tag:
  - Key: team
    Value: a
  - Key: env
    Value: b
NtpServer: [ntp1.aliyun.com]
`;
  check(text, {
    'Container.1.Name': 'web',
    'Container.1.Image': 'nginx',
    'Container.1.Command.1': '/bin/sh',
    'Container.1.Command.2': '-c',
    'Container.1.Arg.1': 'echo hi',
    'Container.1.ReadinessProbe.HttpGet.Path': '/healthz',
    'Container.1.ReadinessProbe.HttpGet.Port': '8080',
    'Container.1.SecurityContext.Capability.Add.1': 'NET_ADMIN',
    'Container.1.SecurityContext.Capability.Add.2': 'SYS_TIME',
    'Container.1.Port.1.Port': '80',
    'Container.1.Port.1.Protocol': 'TCP',
    'Container.2.Name': 'sidecar',
    'Container.2.Image': 'busybox',
    'Tag.1.Key': 'team',
    'Tag.1.Value': 'a',
    'Tag.2.Key': 'env',
    'Tag.2.Value': 'b',
    'NtpServer.1': 'ntp1.aliyun.com',
  });
});

test('flat names stay flat (LifecyclePreStopHandlerHttpGetPath), NFSVolume keeps its spelling', () => {
  check(
    'Container:\n  - Name: a\n    LifecyclePreStopHandlerHttpGetPath: /stop\n    LifecyclePreStopHandlerExec: [sh, -c, sleep 5]\nVolume:\n  - Name: n\n    Type: NFSVolume\n    NFSVolume:\n      Server: 1.2.3.4\n      Path: /share\n      ReadOnly: true\n',
    {
      'Container.1.Name': 'a',
      'Container.1.LifecyclePreStopHandlerHttpGetPath': '/stop',
      'Container.1.LifecyclePreStopHandlerExec.1': 'sh',
      'Container.1.LifecyclePreStopHandlerExec.2': '-c',
      'Container.1.LifecyclePreStopHandlerExec.3': 'sleep 5',
      'Volume.1.Name': 'n',
      'Volume.1.Type': 'NFSVolume',
      'Volume.1.NFSVolume.Server': '1.2.3.4',
      'Volume.1.NFSVolume.Path': '/share',
      'Volume.1.NFSVolume.ReadOnly': 'true',
    },
  );
});

test('a string parameter keeps the text as written when YAML reads it as a number or boolean', () => {
  check('Tag:\n  - Key: version\n    Value: 1.10\n  - Key: build\n    Value: 007\nContainerGroupName: 123\n', {
    'Tag.1.Key': 'version',
    'Tag.1.Value': '1.10',
    'Tag.2.Key': 'build',
    'Tag.2.Value': '007',
    ContainerGroupName: '123',
  });
});

test('quoted strings, multi-line block scalars and unicode are kept exactly', () => {
  const w = check(
    'ContainerGroupName: "web #1"\nVolume:\n  - Name: c\n    ConfigFileVolume:\n      ConfigFileToPath:\n        - Path: app.conf\n          Content: |\n            line one\n            ライン 2\n',
    {
      ContainerGroupName: 'web #1',
      'Volume.1.Name': 'c',
      'Volume.1.ConfigFileVolume.ConfigFileToPath.1.Path': 'app.conf',
      'Volume.1.ConfigFileVolume.ConfigFileToPath.1.Content': 'line one\nライン 2\n',
    },
  );
  assert.deepEqual(w.undocumented, []);
});

test('keys with no value (null) are not sent; empty strings are', () => {
  check('RegionId: cn-hangzhou\nZoneId:\nHostName: ""\n', { RegionId: 'cn-hangzhou', HostName: '' });
});

test('the parameters the SDK lacks are listed in sdkMissing', () => {
  const w = build(
    'RegionId: r\nComputeCategory: [economy, general]\nGpuDriverVersion: tesla=535\nMaxPendingMinute: 10\nContainer:\n  - Name: a\n    SecurityContextPrivileged: true\n',
  );
  assert.deepEqual(w.sdkMissing.sort(), [
    'ComputeCategory.1',
    'ComputeCategory.2',
    'Container.1.SecurityContextPrivileged',
    'GpuDriverVersion',
    'MaxPendingMinute',
  ]);
  assert.equal(w.params['ComputeCategory.2'], 'general');
  assert.equal(w.params.MaxPendingMinute, '10');
});

test('secrets: registry passwords, and environment values of containers that hide them', () => {
  const w = build(`ImageRegistryCredential:
  - Server: registry.example.com
    UserName: me
    Password: hunter2
Container:
  - Name: a
    EnvironmentVarHide: true
    EnvironmentVar:
      - Key: TOKEN
        Value: s3cr3t
      - Key: OTHER
        Value: also-hidden
  - Name: b
    EnvironmentVar:
      - Key: PLAIN
        Value: visible
`);
  assert.deepEqual(w.secrets.sort(), [
    'Container.1.EnvironmentVar.1.Value',
    'Container.1.EnvironmentVar.2.Value',
    'ImageRegistryCredential.1.Password',
  ]);
  assert.ok(!w.secrets.includes('Container.2.EnvironmentVar.1.Value'));
  assert.ok(!w.secrets.includes('Container.1.EnvironmentVar.1.Key'));
});

test('locations point at each value as written', () => {
  const text = 'RegionId: cn-hangzhou\nContainer:\n  - Name: web\n    Image: "nginx"\n';
  const w = build(text);
  assert.deepEqual(w.locations.RegionId, { start: { line: 0, character: 10 }, end: { line: 0, character: 21 } });
  assert.deepEqual(w.locations['Container.1.Name'], {
    start: { line: 2, character: 10 },
    end: { line: 2, character: 13 },
  });
  assert.deepEqual(w.locations['Container.1.Image'], {
    start: { line: 3, character: 11 },
    end: { line: 3, character: 18 },
  });
  assert.deepEqual(Object.keys(w.locations).sort(), Object.keys(w.params).sort());
});

test('anchors and aliases are expanded', () => {
  check(
    'Container:\n  - &base\n    Name: a\n    Image: busybox\nInitContainer:\n  - Name: init\n    Image: busybox\n    Command: &cmd [sh, -c]\n  - Name: init2\n    Command: *cmd\n',
    {
      'Container.1.Name': 'a',
      'Container.1.Image': 'busybox',
      'InitContainer.1.Name': 'init',
      'InitContainer.1.Image': 'busybox',
      'InitContainer.1.Command.1': 'sh',
      'InitContainer.1.Command.2': '-c',
      'InitContainer.2.Name': 'init2',
      'InitContainer.2.Command.1': 'sh',
      'InitContainer.2.Command.2': '-c',
    },
  );
});

test('keys the schema does not describe are still flattened, and listed as undocumented', () => {
  const w = build('RegionId: r\nContainerGroupNme: typo\nContainer:\n  - Name: a\n    Imagee: x\n');
  assert.equal(w.params.ContainerGroupNme, 'typo');
  assert.equal(w.params['Container.1.Imagee'], 'x');
  assert.deepEqual(w.undocumented.sort(), ['Container.1.Imagee', 'ContainerGroupNme']);
});

test('documents that are empty, not a mapping, broken or too large give an empty request without throwing', () => {
  for (const text of ['', '# only a comment\n', '- a\n- b\n', 'just text', 'a: [1, 2\n', 'x'.repeat(3 * 1024 * 1024)]) {
    const w = build(text);
    assert.equal(typeof w.params, 'object');
  }
  assert.deepEqual(build('').params, {});
  assert.deepEqual(build('- a\n- b\n').params, {});
});

test('an alias bomb stops at the expansion budget instead of hanging', () => {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  for (let i = 0; i < 8; i++)
    lines.push(
      `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
    );
  const started = Date.now();
  const w = build(lines.join('\n') + '\n');
  assert.ok(Date.now() - started < 5000);
  // The budget is the bound on values written out that diagnostics enforce (issue 16: 10,000 cut valid requests short).
  assert.ok(Object.keys(w.params).length <= MAX_EXPANDED_VALUES);
});
