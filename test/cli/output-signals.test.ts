// Issue 16 items 10 and 11: what reaches the user when stdout cannot be written or the process is
// terminated. A write failure (stdout on /dev/full) is reported on stderr with exit 7, and a create's
// ContainerGroupId and ClientToken are repeated there; a create's ClientToken is on stderr before
// anything is sent; SIGTERM during a call is handled as Ctrl-C is (exit 143, the token and what to do).
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { startEciEndpoint, type EciEndpoint } from '../support/eciEndpoint';
import { CLI, makeTree, startCli, VALID_DOCUMENT, type CliResult } from './helpers';

const ACCESS_KEY_ID = 'LTAI5tCliOutputSig01';
const ACCESS_KEY_SECRET = 'cli-output-signals-secret-Q7';
const env = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  LANG: 'C',
  ALIBABA_CLOUD_ACCESS_KEY_ID: ACCESS_KEY_ID,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: ACCESS_KEY_SECRET,
};

const tree = makeTree({ 'app.eci.yaml': VALID_DOCUMENT, 'home/.keep': '' });
let endpoint: EciEndpoint;
let url: string;
before(async () => {
  endpoint = await startEciEndpoint({ accessKeys: { [ACCESS_KEY_ID]: { secret: ACCESS_KEY_SECRET } } });
  url = `http://${endpoint.endpoint}`;
});
after(async () => {
  await endpoint.close();
  tree.dispose();
});

/** Runs the CLI with stdout on /dev/full (every write fails with ENOSPC), as `eci ... > /dev/full`. */
function runToDevFull(args: string[]): Promise<CliResult> {
  const full = openSync('/dev/full', 'w');
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: tree.dir,
    env: { ...env, HOME: tree.path('home') },
    stdio: ['ignore', full, 'pipe'],
  });
  closeSync(full);
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`eci ${args.join(' ')} did not finish: ${stderr}`));
    }, 30000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: '', stderr });
    });
  });
}

test('validate --format json > /dev/full: exit 7 with the failure on stderr, no unhandled error', async () => {
  const r = await runToDevFull(['validate', '--format', 'json', 'app.eci.yaml']);
  assert.equal(r.code, 7, r.stderr);
  assert.match(r.stderr, /^eci: the output could not be written to stdout \(ENOSPC: no space left on device/m);
  assert.match(r.stderr, /the command itself ended with exit 0/);
  assert.doesNotMatch(r.stderr, /Unhandled|at .*\.js:\d+|internal error/);
});

for (const json of [false, true]) {
  test(`create${json ? ' --json' : ''} > /dev/full: the group is created, exit 7, its id and ClientToken are on stderr`, async () => {
    const groupsBefore = endpoint.groups.size;
    const r = await runToDevFull(['create', ...(json ? ['--json'] : []), '--endpoint', url, 'app.eci.yaml']);
    assert.equal(endpoint.groups.size, groupsBefore + 1, 'the group was created');
    const token = endpoint.requests.at(-1)!.params.ClientToken;
    const id = endpoint.groups.get(token)!;
    assert.equal(r.code, 7, r.stderr);
    assert.match(r.stderr, /could not be written to stdout/);
    assert.ok(r.stderr.includes(`ContainerGroupId: ${id}`), r.stderr);
    assert.ok(r.stderr.includes(`ClientToken: ${token}`), r.stderr);
  });
}

/** Starts a create that the endpoint never answers, sends `signal` once the request has arrived; the result and the ClientToken sent. */
async function signalDuringCreate(
  signal: NodeJS.Signals,
  extra: string[] = [],
): Promise<{ r: CliResult; sent: string }> {
  endpoint.inject({ kind: 'hang' });
  const before = endpoint.requests.length;
  const run = startCli(['create', ...extra, '--endpoint', url, 'app.eci.yaml'], {
    cwd: tree.dir,
    env: { ALIBABA_CLOUD_ACCESS_KEY_ID: ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET: ACCESS_KEY_SECRET },
  });
  await endpoint.waitForRequests(before + 1);
  run.child.kill(signal);
  return { r: await run.done, sent: endpoint.requests[before].params.ClientToken };
}

test('create shows the ClientToken on stderr before sending: a run killed outright still leaves it', async () => {
  const { r, sent } = await signalDuringCreate('SIGKILL');
  assert.match(sent, /^[0-9a-f-]{36}$/);
  assert.ok(r.stderr.includes(`ClientToken: ${sent} (generated for this run)`), r.stderr);
  assert.ok(r.stderr.includes(`eci create --client-token ${sent} app.eci.yaml`), r.stderr);
});

test('SIGTERM during a sent create is handled as Ctrl-C: exit 143, the ClientToken and what to do', async () => {
  const { r, sent } = await signalDuringCreate('SIGTERM');
  assert.equal(r.code, 143, r.stderr);
  assert.equal(r.signal, null, 'exited by itself, not killed by the signal');
  assert.match(r.stderr, /Terminated \(SIGTERM\)\. Cancelled; the outcome of a create already sent is unknown/);
  assert.match(
    r.stderr,
    new RegExp(`may still be created.*ClientToken: ${sent}.*eci create --client-token ${sent} app\\.eci\\.yaml`, 's'),
  );

  // --json: the outcome names the signal.
  const j = await signalDuringCreate('SIGTERM', ['--json']);
  assert.equal(j.r.code, 143, j.r.stderr);
  const o = JSON.parse(j.r.stdout) as Record<string, unknown>;
  assert.equal(o.outcome, 'cancelled');
  assert.equal(o.signal, 'SIGTERM');
  assert.equal(o.mayHaveBeenCreated, true);
  assert.equal(o.ClientToken, j.sent);
});

test('the help lists exit codes 5, 6, 7 and 143', async () => {
  for (const args of [['--help'], ['create', '--help'], ['--locale', 'ja', 'dry-run', '--help']]) {
    const run = startCli(args, { cwd: tree.dir });
    const r = await run.done;
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^ {2}5 {4}(the followed group failed|追跡したグループが失敗した)/m);
    assert.match(r.stdout, /^ {2}6 {4}(the wait limit passed|待機の上限時間を過ぎた)/m);
    assert.match(r.stdout, /^ {2}7 {4}(the output could not be written to stdout|stdout に出力を書き込めなかった)/m);
    assert.match(r.stdout, /^ {2}143 {2}(terminated \(SIGTERM\)|呼び出し中に終了された \(SIGTERM\))/m);
  }
});
