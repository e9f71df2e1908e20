// Display forms of a wire request (masking, natural order) and the translation of wire names into
// the SDK's request model.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { compareWireKeys, flattenForDisplay, maskParams } from '../../calls/src/display';
import { redactSecrets } from '../../calls/src/redaction';
import { defaultEndpoint, parseEndpoint } from '../../calls/src/endpoint';
import { isRetryableServiceError } from '../../calls/src/operations/createContainerGroup';
import { toSdkRequest, type SdkModelClass } from '../../calls/src/sdkRequest';
import { credentialFromKey, maskAccessKeyId } from '../../calls/src/credential';

test('maskParams masks exactly the secret keys', () => {
  const params = {
    'ImageRegistryCredential.1.Password': 'hunter2',
    'ImageRegistryCredential.1.UserName': 'me',
    'Container.1.Name': 'a',
  };
  assert.deepEqual(maskParams(params, ['ImageRegistryCredential.1.Password']), {
    'ImageRegistryCredential.1.Password': '********',
    'ImageRegistryCredential.1.UserName': 'me',
    'Container.1.Name': 'a',
  });
  assert.equal(params['ImageRegistryCredential.1.Password'], 'hunter2', 'the input is not changed');
});

test('flattenForDisplay: Action and Version first, list indexes in numeric order, secrets masked unless shown', () => {
  const params: Record<string, string> = {
    'Container.10.Name': 'j',
    'Container.2.Name': 'b',
    'Container.1.Name': 'a',
    RegionId: 'cn-hangzhou',
    'Container.1.Arg.10': 'x',
    'Container.1.Arg.9': 'y',
    'ImageRegistryCredential.1.Password': 'pw',
  };
  const lines = flattenForDisplay(params, ['ImageRegistryCredential.1.Password']);
  assert.deepEqual(
    lines.map((l) => `${l.key}=${l.value}`),
    [
      'Action=CreateContainerGroup',
      'Version=2018-08-08',
      'Container.1.Arg.9=y',
      'Container.1.Arg.10=x',
      'Container.1.Name=a',
      'Container.2.Name=b',
      'Container.10.Name=j',
      'ImageRegistryCredential.1.Password=********',
      'RegionId=cn-hangzhou',
    ],
  );
  assert.equal(lines.find((l) => l.key === 'ImageRegistryCredential.1.Password')?.secret, true);
  const shown = flattenForDisplay(params, ['ImageRegistryCredential.1.Password'], {
    showSecrets: true,
    includeAction: false,
  });
  assert.equal(shown[0].key, 'Container.1.Arg.9');
  assert.equal(shown.find((l) => l.key === 'ImageRegistryCredential.1.Password')?.value, 'pw');
  assert.ok(compareWireKeys('Tag.2.Key', 'Tag.10.Key') < 0);
  assert.ok(compareWireKeys('A', 'A.1') < 0);
});

test('redactSecrets removes secret values, also percent-encoded, longest first', () => {
  assert.equal(
    redactSecrets('pw=p@ss word, url ?Password=p%40ss%20word, ab abc', ['p@ss word', 'ab', 'abc']),
    'pw=********, url ?Password=********, ******** ********',
  );
  assert.equal(redactSecrets('nothing', [undefined, '']), 'nothing');
});

test('defaultEndpoint builds eci.<RegionId>.aliyuncs.com and refuses what is not a region id', () => {
  assert.equal(defaultEndpoint('cn-hangzhou'), 'eci.cn-hangzhou.aliyuncs.com');
  assert.equal(defaultEndpoint('ap-northeast-1'), 'eci.ap-northeast-1.aliyuncs.com');
  assert.throws(() => defaultEndpoint('evil.com/x'), /not a region id/);
  assert.throws(() => defaultEndpoint(''), /not a region id/);
});

test('parseEndpoint reads an endpoint override: host[:port] with an optional scheme, https by default', () => {
  assert.deepEqual(parseEndpoint('eci-vpc.cn-hangzhou.aliyuncs.com'), {
    host: 'eci-vpc.cn-hangzhou.aliyuncs.com',
    protocol: 'https',
  });
  assert.deepEqual(parseEndpoint(' http://127.0.0.1:8080/ '), { host: '127.0.0.1:8080', protocol: 'http' });
  assert.deepEqual(parseEndpoint('HTTPS://eci.example.com'), { host: 'eci.example.com', protocol: 'https' });
  for (const bad of [
    '',
    '   ',
    'https://user:pw@host',
    'host/path',
    'host:0',
    'host:70000',
    'ftp://host',
    'a b',
    '.host',
    'a..b',
  ]) {
    assert.equal(parseEndpoint(bad), undefined, bad);
  }
});

test('which service errors are retried', () => {
  assert.equal(isRetryableServiceError('Throttling', 400), true);
  assert.equal(isRetryableServiceError('Throttling.User', 400), true);
  assert.equal(isRetryableServiceError('Throttling.Vcpu.PerDay', 403), false);
  assert.equal(isRetryableServiceError('ServiceUnavailable', 503), true);
  assert.equal(isRetryableServiceError('InternalError', 500), true);
  assert.equal(isRetryableServiceError('Anything', 502), true);
  assert.equal(isRetryableServiceError('InvalidParameter.CPU.Memory', 400), false);
  assert.equal(isRetryableServiceError('OperationDenied.NoStock', 403), false);
});

test('an AccessKey ID is shown masked; a credential made from a key holds no secret in its fields', () => {
  assert.equal(maskAccessKeyId('LTAI5tAbCdEfGhIj'), 'LTAI****GhIj');
  assert.equal(maskAccessKeyId('short'), '****');
  const c = credentialFromKey({ accessKeyId: 'LTAI5tAbCdEfGhIj', accessKeySecret: 'top-secret-value' });
  assert.equal(c.source, 'explicit');
  assert.ok(!JSON.stringify(c).includes('top-secret-value'));
  assert.throws(() => credentialFromKey({ accessKeyId: 'LTAI5tAbCdEfGhIj', accessKeySecret: '' }), /secret is empty/);
});

const eci = require('@alicloud/eci20180808') as typeof import('@alicloud/eci20180808');

const openapiUtil = (
  require('@alicloud/openapi-util') as { default: { query(m: Record<string, unknown>): Record<string, string> } }
).default;
const RequestClass = eci.CreateContainerGroupRequest as unknown as SdkModelClass &
  (new () => InstanceType<typeof eci.CreateContainerGroupRequest>);
const flatten = (m: { toMap(): Record<string, unknown> }) => openapiUtil.query(m.toMap());

test('toSdkRequest fills the camelCase model through its names() maps, with model instances and typed values', () => {
  const params = {
    RegionId: 'cn-hangzhou',
    Cpu: '0.5',
    AutoCreateEip: 'true',
    'Container.1.Name': 'web',
    'Container.1.ReadinessProbe.HttpGet.Port': '8080',
    'Container.1.SecurityContext.Capability.Add.1': 'NET_ADMIN',
    'Volume.1.NFSVolume.Server': '1.2.3.4',
    'Tag.2.Key': 'second',
  };
  const { request, extensionQueries, notInModel } = toSdkRequest(RequestClass, params, [], flatten);
  // The SDK's flattening closes holes in lists (Tag.2 alone would become Tag.1): the check against
  // that flattening catches it and sends the key as written.
  assert.deepEqual(extensionQueries, { 'Tag.2.Key': 'second' });
  assert.deepEqual(notInModel, ['Tag.2.Key']);
  assert.equal(request.regionId, 'cn-hangzhou');
  assert.equal(request.cpu, 0.5);
  assert.equal(request.autoCreateEip, true);
  assert.ok(request.container?.[0] instanceof eci.CreateContainerGroupRequestContainer);
  assert.equal(request.container?.[0].readinessProbe?.httpGet?.port, 8080);
  assert.deepEqual(request.container?.[0].securityContext?.capability?.add, ['NET_ADMIN']);
  assert.equal(request.volume?.[0].NFSVolume?.server, '1.2.3.4');
  // The SDK's own flattening plus the extension queries give back exactly the parameters.
  assert.deepEqual({ ...flatten(request), ...extensionQueries }, params);
});

test('toSdkRequest sends what the model lacks, or would rewrite, as extension queries, exactly as written', () => {
  const params = {
    RegionId: 'r',
    Cpu: '1.50',
    GpuDriverVersion: 'tesla=535',
    'Container.1.Name': 'a',
    'Container.1.SecurityContextPrivileged': 'true',
    'Container.1.Unknown.Deep': 'x',
    NotAParameter: 'y',
  };
  const { request, extensionQueries, notInModel } = toSdkRequest(
    RequestClass,
    params,
    ['GpuDriverVersion', 'Container.1.SecurityContextPrivileged'],
    flatten,
  );
  assert.deepEqual(extensionQueries, {
    GpuDriverVersion: 'tesla=535',
    'Container.1.SecurityContextPrivileged': 'true',
    'Container.1.Unknown.Deep': 'x',
    NotAParameter: 'y',
  });
  assert.deepEqual(notInModel.sort(), ['Container.1.Unknown.Deep', 'NotAParameter']);
  // "1.50" does not survive a trip through a number: it stays the string the user wrote.
  assert.equal(request.cpu as unknown, '1.50');
  assert.equal(flatten(request).Cpu, '1.50');
});
