// The call layer's words for network failures and credential sources, in English and Japanese, built
// from structured facts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { describeCredential, describeNetworkDetail, describeNetworkError } from '../../calls/src/describe';
import type { NetworkErrorDetail } from '../../calls/src/types';

const DETAILS: NetworkErrorDetail[] = [
  { reason: 'dns', host: 'eci.xx-nowhere-1.aliyuncs.com', errno: 'ENOTFOUND' },
  { reason: 'connection-refused', host: '127.0.0.1', port: 8081 },
  { reason: 'connect-timeout', host: 'eci.cn-hangzhou.aliyuncs.com', port: 443, seconds: 10 },
  { reason: 'connect-timeout', host: 'eci.cn-hangzhou.aliyuncs.com', port: 443 },
  { reason: 'connect-failed', host: 'eci.cn-hangzhou.aliyuncs.com', port: 443, errno: 'EHOSTUNREACH' },
  { reason: 'credential-unusable', credential: 'aliyun CLI profile "sts"', error: 'expired' },
  {
    reason: 'too-large',
    status: 414,
    urlBytes: 20480,
    configFileBytes: 16384,
    configFileKeys: ['Volume.1.ConfigFileVolume.ConfigFileToPath.1.Content'],
  },
  {
    reason: 'not-service-json',
    host: 'eci.cn-hangzhou.aliyuncs.com',
    status: 502,
    contentType: 'text/html; charset=utf-8',
    requestId: 'R-1',
  },
  { reason: 'no-answer', host: 'eci.cn-hangzhou.aliyuncs.com', seconds: 60 },
  { reason: 'connection-closed', host: 'eci.cn-hangzhou.aliyuncs.com' },
  { reason: 'no-container-group-id', host: 'eci.cn-hangzhou.aliyuncs.com', status: 200, requestId: 'R-2' },
  { reason: 'transport', host: 'eci.cn-hangzhou.aliyuncs.com', error: 'EPROTO' },
];

test('every network detail has English and Japanese words carrying the same facts', () => {
  for (const d of DETAILS) {
    const en = describeNetworkDetail(d, 'en');
    const ja = describeNetworkDetail(d, 'ja-JP');
    assert.notEqual(en, ja, d.reason);
    assert.match(ja, /[\u3040-\u30ff]/, `${d.reason}: Japanese has kana: ${ja}`);
    for (const fact of ['host', 'port', 'seconds', 'errno', 'status', 'requestId'] as const) {
      const v = (d as Record<string, unknown>)[fact];
      if (v === undefined) continue;
      assert.ok(en.includes(String(v)), `${d.reason}: English lacks ${fact}: ${en}`);
      assert.ok(ja.includes(String(v)), `${d.reason}: Japanese lacks ${fact}: ${ja}`);
    }
  }
});

test('the full description adds the attempts and the large-URL note in the locale', () => {
  const o = {
    detail: { reason: 'connection-closed', host: 'h.example' } as NetworkErrorDetail,
    attempts: 4,
    largeUrl: { urlBytes: 10240, configFileBytes: 8192, configFileKeys: ['k'] },
  };
  assert.match(
    describeNetworkError(o, 'en'),
    /closed before the answer arrived\. \(4 attempts\) The request URL is 10\.0 KB .*8\.0 KB of it ConfigFile content/,
  );
  assert.match(describeNetworkError(o, 'ja'), /\(4 回試行\) リクエスト URL は 10\.0 KB/);
  assert.doesNotMatch(describeNetworkError({ ...o, attempts: 1, largeUrl: undefined }, 'en'), /attempt/);
});

test('credential sources in both languages, from source kind and profile name', () => {
  const cli = {
    source: 'aliyun-cli-profile' as const,
    description: 'x',
    profile: 'prod',
    temporary: false,
    origin: { file: '/home/u/.aliyun/config.json', mode: 'AK' },
  };
  assert.equal(describeCredential(cli, 'en'), 'aliyun CLI profile "prod" (mode AK) in /home/u/.aliyun/config.json');
  assert.equal(
    describeCredential(cli, 'ja'),
    '/home/u/.aliyun/config.json の aliyun CLI プロファイル "prod" (モード AK)',
  );
  const env = { source: 'env' as const, description: 'environment variables ...', temporary: true };
  assert.equal(
    describeCredential(env, 'en'),
    'environment variables ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET / ALIBABA_CLOUD_SECURITY_TOKEN',
  );
  assert.match(describeCredential(env, 'ja'), /^環境変数 ALIBABA_CLOUD_ACCESS_KEY_ID/);
  // The caller's own description of a key it holds is kept (the editor localises it itself).
  assert.equal(
    describeCredential({ source: 'explicit', description: 'VS Code に保存したアクセスキー', temporary: false }, 'ja'),
    'VS Code に保存したアクセスキー',
  );
});
