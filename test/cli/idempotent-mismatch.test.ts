// Issue 16 item 15 on the command line: following the tool's own advice (`eci create --client-token
// TOKEN FILE`) after editing FILE meets IdempotentParameterMismatch; the answer is explained (en, ja)
// with both ways out, and placed on the ClientToken.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { startEciEndpoint, type EciEndpoint } from '../support/eciEndpoint';
import { makeTree, runCli, VALID_DOCUMENT } from './helpers';

const ACCESS_KEY_ID = 'LTAI5tCliIdempotent01';
const ACCESS_KEY_SECRET = 'cli-idempotent-secret-4d';
const credentials = { ALIBABA_CLOUD_ACCESS_KEY_ID: ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET: ACCESS_KEY_SECRET };
const tree = makeTree({ 'app.eci.yaml': VALID_DOCUMENT });
let endpoint: EciEndpoint;
before(async () => {
  endpoint = await startEciEndpoint({ accessKeys: { [ACCESS_KEY_ID]: { secret: ACCESS_KEY_SECRET } } });
});
after(async () => {
  await endpoint.close();
  tree.dispose();
});

test('create --client-token after editing the document: IdempotentParameterMismatch explained, exit 3', async () => {
  const url = `http://${endpoint.endpoint}`;
  const first = await runCli(['create', '--endpoint', url, '--client-token', 'advice-token-1', 'app.eci.yaml'], {
    cwd: tree.dir,
    env: credentials,
  });
  assert.equal(first.code, 0, first.stderr);
  writeFileSync(
    tree.path('app.eci.yaml'),
    VALID_DOCUMENT.replace('Cpu: 2\n', 'Cpu: 4\n').replace('Memory: 4\n', 'Memory: 8\n'),
  );
  for (const locale of ['en', 'ja']) {
    const r = await runCli(
      [
        'create',
        '--locale',
        locale,
        '--endpoint',
        url,
        '--max-attempts',
        '1',
        '--client-token',
        'advice-token-1',
        'app.eci.yaml',
      ],
      { cwd: tree.dir, env: credentials },
    );
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /IdempotentParameterMismatch \(HTTP 400\): /);
    assert.match(
      r.stderr,
      locale === 'ja'
        ? /この ClientToken は別のパラメーターのリクエストですでに使われています/
        : /This ClientToken was already used for a request with different parameters/,
    );
    assert.match(r.stderr, locale === 'ja' ? /ClientToken を削除する/ : /remove ClientToken from the document/);
    assert.doesNotMatch(r.stderr, /no explanation|説明はありません/);
  }
  assert.equal(endpoint.groups.size, 1, 'no second group');
});
