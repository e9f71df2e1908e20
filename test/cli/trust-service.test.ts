// Issue 13 through the built command line: suppressions in validate (text, JSON, SARIF), file modes
// on the wire, "not set" values and open vocabularies that no longer block a dry run, and
// `dry-run --force` for documents whose only errors are cross-field rule errors (create has no force).
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { startEciEndpoint, type EciEndpoint } from '../support/eciEndpoint';
import { makeTree, runCli } from './helpers';

const ACCESS_KEY_ID = 'LTAI5tCliTrustKey0001';
const ACCESS_KEY_SECRET = 'cli-trust-secret-Qp3Lw8';
const credentials = { ALIBABA_CLOUD_ACCESS_KEY_ID: ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET: ACCESS_KEY_SECRET };

/** The official SDK samples' shape: a ConfigFile volume with octal modes, a capability beyond the list, suppressed. */
const SUPPRESSED = `# eci-ignore-file schema.undocumented-value -- SYS_TIME checked with a dry run
RegionId: cn-hangzhou
ContainerGroupName: ntp
Container:
  - Name: chrony
    Image: registry.cn-hangzhou.aliyuncs.com/eci_open/chrony:4
    SecurityContext:
      Capability:
        Add: [SYS_TIME]
    Command: [/bin/bash]  # eci-ignore container.tty-for-bash -- attached with kubectl-style exec
    VolumeMount:
      - Name: conf
        MountPath: /etc/chrony
Volume:
  - Name: conf
    Type: ConfigFileVolume
    ConfigFileVolume:
      DefaultMode: 0644
      ConfigFileToPath:
        - Path: chrony.conf
          Content: c2VydmVyIG50cC5hbGl5dW4uY29tIGlidXJzdAo=
          Mode: '0600'
`;

/** Terraform's request shape: zeros and empty settings of other volume types. */
const TERRAFORM = `RegionId: cn-beijing
ContainerGroupName: tf-group
Container:
  - Name: nginx
    Image: nginx:alpine
    Cpu: 0
    Memory: 0
    Gpu: 0
    VolumeMount:
      - Name: empty1
        MountPath: /tmp/test
        ReadOnly: false
Volume:
  - Name: empty1
    Type: EmptyDirVolume
    FlexVolume:
      Driver: ""
      FsType: ""
      Options: ""
    NFSVolume:
      Path: ""
      ReadOnly: false
`;

/** A probe without a check method: a cross-field rule error only. */
const RULE_ONLY = `RegionId: cn-hangzhou
ContainerGroupName: probe
Container:
  - Name: web
    Image: nginx:1.25
    ReadinessProbe:
      PeriodSeconds: 5
`;

const tree = makeTree({
  'suppressed.eci.yaml': SUPPRESSED,
  'terraform.eci.yaml': TERRAFORM,
  'rule-only.eci.yaml': RULE_ONLY,
  'type-error.eci.yaml': `${RULE_ONLY}    Cpu: "two"\n`,
});

/** The local ECI test endpoint (127.0.0.1), started once for the file. */
let endpoint: EciEndpoint;
let url = '';
before(
  async () =>
    void (url = `http://${(endpoint = await startEciEndpoint({ accessKeys: { [ACCESS_KEY_ID]: { secret: ACCESS_KEY_SECRET } } })).endpoint}`),
);
after(() => Promise.all([endpoint.close(), tree.dispose()]));

const eci = (args: string[]) => runCli(args, { cwd: tree.dir, env: credentials });

test('validate: suppressed findings are hidden and not counted; --show-suppressed lists them with the reason', async () => {
  const plain = await eci(['validate', 'suppressed.eci.yaml']);
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(plain.stdout, '');
  assert.match(plain.stderr, /0 errors, 0 warnings in 1 file/);
  const shown = await eci(['validate', '--show-suppressed', 'suppressed.eci.yaml']);
  assert.equal(shown.code, 0);
  const lines = shown.stdout.trim().split('\n');
  assert.equal(lines.length, 2, shown.stdout);
  assert.match(
    lines[0],
    /^suppressed\.eci\.yaml:9:15: warning schema\.undocumented-value: .*SYS_TIME.* \[suppressed: SYS_TIME checked with a dry run\]$/,
  );
  assert.match(
    lines[1],
    /^suppressed\.eci\.yaml:10:5: warning container\.tty-for-bash: .* \[suppressed: attached with kubectl-style exec\]$/,
  );
  const ja = await runCli(['validate', '--show-suppressed', '--locale', 'ja', 'suppressed.eci.yaml'], {
    cwd: tree.dir,
  });
  assert.match(ja.stdout, /\[抑制: SYS_TIME checked with a dry run\]/);
});

test('validate --format json --show-suppressed: a suppressed list per file with reason, scope and comment line', async () => {
  const r = await eci(['validate', '--format', 'json', '--show-suppressed', 'suppressed.eci.yaml']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.files[0].diagnostics, []);
  assert.deepEqual(
    out.files[0].suppressed.map(
      (s: { rule: string; reason: string; scope: string; commentLine: number; line: number }) => [
        s.rule,
        s.line,
        s.scope,
        s.commentLine,
        s.reason,
      ],
    ),
    [
      ['schema.undocumented-value', 9, 'file', 1, 'SYS_TIME checked with a dry run'],
      ['container.tty-for-bash', 10, 'line', 10, 'attached with kubectl-style exec'],
    ],
  );
  const without = JSON.parse((await eci(['validate', '--format', 'json', 'suppressed.eci.yaml'])).stdout);
  assert.equal(without.files[0].suppressed, undefined);
});

test('validate --format sarif: suppressed findings are results with inSource suppressions carrying the reason', async () => {
  const r = await eci(['validate', '--format', 'sarif', 'suppressed.eci.yaml']);
  assert.equal(r.code, 0, r.stderr);
  const run = JSON.parse(r.stdout).runs[0];
  const results = run.results as {
    ruleId: string;
    ruleIndex: number;
    suppressions?: { kind: string; justification?: string }[];
  }[];
  assert.deepEqual(
    results.map((x) => [x.ruleId, x.suppressions?.[0]?.kind, x.suppressions?.[0]?.justification]),
    [
      ['schema.undocumented-value', 'inSource', 'SYS_TIME checked with a dry run'],
      ['container.tty-for-bash', 'inSource', 'attached with kubectl-style exec'],
    ],
  );
  for (const x of results) assert.equal(run.tool.driver.rules[x.ruleIndex].id, x.ruleId);
});

test('dry-run of the suppressed sample: sent, the modes travel as written (0644, 0600)', async () => {
  const before = endpoint.requests.length;
  const r = await eci(['dry-run', '--endpoint', url, 'suppressed.eci.yaml']);
  assert.equal(r.code, 0, r.stderr);
  const sent = endpoint.requests.slice(before).find((x) => x.action === 'CreateContainerGroup')!;
  assert.equal(sent.signature, 'valid');
  assert.equal(sent.params['Volume.1.ConfigFileVolume.DefaultMode'], '0644');
  assert.equal(sent.params['Volume.1.ConfigFileVolume.ConfigFileToPath.1.Mode'], '0600');
  assert.equal(sent.params['Container.1.SecurityContext.Capability.Add.1'], 'SYS_TIME');
});

test('request: the Terraform-shaped document is built, its zeros and empty strings sent as written, hints not printed as errors', async () => {
  const r = await eci(['request', 'terraform.eci.yaml']);
  assert.equal(r.code, 0, r.stderr);
  const params = JSON.parse(r.stdout);
  assert.equal(params['Container.1.Cpu'], '0');
  assert.equal(params['Volume.1.FlexVolume.Driver'], '');
  assert.equal(params['Volume.1.NFSVolume.ReadOnly'], 'false');
  assert.doesNotMatch(r.stderr, /error/);
});

test('dry-run refuses rule errors and says --force exists; --force sends it; create never forces', async () => {
  const refused = await eci(['dry-run', '--endpoint', url, 'rule-only.eci.yaml']);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /probe\.single-handler/);
  assert.match(refused.stderr, /eci dry-run --force/);
  const before = endpoint.requests.length;
  const forced = await eci(['dry-run', '--force', '--endpoint', url, 'rule-only.eci.yaml']);
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(forced.stderr, /dry run despite 1 rule error \(--force\): the service is the judge/);
  const sent = endpoint.requests.slice(before).find((x) => x.action === 'CreateContainerGroup')!;
  assert.equal(sent.params.DryRun, 'true');
  assert.equal(sent.params['Container.1.ReadinessProbe.PeriodSeconds'], '5');
  const typeError = await eci(['dry-run', '--force', '--endpoint', url, 'type-error.eci.yaml']);
  assert.equal(typeError.code, 1);
  assert.doesNotMatch(typeError.stderr, /--force/);
  const create = await eci(['create', '--force', '--endpoint', url, 'rule-only.eci.yaml']);
  assert.equal(create.code, 2, 'create has no --force option');
  const groups = endpoint.groups.size;
  const create2 = await eci(['create', '--endpoint', url, 'rule-only.eci.yaml']);
  assert.equal(create2.code, 1);
  assert.equal(endpoint.groups.size, groups);
});
