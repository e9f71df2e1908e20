// Issue 16 items 12 and 14: a malformed ~/.aliyun/config.json, and access keys that are blank or hold
// control characters, are set-up problems named with their source and what is wrong, before any
// request (never a TypeError, never a key sent to fail as IncompleteSignature).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentialFromKey, isCredentialsNotFound, keyMaterialProblem } from '../../calls/src/credential';
import { resolveCredential } from '../../calls/src/credentialChain';

const SECRET = 'setup-secret-value-Zk4Qm8Rw';

function withHome(config: string | undefined, fn: (home: string) => Promise<void>): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'eci-setup-home-'));
  if (config !== undefined) {
    mkdirSync(join(home, '.aliyun'));
    writeFileSync(join(home, '.aliyun', 'config.json'), config);
  }
  return fn(home).finally(() => rmSync(home, { recursive: true, force: true }));
}

async function notFound(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    assert.ok(isCredentialsNotFound(e), `a CredentialsNotFound, not ${(e as Error).stack}`);
    return e.message;
  }
  assert.fail('resolved a credential');
}

const profile = { name: 'default', mode: 'AK', access_key_id: 'LTAI5tSetupTest00001', access_key_secret: SECRET };
const MALFORMED: [config: string, expected: RegExp][] = [
  [
    JSON.stringify({ current: 'default', profiles: { default: profile } }),
    /"profiles" is an object, not a list of profiles/,
  ],
  [JSON.stringify('x'), /it holds a string, not an object/],
  [JSON.stringify([null]), /it holds a list, not an object/],
  ['null', /it holds null, not an object/],
  [JSON.stringify({ current: 'default', profiles: [null, profile] }), /profile 1 of "profiles" is null, not an object/],
  [JSON.stringify({ current: 7, profiles: [profile] }), /"current" is a number, not a profile name/],
  [
    JSON.stringify({ current: 'default', profiles: [{ ...profile, name: 5 }] }),
    /profile 1 of "profiles" has a "name" that is a number/,
  ],
];

for (const [config, expected] of MALFORMED) {
  test(`a malformed aliyun CLI config is named in "sources tried": ${config.slice(0, 60)}`, async () => {
    await withHome(config, async (home) => {
      const message = await notFound(resolveCredential({ homeDir: home, env: {} }));
      assert.match(message, /Sources tried:/);
      assert.match(
        message,
        new RegExp(
          `aliyun-cli-profile: ${join(home, '.aliyun', 'config.json').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is malformed: `,
        ),
      );
      assert.match(message, expected);
      assert.ok(!message.includes(SECRET));
      // An explicit --profile: the same words, not a TypeError.
      const explicit = await notFound(resolveCredential({ homeDir: home, env: {}, profile: 'default' }));
      assert.match(explicit, expected);
      assert.ok(!explicit.includes(SECRET));
    });
  });
}

const BAD_KEYS: [id: string, secret: string, expected: RegExp][] = [
  [' ', SECRET, /ALIBABA_CLOUD_ACCESS_KEY_ID is blank/],
  ['\t\t', SECRET, /ALIBABA_CLOUD_ACCESS_KEY_ID is blank/],
  ['LTAI5t\u0001Control', SECRET, /ALIBABA_CLOUD_ACCESS_KEY_ID contains a control character \(U\+0001\) at position 7/],
  ['LTAI5tTrailingNewline\n', SECRET, /ALIBABA_CLOUD_ACCESS_KEY_ID contains white space \(U\+000A\) at position 22/],
  ['LTAI5tFineKeyId00001', ' ', /ALIBABA_CLOUD_ACCESS_KEY_SECRET is blank/],
  [
    'LTAI5tFineKeyId00001',
    `${SECRET}\u007f`,
    /ALIBABA_CLOUD_ACCESS_KEY_SECRET contains a control character \(U\+007F\)/,
  ],
];

for (const [id, secret, expected] of BAD_KEYS) {
  test(`an environment key that cannot be sent is refused, naming the variable: ${JSON.stringify(id)} / ${expected.source.slice(0, 40)}`, async () => {
    await withHome(undefined, async (home) => {
      const message = await notFound(
        resolveCredential({
          homeDir: home,
          env: { ALIBABA_CLOUD_ACCESS_KEY_ID: id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: secret },
        }),
      );
      assert.match(message, /- env: environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/);
      assert.match(message, expected);
      assert.ok(!message.includes(SECRET));
    });
  });
}

test('a profile of the aliyun CLI config whose key holds a control character is refused, naming the profile', async () => {
  const config = JSON.stringify({
    current: 'default',
    profiles: [{ ...profile, access_key_id: 'LTAI5t\u0007Bell0000' }],
  });
  await withHome(config, async (home) => {
    const chain = await notFound(resolveCredential({ homeDir: home, env: {} }));
    assert.match(
      chain,
      /profile "default" in .*config\.json: the AccessKey ID contains a control character \(U\+0007\) at position 7/,
    );
    const explicit = await notFound(resolveCredential({ homeDir: home, env: {}, profile: 'default' }));
    assert.match(explicit, /the AccessKey ID contains a control character \(U\+0007\)/);
    assert.ok(!(chain + explicit).includes(SECRET));
  });
});

test('an explicit (stored) key with a control character or a blank part is refused', () => {
  assert.throws(
    () => credentialFromKey({ accessKeyId: 'LTAI5t\u0000Nul', accessKeySecret: SECRET }),
    /stored AccessKey ID contains a control character \(U\+0000\)/,
  );
  assert.throws(
    () => credentialFromKey({ accessKeyId: 'LTAI5tFine00001', accessKeySecret: '   ' }),
    /stored AccessKey secret is blank/,
  );
  assert.throws(
    () => credentialFromKey({ accessKeyId: 'LTAI5tFine00001', accessKeySecret: SECRET, securityToken: 'tok\r\nen' }),
    /stored security token contains white space/,
  );
  assert.equal(keyMaterialProblem({ accessKeyId: 'LTAI5tFine00001', accessKeySecret: SECRET }), undefined);
});
