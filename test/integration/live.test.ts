// Live groups in the editor against the ECI simulator (simulator/src, run here in the extension host):
// Create -> follow -> Running (status bar, events in the output, notification); a pull failure as a
// diagnostic on the Image line; the ECI Container Groups view; logs; run command; restart; delete with
// its modal confirmation; and no secret in tree labels, outputs or documents.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startSimulator, type Simulator } from '../../simulator/src';
import { activateExtension, closeAllEditors, openEciDocument, waitFor } from './helpers';

const ACCESS_KEY_ID = (process.env.ALIBABA_CLOUD_ACCESS_KEY_ID ||= 'LTAI5tExtensionHostKeyId');
const ACCESS_KEY_SECRET = (process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET ||= 'extension-host-secret-Hq4mN8rV1cX6');
const HIDDEN_VALUE = process.env.ECI_TEST_HIDDEN_VALUE || 'hidden-env-value-Pd3sL9zA';

const doc = (name: string, image: string, extra = '') => `RegionId: cn-hangzhou
ContainerGroupName: ${name}
Cpu: 1
Memory: 2
Container:
  - Name: app
    Image: ${image}
    EnvironmentVarHide: true
    EnvironmentVar:
      - Key: API_TOKEN
        Value: ${HIDDEN_VALUE}
${extra}`;

interface Recorded {
  info: string[];
  warnings: string[];
  errors: string[];
  confirms: { message: string; detail: string }[];
}

async function outputText(): Promise<string> {
  return vscode.commands.executeCommand<string>('eci.internal.outputText');
}

function assertNoSecret(text: string, where: string): void {
  for (const s of [ACCESS_KEY_SECRET, HIDDEN_VALUE]) assert.ok(!text.includes(s), `a secret appears in ${where}`);
}

describe('live container groups against the ECI simulator', function () {
  this.timeout(120_000);
  let sim: Simulator;
  let target: vscode.ConfigurationTarget;
  const recorded: Recorded = { info: [], warnings: [], errors: [], confirms: [] };
  let confirmAnswer: (message: string) => string | undefined = () => undefined;

  before(async () => {
    await activateExtension();
    sim = await startSimulator({
      accessKeys: { [ACCESS_KEY_ID]: { secret: ACCESS_KEY_SECRET } },
      timing: { pendingMs: 1500, crashAfterMs: 500, logIntervalMs: 300 },
    });
    target = vscode.workspace.workspaceFolders?.length
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
    const eci = vscode.workspace.getConfiguration('eci');
    await eci.update('endpoint', `http://${sim.endpoint}`, target);
    await eci.update('regions', ['cn-hangzhou'], target);
    await eci.update('followTimeoutSeconds', 60, target);
    await vscode.commands.executeCommand('eci.internal.setUi', {
      showInformationMessage: async (m: string) => void recorded.info.push(m),
      showWarningMessage: async (m: string) => void recorded.warnings.push(m),
      showErrorMessage: async (m: string) => void recorded.errors.push(m),
      confirm: async (message: string, detail: string, ...items: string[]) => {
        recorded.confirms.push({ message, detail });
        const a = confirmAnswer(message);
        return a && items.includes(a) ? a : undefined;
      },
      pick: async (items: string[]) => items[0],
      input: async () => 'echo hello',
    });
  });

  after(async () => {
    await vscode.commands.executeCommand('eci.internal.setUi', undefined);
    const eci = vscode.workspace.getConfiguration('eci');
    for (const k of ['endpoint', 'regions', 'followTimeoutSeconds']) await eci.update(k, undefined, target);
    await sim?.close();
  });

  afterEach(closeAllEditors);

  let webId = '';

  it('creates a group and follows it to Running: status bar item, events in the output, a notification', async () => {
    const editor = await openEciDocument(
      doc('web-live', 'registry.cn-hangzhou.aliyuncs.com/eci_open/nginx:1.27'),
      'live',
    );
    const outcome = await vscode.commands.executeCommand<{
      kind: string;
      containerGroupId: string;
      follow?: { kind: string };
    }>('eci.create', editor.document.uri, { confirm: false, awaitFollow: true });
    assert.equal(outcome.kind, 'created', JSON.stringify(outcome));
    webId = outcome.containerGroupId;
    assert.equal(outcome.follow?.kind, 'running', `the follow ended ${JSON.stringify(outcome.follow)}`);
    const state = await vscode.commands.executeCommand<{ statusBar: Record<string, string> }>('eci.internal.liveState');
    assert.match(state.statusBar[webId], /ECI web-live: Running/);
    assert.ok(
      recorded.info.some((m) => m.includes(webId) && m.includes('Running')),
      `no notification of Running: ${recorded.info.join(' | ')}`,
    );
    const text = await outputText();
    const pulled = text.split('\n').filter((l) => l.includes('[web-live]') && /Pulled|Started|Scheduled/.test(l));
    assert.ok(pulled.length > 0, `the group's events are in the output:\n${text.slice(-2000)}`);
    assert.equal(new Set(pulled).size, pulled.length, `an event was printed twice:\n${pulled.join('\n')}`);
    const polls = sim.requests.filter((r) => r.action === 'DescribeContainerGroups').length;
    assert.ok(polls >= 1, 'the group was polled');
    assertNoSecret(text, 'the ECI output');
  });

  it('puts an image pull failure on the Image line, saying it comes from the running group and its id', async () => {
    const editor = await openEciDocument(doc('broken-live', 'registry.example.com/doesnotexist/app:1'), 'pull');
    const outcome = await vscode.commands.executeCommand<{
      kind: string;
      containerGroupId: string;
      follow?: { kind: string };
    }>('eci.create', editor.document.uri, { confirm: false, awaitFollow: true });
    assert.equal(outcome.follow?.kind, 'failed', JSON.stringify(outcome.follow));
    const imageLine = editor.document
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('Image:'));
    const diagnostics = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'eci-live');
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.equal(diagnostics[0].range.start.line, imageLine, 'on the Image line');
    assert.match(diagnostics[0].message, new RegExp(`broken-live \\(${outcome.containerGroupId}\\)`));
    assert.match(diagnostics[0].message, /cannot be pulled/);
    assert.ok(
      recorded.errors.some((m) => m.includes(outcome.containerGroupId)),
      'a notification of the failure',
    );
    // The document changes: the failure of the running group goes.
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# edited\n'));
    await waitFor(
      'the live diagnostics to go',
      () => vscode.languages.getDiagnostics(editor.document.uri).every((d) => d.source !== 'eci-live'),
      { events: [vscode.languages.onDidChangeDiagnostics as vscode.Event<unknown>] },
    );
  });

  it('lists the regions, the groups (name, status, id, time), their containers and events in the view; no secret in a label', async () => {
    const api = vscode.commands;
    // The view's provider, as VS Code calls it, through the command that shows what it holds.
    const roots = await explorerChildren();
    assert.deepEqual(
      roots.map((n) => n.label),
      ['cn-hangzhou'],
    );
    const groups = await explorerChildren(roots[0].node);
    const web = groups.find((g) => g.label === 'web-live');
    assert.ok(web, `web-live is listed: ${groups.map((g) => g.label).join(', ')}`);
    assert.match(String(web.description), new RegExp(`Running · ${webId} · \\d{4}-`));
    const below = await explorerChildren(web.node);
    assert.ok(
      below.some((n) => n.label === 'app' && /Running · ready · restarts: 0/.test(String(n.description))),
      JSON.stringify(below.map((n) => [n.label, n.description])),
    );
    const events = below.find((n) => /^Events \(\d+\)$/.test(String(n.label)));
    assert.ok(events, 'an Events node');
    const eventNodes = await explorerChildren(events.node);
    assert.ok(eventNodes.length > 0, 'events are listed');
    for (const n of [...roots, ...groups, ...below, ...eventNodes])
      assertNoSecret(`${n.label} ${n.description} ${n.tooltip}`, 'a tree label');
    void api;
  });

  it('shows the logs of a container (last lines, following) and runs a one-shot command', async () => {
    const logs = await vscode.commands.executeCommand<{ kind: string; uri: string; lines: string[] }>(
      'eci.group.logs',
      { regionId: 'cn-hangzhou', groupId: webId },
    );
    assert.equal(logs.kind, 'logs', JSON.stringify(logs));
    assert.ok(logs.lines.length > 0, 'log lines');
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === logs.uri);
    assert.ok(document, 'the logs document is open');
    const before = document.lineCount;
    await waitFor('more log lines while following', () => document.lineCount > before, {
      pollMs: 200,
      timeoutMs: 15_000,
    });
    const lines = document.getText().split('\n').filter(Boolean);
    assert.equal(new Set(lines).size, lines.length, 'no line repeated');
    assertNoSecret(document.getText(), 'the logs document');
    const run = await vscode.commands.executeCommand<{ kind: string; output: string }>('eci.group.runCommand', {
      regionId: 'cn-hangzhou',
      groupId: webId,
      command: ['echo', 'hello'],
    });
    assert.equal(run.kind, 'command-output', JSON.stringify(run));
    assert.match(run.output, /hello/);
  });

  it('restarts after confirmation, and deletes after a modal confirmation naming the group, its id and region', async () => {
    confirmAnswer = () => undefined;
    const declined = await vscode.commands.executeCommand<{ kind: string }>('eci.group.delete', {
      regionId: 'cn-hangzhou',
      groupId: webId,
    });
    assert.equal(declined.kind, 'declined');
    assert.ok(!sim.requests.some((r) => r.action === 'DeleteContainerGroup'), 'nothing deleted without confirmation');
    const asked = recorded.confirms[recorded.confirms.length - 1];
    assert.ok(asked.message.includes(webId) && asked.message.includes('cn-hangzhou'), asked.message);
    confirmAnswer = (m) => (m.startsWith('Restart') ? 'Restart' : m.startsWith('Delete') ? 'Delete' : undefined);
    const restarted = await vscode.commands.executeCommand<{ kind: string }>('eci.group.restart', {
      regionId: 'cn-hangzhou',
      groupId: webId,
    });
    assert.equal(restarted.kind, 'restarted', JSON.stringify(restarted));
    assert.ok(sim.requests.some((r) => r.action === 'RestartContainerGroup' && r.params.ContainerGroupId === webId));
    const deleted = await vscode.commands.executeCommand<{ kind: string }>('eci.group.delete', {
      regionId: 'cn-hangzhou',
      groupId: webId,
    });
    assert.equal(deleted.kind, 'deleted', JSON.stringify(deleted));
    assert.ok(sim.requests.some((r) => r.action === 'DeleteContainerGroup' && r.params.ContainerGroupId === webId));
    const groups = await explorerChildren((await explorerChildren())[0].node);
    assert.ok(!groups.some((g) => String(g.description).includes(webId)), 'the deleted group is gone from the view');
    assertNoSecret(await outputText(), 'the ECI output');
  });
});

interface Shown {
  node: unknown;
  label: string;
  description?: string;
  tooltip?: string;
}

/** The view's children as VS Code gets them (its registered provider, through the test command). */
async function explorerChildren(node?: unknown): Promise<Shown[]> {
  const r = await vscode.commands.executeCommand<Shown[]>('eci.internal.explorer', node);
  return r;
}

describe('a live group as a document, and Apply changes', function () {
  this.timeout(120_000);
  let sim: Simulator;
  let target: vscode.ConfigurationTarget;
  const confirms: { message: string; detail: string }[] = [];

  before(async () => {
    await activateExtension();
    sim = await startSimulator({
      accessKeys: { [ACCESS_KEY_ID]: { secret: ACCESS_KEY_SECRET } },
      timing: { pendingMs: 500 },
    });
    target = vscode.workspace.workspaceFolders?.length
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
    await vscode.workspace.getConfiguration('eci').update('endpoint', `http://${sim.endpoint}`, target);
    await vscode.commands.executeCommand('eci.internal.setUi', {
      showInformationMessage: async () => undefined,
      showErrorMessage: async () => undefined,
      confirm: async (message: string, detail: string, ...items: string[]) => {
        confirms.push({ message, detail });
        return items[0];
      },
    });
  });

  after(async () => {
    await vscode.commands.executeCommand('eci.internal.setUi', undefined);
    await vscode.workspace.getConfiguration('eci').update('endpoint', undefined, target);
    await sim?.close();
  });

  afterEach(closeAllEditors);

  it('opens a live group as an .eci.yaml document without its secrets, and applies a change after showing the difference', async () => {
    const editor = await openEciDocument(
      doc('yaml-live', 'registry.cn-hangzhou.aliyuncs.com/eci_open/nginx:1.27'),
      'yaml',
    );
    const created = await vscode.commands.executeCommand<{ kind: string; containerGroupId: string }>(
      'eci.create',
      editor.document.uri,
      { confirm: false, awaitFollow: true },
    );
    assert.equal(created.kind, 'created');
    const opened = await vscode.commands.executeCommand<{ kind: string; uri: string; text: string }>(
      'eci.group.openYaml',
      { regionId: 'cn-hangzhou', groupId: created.containerGroupId },
    );
    assert.equal(opened.kind, 'opened', JSON.stringify(opened));
    assert.match(opened.text, /ContainerGroupName: yaml-live/);
    // (Another suite's registry password starts with "registry", and redaction also masks a secret's first
    // 8 characters wherever they appear: the host may show masked when the suites run together.)
    assert.match(opened.text, /Image: \S*\.cn-hangzhou\.aliyuncs\.com\/eci_open\/nginx:1\.27/);
    assertNoSecret(opened.text, 'the opened document');
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === opened.uri)!;
    assert.equal(document.languageId, 'eci-yaml');
    // The document from the editor is linked to its group: change its Memory and apply.
    const source = await vscode.window.showTextDocument(editor.document);
    const memoryLine = source.document
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('Memory:'));
    await source.edit((e) => e.replace(source.document.lineAt(memoryLine).range, 'Memory: 4'));
    const before = sim.requests.length;
    const applied = await vscode.commands.executeCommand<{ kind: string; changed: string[] }>(
      'eci.applyChanges',
      editor.document.uri,
    );
    assert.equal(applied.kind, 'updated', JSON.stringify(applied));
    assert.ok(
      confirms.some((c) => /Memory: 2 → 4/.test(c.detail)),
      `the difference was shown first: ${JSON.stringify(confirms)}`,
    );
    const update = sim.requests.slice(before).find((r) => r.action === 'UpdateContainerGroup');
    assert.equal(update?.params.Memory, '4');
    assert.equal(update?.params.ContainerGroupId, created.containerGroupId);
  });
});
