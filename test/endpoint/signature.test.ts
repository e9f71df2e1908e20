// The endpoint's ACS3-HMAC-SHA256 verification, written from Alibaba Cloud's specification, agrees
// with the SDK's own signer; and what it rejects, it rejects for the right reason.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { acs3Signature, canonicalRequest, parseQuery, percentEncode } from '../support/eciEndpoint';
import { ACCESS_KEY_ID, ACCESS_KEY_SECRET, endpoint } from './helpers';

type OpenApiUtil = {
  getAuthorization(
    request: { pathname: string; method: string; query: Record<string, string>; headers: Record<string, string> },
    algorithm: string,
    payload: string,
    ak: string,
    secret: string,
  ): string;
};

const openapiUtil = (require('@alicloud/openapi-util') as { default: OpenApiUtil }).default;

const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

function sdkSignature(
  query: Record<string, string>,
  headers: Record<string, string>,
): { signature: string; signedHeaders: string[] } {
  const auth = openapiUtil.getAuthorization(
    { pathname: '/', method: 'POST', query, headers },
    'ACS3-HMAC-SHA256',
    EMPTY_SHA256,
    ACCESS_KEY_ID,
    ACCESS_KEY_SECRET,
  );
  const m = /SignedHeaders=([^,]+),Signature=([0-9a-f]+)$/.exec(auth);
  assert.ok(m, auth);
  return { signedHeaders: m[1].split(';'), signature: m[2] };
}

test("the endpoint's signature equals the SDK's for queries with reserved and non-ASCII characters", () => {
  const cases: Record<string, string>[] = [
    { RegionId: 'cn-hangzhou' },
    {
      'Container.1.Name': 'web',
      'Container.1.Image': 'nginx:1.27',
      'Container.1.Command.1': '/bin/sh',
      'Container.1.Arg.1': "-c echo 'a b' && ls *",
    },
    { 'Tag.1.Key': 'チーム', 'Tag.1.Value': 'é & = + % / ? # ! ( ) ~', ContainerGroupName: 'a b' },
    { 'Volume.1.ConfigFileVolume.ConfigFileToPath.1.Content': Buffer.from('line1\nline2\n').toString('base64') },
  ];
  for (const query of cases) {
    const headers = {
      host: 'eci.cn-hangzhou.aliyuncs.com',
      'x-acs-action': 'CreateContainerGroup',
      'x-acs-version': '2018-08-08',
      'x-acs-date': '2026-01-02T03:04:05Z',
      'x-acs-signature-nonce': 'a1b2c3',
      'x-acs-content-sha256': EMPTY_SHA256,
      'user-agent': 'not signed',
      accept: 'application/json',
    };
    const sdk = sdkSignature(query, headers);
    const ours = acs3Signature(
      canonicalRequest({
        method: 'POST',
        path: '/',
        query,
        headers,
        signedHeaders: sdk.signedHeaders,
        hashedPayload: EMPTY_SHA256,
      }),
      ACCESS_KEY_SECRET,
    );
    assert.equal(ours, sdk.signature, JSON.stringify(query));
    assert.deepEqual(sdk.signedHeaders, [
      'host',
      'x-acs-action',
      'x-acs-content-sha256',
      'x-acs-date',
      'x-acs-signature-nonce',
      'x-acs-version',
    ]);
    // A different secret gives a different signature.
    assert.notEqual(
      acs3Signature(
        canonicalRequest({
          method: 'POST',
          path: '/',
          query,
          headers,
          signedHeaders: sdk.signedHeaders,
          hashedPayload: EMPTY_SHA256,
        }),
        'other',
      ),
      sdk.signature,
    );
  }
});

test('percent-encoding follows RFC 3986 as the specification requires', () => {
  assert.equal(percentEncode("a b*c~d!e'f(g)h"), 'a%20b%2Ac~d%21e%27f%28g%29h');
  assert.equal(percentEncode('日'), '%E6%97%A5');
  assert.deepEqual(parseQuery('/?A=1&B=a%20b&C=x+y&D='), { A: '1', B: 'a b', C: 'x y', D: '' });
});

function post(
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, string>,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

function signedHeaders(
  port: number,
  query: Record<string, string>,
  nonce: string,
  secret = ACCESS_KEY_SECRET,
): Record<string, string> {
  const headers: Record<string, string> = {
    host: `127.0.0.1:${port}`,
    'x-acs-action': 'CreateContainerGroup',
    'x-acs-version': '2018-08-08',
    'x-acs-date': new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'x-acs-signature-nonce': nonce,
    'x-acs-content-sha256': EMPTY_SHA256,
  };
  const names = Object.keys(headers).sort();
  const sig = acs3Signature(
    canonicalRequest({ method: 'POST', path: '/', query, headers, signedHeaders: names, hashedPayload: EMPTY_SHA256 }),
    secret,
  );
  return {
    ...headers,
    authorization: `ACS3-HMAC-SHA256 Credential=${ACCESS_KEY_ID},SignedHeaders=${names.join(';')},Signature=${sig}`,
  };
}

test('the endpoint accepts a hand-signed request, then rejects its replay, a tampered query and an unsigned x-acs header', async () => {
  const ep = await endpoint();
  try {
    const query = {
      RegionId: 'cn-hangzhou',
      ContainerGroupName: 'web',
      'Container.1.Name': 'a',
      'Container.1.Image': 'busybox',
      DryRun: 'true',
    };
    const target = `/?${Object.entries(query)
      .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
      .join('&')}`;
    const headers = signedHeaders(ep.port, query, 'nonce-1');
    const ok = await post(ep.port, target, headers);
    assert.equal(ok.body.Code, 'DryRun.Success');
    assert.equal(ok.status, 400);
    assert.ok(ok.body.RequestId && ok.body.HostId && ok.body.Recommend);

    const replay = await post(ep.port, target, headers);
    assert.equal(replay.body.Code, 'SignatureNonceUsed');

    const tampered = await post(ep.port, target.replace('busybox', 'evil'), signedHeaders(ep.port, query, 'nonce-2'));
    assert.equal(tampered.body.Code, 'SignatureDoesNotMatch');
    assert.match(tampered.body.Message, /string to sign/);

    const extra = { ...signedHeaders(ep.port, query, 'nonce-3'), 'x-acs-extra': 'sneaked in' };
    const unsigned = await post(ep.port, target, extra);
    assert.equal(unsigned.body.Code, 'IncompleteSignature');
    assert.match(unsigned.body.Message, /x-acs-extra/);

    const wrongSecret = await post(ep.port, target, signedHeaders(ep.port, query, 'nonce-4', 'not-the-secret'));
    assert.equal(wrongSecret.body.Code, 'SignatureDoesNotMatch');

    assert.deepEqual(
      ep.requests.map((r) => r.signature),
      ['valid', 'valid', 'invalid', 'invalid', 'invalid'],
    );
    assert.equal(ep.groups.size, 0);
  } finally {
    await ep.close();
  }
});
