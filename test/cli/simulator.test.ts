// `eci simulator`: the built CLI starts the simulator, prints its URL and a test key, answers a
// dry run and a create made by `eci dry-run|create --endpoint …` with that key, and stops on SIGTERM.
import { strict as assert } from 'node:assert';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { makeTree, runCli, startCli, VALID_DOCUMENT } from './helpers';

/** Starts `eci simulator ARGS` and resolves once it has printed its banner. */
async function simulator(args: string[], env: Record<string, string> = {}) {
  const run = startCli(['simulator', ...args], { env, timeoutMs: 60_000 });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    run.child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      if (/Ctrl-C/.test(out)) resolve();
    });
    run.done.then((r) => reject(new Error(`the simulator ended early: ${r.code}\n${r.stdout}\n${r.stderr}`)), reject);
  });
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] ?? /(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
  const id = /ALIBABA_CLOUD_ACCESS_KEY_ID=(\S+)/.exec(out)?.[1];
  const secret = /ALIBABA_CLOUD_ACCESS_KEY_SECRET=(\S+)/.exec(out)?.[1];
  assert.ok(url && id && secret, out);
  return { ...run, banner: () => out, url, id, secret };
}

test('eci simulator prints its URL and a test key, answers eci dry-run and create with it, and stops on SIGTERM', async () => {
  const sim = await simulator(['--port', '0', '--pending-seconds', '1']);
  const banner = sim.banner();
  assert.match(banner, /Test AccessKey ID: +LTAIsim[0-9a-f]{16}\n/);
  assert.match(banner, new RegExp(`eci dry-run --endpoint ${sim.url} FILE\\.eci\\.yaml`));
  assert.match(banner, /"eci\.endpoint"/);
  const tree = makeTree({ 'web.eci.yaml': VALID_DOCUMENT });
  try {
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: sim.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: sim.secret };
    const dry = await runCli(['dry-run', '--endpoint', sim.url, tree.path('web.eci.yaml')], { env });
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /Dry run passed/);
    const created = await runCli(['create', '--json', '--endpoint', sim.url, tree.path('web.eci.yaml')], { env });
    assert.equal(created.code, 0, created.stderr);
    assert.match((JSON.parse(created.stdout) as { ContainerGroupId: string }).ContainerGroupId, /^eci-[0-9a-f]{20}$/);
    // Another key is refused: the simulator verifies signatures.
    const wrong = await runCli(['dry-run', '--endpoint', sim.url, tree.path('web.eci.yaml')], {
      env: { ...env, ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'wrong' },
    });
    assert.equal(wrong.code, 3);
    assert.match(wrong.stderr + wrong.stdout, /SignatureDoesNotMatch/);
  } finally {
    tree.dispose();
    sim.child.kill('SIGTERM');
  }
  const end = await sim.done;
  assert.equal(end.code, 0, end.stderr);
  assert.match(end.stdout, /ECI simulator stopped\.\n$/);
  // Nothing listens any more.
  const refused = await runCli(
    ['dry-run', '--endpoint', sim.url, '--max-attempts', '1', 'examples/web-server.eci.yaml'],
    { env: { ALIBABA_CLOUD_ACCESS_KEY_ID: sim.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: sim.secret } },
  );
  assert.equal(refused.code, 4);
});

test('eci simulator takes a fixed key from flags and speaks Japanese with --locale ja', async () => {
  const sim = await simulator(
    [
      '--port=0',
      '--access-key-id',
      'LTAIfixedsimkey0001',
      '--access-key-secret',
      'fixed-secret-0001',
      '--locale',
      'ja',
    ],
    { LANG: 'C' },
  );
  try {
    assert.equal(sim.id, 'LTAIfixedsimkey0001');
    assert.equal(sim.secret, 'fixed-secret-0001');
    assert.match(sim.banner(), /ECI シミュレーターを http:\/\/127\.0\.0\.1:\d+ で起動しました/);
    assert.match(sim.banner(), /Ctrl-C で停止します。/);
  } finally {
    sim.child.kill('SIGINT');
  }
  const end = await sim.done;
  assert.equal(end.code, 0);
  assert.match(end.stdout, /ECI シミュレーターを停止しました。/);
});

test('eci simulator refuses a bad port, half a key, a FILE, and a port in use (exit 2)', async () => {
  for (const args of [
    ['--port', '70000'],
    ['--pending-seconds', 'soon'],
    ['--access-key-id', 'LTAIonly'],
    ['web.eci.yaml'],
  ]) {
    const r = await runCli(['simulator', ...args]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /eci simulator --help/);
  }
  const busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  const port = (busy.address() as { port: number }).port;
  try {
    const r = await runCli(['simulator', '--port', String(port)]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`));
  } finally {
    busy.close();
  }
});

test('eci --help lists simulator, in English and Japanese', async () => {
  const en = await runCli(['--help']);
  assert.match(en.stdout, /^ {2}simulator {18}serve a local simulator of ECI, VPC and ECS/m);
  const ja = await runCli(['help', 'simulator', '--locale', 'ja']);
  assert.match(ja.stdout, /^使い方: eci simulator \[options\]/);
  assert.match(ja.stdout, /--pending-seconds S/);
});
