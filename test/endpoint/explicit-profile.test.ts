// An explicitly chosen profile (CLI --profile, the editor's eci.profile) is the only source asked:
// environment keys and a stored key never win over it, and a profile that does not exist or does
// not work is an error naming it, as with `aliyun --profile`.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isCredentialsNotFound } from '../../calls/src/credential';
import { resolveCredential } from '../../calls/src/credentialChain';
import { describeCredential } from '../../calls/src/describe';

const ENV_KEY = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tFromEnvironment02',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret-gggggggggggggggg',
};
const PROD = { id: 'LTAI5tCliProdProfile001', secret: 'cli-prod-secret-hhhhhhhhhhhh' };
const INI = { id: 'LTAI5tIniStagingSection1', secret: 'ini-staging-secret-iiiiiiiii' };

function home(): string {
  const dir = mkdtempSync(join(tmpdir(), 'eci-explicit-profile-'));
  mkdirSync(join(dir, '.aliyun'));
  writeFileSync(
    join(dir, '.aliyun', 'config.json'),
    JSON.stringify({
      current: 'default',
      profiles: [
        {
          name: 'default',
          mode: 'AK',
          access_key_id: 'LTAI5tCliDefault000002',
          access_key_secret: 'cli-default-secret-jjjjjjj',
        },
        { name: 'prod', mode: 'AK', access_key_id: PROD.id, access_key_secret: PROD.secret },
        { name: 'broken', mode: 'Weird', access_key_secret: 'broken-secret-kkkkkkkkkkkk' },
      ],
    }),
  );
  mkdirSync(join(dir, '.alibabacloud'));
  writeFileSync(
    join(dir, '.alibabacloud', 'credentials'),
    `[staging]\ntype = access_key\naccess_key_id = ${INI.id}\naccess_key_secret = ${INI.secret}\n`,
  );
  return dir;
}

test('--profile prod with environment keys set: the profile is used, not the environment', async () => {
  const dir = home();
  try {
    const cred = await resolveCredential({ homeDir: dir, env: { ...ENV_KEY }, profile: 'prod' });
    assert.equal(cred.source, 'aliyun-cli-profile');
    assert.equal(cred.profile, 'prod');
    assert.equal(cred.accessKeyIdHint, 'LTAI****e001');
    // Without the explicit profile the environment comes first, as the default chain says.
    const chain = await resolveCredential({ homeDir: dir, env: { ...ENV_KEY } });
    assert.equal(chain.source, 'env');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an explicit profile wins over a stored access key', async () => {
  const dir = home();
  try {
    const cred = await resolveCredential({
      homeDir: dir,
      env: {},
      profile: 'prod',
      explicitKey: { accessKeyId: 'LTAI5tStoredInEditor01', accessKeySecret: 'stored-secret-llllllllll' },
    });
    assert.equal(cred.source, 'aliyun-cli-profile');
    assert.equal(cred.profile, 'prod');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a profile only the credentials file has is taken from its section', async () => {
  const dir = home();
  try {
    const cred = await resolveCredential({ homeDir: dir, env: { ...ENV_KEY }, profile: 'staging' });
    assert.equal(cred.source, 'credentials-file');
    assert.equal(cred.profile, 'staging');
    assert.equal(cred.accessKeyIdHint, 'LTAI****ion1');
    assert.match(describeCredential(cred, 'ja'), /credentials のセクション \[staging\]/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a profile that does not exist fails with its name and the profiles that do, even with environment keys set', async () => {
  const dir = home();
  try {
    await assert.rejects(resolveCredential({ homeDir: dir, env: { ...ENV_KEY }, profile: 'nobody' }), (e: unknown) => {
      assert.ok(isCredentialsNotFound(e));
      assert.match(e.message, /credentials profile "nobody" was asked for but does not exist/);
      assert.match(e.message, /profiles: default, prod, broken/);
      assert.match(e.message, /sections: staging/);
      assert.match(e.message, /aliyun configure --profile nobody/);
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a profile that exists but does not work is an error, not a fall-back to the environment', async () => {
  const dir = home();
  try {
    await assert.rejects(resolveCredential({ homeDir: dir, env: { ...ENV_KEY }, profile: 'broken' }), (e: unknown) => {
      assert.ok(isCredentialsNotFound(e));
      assert.match(e.message, /profile "broken" in .*config\.json does not work/);
      assert.ok(!e.message.includes('broken-secret-kkkkkkkkkkkk'), 'no secret in the message');
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
