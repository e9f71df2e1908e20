// The commands after a create (issue 11), dist/cli.js against the simulator started in-process on the
// real clock: create --wait (Running: exit 0; a crash loop: exit 5 on the document line; the limit:
// exit 6), list, get (a document `eci validate` accepts), status, events, logs (--tail, --previous,
// --follow), exec, restart, delete (--yes), update (--dry-run sends nothing), an unknown id (exit 3
// naming id and region), no region (exit 2), English and Japanese, no secret in any output.
import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { startSimulator, type Simulator } from '../../simulator/src';
import { lineOf, makeTree, runCli, startCli, type CliResult } from './helpers';

const ACCESS_KEY_ID = 'LTAI5tCliLifecycle01';
const ACCESS_KEY_SECRET = 'cli-lifecycle-secret-Hq27Zx';
const REGISTRY_PASSWORD = 'registry-pass-Lc93';

const BASE = `RegionId: cn-hangzhou
ContainerGroupName: NAME
SecurityGroupId: sg-bp1sim0prodweb0000001
VSwitchId: vsw-bp1sim0prodh00000001
Cpu: 2
Memory: 4
Container:
  - Name: app
    Image: IMAGE
    Command:
      - /bin/sh
      - -c
      - COMMAND
`;
const doc = (name: string, command: string, image = 'nginx:1.27') =>
  BASE.replace('NAME', name).replace('IMAGE', image).replace('COMMAND', command);

const tree = makeTree({
  'web.eci.yaml': doc('web', 'echo hello from app; sleep infinity'),
  'crash.eci.yaml': doc('crash', 'echo starting; exit 1'),
  'slow.eci.yaml': doc('slow', 'sleep infinity'),
  'pull.eci.yaml': doc('pull', 'sleep infinity', 'registry.example.com/team/doesnotexist:1'),
});
let sim: Simulator;
let url: string;
const outputs: CliResult[] = [];

before(async () => {
  sim = await startSimulator({
    accessKeys: { [ACCESS_KEY_ID]: { secret: ACCESS_KEY_SECRET } },
    timing: { pendingMs: 1500, crashAfterMs: 300, backoffBaseMs: 10_000, logIntervalMs: 500 },
  });
  url = `http://${sim.endpoint}`;
});
after(async () => {
  await sim.close();
  tree.dispose();
  for (const r of outputs)
    for (const secret of [ACCESS_KEY_SECRET, REGISTRY_PASSWORD])
      assert.ok(!`${r.stdout}${r.stderr}`.includes(secret), 'no secret in any output');
});

const env = (extra: Record<string, string> = {}) => ({
  ALIBABA_CLOUD_ACCESS_KEY_ID: ACCESS_KEY_ID,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: ACCESS_KEY_SECRET,
  ...extra,
});

async function eci(args: string[], extra: Record<string, string> = {}): Promise<CliResult> {
  const dash = args.indexOf('--');
  const withEndpoint =
    dash < 0 ? [...args, '--endpoint', url] : [...args.slice(0, dash), '--endpoint', url, ...args.slice(dash)];
  const r = await runCli(withEndpoint, { cwd: tree.dir, env: env(extra), timeoutMs: 60_000 });
  outputs.push(r);
  return r;
}

/** Resolves once the simulator's log of `container` (its previous run with `previous`) matches `pattern`. */
async function logReaches(id: string, pattern: RegExp, { previous = false, container = 'app' } = {}): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const answer = sim.eci.describeContainerLog(
      {
        RegionId: 'cn-hangzhou',
        ContainerGroupId: id,
        ContainerName: container,
        ...(previous ? { LastTime: 'true' } : {}),
      },
      'test',
    );
    const content = 'body' in answer ? String(answer.body.Content) : '';
    if (pattern.test(content)) return;
    assert.ok(Date.now() < deadline, `the log of ${id} never matched ${pattern}; it is:\n${content}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Resolves with what the running CLI printed, once `done(stdout)` holds. */
async function printed(
  run: { child: { stdout: NodeJS.ReadableStream } },
  done: (stdout: string) => boolean,
): Promise<void> {
  let stdout = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the CLI never printed what was awaited; it printed:\n${stdout}`)),
      20_000,
    );
    run.child.stdout.on('data', (c: Buffer | string) => {
      stdout += c.toString();
      if (done(stdout)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

async function created(file: string): Promise<string> {
  const r = await eci(['create', file]);
  assert.equal(r.code, 0, r.stderr);
  return /ContainerGroupId: (eci-\w+)/.exec(r.stdout)![1];
}

test('create --wait: followed until Running (exit 0), each event printed once', async () => {
  const r = await eci(['create', 'web.eci.yaml', '--wait']);
  assert.equal(r.code, 0, r.stderr);
  const id = /ContainerGroupId: (eci-\w+)/.exec(r.stdout)![1];
  assert.match(r.stdout, new RegExp(`${id} is Running\\.`));
  for (const reason of ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started'])
    assert.equal(r.stderr.split(`Normal  ${reason}:`).length - 1, 1, `${reason} once:\n${r.stderr}`);
});

test('create --wait: a crash loop is exit 5, explained, on the Command line of the document; in Japanese too', async () => {
  const r = await eci(['create', 'crash.eci.yaml', '--wait']);
  assert.equal(r.code, 5, r.stderr);
  assert.match(r.stderr, /The container "app" keeps crashing: it exited with code 1/);
  assert.match(r.stderr, /\| starting/, 'its last log lines');
  const line = lineOf(doc('crash', 'echo starting; exit 1'), '      - /bin/sh') + 1;
  assert.match(
    r.stderr,
    new RegExp(
      `crash\\.eci\\.yaml:${line}:9: error follow\\.crash-loop: Container\\.1\\.Command\\.1: .*from the running group eci-`,
    ),
  );
  const ja = await eci(['create', 'crash.eci.yaml', '--wait', '--locale', 'ja', '--json']);
  assert.equal(ja.code, 5, ja.stderr);
  const j = JSON.parse(ja.stdout);
  assert.equal(j.outcome, 'failed');
  assert.equal(j.failure.kind, 'crash-loop');
  assert.equal(j.failure.exitCode, 1);
  assert.match(j.failure.explanation, /クラッシュを繰り返しています。終了コード 1/);
  assert.deepEqual(
    j.parameters.map((p: { key: string; line: number }) => [p.key, p.line]),
    [['Container.1.Command.1', line]],
  );
  assert.match(j.ContainerGroupId, /^eci-/);
  assert.match(j.ClientToken, /^[0-9a-f-]{36}$/);
});

test('create --wait: an image that cannot be pulled is exit 5 on its Image line', async () => {
  const r = await eci(['create', 'pull.eci.yaml', '--wait']);
  assert.equal(r.code, 5, r.stderr);
  assert.match(
    r.stderr,
    new RegExp(
      `pull\\.eci\\.yaml:${lineOf(doc('pull', 'x'), '    Image:') + 1}:12: error follow\\.image-pull: Container\\.1\\.Image`,
    ),
  );
});

test('status --wait with a limit that passes first: exit 6; status and events', async () => {
  const id = await created('slow.eci.yaml');
  const r = await eci(['status', id, '--wait', '--wait-timeout', '0.5', '--region', 'cn-hangzhou']);
  assert.equal(r.code, 6, r.stderr);
  assert.match(r.stderr, /still Pending after 0\.5 s; the wait limit passed/);
  const s = await eci(['status', id], { ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou' });
  assert.equal(s.code, 0, s.stderr);
  assert.match(s.stdout, new RegExp(`^${id}  slow  Status: (Pending|Running)\\n  app: `));
  const e = await eci(['events', id, '--region', 'cn-hangzhou', '--json']);
  assert.equal(e.code, 0, e.stderr);
  assert.equal(JSON.parse(e.stdout)[0].Reason, 'Scheduled');
});

test('list (text, --json, --status), get as a document that eci validate accepts, get --format json', async () => {
  const id = await created('web.eci.yaml');
  const l = await eci(['list', '--region', 'cn-hangzhou']);
  assert.equal(l.code, 0, l.stderr);
  assert.match(l.stdout, /^ID +NAME +STATUS +CREATED\n/);
  assert.match(l.stdout, new RegExp(`^${id}  web +(Pending|Running) +\\d{4}-`, 'm'));
  const lj = JSON.parse((await eci(['list', '--region', 'cn-hangzhou', '--json'])).stdout);
  assert.ok(lj.some((g: { ContainerGroupId: string }) => g.ContainerGroupId === id));
  const pending = JSON.parse(
    (await eci(['list', '--region', 'cn-hangzhou', '--json', '--status', 'Succeeded'])).stdout,
  );
  assert.deepEqual(pending, []);
  const g = await eci(['get', id, '--region', 'cn-hangzhou']);
  assert.equal(g.code, 0, g.stderr);
  assert.match(g.stdout, /^ContainerGroupName: web$/m);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(tree.path('got.eci.yaml'), g.stdout);
  const v = await runCli(['validate', 'got.eci.yaml'], { cwd: tree.dir });
  assert.equal(v.code, 0, v.stdout + v.stderr);
  const gj = JSON.parse((await eci(['get', id, '--region', 'cn-hangzhou', '--format', 'json'])).stdout);
  assert.equal(gj.ContainerGroupId, id);
});

test('logs (--tail, --previous), exec, restart, delete (refused without --yes), then an unknown id: exit 3', async () => {
  const id = await created('crash.eci.yaml');
  await logReaches(id, /exiting with code 1/, { previous: true });
  const prev = await eci(['logs', id, '--previous', '--region', 'cn-hangzhou']);
  assert.equal(prev.code, 0, prev.stderr);
  assert.match(prev.stdout, /starting\n\[simulator\] app: exiting with code 1\n$/);
  const web = await created('web.eci.yaml');
  await logReaches(web, /\n.*\n/);
  const tail = await eci(['logs', web, '--tail', '1', '--container', 'app', '--region', 'cn-hangzhou']);
  assert.equal(tail.code, 0, tail.stderr);
  assert.equal(tail.stdout.split('\n').filter(Boolean).length, 1);
  const x = await eci(['exec', web, '--region', 'cn-hangzhou', '--', 'echo', 'hi there']);
  assert.equal(x.code, 0, x.stderr);
  assert.equal(x.stdout, 'hi there\n');
  const noCommand = await eci(['exec', web, '--region', 'cn-hangzhou']);
  assert.equal(noCommand.code, 2);
  const rs = await eci(['restart', web, '--region', 'cn-hangzhou']);
  assert.equal(rs.code, 0, rs.stderr);
  assert.match(rs.stdout, /Restart requested/);
  const refused = await eci(['delete', web, '--region', 'cn-hangzhou']);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, new RegExp(`refusing to delete ${web} in cn-hangzhou without --yes`));
  assert.ok(sim.eci.groups.has(web));
  const del = await eci(['delete', web, '--yes', '--region', 'cn-hangzhou']);
  assert.equal(del.code, 0, del.stderr);
  assert.ok(!sim.eci.groups.has(web));
  const gone = await eci(['get', web, '--region', 'cn-hangzhou']);
  assert.equal(gone.code, 3);
  assert.match(gone.stderr, new RegExp(`No container group with the id ${web} exists in the region cn-hangzhou`));
  const goneJa = await eci(['status', web, '--region', 'cn-hangzhou', '--locale', 'ja']);
  assert.equal(goneJa.code, 3);
  assert.match(goneJa.stderr, new RegExp(`リージョン cn-hangzhou に ID ${web} のコンテナグループはありません`));
});

test('logs --follow prints new lines as they come, each once, until Ctrl-C', async () => {
  const id = await created('web.eci.yaml');
  const run = startCli(['logs', id, '--follow', '--region', 'cn-hangzhou', '--endpoint', url], {
    cwd: tree.dir,
    env: env(),
    timeoutMs: 30_000,
  });
  // Ctrl-C once the follow has printed lines of a later poll than the first.
  await printed(run, (out) => out.split('\n').filter(Boolean).length >= 4 && /alive, [3-9] s up/.test(out));
  run.child.kill('SIGINT');
  const r = await run.done;
  outputs.push(r);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n').filter(Boolean);
  assert.ok(lines.length >= 4, r.stdout);
  assert.equal(new Set(lines).size, lines.length, `no line twice:\n${r.stdout}`);
  assert.ok(
    lines.some((l) => /alive, [3-9] s up/.test(l)),
    `lines printed after the first poll:\n${r.stdout}`,
  );
});

test('update --dry-run prints the difference and sends nothing; update sends it and names what cannot change', async () => {
  const id = await created('web.eci.yaml');
  const changed =
    doc('web', 'echo hello from app; sleep infinity', 'nginx:1.28').replace(
      'vsw-bp1sim0prodh00000001',
      'vsw-bp1sim0prodi00000001',
    ) +
    `ImageRegistryCredential:\n  - Server: registry.example.com\n    UserName: deploy\n    Password: ${REGISTRY_PASSWORD}\n`;
  const { writeFileSync } = await import('node:fs');
  writeFileSync(tree.path('changed.eci.yaml'), changed);
  const before = sim.requests.filter((q) => q.action === 'UpdateContainerGroup').length;
  const dry = await eci(['update', 'changed.eci.yaml', '--group', id, '--dry-run']);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /^- Container\.1\.Image=nginx:1\.27\n\+ Container\.1\.Image=nginx:1\.28$/m);
  assert.match(dry.stdout, /^\+ ImageRegistryCredential\.1\.Password=\*{8}$/m);
  assert.match(dry.stderr, /UpdateContainerGroup cannot change: VSwitchId/);
  assert.equal(
    sim.requests.filter((q) => q.action === 'UpdateContainerGroup').length,
    before,
    '--dry-run sends nothing',
  );
  const sent = await eci(['update', 'changed.eci.yaml', '--group', id]);
  assert.equal(sent.code, 0, sent.stderr);
  const update = sim.requests.filter((q) => q.action === 'UpdateContainerGroup').at(-1)!;
  assert.equal(update.params['Container.1.Image'], 'nginx:1.28');
  assert.ok(!('VSwitchId' in update.params));
  assert.equal(sim.eci.groups.get(id)?.Containers[0].Image, 'nginx:1.28');
  const noGroup = await eci(['update', 'changed.eci.yaml']);
  assert.equal(noGroup.code, 2);
});

test('an id command without a region: exit 2 saying how to give one', async () => {
  const r = await eci(['status', 'eci-123']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /no region: give --region REGION, or set ALIBABA_CLOUD_REGION_ID/);
  const h = await runCli(['logs', '--help', '--locale', 'ja']);
  assert.equal(h.code, 0);
  assert.match(h.stdout, /^使い方: eci logs ID/);
  assert.match(h.stdout, /^ {2}5 {4}追跡したグループが失敗した/m);
});

test('status --wait goes on through throttling and a 503 while polling (said on stderr), then exit 0; --json', async () => {
  const id = await created('web.eci.yaml');
  sim.inject(
    { kind: 'error', code: 'Throttling.User', status: 400, action: 'DescribeContainerGroups' },
    { kind: 'html', status: 503, action: 'DescribeContainerGroups' },
  );
  const r = await eci(['status', id, '--wait', '--region', 'cn-hangzhou']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /Poll failed \(Throttling\.User\); trying again\./);
  assert.match(r.stderr, /Poll failed \(bad-response\); trying again\./);
  assert.match(r.stdout, new RegExp(`${id} is Running\\.`));
  const j = await eci(['status', id, '--wait', '--region', 'cn-hangzhou', '--json']);
  assert.equal(j.code, 0, j.stderr);
  const answer = JSON.parse(j.stdout);
  assert.equal(answer.outcome, 'succeeded');
  assert.equal(answer.Status, 'Running');
  assert.deepEqual(
    answer.events.map((e: { Reason: string }) => e.Reason),
    ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started'],
  );
});

test('status --wait with a key the service refuses: exit 3 at once, no secret printed', async () => {
  const id = await created('slow.eci.yaml');
  const before = sim.requests.length;
  const r = await eci(['status', id, '--wait', '--region', 'cn-hangzhou'], {
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'wrong-secret-Kq81',
  });
  assert.equal(r.code, 3, r.stderr);
  assert.equal(sim.requests.length - before, 1, 'one poll, no retry');
  assert.ok(!r.stderr.includes('wrong-secret-Kq81'));
});
