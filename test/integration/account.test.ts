// Account-aware authoring in the extension host (issue 12): the extension looks up the account's facts
// in the background (eci/accountRegions -> the simulator's VPC, ECS and ECI look-ups -> eci/accountFacts),
// and the server completes and checks from them; the price CodeLens, hover and Create's confirmation line;
// the static fall-back without credentials; and the figure "the first look-up never delays diagnostics".
// The simulator (simulator/src) runs in this process on 127.0.0.1, eci.endpoint points at it, and it
// accepts only the suite's test key (scripts/run-extension-tests.mjs sets it in the environment).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startSimulator, type Simulator } from '../../simulator/src/server';
import {
  activateExtension,
  closeAllEditors,
  codeOf,
  completionLabels,
  describeDiagnostics,
  hoverText,
  openEciDocument,
  positionOf,
  recordMeasurement,
  replaceText,
  waitFor,
  waitForDiagnostics,
} from './helpers';

const ACCESS_KEY_ID = (process.env.ALIBABA_CLOUD_ACCESS_KEY_ID ||= 'LTAI5tExtensionHostKeyId');
const ACCESS_KEY_SECRET = (process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET ||= 'extension-host-secret-Hq4mN8rV1cX6');

/** vSwitch prod-h is in zone cn-hangzhou-h (simulator/src/account.ts): ZoneId cn-hangzhou-i contradicts it. */
const MISMATCH = `RegionId: cn-hangzhou
ContainerGroupName: web-account
ZoneId: cn-hangzhou-i
VSwitchId: vsw-bp1sim0prodh00000001
SecurityGroupId: sg-bp1sim0prodweb0000001
Cpu: 2
Memory: 4
Container:
  - Name: nginx
    Image: nginx:1.27
`;

async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
}

/** The price lens's title once it is no longer "Estimating…". */
function priceLens(uri: vscode.Uri, accept: (title: string) => boolean = () => true): Promise<string> {
  return waitFor(
    'the price CodeLens',
    async () => {
      const title = (await lenses(uri)).map((l) => l.command?.title ?? '').find((t) => t.startsWith('$(tag)'));
      return title && accept(title) ? title : undefined;
    },
    { pollMs: 200, timeoutMs: 30_000 },
  );
}

async function outputText(): Promise<string> {
  return (await vscode.commands.executeCommand<string>('eci.internal.outputText')) ?? '';
}

describe('account-aware authoring against the simulator (issue 12)', function () {
  this.timeout(120_000);
  let simulator: Simulator;
  let target: vscode.ConfigurationTarget;
  const eci = () => vscode.workspace.getConfiguration('eci');

  before(async () => {
    await activateExtension();
    simulator = await startSimulator({ accessKeys: { [ACCESS_KEY_ID]: { secret: ACCESS_KEY_SECRET } } });
    target = vscode.workspace.workspaceFolders?.length
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
    await eci().update('endpoint', `http://${simulator.endpoint}`, target);
    await eci().update('maxAttempts', 1, target);
    await eci().update('accountLookups', true, target);
  });

  after(async () => {
    for (const key of ['endpoint', 'maxAttempts', 'accountLookups', 'profile'])
      await eci().update(key, undefined, target);
    await simulator?.close();
  });

  afterEach(closeAllEditors);

  it("completes VSwitchId and SecurityGroupId with the account's live items, warns of a zone mismatch and applies its quick fix", async () => {
    const editor = await openEciDocument(MISMATCH, 'account');
    const uri = editor.document.uri;
    const warned = await waitForDiagnostics(
      uri,
      (d) => d.some((x) => codeOf(x) === 'account.zone-mismatch'),
      'the account.zone-mismatch warning',
      30_000,
    );
    const mismatch = warned.find((x) => codeOf(x) === 'account.zone-mismatch')!;
    assert.equal(mismatch.severity, vscode.DiagnosticSeverity.Warning, describeDiagnostics(warned));
    assert.equal(mismatch.range.start.line, 2, 'on the ZoneId line');
    // The look-ups reached the simulator with the suite's key, signed (it verifies the signatures).
    const actions = new Set(
      simulator.requests.filter((r) => r.signature === 'valid' && r.status === 200).map((r) => r.action),
    );
    for (const a of ['DescribeVSwitches', 'DescribeSecurityGroups', 'DescribeRegions'])
      assert.ok(actions.has(a), `${a} was looked up; got ${[...actions].join(', ')}`);

    const vSwitches = await completionLabels(editor.document, positionOf(editor.document, 'vsw-bp1sim0prodh00000001'));
    for (const id of ['vsw-bp1sim0prodi00000002', 'vsw-bp1sim0devk000000004'])
      assert.ok(vSwitches.includes(id), `live vSwitch ${id}; got ${vSwitches.join(', ')}`);
    const groups = await completionLabels(editor.document, positionOf(editor.document, 'sg-bp1sim0prodweb0000001'));
    for (const id of ['sg-bp1sim0prodint0000002', 'sg-bp1sim0devall00000003'])
      assert.ok(groups.includes(id), `live security group ${id}; got ${groups.join(', ')}`);

    const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      mismatch.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const zoneFix = fixes.find((a) => a.title === "Set ZoneId to cn-hangzhou-h (the vSwitch's zone)");
    assert.ok(zoneFix?.edit, `the zone quick fix; got ${fixes.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(zoneFix.edit));
    assert.ok(editor.document.getText().includes('ZoneId: cn-hangzhou-h\n'), editor.document.getText());
    await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'account.zone-mismatch'), 'the warning to clear');
  });

  it("shows the estimated price per hour above the document, on the size's hover, and says why there is none for a document with errors", async () => {
    const editor = await openEciDocument(MISMATCH.replace('ZoneId: cn-hangzhou-i', 'ZoneId: cn-hangzhou-h'), 'price');
    const uri = editor.document.uri;
    // 2 vCPU + 4 GiB: 0.00012252 CNY per second in the simulator, 0.441072 per hour.
    const title = await priceLens(uri, (t) => !t.includes('…'));
    assert.match(title, /^\$\(tag\) Estimated 0\.4411 CNY per hour · asked at \d\d:\d\d$/);
    const sent = simulator.requests.filter((r) => r.action === 'DescribeContainerGroupPrice').at(-1);
    assert.equal(sent?.params.Cpu, '2');
    assert.equal(sent?.params.Memory, '4');
    const hover = await hoverText(editor.document, positionOf(editor.document, 'Cpu: 2', 1));
    assert.match(hover, /Estimated price: 0\.4411 CNY per hour/);
    assert.match(hover, /per second \(0\.00012252 CNY\): multiplied by 3600/, 'the hover says what was converted');
    assert.doesNotMatch(
      await hoverText(editor.document, positionOf(editor.document, 'ContainerGroupName', 1)),
      /Estimated price/,
      'only on the size',
    );

    // Spot: the spot price (per hour already) joins the estimate.
    await replaceText(
      editor,
      editor.document.getText().replace('Memory: 4\n', 'Memory: 4\nSpotStrategy: SpotAsPriceGo\n'),
    );
    const spot = await priceLens(uri, (t) => t.includes('spot'));
    assert.match(spot, /Estimated 0\.4411 CNY per hour · spot from \d+\.\d{4} CNY per hour/);

    // A document with errors gets no price, and the lens says why.
    const asked = simulator.requests.filter((r) => r.action === 'DescribeContainerGroupPrice').length;
    await replaceText(editor, editor.document.getText().replace('Cpu: 2', 'Cpu: many'));
    const none = await priceLens(uri, (t) => t.includes('No price'));
    assert.match(none, /No price: the document has \d+ error\(s\)/);
    assert.equal(
      simulator.requests.filter((r) => r.action === 'DescribeContainerGroupPrice').length,
      asked,
      'no price asked for a document with errors',
    );
  });

  it("puts the price in Create's confirmation", async () => {
    const editor = await openEciDocument(
      MISMATCH.replace('ZoneId: cn-hangzhou-i', 'ZoneId: cn-hangzhou-h'),
      'confirm-price',
    );
    const shown: { message: string; detail?: string }[] = [];
    await vscode.commands.executeCommand('eci.internal.setUi', {
      confirm: (message: string, detail: string) => {
        shown.push({ message, detail });
        return Promise.resolve(undefined);
      },
    });
    try {
      const outcome = await vscode.commands.executeCommand<{ kind: string }>('eci.create', editor.document.uri);
      assert.equal(outcome?.kind, 'declined', JSON.stringify(outcome));
    } finally {
      await vscode.commands.executeCommand('eci.internal.setUi', undefined);
    }
    assert.equal(shown.length, 1);
    assert.match(
      shown[0].detail ?? '',
      /^Price: Estimated 0\.4411 CNY per hour · asked at \d\d:\d\d$/m,
      shown[0].detail,
    );
    assert.equal(simulator.requests.filter((r) => r.action === 'CreateContainerGroup').length, 0, 'nothing created');
  });

  it('the first look-up never delays diagnostics (figure: time to first diagnostics with and without a look-up in flight)', async () => {
    const firstDiagnostics = async (text: string, name: string) => {
      const opened = performance.now();
      const editor = await openEciDocument(text, name);
      await waitForDiagnostics(editor.document.uri, (d) => d.length > 0, `the first diagnostics of ${name}`);
      return { ms: performance.now() - opened, editor };
    };
    const withError = (region: string) =>
      `RegionId: ${region}\nContainerGroupName: timing\nCpu: lots\nMemory: 4\nContainer:\n  - Name: a\n    Image: nginx\n`;
    // Without look-ups: the setting off.
    await eci().update('accountLookups', false, target);
    const without = await firstDiagnostics(withError('cn-beijing'), 'timing-off');
    await closeAllEditors();
    await eci().update('accountLookups', true, target);
    await vscode.commands.executeCommand('eci.refreshAccount'); // the regions still open, looked up before the hold
    // With a look-up in flight: the simulator holds DescribeVSwitches of a region not looked up yet for 6 s.
    simulator.inject({ kind: 'slow', delayMs: 6_000, action: 'DescribeVSwitches' });
    const heldFrom = simulator.requests.length;
    const holder = await openEciDocument(withError('cn-shanghai'), 'timing-holder');
    await waitFor(
      'the look-up of cn-shanghai to be in flight',
      () =>
        simulator.requests
          .slice(heldFrom)
          .some((r) => r.action === 'DescribeVSwitches' && r.params.RegionId === 'cn-shanghai'),
      { pollMs: 50, timeoutMs: 20_000 },
    );
    const heldAt = performance.now();
    const inFlight = await firstDiagnostics(withError('cn-shanghai').replace('timing', 'timing-2'), 'timing-on');
    assert.equal(simulator.pendingFaults(), 0, 'the slow answer was taken');
    const lookedUp = simulator.requests
      .slice(heldFrom)
      .filter((r) => r.action === 'DescribeVSwitches' && r.params.RegionId === 'cn-shanghai');
    assert.ok(
      lookedUp.some((r) => r.fault === 'slow'),
      `the look-up of cn-shanghai was the one held: ${JSON.stringify(lookedUp.map((r) => r.fault))}`,
    );
    const diagnosedAt = heldAt + inFlight.ms;
    assert.ok(
      diagnosedAt < heldAt + 6_000 - 500,
      `first diagnostics ${Math.round(inFlight.ms)} ms after opening, while the look-up was held for 6 s`,
    );
    assert.equal(holder.document.isClosed, false);
    recordMeasurement('first-diagnostics-without-lookups', Math.round(without.ms), 'ms');
    recordMeasurement('first-diagnostics-with-lookup-in-flight', Math.round(inFlight.ms), 'ms');
  });

  it('falls back to the static behaviour without credentials: no account warnings, static region completion, one quiet line', async () => {
    await eci().update('profile', 'no-such-profile-for-the-test', target);
    await vscode.commands.executeCommand('eci.refreshAccount');
    const editor = await openEciDocument(MISMATCH, 'static');
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, () => true, 'the diagnostics');
    // Give a background round the time to have happened: the refresh above ran one, and the output says so.
    await waitFor(
      'the quiet line',
      async () => (await outputText()).includes('Account look-ups are off (no credentials'),
      { pollMs: 200 },
    );
    const again = vscode.languages.getDiagnostics(uri);
    assert.deepEqual(
      [...diagnostics, ...again].filter((d) => String(codeOf(d)).startsWith('account.')),
      [],
      describeDiagnostics(again),
    );
    const regions = await completionLabels(editor.document, positionOf(editor.document, 'cn-hangzhou'));
    assert.ok(
      regions.includes('eu-central-1'),
      `the static region list (eu-central-1 is not in the simulator's); got ${regions.join(', ')}`,
    );
    const vSwitches = await completionLabels(editor.document, positionOf(editor.document, 'vsw-bp1sim0prodh00000001'));
    assert.ok(!vSwitches.includes('vsw-bp1sim0prodi00000002'), `no live vSwitch; got ${vSwitches.join(', ')}`);
    assert.match(await priceLens(uri, (t) => t.includes('No price')), /No price: no credentials/);
    const quiet = (await outputText())
      .split('\n')
      .filter((l) => l.includes('Account look-ups are off (no credentials'));
    assert.equal(quiet.length, 1, `one quiet line, not one per look-up:\n${quiet.join('\n')}`);
    assert.ok(!(await outputText()).includes(ACCESS_KEY_SECRET));
  });
});
