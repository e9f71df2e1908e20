// `eci price` and `eci validate --online` against the simulator (real signed calls to ECI, VPC, ECS
// through one --endpoint): the hourly price as a number, the account checks as warnings with the
// editor's rule ids in text, json and sarif; nothing sent without --online.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../simulator/src';
import { makeTree, runCli } from './helpers';

const ID = 'LTAI5tCliAccountTest01';
const SECRET = 'cli-account-secret-Hq2Xz8';
const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET };

const MISMATCHED = `RegionId: cn-hangzhou
ContainerGroupName: web
ZoneId: cn-hangzhou-i
VSwitchId: vsw-bp1sim0prodh00000001
SecurityGroupId: sg-bp1sim0devall00000003
Cpu: 2
Memory: 4
Container:
  - Name: web
    Image: nginx:1.27
`;
const SPOT = `RegionId: cn-hangzhou
ContainerGroupName: batch
ZoneId: cn-hangzhou-h
SpotStrategy: SpotAsPriceGo
Container:
  - Name: a
    Image: busybox
    Cpu: 1
    Memory: 2
  - Name: b
    Image: busybox
    Cpu: 1
    Memory: 2
`;
const BROKEN = `RegionId: cn-hangzhou
ContainerGroupName: web
Cpu: many
Container:
  - Name: web
    Image: nginx
`;
const tree = makeTree({ 'web.eci.yaml': MISMATCHED, 'spot.eci.yaml': SPOT, 'broken.eci.yaml': BROKEN });
let sim: Simulator;
let url: string;
before(async () => {
  sim = await startSimulator({ accessKeys: { [ID]: { secret: SECRET } } });
  url = `http://${sim.endpoint}`;
});
after(async () => {
  await sim.close();
  tree.dispose();
});

test('eci price: the hourly price, what was converted; --json gives it as a number; spot prices when spot is asked', async () => {
  const r = await runCli(['price', '--endpoint', url, 'web.eci.yaml'], { cwd: tree.dir, env });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Estimated price: 0\.4411 CNY per hour$/m);
  assert.match(r.stdout, /per second \(0\.00012252 CNY\): multiplied by 3600/);
  const j = await runCli(['price', '--json', '--endpoint', url, 'spot.eci.yaml'], { cwd: tree.dir, env });
  assert.equal(j.code, 0, j.stderr);
  const out = JSON.parse(j.stdout) as {
    pricePerHour: number;
    currency: string;
    spot: { ZoneId: string; spotPricePerHour: number }[];
    sizeFrom: string;
  };
  assert.equal(out.pricePerHour, 0.441072);
  assert.equal(typeof out.pricePerHour, 'number');
  assert.equal(out.currency, 'CNY');
  assert.equal(out.sizeFrom, 'containers');
  assert.deepEqual(
    out.spot.map((s) => s.ZoneId),
    ['cn-hangzhou-h'],
  );
  const ja = await runCli(['price', '--locale', 'ja', '--endpoint', url, 'web.eci.yaml'], { cwd: tree.dir, env });
  assert.match(ja.stdout, /推定価格: 0\.4411 CNY \/ 時間/);
});

test('eci price: a document with errors gets no price and says why (exit 1), nothing sent; a region mismatch is a usage error', async () => {
  const before = sim.requests.length;
  const r = await runCli(['price', '--endpoint', url, 'broken.eci.yaml'], { cwd: tree.dir, env });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /no price: the document has 1 error/);
  const u = await runCli(['price', '--region', 'cn-beijing', '--endpoint', url, 'web.eci.yaml'], {
    cwd: tree.dir,
    env,
  });
  assert.equal(u.code, 2);
  assert.equal(sim.requests.length, before);
});

test('eci validate --online: account warnings with their rule ids on their lines (text, json, sarif); without --online, nothing sent', async () => {
  const before = sim.requests.length;
  const offline = await runCli(['validate', 'web.eci.yaml'], { cwd: tree.dir, env });
  assert.equal(offline.code, 0);
  assert.doesNotMatch(offline.stdout, /account\./);
  assert.equal(sim.requests.length, before);

  const text = await runCli(['validate', '--online', '--endpoint', url, 'web.eci.yaml'], { cwd: tree.dir, env });
  assert.equal(text.code, 0, text.stderr);
  assert.match(
    text.stdout,
    /^web\.eci\.yaml:3:9: warning account\.zone-mismatch: ZoneId is cn-hangzhou-i, but vSwitch vsw-bp1sim0prodh00000001 is in zone cn-hangzhou-h/m,
  );
  assert.match(text.stdout, /^web\.eci\.yaml:5:18: warning account\.security-group-vpc: /m);
  assert.match(text.stderr, /Account facts of cn-hangzhou looked up at/);
  const mine = sim.requests.slice(before);
  assert.ok(mine.every((r) => r.signature === 'valid'));
  assert.deepEqual([...new Set(mine.map((r) => r.version))].sort(), ['2014-05-26', '2016-04-28', '2018-08-08']);

  const json = await runCli(['validate', '--online', '--format', 'json', '--endpoint', url, 'web.eci.yaml'], {
    cwd: tree.dir,
    env,
  });
  assert.match(json.stdout, /"account\.zone-mismatch"/);
  const sarif = JSON.parse(
    (
      await runCli(['validate', '--online', '--format', 'sarif', '--endpoint', url, 'web.eci.yaml'], {
        cwd: tree.dir,
        env,
      })
    ).stdout,
  ) as { runs: { results: { ruleId: string; level: string }[]; tool: { driver: { rules: { id: string }[] } } }[] };
  const results = sarif.runs[0].results.filter((x) => x.ruleId.startsWith('account.'));
  assert.deepEqual(results.map((x) => [x.ruleId, x.level]).sort(), [
    ['account.security-group-vpc', 'warning'],
    ['account.zone-mismatch', 'warning'],
  ]);
  assert.ok(sarif.runs[0].tool.driver.rules.some((r) => r.id === 'account.no-stock'));
});

test('eci validate --online without credentials: exit 2, nothing sent; with a wrong key: the account checks skipped, said once', async () => {
  const before = sim.requests.length;
  const none = await runCli(['validate', '--online', '--endpoint', url, 'web.eci.yaml'], { cwd: tree.dir });
  assert.equal(none.code, 2);
  assert.equal(sim.requests.length, before);
  const wrong = await runCli(['validate', '--online', '--endpoint', url, 'web.eci.yaml'], {
    cwd: tree.dir,
    env: { ...env, ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'wrong' },
  });
  assert.equal(wrong.code, 0);
  assert.match(wrong.stderr, /Account checks skipped for cn-hangzhou: nothing could be looked up/);
  assert.doesNotMatch(wrong.stdout, /account\./);
});
