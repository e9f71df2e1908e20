// The extension's commands against the local ECI test endpoint (test/support/eciEndpoint.ts, run
// here in the extension host): dry run and create with the returned ids shown, a service error
// explained as a diagnostic on the right line, CodeLens, the request shown, and secrets kept out of
// everything the extension writes.
//
// Credentials come from ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET: scripts/run-extension-tests.mjs sets
// them in code-server's environment; under another runner the suite sets test values itself.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startEciEndpoint, type EciEndpoint } from '../support/eciEndpoint';
import {
  activateExtension,
  closeAllEditors,
  codeOf,
  describeDiagnostics,
  errorsOf,
  openEciDocument,
  waitForNoFollow,
  positionOf,
  waitFor,
  waitForDiagnostics,
} from './helpers';

const ACCESS_KEY_ID = (process.env.ALIBABA_CLOUD_ACCESS_KEY_ID ||= 'LTAI5tExtensionHostKeyId');
const ACCESS_KEY_SECRET = (process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET ||= 'extension-host-secret-Hq4mN8rV1cX6');
/** Secrets of the documents: a registry password and a container's hidden environment value. */
const REGISTRY_PASSWORD = process.env.ECI_TEST_REGISTRY_PASSWORD || 'registry-password-Ky5tB2wQ';
const HIDDEN_VALUE = process.env.ECI_TEST_HIDDEN_VALUE || 'hidden-env-value-Pd3sL9zA';

const GROUP = `RegionId: cn-hangzhou
ContainerGroupName: web-integration
Cpu: 2
Memory: 4
ImageRegistryCredential:
  - Server: registry.cn-hangzhou.aliyuncs.com
    UserName: deployer
    Password: ${REGISTRY_PASSWORD}
Container:
  - Name: nginx
    Image: registry.cn-hangzhou.aliyuncs.com/eci_open/nginx:1.27
    EnvironmentVarHide: true
    EnvironmentVar:
      - Key: API_TOKEN
        Value: ${HIDDEN_VALUE}
    Port:
      - Port: 80
        Protocol: TCP
`;

interface RunOutcome {
  kind: string;
  [key: string]: unknown;
}

async function outputText(): Promise<string> {
  const text = await vscode.commands.executeCommand<string>('eci.internal.outputText');
  assert.equal(typeof text, 'string', 'eci.internal.outputText returns the output channel text');
  return text;
}

describe('commands against the local ECI endpoint', function () {
  let endpoint: EciEndpoint;
  let target: vscode.ConfigurationTarget;

  before(async () => {
    await activateExtension();
    endpoint = await startEciEndpoint({ accessKeys: { [ACCESS_KEY_ID]: { secret: ACCESS_KEY_SECRET } } });
    // The endpoint override is a workspace setting when there is a workspace (code-server opens one).
    target = vscode.workspace.workspaceFolders?.length
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
    const eci = vscode.workspace.getConfiguration('eci');
    await eci.update('endpoint', `http://${endpoint.endpoint}`, target);
    await eci.update('maxAttempts', 1, target);
    // Create follows each new group; a short limit ends those follows soon (waitForNoFollow after each test).
    await eci.update('followTimeoutSeconds', 1, target);
    // No background account look-ups or price calls here: these tests count what reaches the endpoint (account.test.ts has them).
    await eci.update('accountLookups', false, target);
  });

  after(async () => {
    const eci = vscode.workspace.getConfiguration('eci');
    await eci.update('endpoint', undefined, target);
    await eci.update('maxAttempts', undefined, target);
    await eci.update('followTimeoutSeconds', undefined, target);
    await eci.update('accountLookups', undefined, target);
    await endpoint?.close();
  });

  afterEach(async () => {
    await closeAllEditors();
    // Create follows the new group (polling this endpoint): let it end before the next test counts requests.
    await waitForNoFollow();
  });

  it('shows Dry run, Create and Show request as CodeLens at the top of the file', async () => {
    const editor = await openEciDocument(GROUP, 'codelens');
    const lenses = await waitFor(
      'the CodeLens of the document',
      async () => {
        const l = await vscode.commands.executeCommand<vscode.CodeLens[]>(
          'vscode.executeCodeLensProvider',
          editor.document.uri,
        );
        return l?.length ? l : undefined;
      },
      { pollMs: 100 },
    );
    const commands = lenses.map((l) => l.command?.command);
    for (const c of ['eci.dryRun', 'eci.create', 'eci.showRequest'])
      assert.ok(commands.includes(c), `CodeLens ${c} missing; got ${commands.join(', ')}`);
    for (const l of lenses) assert.equal(l.range.start.line, 0, 'the CodeLens sit at the top of the file');
    const dryRun = lenses.find((l) => l.command?.command === 'eci.dryRun')!;
    assert.equal(
      (dryRun.command!.arguments?.[0] as vscode.Uri).toString(),
      editor.document.uri.toString(),
      'the lens targets its own document',
    );
  });

  it('dry-runs the document: the signed request reaches the endpoint with DryRun=true and the RequestId is shown', async () => {
    const editor = await openEciDocument(GROUP, 'dry-run');
    const before = endpoint.requests.length;
    const outcome = await vscode.commands.executeCommand<RunOutcome>('eci.dryRun', editor.document.uri);
    assert.equal(outcome?.kind, 'dry-run-passed', `dry run outcome: ${JSON.stringify(outcome)}`);
    assert.match(String(outcome.requestId), /^[0-9A-F-]{36}$/);

    const received = endpoint.requests.slice(before);
    assert.equal(received.length, 1, 'one request for one dry run');
    assert.equal(received[0].signature, 'valid');
    assert.equal(received[0].accessKeyId, ACCESS_KEY_ID);
    assert.equal(received[0].params.DryRun, 'true');
    assert.equal(received[0].params.ContainerGroupName, 'web-integration');
    assert.equal(received[0].params['Container.1.Image'], 'registry.cn-hangzhou.aliyuncs.com/eci_open/nginx:1.27');
    assert.equal(
      received[0].params['ImageRegistryCredential.1.Password'],
      REGISTRY_PASSWORD,
      'the secret itself reaches the service',
    );
    assert.equal(endpoint.groups.size, 0, 'a dry run creates nothing');

    assert.ok((await outputText()).includes(String(outcome.requestId)), 'the RequestId is shown in the output');
  });

  it('creates the group: ContainerGroupId and RequestId are returned and shown, one group exists', async () => {
    const editor = await openEciDocument(GROUP.replace('web-integration', 'web-created'), 'create');
    const before = endpoint.requests.length;
    const outcome = await vscode.commands.executeCommand<RunOutcome>('eci.create', editor.document.uri, {
      confirm: false,
    });
    assert.equal(outcome?.kind, 'created', `create outcome: ${JSON.stringify(outcome)}`);

    const received = endpoint.requests.slice(before);
    assert.equal(received.length, 1);
    assert.equal(received[0].params.DryRun, undefined, 'a create is not a dry run');
    const token = received[0].params.ClientToken;
    assert.ok(token, 'a ClientToken is generated for a create');
    assert.equal(outcome.clientToken, token);
    assert.equal(
      outcome.containerGroupId,
      endpoint.groups.get(token),
      'the id the endpoint created is the one returned',
    );

    const output = await outputText();
    assert.ok(output.includes(String(outcome.containerGroupId)), 'the ContainerGroupId is shown in the output');
    assert.ok(output.includes(String(outcome.requestId)), 'the RequestId is shown in the output');
  });

  it('refuses to send a document with errors, and sends nothing', async () => {
    const editor = await openEciDocument(
      GROUP.replace('RegionId: cn-hangzhou\n', 'RegionId: cn-hangzhou\nRestartPolicy: always\n'),
      'blocked',
    );
    await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'schema.enum'), 'the enum error');
    const before = endpoint.requests.length;
    const outcome = await vscode.commands.executeCommand<RunOutcome>('eci.dryRun', editor.document.uri);
    assert.equal(outcome?.kind, 'blocked', JSON.stringify(outcome));
    assert.equal(outcome.reason, 'document-errors');
    assert.equal(endpoint.requests.length, before, 'nothing reached the endpoint');
  });

  it('offers "Dry run anyway" when only cross-field rule errors remain; forced, the dry run reaches the service; create stays refused', async () => {
    // A readiness probe without a check method: rule probe.single-handler, no schema error.
    const text = GROUP.replace('    Port:\n', '    ReadinessProbe:\n      PeriodSeconds: 5\n    Port:\n');
    const editor = await openEciDocument(text, 'rule-only');
    await waitForDiagnostics(
      editor.document.uri,
      (d) => d.some((x) => codeOf(x) === 'probe.single-handler'),
      'the rule error',
    );
    const before = endpoint.requests.length;
    const refused = await vscode.commands.executeCommand<RunOutcome>('eci.dryRun', editor.document.uri);
    assert.equal(refused?.kind, 'blocked', JSON.stringify(refused));
    assert.equal(refused.reason, 'document-errors');
    assert.equal(refused.dryRunAnyway, true, 'the refusal offers Dry run anyway');
    assert.equal(endpoint.requests.length, before, 'nothing reached the endpoint');
    const forced = await vscode.commands.executeCommand<RunOutcome>('eci.dryRun', editor.document.uri, { force: true });
    assert.equal(forced?.kind, 'dry-run-passed', JSON.stringify(forced));
    const sent = endpoint.requests.slice(before).find((r) => r.action === 'CreateContainerGroup');
    assert.equal(sent?.params.DryRun, 'true');
    assert.equal(sent?.params['Container.1.ReadinessProbe.PeriodSeconds'], '5');
    assert.match(await outputText(), /dry run despite 1 rule error\(s\) \(Dry run anyway\)/);
    const create = await vscode.commands.executeCommand<RunOutcome>('eci.create', editor.document.uri, {
      confirm: false,
      force: true,
    });
    assert.equal(create?.kind, 'blocked', JSON.stringify(create));
    assert.equal(create.dryRunAnyway, undefined);
    // A schema error is never overruled by a dry run.
    const typed = await openEciDocument(text.replace('Cpu: 2', 'Cpu: two'), 'schema-error');
    await waitForDiagnostics(typed.document.uri, (d) => d.some((x) => codeOf(x) === 'schema.type'), 'the type error');
    const noOffer = await vscode.commands.executeCommand<RunOutcome>('eci.dryRun', typed.document.uri);
    assert.equal(noOffer?.kind, 'blocked');
    assert.equal(noOffer.dryRunAnyway, undefined);
  });

  it('a finding suppressed with # eci-ignore leaves the problems and no longer blocks the dry run', async () => {
    const text = GROUP.replace(
      'RegionId: cn-hangzhou\n',
      'RegionId: cn-hangzhou\nRestartPolicy: Sometimes  # eci-ignore schema.enum -- new console policy\n',
    ).replace('    EnvironmentVarHide: true\n', '    EnvironmentVarHide: true\n    Command: [/bin/bash]\n');
    const editor = await openEciDocument(text, 'suppressed');
    // The Tty warning shows the document was analysed; the suppressed enum error is not among the problems.
    const diagnostics = await waitForDiagnostics(
      editor.document.uri,
      (d) => d.some((x) => codeOf(x) === 'container.tty-for-bash'),
      'the analysis',
    );
    assert.deepEqual(errorsOf(diagnostics.filter((d) => d.source === 'eci')), [], describeDiagnostics(diagnostics));
    const before = endpoint.requests.length;
    const outcome = await vscode.commands.executeCommand<RunOutcome>('eci.dryRun', editor.document.uri);
    assert.equal(outcome?.kind, 'dry-run-passed', JSON.stringify(outcome));
    assert.equal(
      endpoint.requests.slice(before).find((r) => r.action === 'CreateContainerGroup')?.params.RestartPolicy,
      'Sometimes',
    );
  });

  it('explains a service error as a diagnostic on the parameters it concerns', async () => {
    const editor = await openEciDocument(GROUP, 'service-error');
    const document = editor.document;
    endpoint.inject({ kind: 'error', code: 'InvalidParameter.CPU.Memory' });
    const outcome = await vscode.commands.executeCommand<RunOutcome>('eci.dryRun', document.uri);
    assert.equal(outcome?.kind, 'service-error', JSON.stringify(outcome));
    assert.equal(outcome.code, 'InvalidParameter.CPU.Memory');

    const diagnostics = await waitForDiagnostics(
      document.uri,
      (d) => d.some((x) => codeOf(x) === 'InvalidParameter.CPU.Memory'),
      'the service error diagnostic',
    );
    const placed = diagnostics.filter((x) => codeOf(x) === 'InvalidParameter.CPU.Memory');
    const lines = placed.map((d) => d.range.start.line).sort((a, b) => a - b);
    assert.deepEqual(
      lines,
      [positionOf(document, 'Cpu:').line, positionOf(document, 'Memory:').line],
      describeDiagnostics(diagnostics),
    );
    assert.match(placed[0].message, /vCPU|Cpu/, 'the diagnostic explains the error in plain words');
    assert.equal(
      errorsOf(diagnostics.filter((d) => d.source === 'eci')).length,
      0,
      'the document itself has no errors',
    );
  });

  it('shows the wire request with the secrets masked', async () => {
    const editor = await openEciDocument(GROUP, 'show-request');
    const outcome = await vscode.commands.executeCommand<RunOutcome & { lines?: string[]; uri?: string }>(
      'eci.showRequest',
      editor.document.uri,
    );
    assert.equal(outcome?.kind, 'request-shown', JSON.stringify(outcome));
    const lines = outcome.lines ?? [];
    assert.ok(lines.includes('Container.1.Name=nginx'), lines.join('\n'));
    assert.ok(lines.includes('ImageRegistryCredential.1.UserName=deployer'), lines.join('\n'));
    const shown = vscode.workspace.textDocuments.find((d) => d.uri.toString() === outcome.uri);
    assert.ok(shown, 'the request is open in an editor');
    for (const secret of [REGISTRY_PASSWORD, HIDDEN_VALUE, ACCESS_KEY_SECRET]) {
      assert.ok(!shown.getText().includes(secret), 'a secret is shown in the request view');
    }
    assert.ok(
      shown.getText().includes('ImageRegistryCredential.1.Password='),
      'the password key is listed (with its value masked)',
    );
  });

  it('never writes the access key secret, the registry password or a hidden environment value to the output', async () => {
    const output = await outputText();
    assert.ok(output.length > 0, 'the earlier tests wrote to the output');
    assert.ok(output.includes('web-integration'), 'the output is the one the dry runs wrote');
    for (const [name, secret] of [
      ['access key secret', ACCESS_KEY_SECRET],
      ['registry password', REGISTRY_PASSWORD],
      ['hidden environment value', HIDDEN_VALUE],
    ]) {
      assert.ok(!output.includes(secret), `the ${name} appears in the output channel`);
    }
  });
});
