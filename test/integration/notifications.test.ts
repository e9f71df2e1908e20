// What Dry run and Create tell the user, through the extension's UI seam (client/src/ui.ts): the
// suite hands a recorder to the hidden command `eci.internal.setUi` (registered only when VS Code
// runs the extension's tests), which keeps every message, modal confirmation and clipboard write and
// answers the buttons as each test says. Against the local ECI test endpoint:
// - Create's confirmation names the group, region, credential source and endpoint; declining sends nothing;
// - the Copy ContainerGroupId / Copy RequestId buttons put those ids on the clipboard;
// - the history of created groups is written to the output, newest first;
// - a call is cancelled through RunOptions.cancellation, before and after its request was sent;
// - a second call on the same file while one runs is refused;
// - an untrusted workspace refuses dry run and create, and ignores a workspace eci.endpoint;
// - no message, confirmation, clipboard text or diagnostic carries a secret, even when the
//   service's Message echoes one.
//
// Workspace trust: the runner starts code-server with --disable-workspace-trust (every workspace is
// trusted, and trust cannot be revoked from the extension API), so the refusal is driven through the
// seam's isWorkspaceTrusted, and the endpoint setting through effectiveSetting, the decision that
// client/src/config.ts's readSettings applies, fed with the real WorkspaceConfiguration.inspect.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { effectiveSetting } from '../../client/src/settingValues';
import { startEciEndpoint, type EciEndpoint } from '../support/eciEndpoint';
import {
  activateExtension,
  closeAllEditors,
  codeOf,
  EXTENSION_ID,
  openEciDocument,
  waitForNoFollow,
  waitFor,
  waitForDiagnostics,
} from './helpers';

const ACCESS_KEY_ID = (process.env.ALIBABA_CLOUD_ACCESS_KEY_ID ||= 'LTAI5tExtensionHostKeyId');
const ACCESS_KEY_SECRET = (process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET ||= 'extension-host-secret-Hq4mN8rV1cX6');
const REGISTRY_PASSWORD = process.env.ECI_TEST_REGISTRY_PASSWORD || 'registry-password-Ky5tB2wQ';
const HIDDEN_VALUE = process.env.ECI_TEST_HIDDEN_VALUE || 'hidden-env-value-Pd3sL9zA';
/** An access key stored in SecretStorage by one test (its secret is one more value to scan for). */
const STORED_KEY_ID = 'LTAI5tStoredInVsCodeKey';
const STORED_KEY_SECRET = 'stored-key-secret-Tb6yH1uE';
const SECRETS: [string, string][] = [
  ['access key secret', ACCESS_KEY_SECRET],
  ['stored access key secret', STORED_KEY_SECRET],
  ['registry password', REGISTRY_PASSWORD],
  ['hidden environment value', HIDDEN_VALUE],
];

const groupDocument = (name: string) => `RegionId: cn-shanghai
ContainerGroupName: ${name}
Cpu: 1
Memory: 2
ImageRegistryCredential:
  - Server: registry.cn-shanghai.aliyuncs.com
    UserName: deployer
    Password: ${REGISTRY_PASSWORD}
Container:
  - Name: app
    Image: registry.cn-shanghai.aliyuncs.com/eci_open/nginx:1.27
    EnvironmentVarHide: true
    EnvironmentVar:
      - Key: API_TOKEN
        Value: ${HIDDEN_VALUE}
`;

interface RunOutcome {
  kind: string;
  [key: string]: unknown;
}

type ShownKind = 'information' | 'warning' | 'error' | 'confirm';
interface Shown {
  kind: ShownKind;
  message: string;
  detail?: string;
  items: string[];
}

/** The recorder handed to eci.internal.setUi: keeps what is shown, answers with `answer`. */
class RecordingUi {
  readonly shown: Shown[] = [];
  readonly clipboard: string[] = [];
  trusted = true;
  /** The button to choose for a message (undefined: dismissed). */
  answer: (shown: Shown) => string | undefined = () => undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onChange = this.changed.event;

  private record(kind: ShownKind, message: string, items: string[], detail?: string): Thenable<string | undefined> {
    const shown: Shown = { kind, message, items, ...(detail !== undefined ? { detail } : {}) };
    this.shown.push(shown);
    this.changed.fire();
    const picked = this.answer(shown);
    if (picked !== undefined)
      assert.ok(
        items.includes(picked),
        `the test chose "${picked}", which is not a button of "${message}" (${items.join(', ')})`,
      );
    return Promise.resolve(picked);
  }
  showInformationMessage(message: string, ...items: string[]) {
    return this.record('information', message, items);
  }
  showWarningMessage(message: string, ...items: string[]) {
    return this.record('warning', message, items);
  }
  showErrorMessage(message: string, ...items: string[]) {
    return this.record('error', message, items);
  }
  confirm(message: string, detail: string, ...items: string[]) {
    return this.record('confirm', message, items, detail);
  }
  writeClipboard(text: string): Thenable<void> {
    this.clipboard.push(text);
    this.changed.fire();
    return Promise.resolve();
  }
  isWorkspaceTrusted(): boolean {
    return this.trusted;
  }
  /** What was shown since index `from`. */
  since(from: number): Shown[] {
    return this.shown.slice(from);
  }
  dispose(): void {
    this.changed.dispose();
  }
}

async function outputText(): Promise<string> {
  const text = await vscode.commands.executeCommand<string>('eci.internal.outputText');
  assert.equal(typeof text, 'string');
  return text;
}

const describeShown = (shown: Shown[]) =>
  shown.map((s) => `${s.kind}: ${s.message}${s.detail ? ` | ${s.detail}` : ''} [${s.items.join(', ')}]`).join('\n');

describe('what dry run and create tell the user (recorded through the UI seam)', function () {
  let endpoint: EciEndpoint;
  let target: vscode.ConfigurationTarget;
  const ui = new RecordingUi();
  /** Every diagnostic message the service errors placed, for the secret scan. */
  const diagnosticTexts: string[] = [];

  before(async () => {
    await activateExtension();
    endpoint = await startEciEndpoint({
      accessKeys: { [ACCESS_KEY_ID]: { secret: ACCESS_KEY_SECRET }, [STORED_KEY_ID]: { secret: STORED_KEY_SECRET } },
    });
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
    await vscode.commands.executeCommand('eci.internal.setUi', ui);
  });

  after(async () => {
    await vscode.commands.executeCommand('eci.internal.setUi', undefined);
    const eci = vscode.workspace.getConfiguration('eci');
    await eci.update('endpoint', undefined, target);
    await eci.update('maxAttempts', undefined, target);
    await eci.update('followTimeoutSeconds', undefined, target);
    await eci.update('accountLookups', undefined, target);
    await endpoint?.close();
    ui.dispose();
  });

  beforeEach(() => {
    ui.trusted = true;
    ui.answer = () => undefined;
  });

  afterEach(async () => {
    await closeAllEditors();
    // Create follows the new group (polling this endpoint): let it end before the next test counts requests.
    await waitForNoFollow();
  });

  it('is registered only as a hidden command: eci.internal.setUi is not offered in the palette', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { menus: { commandPalette: { command: string; when?: string }[] } };
    };
    const entry = pkg.contributes.menus.commandPalette.find((m) => m.command === 'eci.internal.setUi');
    assert.equal(entry?.when, 'false', 'the palette hides eci.internal.setUi');
  });

  it('asks before creating, naming the group, region, credential source and endpoint; declining sends nothing', async () => {
    const editor = await openEciDocument(groupDocument('web-confirmed'), 'confirm');
    const from = ui.shown.length;
    const before = endpoint.requests.length;
    const declined = await vscode.commands.executeCommand<RunOutcome>('eci.create', editor.document.uri);
    assert.equal(declined?.kind, 'declined', JSON.stringify(declined));
    assert.equal(endpoint.requests.length, before, 'nothing is sent when the confirmation is dismissed');

    const asked = ui.since(from).filter((s) => s.kind === 'confirm');
    assert.equal(asked.length, 1, describeShown(ui.since(from)));
    const { message, detail = '', items } = asked[0];
    assert.match(message, /"web-confirmed"/, 'the confirmation names the group');
    assert.match(message, /cn-shanghai/, 'the confirmation names the region');
    assert.match(
      detail,
      /environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/,
      `the credential source is named: ${detail}`,
    );
    assert.ok(
      detail.includes(`AccessKey ${ACCESS_KEY_ID.slice(0, 4)}****${ACCESS_KEY_ID.slice(-4)}`),
      `the AccessKey ID is shown masked: ${detail}`,
    );
    assert.ok(!detail.includes(ACCESS_KEY_ID), 'the full AccessKey ID is not shown');
    assert.ok(detail.includes(`http://${endpoint.endpoint}`), `the endpoint is named: ${detail}`);
    if (target === vscode.ConfigurationTarget.Workspace)
      assert.match(detail, /set by this workspace/, 'an endpoint from the workspace settings is marked as such');
    assert.match(detail, /confirm-\d+\.eci\.yaml/, 'the file is named');
    assert.deepEqual(items, ['Create']);

    ui.answer = (s) => (s.kind === 'confirm' ? 'Create' : undefined);
    const created = await vscode.commands.executeCommand<RunOutcome>('eci.create', editor.document.uri);
    assert.equal(created?.kind, 'created', JSON.stringify(created));
    assert.equal(endpoint.requests.length, before + 1, 'choosing Create sends one request');
    assert.equal(endpoint.requests[before].params.ContainerGroupName, 'web-confirmed');
  });

  it('names an access key stored in VS Code as the credential source in the confirmation', async () => {
    const stored = await vscode.commands.executeCommand<{ kind?: string }>('eci.storeAccessKey', {
      accessKeyId: STORED_KEY_ID,
      accessKeySecret: STORED_KEY_SECRET,
    });
    try {
      assert.ok(stored, 'eci.storeAccessKey returned its outcome');
      const editor = await openEciDocument(groupDocument('web-stored-key'), 'stored-key');
      const from = ui.shown.length;
      ui.answer = (s) => (s.kind === 'confirm' ? 'Create' : undefined);
      const before = endpoint.requests.length;
      const created = await vscode.commands.executeCommand<RunOutcome>('eci.create', editor.document.uri);
      assert.equal(created?.kind, 'created', JSON.stringify(created));
      const asked = ui.since(from).find((s) => s.kind === 'confirm');
      assert.match(asked?.detail ?? '', /access key stored in VS Code/, describeShown(ui.since(from)));
      assert.ok(
        asked?.detail?.includes(`AccessKey ${STORED_KEY_ID.slice(0, 4)}****${STORED_KEY_ID.slice(-4)}`),
        asked?.detail,
      );
      assert.equal(
        endpoint.requests[before].accessKeyId,
        STORED_KEY_ID,
        'the request is signed with the stored key it named',
      );
      assert.equal(endpoint.requests[before].signature, 'valid');
    } finally {
      await vscode.commands.executeCommand('eci.clearAccessKey');
    }
  });

  it('copies the ContainerGroupId or the RequestId to the clipboard from the buttons of the result', async () => {
    for (const [button, field] of [
      ['Copy ContainerGroupId', 'containerGroupId'],
      ['Copy RequestId', 'requestId'],
    ] as const) {
      const editor = await openEciDocument(groupDocument(`web-copy-${field.toLowerCase()}`), 'copy');
      const from = ui.shown.length;
      const copied = ui.clipboard.length;
      ui.answer = (s) => (s.kind === 'information' && s.items.includes(button) ? button : undefined);
      const created = await vscode.commands.executeCommand<RunOutcome>('eci.create', editor.document.uri, {
        confirm: false,
      });
      assert.equal(created?.kind, 'created', JSON.stringify(created));
      const result = ui.since(from).find((s) => s.kind === 'information');
      assert.ok(result, describeShown(ui.since(from)));
      assert.ok(
        result.message.includes(String(created.containerGroupId)) && result.message.includes(String(created.requestId)),
        result.message,
      );
      assert.match(result.message, new RegExp(`"web-copy-${field.toLowerCase()}" in cn-shanghai`));
      assert.deepEqual(result.items, ['Copy ContainerGroupId', 'Copy RequestId']);
      const text = await waitFor(`the clipboard after "${button}"`, () => ui.clipboard[copied], {
        events: [ui.onChange],
      });
      assert.equal(text, created[field], `"${button}" copies the ${field}`);
      assert.equal(ui.clipboard.length, copied + 1, 'one button, one copy');
    }
  });

  it('writes the history of created groups to the output, newest first', async () => {
    const names = ['web-history-a', 'web-history-b'];
    const ids: string[] = [];
    for (const name of names) {
      const editor = await openEciDocument(groupDocument(name), 'history');
      const created = await vscode.commands.executeCommand<RunOutcome>('eci.create', editor.document.uri, {
        confirm: false,
      });
      assert.equal(created?.kind, 'created', JSON.stringify(created));
      ids.push(String(created.containerGroupId));
    }
    const output = await outputText();
    const header = 'Container groups created from this editor (newest first):';
    const last = output.lastIndexOf(header);
    assert.ok(last >= 0, `no history in the output:\n${output.slice(-2000)}`);
    const lines = output
      .slice(last + header.length)
      .split('\n')
      .filter((l) => l.startsWith('  '));
    const rowOf = (id: string) => lines.findIndex((l) => l.includes(id));
    const [older, newer] = ids.map(rowOf);
    assert.ok(older >= 0 && newer >= 0, `both groups are in the history:\n${lines.join('\n')}`);
    assert.ok(newer < older, `the newest group comes first:\n${lines.join('\n')}`);
    const row = lines[newer].trim().split('\t');
    assert.equal(row[1], ids[1], 'the row gives the ContainerGroupId');
    assert.equal(row[2], 'web-history-b', 'the row gives the group name');
    assert.equal(row[3], 'cn-shanghai', 'the row gives the region');
    assert.match(row[4], /^RequestId=[0-9A-F-]{36}$/);
    assert.match(row[5], /history-\d+\.eci\.yaml$/, 'the row gives the file');
  });

  it('cancels through the cancellation option: before the request (nothing sent) and while it waits (the ClientToken is reported)', async () => {
    const editor = await openEciDocument(groupDocument('web-cancelled'), 'cancel');
    const early = new vscode.CancellationTokenSource();
    early.cancel();
    let before = endpoint.requests.length;
    const notSent = await vscode.commands.executeCommand<RunOutcome>('eci.create', editor.document.uri, {
      confirm: false,
      cancellation: early.token,
    });
    assert.equal(notSent?.kind, 'cancelled', JSON.stringify(notSent));
    assert.equal(notSent.requestSent, false);
    assert.equal(endpoint.requests.length, before, 'a call cancelled before it starts sends nothing');

    const groupsBefore = endpoint.groups.size;
    endpoint.inject({ kind: 'hang' });
    const source = new vscode.CancellationTokenSource();
    before = endpoint.requests.length;
    const from = ui.shown.length;
    const running = vscode.commands.executeCommand<RunOutcome>('eci.create', editor.document.uri, {
      confirm: false,
      cancellation: source.token,
    });
    await endpoint.waitForRequests(before + 1);
    source.cancel();
    const outcome = await running;
    assert.equal(outcome?.kind, 'cancelled', JSON.stringify(outcome));
    assert.equal(outcome.requestSent, true);
    assert.equal(
      outcome.clientToken,
      endpoint.requests[before].params.ClientToken,
      'the ClientToken sent is the one reported',
    );
    assert.equal(endpoint.groups.size, groupsBefore, 'the hung request created nothing');
    const told = ui.since(from).find((s) => s.kind === 'information' && /Cancelled/.test(s.message));
    assert.ok(told, describeShown(ui.since(from)));
    assert.ok(
      told.message.includes(String(outcome.clientToken)),
      `the user is told the ClientToken to check: ${told.message}`,
    );
    assert.match(told.message, /may still be created/);
    early.dispose();
    source.dispose();
  });

  it('refuses a second dry run or create of the same file while one is running, and sends nothing for it', async () => {
    const editor = await openEciDocument(groupDocument('web-busy'), 'busy');
    endpoint.inject({ kind: 'hang' });
    const source = new vscode.CancellationTokenSource();
    const before = endpoint.requests.length;
    const first = vscode.commands.executeCommand<RunOutcome>('eci.create', editor.document.uri, {
      confirm: false,
      cancellation: source.token,
    });
    await endpoint.waitForRequests(before + 1);
    const from = ui.shown.length;
    for (const command of ['eci.create', 'eci.dryRun']) {
      const second = await vscode.commands.executeCommand<RunOutcome>(command, editor.document.uri, { confirm: false });
      assert.equal(second?.kind, 'blocked', `${command}: ${JSON.stringify(second)}`);
      assert.equal(second.reason, 'already-running');
    }
    assert.equal(endpoint.requests.length, before + 1, 'only the first call reached the endpoint');
    const refusals = ui.since(from).filter((s) => s.kind === 'error');
    assert.equal(refusals.length, 2, describeShown(ui.since(from)));
    for (const r of refusals) assert.match(r.message, /busy-\d+\.eci\.yaml is already running/);
    source.cancel();
    assert.equal((await first)?.kind, 'cancelled');
    source.dispose();

    // Once the first call has ended, the file can be sent again.
    const again = await vscode.commands.executeCommand<RunOutcome>('eci.dryRun', editor.document.uri);
    assert.equal(again?.kind, 'dry-run-passed', JSON.stringify(again));
  });

  it('refuses dry run and create in an untrusted workspace, sending nothing and offering to manage trust', async () => {
    const editor = await openEciDocument(groupDocument('web-untrusted'), 'untrusted');
    ui.trusted = false;
    const before = endpoint.requests.length;
    const from = ui.shown.length;
    for (const [command, options] of [
      ['eci.dryRun', undefined],
      ['eci.create', undefined],
      ['eci.create', { confirm: false }],
    ] as const) {
      const outcome = await vscode.commands.executeCommand<RunOutcome>(command, editor.document.uri, options);
      assert.equal(outcome?.kind, 'blocked', `${command}: ${JSON.stringify(outcome)}`);
      assert.equal(outcome.reason, 'untrusted-workspace');
    }
    assert.equal(endpoint.requests.length, before, 'nothing reached the endpoint');
    const shown = ui.since(from);
    assert.equal(
      shown.filter((s) => s.kind === 'confirm').length,
      0,
      'no confirmation is asked in an untrusted workspace',
    );
    assert.equal(shown.length, 3, describeShown(shown));
    for (const s of shown) {
      assert.equal(s.kind, 'error');
      assert.match(s.message, /untrusted workspace/);
      assert.deepEqual(s.items, ['Manage workspace trust']);
    }
  });

  it('ignores a workspace eci.endpoint and eci.profile when the workspace is untrusted (the manifest restricts them too)', async () => {
    assert.equal(
      target,
      vscode.ConfigurationTarget.Workspace,
      'the suite runs with a workspace folder open (both runners open one)',
    );
    const editor = await openEciDocument(groupDocument('web-endpoint'), 'endpoint');
    const eci = vscode.workspace.getConfiguration('eci', editor.document.uri);
    await eci.update('profile', 'workspace-profile', target);
    try {
      const section = vscode.workspace.getConfiguration('eci', editor.document.uri);
      const endpointInspected = section.inspect<string>('endpoint');
      assert.equal(endpointInspected?.workspaceValue, `http://${endpoint.endpoint}`, 'the workspace sets the endpoint');
      assert.deepEqual(effectiveSetting('endpoint', endpointInspected, true, ''), {
        value: `http://${endpoint.endpoint}`,
        fromWorkspace: true,
      });
      const untrusted = effectiveSetting('endpoint', endpointInspected, false, '');
      assert.equal(untrusted.fromWorkspace, false);
      assert.equal(
        untrusted.value,
        endpointInspected?.globalValue ?? endpointInspected?.defaultValue,
        'the user setting or the default applies',
      );
      assert.notEqual(untrusted.value, `http://${endpoint.endpoint}`);

      const profileInspected = section.inspect<string>('profile');
      assert.equal(profileInspected?.workspaceValue, 'workspace-profile');
      assert.equal(
        effectiveSetting('profile', profileInspected, false, '').value,
        profileInspected?.globalValue ?? profileInspected?.defaultValue,
      );
      // A setting that cannot redirect anything is still read from the workspace.
      assert.deepEqual(effectiveSetting('maxAttempts', section.inspect<number>('maxAttempts'), false, 3), {
        value: 1,
        fromWorkspace: true,
      });
    } finally {
      await eci.update('profile', undefined, target);
    }
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
    };
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    for (const key of ['eci.endpoint', 'eci.profile', 'eci.allowInstanceMetadataCredentials']) {
      assert.ok(
        pkg.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(key),
        `${key} is a restricted configuration`,
      );
    }
  });

  it('keeps secrets out of a service error whose Message echoes them: notification, result and diagnostics', async () => {
    const editor = await openEciDocument(groupDocument('web-echo'), 'echo');
    const from = ui.shown.length;
    endpoint.inject({
      kind: 'error',
      code: 'InvalidParameter.DuplicatedName',
      message: `The container name is duplicated (Password=${REGISTRY_PASSWORD}, API_TOKEN=${HIDDEN_VALUE}, key ${ACCESS_KEY_SECRET}).`,
    });
    const outcome = await vscode.commands.executeCommand<RunOutcome>('eci.dryRun', editor.document.uri);
    assert.equal(outcome?.kind, 'service-error', JSON.stringify(outcome));
    assert.equal(outcome.code, 'InvalidParameter.DuplicatedName');
    assert.match(
      String(outcome.message),
      /The container name is duplicated \(Password=/,
      'the service message is kept, with the secrets masked',
    );
    const error = ui.since(from).find((s) => s.kind === 'error');
    assert.ok(error, describeShown(ui.since(from)));
    assert.match(error.message, /InvalidParameter\.DuplicatedName/);
    assert.match(error.message, /The container name is duplicated/, 'the notification carries the service message');
    const diagnostics = await waitForDiagnostics(
      editor.document.uri,
      (d) => d.some((x) => codeOf(x) === 'InvalidParameter.DuplicatedName'),
      'the service error diagnostic',
    );
    diagnosticTexts.push(...diagnostics.map((d) => d.message));
    const json = JSON.stringify(outcome);
    for (const [name, secret] of SECRETS) {
      assert.ok(!error.message.includes(secret), `the ${name} appears in the error notification`);
      assert.ok(!json.includes(secret), `the ${name} appears in the command's result`);
    }
  });

  it('never shows a secret in any message, confirmation or clipboard text of this suite, nor in a diagnostic', () => {
    assert.ok(ui.shown.length >= 10, `the suite recorded its messages (${ui.shown.length})`);
    for (const kind of ['information', 'error', 'confirm'] as const)
      assert.ok(
        ui.shown.some((s) => s.kind === kind),
        `no ${kind} message was recorded`,
      );
    assert.ok(diagnosticTexts.length > 0, 'a service error diagnostic was recorded');
    const texts = [
      ...ui.shown.flatMap((s) => [s.message, s.detail ?? '', ...s.items]),
      ...ui.clipboard,
      ...diagnosticTexts,
    ];
    for (const [name, secret] of SECRETS) {
      const leaks = texts.filter((t) => t.includes(secret));
      assert.deepEqual(leaks, [], `the ${name} appears in what the user was shown`);
    }
  });
});
