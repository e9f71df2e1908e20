// Pure client logic: the history of created groups, where service errors land, the endpoint setting,
// the profile names offered by the picker.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addToHistory, formatHistoryLine, readHistory, type CreatedGroupEntry } from '../../client/src/history';
import { SERVER_DIAGNOSTIC_SOURCE } from '../../client/src/diagnosticSources';
import { keysForParameterPath } from '../../calls/src/parameterPaths';
import { DIAGNOSTIC_SOURCE } from '../../server/src/service/diagnose';
import { parseEndpoint } from '../../calls/src/endpoint';
import { RESTRICTED_SETTINGS, effectiveSetting } from '../../client/src/settingValues';
import { listProfileNames } from '../../client/src/profiles';

const entry = (n: number, extra: Partial<CreatedGroupEntry> = {}): CreatedGroupEntry => ({
  containerGroupId: `eci-${n}`,
  regionId: 'cn-hangzhou',
  requestId: `REQ-${n}`,
  createdAt: `2026-11-27T10:00:0${n}.000Z`,
  documentUri: 'file:///w/web.eci.yaml',
  credentialSource: 'environment variables',
  ...extra,
});

test('the client recognises the language server diagnostics by their source', () => {
  assert.equal(SERVER_DIAGNOSTIC_SOURCE, DIAGNOSTIC_SOURCE);
});

test('history: newest first, bounded by the limit', () => {
  let h: CreatedGroupEntry[] = [];
  for (let i = 1; i <= 5; i++) h = addToHistory(h, entry(i), 3);
  assert.deepEqual(
    h.map((e) => e.containerGroupId),
    ['eci-5', 'eci-4', 'eci-3'],
  );
});

test('history: a stored value that is not a well-formed list gives only its good entries', () => {
  assert.deepEqual(readHistory(undefined), []);
  assert.deepEqual(readHistory({ containerGroupId: 'x' }), []);
  const good = entry(1, { containerGroupName: 'web' });
  const kept = readHistory([
    good,
    { ...entry(2), requestId: 7 },
    null,
    'eci-3',
    { ...entry(4), containerGroupName: 5 },
  ]);
  assert.deepEqual(kept, [good]);
});

test('history line: tab-separated time, id, name (or -), region, request id, document', () => {
  assert.equal(
    formatHistoryLine(entry(1, { containerGroupName: 'web' })),
    '2026-11-27T10:00:01.000Z\teci-1\tweb\tcn-hangzhou\tRequestId=REQ-1\tfile:///w/web.eci.yaml',
  );
  assert.equal(formatHistoryLine(entry(2)).split('\t')[2], '-');
});

const keys = [
  'RegionId',
  'VSwitchId',
  'Container.1.Name',
  'Container.1.Port.1.Port',
  'Container.1.Port.1.Protocol',
  'Container.1.Port.2.Port',
  'Container.2.Name',
  'Container.10.Name',
  'InitContainer.1.Name',
  'Volume.1.Name',
];

test('parameter paths: a flat name matches itself only', () => {
  assert.deepEqual(keysForParameterPath('VSwitchId', keys), ['VSwitchId']);
  assert.deepEqual(keysForParameterPath('Region', keys), []);
});

test('parameter paths: [] matches every list index, in natural order, and only whole segments', () => {
  assert.deepEqual(keysForParameterPath('Container[].Name', keys), [
    'Container.1.Name',
    'Container.2.Name',
    'Container.10.Name',
  ]);
  assert.deepEqual(keysForParameterPath('Container[].Port[].Port', keys), [
    'Container.1.Port.1.Port',
    'Container.1.Port.2.Port',
  ]);
});

test('parameter paths: a flattened key matches exactly', () => {
  assert.deepEqual(keysForParameterPath('Container.2.Name', keys), ['Container.2.Name']);
});

test('parameter paths: an object or list path lands on the first key under each instance', () => {
  assert.deepEqual(keysForParameterPath('Container[].Port[]', keys), [
    'Container.1.Port.1.Port',
    'Container.1.Port.2.Port',
  ]);
  assert.deepEqual(keysForParameterPath('Container[]', keys), [
    'Container.1.Name',
    'Container.2.Name',
    'Container.10.Name',
  ]);
  assert.deepEqual(keysForParameterPath('Volume', keys), ['Volume.1.Name']);
});

test('parameter paths: regex characters in a path are literal', () => {
  assert.deepEqual(keysForParameterPath('Container.1+Name', keys), []);
  assert.deepEqual(keysForParameterPath('Container..Name', keys), []);
});

test('endpoint setting: host, host:port, with http or https', () => {
  assert.equal(parseEndpoint(''), undefined);
  assert.equal(parseEndpoint('   '), undefined);
  assert.deepEqual(parseEndpoint('eci-vpc.cn-hangzhou.aliyuncs.com'), {
    host: 'eci-vpc.cn-hangzhou.aliyuncs.com',
    protocol: 'https',
  });
  assert.deepEqual(parseEndpoint('http://127.0.0.1:8080'), { host: '127.0.0.1:8080', protocol: 'http' });
  assert.deepEqual(parseEndpoint(' HTTPS://eci.example.test/ '), { host: 'eci.example.test', protocol: 'https' });
});

test('endpoint setting: paths, user info, bad ports and other schemes are refused', () => {
  for (const bad of [
    'http://127.0.0.1:8080/x',
    'http://user:pw@host',
    'ftp://host',
    'host:0',
    'host:70000',
    'ho st',
    'http://',
  ]) {
    assert.equal(parseEndpoint(bad), undefined, bad);
  }
});

test('settings: folder over workspace over user over default', () => {
  const all = { defaultValue: 'd', globalValue: 'g', workspaceValue: 'w', workspaceFolderValue: 'f' };
  assert.deepEqual(effectiveSetting('requestTimeoutSeconds', all, true, 'x'), { value: 'f', fromWorkspace: true });
  assert.deepEqual(effectiveSetting('requestTimeoutSeconds', { ...all, workspaceFolderValue: undefined }, true, 'x'), {
    value: 'w',
    fromWorkspace: true,
  });
  assert.deepEqual(effectiveSetting('requestTimeoutSeconds', { defaultValue: 'd', globalValue: 'g' }, true, 'x'), {
    value: 'g',
    fromWorkspace: false,
  });
  assert.deepEqual(effectiveSetting('requestTimeoutSeconds', { defaultValue: 'd' }, true, 'x'), {
    value: 'd',
    fromWorkspace: false,
  });
  assert.deepEqual(effectiveSetting('requestTimeoutSeconds', undefined, true, 'x'), {
    value: 'x',
    fromWorkspace: false,
  });
});

test('settings: an untrusted workspace cannot set the endpoint, profile or instance-metadata switch', () => {
  const endpoint = {
    defaultValue: '',
    globalValue: 'http://127.0.0.1:9000',
    workspaceValue: 'https://attacker.example',
    workspaceFolderValue: 'https://attacker2.example',
  };
  assert.deepEqual(effectiveSetting('endpoint', endpoint, false, ''), {
    value: 'http://127.0.0.1:9000',
    fromWorkspace: false,
  });
  assert.deepEqual(
    effectiveSetting('endpoint', { defaultValue: '', workspaceValue: 'https://attacker.example' }, false, ''),
    { value: '', fromWorkspace: false },
  );
  assert.deepEqual(effectiveSetting('profile', { defaultValue: '', workspaceValue: 'prod' }, false, ''), {
    value: '',
    fromWorkspace: false,
  });
  assert.deepEqual(
    effectiveSetting('allowInstanceMetadataCredentials', { defaultValue: false, workspaceValue: true }, false, false),
    { value: false, fromWorkspace: false },
  );
  // Trusted: the workspace's value applies (and is marked as the workspace's).
  assert.deepEqual(effectiveSetting('endpoint', endpoint, true, ''), {
    value: 'https://attacker2.example',
    fromWorkspace: true,
  });
  // Settings that cannot redirect anything keep their workspace value even when untrusted.
  assert.deepEqual(effectiveSetting('maxAttempts', { defaultValue: 3, workspaceValue: 5 }, false, 3), {
    value: 5,
    fromWorkspace: true,
  });
});

test('settings: the restricted list is the manifest restrictedConfigurations', () => {
  const manifest = require('../../../package.json') as {
    capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
  };
  assert.deepEqual(
    [...RESTRICTED_SETTINGS].map((k) => `eci.${k}`).sort(),
    [...manifest.capabilities.untrustedWorkspaces.restrictedConfigurations].sort(),
  );
});

test('profiles: names of the aliyun CLI config and the credentials file, never their keys', () => {
  const home = mkdtempSync(join(tmpdir(), 'eci-profiles-'));
  try {
    assert.deepEqual(listProfileNames({}, home), []);
    mkdirSync(join(home, '.aliyun'));
    writeFileSync(
      join(home, '.aliyun', 'config.json'),
      JSON.stringify({
        current: 'dev',
        profiles: [{ name: 'dev', mode: 'AK', access_key_secret: 'S3cr3tValue' }, { name: 'prod' }, { mode: 'AK' }],
      }),
    );
    mkdirSync(join(home, '.alibabacloud'));
    writeFileSync(
      join(home, '.alibabacloud', 'credentials'),
      '[default]\ntype = access_key\naccess_key_secret = S3cr3tValue\n\n[ci]  \n# [commented]\n',
    );
    const names = listProfileNames({}, home);
    assert.deepEqual(
      names.map((p) => [p.origin, p.name, p.current ?? false]),
      [
        ['aliyun-cli', 'dev', true],
        ['aliyun-cli', 'prod', false],
        ['credentials-file', 'default', false],
        ['credentials-file', 'ci', false],
      ],
    );
    assert.ok(!JSON.stringify(names).includes('S3cr3tValue'));
    // ALIBABA_CLOUD_CREDENTIALS_FILE points elsewhere; a CLI config that is not JSON offers nothing.
    const other = join(home, 'creds.ini');
    writeFileSync(other, '[team]\n');
    writeFileSync(join(home, '.aliyun', 'config.json'), '{not json');
    assert.deepEqual(
      listProfileNames({ ALIBABA_CLOUD_CREDENTIALS_FILE: other }, home).map((p) => p.name),
      ['team'],
    );
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
