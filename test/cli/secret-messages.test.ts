// Issue 16 item 7 on the command line: `Password: 20240607` and a hidden environment value written as a
// number are reported in every format (text, JSON, SARIF) and on the stderr of request, dry-run and
// create without the value.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { makeTree, runCli, VALID_DOCUMENT } from './helpers';

const PASSWORD = '20240607';
const HIDDEN = '987654321';
const DOC = `${VALID_DOCUMENT}    EnvironmentVarHide: true
    EnvironmentVar:
      - Key: PIN
        Value: ${HIDDEN}
ImageRegistryCredential:
  - Server: registry.example.com
    UserName: deploy
    Password: ${PASSWORD}
`;
const tree = makeTree({ 'app.eci.yaml': DOC });
after(() => tree.dispose());

function assertClean(out: string, label: string): void {
  assert.ok(!out.includes(PASSWORD), `${label} quotes the password: ${out}`);
  assert.ok(!out.includes(HIDDEN), `${label} quotes the hidden value: ${out}`);
}

for (const format of ['text', 'json', 'sarif']) {
  test(`validate --format ${format} reports the secrets' type errors without their values`, async () => {
    const r = await runCli(['validate', '--format', format, 'app.eci.yaml'], { cwd: tree.dir });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /ImageRegistryCredential\[\]\.Password must be a string/);
    assert.match(r.stdout, /Container\[\]\.EnvironmentVar\[\]\.Value must be a string/);
    assertClean(r.stdout + r.stderr, `validate --format ${format}`);
  });
}

for (const command of ['request', 'dry-run', 'create']) {
  test(`${command} refuses the document without quoting the secrets`, async () => {
    const r = await runCli([command, 'app.eci.yaml'], { cwd: tree.dir });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /Quote it/);
    assertClean(r.stdout + r.stderr, command);
  });
}
