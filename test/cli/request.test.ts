// `eci request FILE`: the flattened wire parameters as JSON, secrets masked unless --show-secrets.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { makeTree, runCli, VALID_DOCUMENT } from './helpers';

const REGISTRY_PASSWORD = 'Regi$tryPa55-word-7731';
const HIDDEN_ENV_VALUE = 'db-password-hidden-4410';

const SECRET_DOCUMENT = `${VALID_DOCUMENT}    EnvironmentVarHide: true
    EnvironmentVar:
      - Key: DB_PASSWORD
        Value: ${HIDDEN_ENV_VALUE}
  - Name: sidecar
    Image: busybox:1.36
    Command: [sleep, "3600"]
    EnvironmentVar:
      - Key: MODE
        Value: plain-visible-value
ImageRegistryCredential:
  - Server: registry.example.com
    UserName: deploy
    Password: "${REGISTRY_PASSWORD}"
`;

const BROKEN_DOCUMENT = `RegionId: cn-hangzhou
ContainerGroupName: web
Container:
  - Name: nginx
    Cpu: lots
`;

const tree = makeTree({
  'app.eci.yaml': SECRET_DOCUMENT,
  'broken.eci.yaml': BROKEN_DOCUMENT,
  'dir/x.eci.yaml': VALID_DOCUMENT,
});
after(() => tree.dispose());

test('prints Action and every flattened parameter as JSON, secrets masked', async () => {
  const r = await runCli(['request', 'app.eci.yaml'], { cwd: tree.dir });
  assert.equal(r.code, 0, r.stderr);
  const request = JSON.parse(r.stdout) as Record<string, string>;
  assert.equal(Object.keys(request)[0], 'Action');
  assert.equal(request.Action, 'CreateContainerGroup');
  assert.equal(request.RegionId, 'cn-hangzhou');
  assert.equal(request.ContainerGroupName, 'web-frontend');
  assert.equal(request['Container.1.Name'], 'nginx');
  assert.equal(request['Container.1.Image'], 'registry.cn-hangzhou.aliyuncs.com/acs/nginx:1.25');
  assert.equal(request['Container.1.Cpu'], '1');
  assert.equal(request['Container.2.Name'], 'sidecar');
  assert.equal(request['Container.2.Command.1'], 'sleep');
  assert.equal(request['Container.2.Command.2'], '3600');
  assert.equal(request['Container.2.EnvironmentVar.1.Value'], 'plain-visible-value');
  assert.equal(request['ImageRegistryCredential.1.UserName'], 'deploy');
  assert.equal(request['ImageRegistryCredential.1.Password'], '********');
  assert.equal(request['Container.1.EnvironmentVar.1.Value'], '********');
  assert.ok(!r.stdout.includes(REGISTRY_PASSWORD) && !r.stderr.includes(REGISTRY_PASSWORD));
  assert.ok(!r.stdout.includes(HIDDEN_ENV_VALUE) && !r.stderr.includes(HIDDEN_ENV_VALUE));
});

test('--show-secrets prints secret values in clear', async () => {
  const r = await runCli(['request', '--show-secrets', 'app.eci.yaml'], { cwd: tree.dir });
  assert.equal(r.code, 0, r.stderr);
  const request = JSON.parse(r.stdout) as Record<string, string>;
  assert.equal(request['ImageRegistryCredential.1.Password'], REGISTRY_PASSWORD);
  assert.equal(request['Container.1.EnvironmentVar.1.Value'], HIDDEN_ENV_VALUE);
});

test('a document with errors is refused: exit 1, diagnostics on stderr, nothing on stdout', async () => {
  const r = await runCli(['request', 'broken.eci.yaml'], { cwd: tree.dir });
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^broken\.eci\.yaml:5:\d+: error schema\.type: /m);
  assert.match(r.stderr, /^broken\.eci\.yaml:\d+:\d+: error schema\.required: .*Image/m);
  assert.match(r.stderr, /not sent: the document has \d+ errors/);
});

test('usage: one FILE exactly; a directory or a missing file is exit 2, named', async () => {
  const none = await runCli(['request'], { cwd: tree.dir });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /takes exactly one FILE, 0 given/);
  const two = await runCli(['request', 'app.eci.yaml', 'broken.eci.yaml'], { cwd: tree.dir });
  assert.equal(two.code, 2);
  const dir = await runCli(['request', 'dir'], { cwd: tree.dir });
  assert.equal(dir.code, 2);
  assert.match(dir.stderr, /dir: is a directory/);
  const missing = await runCli(['request', 'nope.eci.yaml'], { cwd: tree.dir });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.eci\.yaml: no such file or directory/);
  const unknown = await runCli(['request', '--json', 'app.eci.yaml'], { cwd: tree.dir });
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown option '--json' for 'request'/);
});
