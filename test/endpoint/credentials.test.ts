// Credential resolution says which source answered, and the credential it gives signs requests the
// endpoint accepts; when nothing is set up, the error says what to set up, without secrets.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callCreateContainerGroup } from '../../calls/src/operations/createContainerGroup';
import { isCredentialsNotFound, secretValuesOf } from '../../calls/src/credential';
import { resolveCredential } from '../../calls/src/credentialChain';
import { startEciEndpoint } from '../support/eciEndpoint';
import { MINIMAL, callOptions, wire } from './helpers';

const KEYS = {
  env: { id: 'LTAI5tFromEnvironment01', secret: 'env-secret-aaaaaaaaaaaaaaaa' },
  cliDefault: { id: 'LTAI5tCliDefaultProfile', secret: 'cli-default-secret-bbbbbbbbbb' },
  cliDev: { id: 'LTAI5tCliDevProfile0001', secret: 'cli-dev-secret-cccccccccccccc' },
  ini: { id: 'LTAI5tCredentialsFile01', secret: 'ini-secret-dddddddddddddddd' },
  sts: {
    id: 'STS.NTempKeyFromEnv0001',
    secret: 'sts-secret-eeeeeeeeeeeeeeee',
    token: 'CAIS-security-token-ffffffffffff',
  },
};

function tempHome(): string {
  return mkdtempSync(join(tmpdir(), 'eci-cred-home-'));
}

function writeCliConfig(home: string, content: string): void {
  mkdirSync(join(home, '.aliyun'), { recursive: true });
  writeFileSync(join(home, '.aliyun', 'config.json'), content);
}

const cliConfig = JSON.stringify({
  current: 'default',
  profiles: [
    {
      name: 'default',
      mode: 'AK',
      access_key_id: KEYS.cliDefault.id,
      access_key_secret: KEYS.cliDefault.secret,
      region_id: 'cn-hangzhou',
    },
    {
      name: 'dev',
      mode: 'AK',
      access_key_id: KEYS.cliDev.id,
      access_key_secret: KEYS.cliDev.secret,
      region_id: 'ap-northeast-1',
    },
  ],
});

async function dryRunWith(
  credential: Awaited<ReturnType<typeof resolveCredential>>,
  accessKeys: Record<string, { secret: string; securityToken?: string }>,
) {
  const ep = await startEciEndpoint({ accessKeys });
  try {
    const outcome = await callCreateContainerGroup(callOptions(ep, wire(MINIMAL), { dryRun: true, credential }));
    return { outcome, requests: [...ep.requests] };
  } finally {
    await ep.close();
  }
}

test('environment variables (read from process.env) are reported as the source and sign a request the endpoint accepts', async () => {
  const saved = { ...process.env };
  const home = tempHome();
  try {
    for (const k of Object.keys(process.env)) if (k.startsWith('ALIBABA_CLOUD_')) delete process.env[k];
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = KEYS.env.id;
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = KEYS.env.secret;
    const cred = await resolveCredential({ homeDir: home });
    assert.equal(cred.source, 'env');
    assert.match(cred.description, /ALIBABA_CLOUD_ACCESS_KEY_ID/);
    assert.equal(cred.accessKeyIdHint, 'LTAI****nt01');
    assert.equal(cred.temporary, false);
    assert.ok(!JSON.stringify(cred).includes(KEYS.env.secret), 'no secret in the serialised credential');
    assert.deepEqual(secretValuesOf(cred), [KEYS.env.secret]);
    const { outcome, requests } = await dryRunWith(cred, { [KEYS.env.id]: { secret: KEYS.env.secret } });
    assert.equal(outcome.type, 'dry-run-passed', JSON.stringify(outcome));
    assert.equal(requests[0].accessKeyId, KEYS.env.id);
    assert.equal(requests[0].signature, 'valid');
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    rmSync(home, { recursive: true, force: true });
  }
});

test('an STS key from the environment sends its security token, which the endpoint checks', async () => {
  const home = tempHome();
  try {
    const cred = await resolveCredential({
      homeDir: home,
      env: {
        ALIBABA_CLOUD_ACCESS_KEY_ID: KEYS.sts.id,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEYS.sts.secret,
        ALIBABA_CLOUD_SECURITY_TOKEN: KEYS.sts.token,
      },
    });
    assert.equal(cred.source, 'env');
    assert.equal(cred.temporary, true);
    assert.match(cred.description, /ALIBABA_CLOUD_SECURITY_TOKEN/);
    const { outcome, requests } = await dryRunWith(cred, {
      [KEYS.sts.id]: { secret: KEYS.sts.secret, securityToken: KEYS.sts.token },
    });
    assert.equal(outcome.type, 'dry-run-passed', JSON.stringify(outcome));
    assert.equal(requests[0].headers['x-acs-security-token'], KEYS.sts.token);
    assert.equal(requests[0].headers['x-acs-accesskey-id'], KEYS.sts.id);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test("the aliyun CLI's config in HOME: the current profile, or the one asked for, is reported and used", async () => {
  const home = tempHome();
  try {
    writeCliConfig(home, cliConfig);
    const current = await resolveCredential({ homeDir: home, env: {} });
    assert.equal(current.source, 'aliyun-cli-profile');
    assert.equal(current.profile, 'default');
    assert.match(current.description, /aliyun CLI profile "default" \(mode AK\)/);
    assert.ok(current.description.includes(join(home, '.aliyun', 'config.json')));

    const dev = await resolveCredential({ homeDir: home, env: {}, profile: 'dev' });
    assert.equal(dev.profile, 'dev');
    assert.equal(dev.accessKeyIdHint, 'LTAI****0001');
    const { outcome, requests } = await dryRunWith(dev, { [KEYS.cliDev.id]: { secret: KEYS.cliDev.secret } });
    assert.equal(outcome.type, 'dry-run-passed', JSON.stringify(outcome));
    assert.equal(requests[0].accessKeyId, KEYS.cliDev.id);

    // ALIBABA_CLOUD_PROFILE names the profile when no option does.
    const viaEnv = await resolveCredential({ homeDir: home, env: { ALIBABA_CLOUD_PROFILE: 'dev' } });
    assert.equal(viaEnv.profile, 'dev');
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('environment variables come before the aliyun CLI config', async () => {
  const home = tempHome();
  try {
    writeCliConfig(home, cliConfig);
    const cred = await resolveCredential({
      homeDir: home,
      env: { ALIBABA_CLOUD_ACCESS_KEY_ID: KEYS.env.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEYS.env.secret },
    });
    assert.equal(cred.source, 'env');
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('~/.alibabacloud/credentials is used when nothing comes before it', async () => {
  const home = tempHome();
  const saved = process.env.ALIBABA_CLOUD_CREDENTIALS_FILE;
  try {
    delete process.env.ALIBABA_CLOUD_CREDENTIALS_FILE;
    mkdirSync(join(home, '.alibabacloud'), { recursive: true });
    writeFileSync(
      join(home, '.alibabacloud', 'credentials'),
      `[default]\ntype = access_key\naccess_key_id = ${KEYS.ini.id}\naccess_key_secret = ${KEYS.ini.secret}\n`,
    );
    const cred = await resolveCredential({ homeDir: home, env: {} });
    assert.equal(cred.source, 'credentials-file');
    assert.equal(cred.profile, 'default');
    assert.match(cred.description, /section \[default\]/);
    const { outcome } = await dryRunWith(cred, { [KEYS.ini.id]: { secret: KEYS.ini.secret } });
    assert.equal(outcome.type, 'dry-run-passed', JSON.stringify(outcome));
  } finally {
    if (saved !== undefined) process.env.ALIBABA_CLOUD_CREDENTIALS_FILE = saved;
    rmSync(home, { recursive: true, force: true });
  }
});

test('an explicit key (SecretStorage) comes first and is reported as such', async () => {
  const home = tempHome();
  try {
    writeCliConfig(home, cliConfig);
    const cred = await resolveCredential({
      homeDir: home,
      env: {},
      explicitKey: { accessKeyId: KEYS.env.id, accessKeySecret: KEYS.env.secret },
    });
    assert.equal(cred.source, 'explicit');
    // An empty stored key does not block the chain.
    const fallback = await resolveCredential({
      homeDir: home,
      env: {},
      explicitKey: { accessKeyId: KEYS.env.id, accessKeySecret: '' },
    });
    assert.equal(fallback.source, 'aliyun-cli-profile');
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('nothing set up: the error lists what each source lacked and says what to set up', async () => {
  const home = tempHome();
  try {
    await assert.rejects(resolveCredential({ homeDir: home, env: {} }), (e: unknown) => {
      assert.ok(isCredentialsNotFound(e));
      assert.match(e.message, /No Alibaba Cloud credentials were found/);
      assert.match(e.message, /aliyun configure/);
      assert.match(e.message, /ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET/);
      assert.match(e.message, /\.alibabacloud\/credentials/);
      assert.match(e.message, /config\.json does not exist/);
      assert.deepEqual(
        e.attempts.map((a) => a.source),
        ['env', 'oidc', 'aliyun-cli-profile', 'credentials-file', 'instance-metadata'],
      );
      assert.match(e.attempts[4].reason, /not consulted/);
      return true;
    });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('a profile that does not exist is named, with the profiles that do', async () => {
  const home = tempHome();
  try {
    writeCliConfig(home, cliConfig);
    await assert.rejects(resolveCredential({ homeDir: home, env: {}, profile: 'prod' }), (e: unknown) => {
      assert.ok(isCredentialsNotFound(e));
      assert.match(e.message, /profile "prod"/);
      assert.match(e.message, /profiles: default, dev/);
      assert.ok(!e.message.includes(KEYS.cliDefault.secret) && !e.message.includes(KEYS.cliDev.secret));
      return true;
    });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('a broken aliyun CLI config is reported without quoting its secrets', async () => {
  const home = tempHome();
  try {
    writeCliConfig(
      home,
      `{"current": "default", "profiles": [{"name": "default", "mode": "AK", "access_key_secret": "${KEYS.cliDefault.secret}"`,
    );
    await assert.rejects(resolveCredential({ homeDir: home, env: {} }), (e: unknown) => {
      assert.ok(isCredentialsNotFound(e));
      assert.match(e.message, /config\.json is not valid JSON/);
      assert.ok(!e.message.includes(KEYS.cliDefault.secret));
      return true;
    });
    // A profile whose mode the SDK cannot use.
    writeCliConfig(
      home,
      JSON.stringify({
        current: 'odd',
        profiles: [{ name: 'odd', mode: 'Weird', access_key_secret: KEYS.cliDev.secret }],
      }),
    );
    await assert.rejects(resolveCredential({ homeDir: home, env: {} }), (e: unknown) => {
      assert.ok(isCredentialsNotFound(e));
      assert.match(e.message, /unsupported profile mode 'Weird'/);
      assert.ok(!e.message.includes(KEYS.cliDev.secret));
      return true;
    });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('half-set environment variables are named in the error', async () => {
  const home = tempHome();
  try {
    await assert.rejects(
      resolveCredential({ homeDir: home, env: { ALIBABA_CLOUD_ACCESS_KEY_ID: KEYS.env.id } }),
      (e: unknown) => {
        assert.ok(isCredentialsNotFound(e));
        assert.match(e.message, /ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not/);
        return true;
      },
    );
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('a partly set OIDC configuration names the variables that are missing', async () => {
  const home = tempHome();
  try {
    await assert.rejects(
      resolveCredential({ homeDir: home, env: { ALIBABA_CLOUD_ROLE_ARN: 'acs:ram::123:role/ci' } }),
      (e: unknown) => {
        assert.ok(isCredentialsNotFound(e));
        assert.match(
          e.message,
          /oidc: ALIBABA_CLOUD_ROLE_ARN set but ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE not/,
        );
        return true;
      },
    );
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
