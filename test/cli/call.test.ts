// `eci dry-run` and `eci create` against the local ECI endpoint (real signed wire protocol):
// outcomes, exit codes, --json, progress on stderr, secrets never printed, usage checks before sending.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { closedPort, startEciEndpoint, type EciEndpoint } from '../support/eciEndpoint';
import { makeTree, runCli, startCli, onTerminal, lineOf, VALID_DOCUMENT } from './helpers';

const ACCESS_KEY_ID = 'LTAI5tCliTestKey0001';
const ACCESS_KEY_SECRET = 'cli-test-secret-Zq8Jf2Lw9Xv4';
const REGISTRY_PASSWORD = 'registry-pass-Ux71';

const DOCUMENT = `${VALID_DOCUMENT}ImageRegistryCredential:
  - Server: registry.example.com
    UserName: deploy
    Password: ${REGISTRY_PASSWORD}
`;
const WITH_TOKEN = `${VALID_DOCUMENT}ClientToken: cli-token-0001
`;
const BROKEN = `RegionId: cn-hangzhou
ContainerGroupName: web
Container:
  - Name: nginx
    Cpu: many
`;

const ALIYUN_CONFIG = JSON.stringify({
  current: 'default',
  profiles: [
    { name: 'default', mode: 'AK', access_key_id: 'LTAI5tWrongDefault99', access_key_secret: 'wrong-default-secret' },
    { name: 'ci', mode: 'AK', access_key_id: ACCESS_KEY_ID, access_key_secret: ACCESS_KEY_SECRET },
  ],
});

const tree = makeTree({
  'app.eci.yaml': DOCUMENT,
  'token.eci.yaml': WITH_TOKEN,
  'broken.eci.yaml': BROKEN,
  'home/.aliyun/config.json': ALIYUN_CONFIG,
});
let endpoint: EciEndpoint;
let url: string;
const credentials = { ALIBABA_CLOUD_ACCESS_KEY_ID: ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET: ACCESS_KEY_SECRET };

before(async () => {
  endpoint = await startEciEndpoint({ accessKeys: { [ACCESS_KEY_ID]: { secret: ACCESS_KEY_SECRET } } });
  url = `http://${endpoint.endpoint}`;
});
after(async () => {
  await endpoint.close();
  tree.dispose();
});

function eci(args: string[], env: Record<string, string | undefined> = credentials) {
  return runCli(args, { cwd: tree.dir, env });
}

function assertNoSecrets(...outputs: string[]) {
  for (const o of outputs) {
    assert.ok(!o.includes(ACCESS_KEY_SECRET), 'the AccessKey secret was printed');
    assert.ok(!o.includes(REGISTRY_PASSWORD), 'the registry password was printed');
  }
}

test('dry-run: a signed request with DryRun=true; the pass and its RequestId on stdout; exit 0', async () => {
  const before = endpoint.requests.length;
  const r = await eci(['dry-run', '--endpoint', url, 'app.eci.yaml']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Dry run passed/m);
  const requestId = /^RequestId: (\S+)$/m.exec(r.stdout)?.[1];
  assert.ok(requestId, r.stdout);
  const received = endpoint.requests.slice(before);
  assert.equal(received.length, 1);
  assert.equal(received[0].signature, 'valid');
  assert.equal(received[0].action, 'CreateContainerGroup');
  assert.equal(received[0].params.DryRun, 'true');
  assert.equal(received[0].params['Container.1.Name'], 'nginx');
  assert.equal(
    received[0].params['ImageRegistryCredential.1.Password'],
    REGISTRY_PASSWORD,
    'the secret reaches the wire',
  );
  assert.match(r.stderr, /Credentials: .*(LTAI\S*\*)/);
  assert.match(r.stderr, new RegExp(`Endpoint: ${url.replace(/[.]/g, '\\.')}`));
  assert.equal(endpoint.groups.size, 0, 'a dry run creates nothing');
  assertNoSecrets(r.stdout, r.stderr);
});

test('create: ContainerGroupId, RequestId and ClientToken on stdout; exactly one group; exit 0', async () => {
  const groupsBefore = endpoint.groups.size;
  const r = await eci(['create', '--endpoint', url, 'token.eci.yaml']);
  assert.equal(r.code, 0, r.stderr);
  const id = /^ContainerGroupId: (\S+)$/m.exec(r.stdout)?.[1];
  assert.ok(id, r.stdout);
  assert.match(r.stdout, /^RequestId: \S+$/m);
  assert.match(r.stdout, /^ClientToken: cli-token-0001$/m);
  assert.equal(endpoint.groups.size, groupsBefore + 1);
  assert.equal(endpoint.groups.get('cli-token-0001'), id);
});

test('create --json: one JSON object on stdout with the outcome; the same ClientToken never creates twice', async () => {
  const first = await eci(['create', '--json', '--endpoint', url, 'token.eci.yaml']);
  assert.equal(first.code, 0, first.stderr);
  const out = JSON.parse(first.stdout);
  assert.equal(out.command, 'create');
  assert.equal(out.outcome, 'created');
  assert.equal(out.ContainerGroupId, endpoint.groups.get('cli-token-0001'));
  assert.equal(out.ClientToken, 'cli-token-0001');
  assert.equal(out.RegionId, 'cn-hangzhou');
  assert.equal(out.credential.source, 'env');
  assert.ok(typeof out.RequestId === 'string' && out.RequestId.length > 0);
  assertNoSecrets(first.stdout, first.stderr);
});

test('create without a ClientToken: one is generated and printed', async () => {
  const r = await eci(['create', '--json', '--endpoint', url, 'app.eci.yaml']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.ok(out.ClientToken);
  assert.equal(endpoint.groups.get(out.ClientToken), out.ContainerGroupId);
});

test('service error: exit 3, the explanation, Message and RequestId, and the parameter it concerns', async () => {
  endpoint.inject({ kind: 'error', code: 'InvalidParameter.DuplicatedName' });
  const r = await eci(['dry-run', '--endpoint', url, 'app.eci.yaml']);
  assert.equal(r.code, 3, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /InvalidParameter\.DuplicatedName \(HTTP 400\): Two containers/);
  assert.match(r.stderr, /RequestId: \S+/);
  const nameLine = lineOf(DOCUMENT, '- Name: nginx') + 1;
  assert.match(
    r.stderr,
    new RegExp(
      `^app\\.eci\\.yaml:${nameLine}:\\d+: error InvalidParameter\\.DuplicatedName: Container\\.1\\.Name`,
      'm',
    ),
  );
  assertNoSecrets(r.stdout, r.stderr);
});

test('service error with --json and --locale ja: the Japanese explanation and the located parameter', async () => {
  endpoint.inject({ kind: 'error', code: 'InvalidParameter.DuplicatedName' });
  const r = await eci(['dry-run', '--json', '--locale', 'ja', '--endpoint', url, 'app.eci.yaml']);
  assert.equal(r.code, 3, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.outcome, 'service-error');
  assert.equal(out.Code, 'InvalidParameter.DuplicatedName');
  assert.equal(out.HttpStatus, 400);
  assert.match(out.explanation, /[\u3040-\u30ff]/);
  assert.deepEqual(
    out.parameters.map((p: { key: string; line: number }) => [p.key, p.line]),
    [['Container.1.Name', lineOf(DOCUMENT, '- Name: nginx') + 1]],
  );
});

test('a wrong AccessKey secret: the endpoint rejects the signature; exit 3', async () => {
  const r = await eci(['dry-run', '--endpoint', url, 'app.eci.yaml'], {
    ...credentials,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'not-the-secret',
  });
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stderr, /^SignatureDoesNotMatch \(HTTP 400\): /m);
  assert.equal(endpoint.requests.at(-1)?.signature, 'invalid');
  assert.ok(!r.stderr.includes('not-the-secret'));
});

test('network failure: nothing listens on the port; exit 4, named as refused, with the attempt count', async () => {
  const port = await closedPort();
  const r = await eci(['dry-run', '--max-attempts', '1', '--endpoint', `http://127.0.0.1:${port}`, 'app.eci.yaml']);
  assert.equal(r.code, 4, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /\(refused, after 1 attempt\)/);
  assert.match(r.stderr, new RegExp(`127\\.0\\.0\\.1:${port}`));
  const json = await eci([
    'create',
    '--json',
    '--max-attempts',
    '1',
    '--endpoint',
    `http://127.0.0.1:${port}`,
    'token.eci.yaml',
  ]);
  assert.equal(json.code, 4);
  const out = JSON.parse(json.stdout);
  assert.equal(out.outcome, 'network-error');
  assert.equal(out.kind, 'refused');
  assert.equal(out.attempts, 1);
  assert.equal(out.ClientToken, 'cli-token-0001');
});

test('a non-JSON 502 page is a network failure (bad-response); exit 4', async () => {
  endpoint.inject({ kind: 'html', status: 502 });
  const r = await eci(['dry-run', '--json', '--max-attempts', '1', '--endpoint', url, 'app.eci.yaml']);
  assert.equal(r.code, 4, r.stderr);
  assert.equal(JSON.parse(r.stdout).kind, 'bad-response');
});

test('a slow answer: one progress line on stderr (not a terminal), stdout stays one JSON object', async () => {
  endpoint.inject({ kind: 'slow', delayMs: 1500 });
  const r = await eci(['dry-run', '--json', '--endpoint', url, 'app.eci.yaml']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).outcome, 'dry-run-passed');
  const progress = r.stderr.split('\n').filter((l) => l.includes(`sending to ${endpoint.endpoint}`));
  assert.equal(progress.length, 1, r.stderr);
  assert.ok(!r.stderr.includes('\r'), 'no in-place rewriting when stderr is not a terminal');
});

test('a slow answer on a terminal: the progress line is rewritten in place and erased', async () => {
  endpoint.inject({ kind: 'slow', delayMs: 2500 });
  const r = await startCli(['dry-run', '--endpoint', url, 'app.eci.yaml'], {
    cwd: tree.dir,
    env: { ...credentials, TERM: 'xterm' },
    wrap: onTerminal,
  }).done;
  assert.equal(r.code, 0, r.stdout + r.stderr);
  // On the pseudo-terminal stdout and stderr are one stream.
  assert.match(r.stdout, /\r\x1b\[2K[^\r]*dry run: waiting for 127\.0\.0\.1:\d+… \ds/);
  assert.match(r.stdout, /\r\x1b\[2K(\x1b\[[0-9;]*m)*Dry run passed/, 'the line is erased before the outcome');
  assert.ok(!r.stdout.includes('sending to'), 'the single-line form is for non-terminals');
});

test('Ctrl-C during a call: the call is cancelled; exit 130', async () => {
  endpoint.inject({ kind: 'hang' });
  const before = endpoint.requests.length;
  const run = startCli(['dry-run', '--endpoint', url, 'app.eci.yaml'], { cwd: tree.dir, env: credentials });
  await endpoint.waitForRequests(before + 1);
  run.child.kill('SIGINT');
  const r = await run.done;
  assert.equal(r.code, 130, r.stderr);
  assert.match(r.stderr, /Cancelled\./);
  assert.equal(r.stdout, '');
});

test('--profile picks a profile of the aliyun CLI config, and the source is named', async () => {
  const home = tree.path('home');
  const r = await eci(['dry-run', '--profile', 'ci', '--endpoint', url, 'app.eci.yaml'], { HOME: home });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /Credentials: aliyun CLI profile "ci"/);
  // Without --profile the config's current profile (a key the endpoint does not know) is used.
  const current = await eci(['dry-run', '--json', '--endpoint', url, 'app.eci.yaml'], { HOME: home });
  assert.equal(current.code, 3, current.stderr);
  const missing = await eci(['dry-run', '--profile', 'nobody', '--endpoint', url, 'app.eci.yaml'], { HOME: home });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no profile "nobody"/);
  assertNoSecrets(r.stdout, r.stderr, current.stdout, current.stderr, missing.stderr);
  assert.ok(!(current.stdout + current.stderr + missing.stderr).includes('wrong-default-secret'));
});

test('a document with errors is not sent: exit 1, diagnostics on stderr (and as JSON with --json)', async () => {
  const before = endpoint.requests.length;
  const r = await eci(['create', '--endpoint', url, 'broken.eci.yaml']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^broken\.eci\.yaml:5:\d+: error schema\.type: /m);
  const json = await eci(['dry-run', '--json', '--endpoint', url, 'broken.eci.yaml']);
  assert.equal(json.code, 1);
  const out = JSON.parse(json.stdout);
  assert.equal(out.outcome, 'invalid');
  assert.ok(out.diagnostics.some((d: { rule: string; line: number }) => d.rule === 'schema.type' && d.line === 5));
  assert.equal(endpoint.requests.length, before, 'nothing reached the endpoint');
});

test('set-up problems are exit 2 before anything is sent: no credentials, --region mismatch, bad --endpoint', async () => {
  const before = endpoint.requests.length;
  const none = await eci(['dry-run', '--endpoint', url, 'app.eci.yaml'], {});
  assert.equal(none.code, 2, none.stderr);
  assert.match(none.stderr, /ALIBABA_CLOUD_ACCESS_KEY_ID/);
  const region = await eci(['create', '--region', 'cn-shanghai', '--endpoint', url, 'app.eci.yaml']);
  assert.equal(region.code, 2);
  assert.match(region.stderr, /--region cn-shanghai does not match the document's RegionId cn-hangzhou/);
  const same = await eci(['dry-run', '--region', 'cn-hangzhou', '--endpoint', url, 'app.eci.yaml']);
  assert.equal(same.code, 0, same.stderr);
  const badEndpoint = await eci(['dry-run', '--endpoint', 'ftp://127.0.0.1/x', 'app.eci.yaml']);
  assert.equal(badEndpoint.code, 2);
  assert.match(badEndpoint.stderr, /--endpoint 'ftp:\/\/127\.0\.0\.1\/x' is not usable/);
  const badAttempts = await eci(['create', '--max-attempts', '0', 'app.eci.yaml']);
  assert.equal(badAttempts.code, 2);
  assert.equal(endpoint.requests.length, before + 1, 'only the matching --region run was sent');
});
