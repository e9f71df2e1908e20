// Issue 16 items 12 and 14 on the command line: a malformed ~/.aliyun/config.json or a key that
// cannot be sent is a set-up problem (exit 2, the source named), never an internal error (exit 70),
// and nothing is sent.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { startEciEndpoint, type EciEndpoint } from '../support/eciEndpoint';
import { makeTree, runCli, VALID_DOCUMENT } from './helpers';

const tree = makeTree({
  'app.eci.yaml': VALID_DOCUMENT,
  'objects/.aliyun/config.json': JSON.stringify({
    current: 'default',
    profiles: { default: { name: 'default', mode: 'AK', access_key_id: 'LTAI5tX', access_key_secret: 'sssssssss' } },
  }),
  'string/.aliyun/config.json': '"x"',
  'nulls/.aliyun/config.json': '[null]',
  'null/.aliyun/config.json': 'null',
  'empty/.keep': '',
});
let endpoint: EciEndpoint;
before(async () => {
  endpoint = await startEciEndpoint({ accessKeys: { LTAI5tCliSetup000001: { secret: 'cli-setup-secret' } } });
});
after(async () => {
  await endpoint.close();
  tree.dispose();
});

for (const [home, expected] of [
  ['objects', /"profiles" is an object, not a list of profiles/],
  ['string', /it holds a string, not an object/],
  ['nulls', /it holds a list, not an object/],
  ['null', /it holds null, not an object/],
] as const) {
  test(`dry-run with a malformed ~/.aliyun/config.json (${home}): exit 2 naming the file and what is wrong`, async () => {
    for (const extra of [[], ['--profile', 'default']]) {
      const r = await runCli(['dry-run', ...extra, '--endpoint', `http://${endpoint.endpoint}`, 'app.eci.yaml'], {
        cwd: tree.dir,
        env: { HOME: tree.path(home) },
      });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /\.aliyun\/config\.json is malformed: /);
      assert.match(r.stderr, expected);
      assert.doesNotMatch(r.stderr, /TypeError|internal error/);
    }
  });
}

test('a blank or control-character AccessKey ID is refused before any request (exit 2)', async () => {
  const sent = endpoint.requests.length;
  for (const id of [' ', 'LTAI5tCli\u0001Setup']) {
    const r = await runCli(['create', '--endpoint', `http://${endpoint.endpoint}`, 'app.eci.yaml'], {
      cwd: tree.dir,
      env: {
        HOME: tree.path('empty'),
        ALIBABA_CLOUD_ACCESS_KEY_ID: id,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'cli-setup-secret',
      },
    });
    assert.equal(r.code, 2, r.stderr);
    assert.match(
      r.stderr,
      /env: environment variables .*: ALIBABA_CLOUD_ACCESS_KEY_ID (is blank|contains a control character \(U\+0001\))/,
    );
    assert.ok(!r.stderr.includes('cli-setup-secret'));
  }
  assert.equal(endpoint.requests.length, sent, 'nothing was sent');
});
