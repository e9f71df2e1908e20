// `eci create` after a lost answer: the ClientToken is printed with what to do, and sending again
// with it (in the document or with --client-token) returns the same group. Also: --json outcomes
// carry credential, endpoint, ClientToken and requestSent; an explicit --profile is the only source;
// network details and the credential line follow --locale ja.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { closedPort, startEciEndpoint, type EciEndpoint } from '../support/eciEndpoint';
import { makeTree, runCli, VALID_DOCUMENT } from './helpers';

const ACCESS_KEY_ID = 'LTAI5tCliRecovery0001';
const ACCESS_KEY_SECRET = 'cli-recovery-secret-Pq7Rt';
const PROD_KEY_ID = 'LTAI5tCliProdProfile02';
const PROD_KEY_SECRET = 'cli-prod-secret-Mn4Bv';

const tree = makeTree({
  'app.eci.yaml': VALID_DOCUMENT,
  'again.eci.yaml': VALID_DOCUMENT,
  'token.eci.yaml': `${VALID_DOCUMENT}ClientToken: doc-token-0001\n`,
  'home/.aliyun/config.json': JSON.stringify({
    current: 'default',
    profiles: [
      {
        name: 'default',
        mode: 'AK',
        access_key_id: 'LTAI5tWrongDefault77',
        access_key_secret: 'wrong-default-secret-2',
      },
      { name: 'prod', mode: 'AK', access_key_id: PROD_KEY_ID, access_key_secret: PROD_KEY_SECRET },
    ],
  }),
});
let endpoint: EciEndpoint;
let url: string;
const credentials = { ALIBABA_CLOUD_ACCESS_KEY_ID: ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET: ACCESS_KEY_SECRET };

before(async () => {
  endpoint = await startEciEndpoint({
    accessKeys: { [ACCESS_KEY_ID]: { secret: ACCESS_KEY_SECRET }, [PROD_KEY_ID]: { secret: PROD_KEY_SECRET } },
  });
  url = `http://${endpoint.endpoint}`;
});
after(async () => {
  await endpoint.close();
  tree.dispose();
});

const eci = (args: string[], env: Record<string, string | undefined> = credentials) =>
  runCli(args, { cwd: tree.dir, env });

test('create: answer lost, then timeouts: says the group MAY exist, prints the ClientToken and how to send it again; --client-token then returns the same group', async () => {
  const groupsBefore = endpoint.groups.size;
  endpoint.inject({ kind: 'drop-after-create' }, { kind: 'hang' }, { kind: 'hang' });
  const r = await eci(['create', '--endpoint', url, '--timeout', '1', '--max-attempts', '3', 'app.eci.yaml']);
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /MAY have been created/);
  const token = /^ {2}ClientToken: (\S+)$/m.exec(r.stderr)?.[1];
  assert.ok(token, r.stderr);
  assert.ok(endpoint.groups.has(token!), 'the printed token is the one the lost create used');
  assert.equal(endpoint.groups.size, groupsBefore + 1);
  assert.ok(r.stderr.includes(`ClientToken: ${token}  to app.eci.yaml`), r.stderr);
  assert.ok(r.stderr.includes(`eci create --client-token ${token} app.eci.yaml`), r.stderr);

  const again = await eci(['create', '--endpoint', url, '--client-token', token!, '--json', 'again.eci.yaml']);
  assert.equal(again.code, 0, again.stderr);
  const created = JSON.parse(again.stdout) as Record<string, unknown>;
  assert.equal(created.ContainerGroupId, endpoint.groups.get(token!));
  assert.equal(created.ClientToken, token);
  assert.equal(endpoint.groups.size, groupsBefore + 1, 'no second group');

  // The same, with the token written into the document.
  writeFileSync(tree.path('again.eci.yaml'), `${VALID_DOCUMENT}ClientToken: ${token}\n`);
  const fromDocument = await eci(['create', '--endpoint', url, 'again.eci.yaml']);
  assert.equal(fromDocument.code, 0, fromDocument.stderr);
  assert.ok(fromDocument.stdout.includes(`ContainerGroupId: ${endpoint.groups.get(token!)}`), fromDocument.stdout);
  assert.equal(endpoint.groups.size, groupsBefore + 1);
});

test('create --json after a lost answer: ClientToken, requestSent, mayHaveBeenCreated, credential and endpoint', async () => {
  endpoint.inject({ kind: 'drop-after-create' }, { kind: 'hang' });
  const r = await eci([
    'create',
    '--json',
    '--endpoint',
    url,
    '--timeout',
    '1',
    '--max-attempts',
    '2',
    'token.eci.yaml',
  ]);
  assert.equal(r.code, 4, r.stderr);
  const o = JSON.parse(r.stdout) as Record<string, unknown>;
  assert.equal(o.outcome, 'network-error');
  assert.equal(o.ClientToken, 'doc-token-0001');
  assert.equal(o.requestSent, true);
  assert.equal(o.mayHaveBeenCreated, true);
  assert.equal(o.endpoint, url);
  assert.equal(o.RegionId, 'cn-hangzhou');
  assert.deepEqual((o.detail as Record<string, unknown>).reason, 'no-answer');
  assert.match(String(o.advice), /eci create token\.eci\.yaml/);
  const credential = o.credential as Record<string, unknown>;
  assert.equal(credential.source, 'env');
  assert.equal(credential.accessKeyIdHint, 'LTAI****0001');
  assert.ok(!r.stdout.includes(ACCESS_KEY_SECRET));
});

test('--json service errors and refused connections carry credential, endpoint, ClientToken and requestSent', async () => {
  endpoint.inject({
    kind: 'error',
    code: 'InvalidParameter',
    status: 400,
    message: 'The specified parameter "Container.1.Image" is not valid.',
  });
  const se = await eci(['create', '--json', '--endpoint', url, '--max-attempts', '1', 'token.eci.yaml']);
  assert.equal(se.code, 3, se.stderr);
  const s = JSON.parse(se.stdout) as Record<string, unknown>;
  assert.equal(s.outcome, 'service-error');
  assert.equal(s.ClientToken, 'doc-token-0001');
  assert.equal(s.requestSent, true);
  assert.equal(s.endpoint, url);
  assert.equal((s.credential as Record<string, unknown>).source, 'env');
  assert.deepEqual(s.parameterPaths, ['Container.1.Image']);
  assert.equal((s.parameters as { key: string }[])[0]?.key, 'Container.1.Image');

  const port = await closedPort();
  const ne = await eci(['create', '--json', '--endpoint', `http://127.0.0.1:${port}`, 'app.eci.yaml']);
  assert.equal(ne.code, 4, ne.stderr);
  const n = JSON.parse(ne.stdout) as Record<string, unknown>;
  assert.equal(n.requestSent, false);
  assert.equal(n.mayHaveBeenCreated, false);
  assert.match(String(n.ClientToken), /^[0-9a-f-]{36}$/);
  assert.deepEqual(n.detail, { reason: 'connection-refused', host: '127.0.0.1', port });
  assert.equal((n.credential as Record<string, unknown>).source, 'env');
});

test('a generic InvalidParameter is placed on the parameter its Message names (text output)', async () => {
  endpoint.inject({
    kind: 'error',
    code: 'InvalidParameter',
    status: 400,
    message: 'The specified parameter "Container.1.Image" is not valid.',
  });
  const r = await eci(['dry-run', '--endpoint', url, '--max-attempts', '1', 'app.eci.yaml']);
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stderr, /app\.eci\.yaml:9:\d+: error InvalidParameter: Container\.1\.Image:/);
});

test("--client-token never overwrites the document's ClientToken: a different one is exit 2", async () => {
  const before = endpoint.requests.length;
  const r = await eci(['create', '--endpoint', url, '--client-token', 'other-token', 'token.eci.yaml']);
  assert.equal(r.code, 2);
  assert.match(
    r.stderr,
    /--client-token other-token differs from the ClientToken doc-token-0001 written in token\.eci\.yaml/,
  );
  assert.equal(endpoint.requests.length, before, 'nothing sent');
  const bad = await eci(['create', '--endpoint', url, '--client-token', 'has space', 'app.eci.yaml']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /is not a ClientToken/);
  const help = await eci(['create', '--help']);
  assert.match(help.stdout, /--client-token TOKEN/);
});

test('--profile prod with environment keys set: the profile is used; a missing profile is exit 2 even then', async () => {
  const home = tree.path('home');
  const r = await eci(['dry-run', '--json', '--profile', 'prod', '--endpoint', url, 'app.eci.yaml'], {
    ...credentials,
    HOME: home,
  });
  assert.equal(r.code, 0, r.stderr);
  const o = JSON.parse(r.stdout) as { credential: Record<string, unknown> };
  assert.equal(o.credential.source, 'aliyun-cli-profile');
  assert.equal(o.credential.profile, 'prod');
  assert.equal(endpoint.requests.at(-1)?.accessKeyId, PROD_KEY_ID);
  const missing = await eci(['dry-run', '--profile', 'nobody', '--endpoint', url, 'app.eci.yaml'], {
    ...credentials,
    HOME: home,
  });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /credentials profile "nobody" was asked for but does not exist/);
});

test('--locale ja: the network details and the credential line are in Japanese', async () => {
  const port = await closedPort();
  const r = await eci(['--locale', 'ja', 'create', '--endpoint', `http://127.0.0.1:${port}`, 'app.eci.yaml']);
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /認証情報: 環境変数 ALIBABA_CLOUD_ACCESS_KEY_ID/);
  assert.match(r.stderr, new RegExp(`127\\.0\\.0\\.1:${port} への接続が拒否されました`));
  assert.doesNotMatch(r.stderr, /was refused|environment variables/);
  assert.match(r.stderr, /何も作成されていません/);
});
