// UI tests: VS Code (code-server) in headless Chromium, with the extension installed from its
// .vsix as a user would install it, driven by keyboard and mouse through Playwright. Screenshots of
// every step go to test-artifacts/ui/.
//
// Run by scripts/run-ui-tests.mjs, which builds and packages the extension and passes the .vsix in
// ECI_UI_VSIX. Dry run goes to the local ECI test endpoint (test/support/eciEndpoint.ts), named in
// the workspace setting `eci.endpoint`; credentials come from the environment.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { repoRoot, startEciEndpoint, type EciEndpoint } from '../support/eciEndpoint';
import { hoverWord, quickOpen, runCommand, suggestLabels, waitForWorkbench } from './steps';

const ACCESS_KEY_ID = 'LTAI5tUiTestKeyId';
const ACCESS_KEY_SECRET = 'ui-test-secret-Wn6pT3xQ8';

interface CodeServer {
  url: string;
  workspace: string;
  sessionDir: string;
  stop(): Promise<void>;
  output(): string;
}
interface Runtime {
  ensureVscodeRuntime(): unknown;
  startCodeServer(runtime: unknown, options: Record<string, unknown>): Promise<CodeServer>;
  launchChromium(runtime: unknown): Promise<Browser>;
}

const root = repoRoot();
const artifacts = path.join(root, 'test-artifacts', 'ui');
let endpoint: EciEndpoint;
let server: CodeServer | undefined;
let browser: Browser | undefined;
let page: Page;

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
}

/** Runs a UI step and keeps a screenshot of how the window looked at its end, passed or failed. */
async function step(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } finally {
    await screenshot(name).catch(() => undefined);
  }
}

before(async () => {
  const vsix = process.env.ECI_UI_VSIX;
  assert.ok(
    vsix && fs.existsSync(vsix),
    'ECI_UI_VSIX must name the packaged extension: run the UI tests with `node scripts/run-ui-tests.mjs`',
  );
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });
  const runtimeModule = (await import(
    pathToFileURL(path.join(root, 'scripts', 'install-vscode-runtime.mjs')).href
  )) as Runtime;
  const runtime = runtimeModule.ensureVscodeRuntime();
  endpoint = await startEciEndpoint({ accessKeys: { [ACCESS_KEY_ID]: { secret: ACCESS_KEY_SECRET } } });
  server = await runtimeModule.startCodeServer(runtime, {
    name: 'ui',
    workspaceSource: path.join(root, 'examples'),
    vsix,
    env: { ALIBABA_CLOUD_ACCESS_KEY_ID: ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET: ACCESS_KEY_SECRET },
  });
  fs.mkdirSync(path.join(server.workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(
    path.join(server.workspace, '.vscode', 'settings.json'),
    JSON.stringify({ 'eci.endpoint': `http://${endpoint.endpoint}`, 'eci.maxAttempts': 1 }, null, 2),
  );
  browser = await runtimeModule.launchChromium(runtime);
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspace)}`);
  await waitForWorkbench(page);
});

after(async () => {
  await browser?.close().catch(() => undefined);
  await server?.stop();
  await endpoint?.close();
  // The screenshots are the artifacts; the session's scratch folders go unless asked to stay.
  if (server && !process.env.ECI_KEEP_SESSION) fs.rmSync(server.sessionDir, { recursive: true, force: true });
});

test('opening an example with Ctrl+P gives it the ECI language and the CodeLens', async () => {
  await step('01-open-example', async () => {
    await quickOpen(page, 'web-server.eci.yaml');
    const mode = page.locator('.statusbar-item#status\\.editor\\.mode');
    await mode.filter({ hasText: 'ECI Container Group' }).waitFor({ timeout: 20_000 });
    for (const lens of ['Dry run', 'Create', 'Show request']) {
      await page
        .locator('.editor-instance .codelens-decoration', { hasText: lens })
        .first()
        .waitFor({ timeout: 30_000 });
    }
  });
});

test('hovering a parameter shows its documentation', async () => {
  await step('02-hover', async () => {
    const text = await hoverWord(page, 'RestartPolicy', 'OnFailure');
    assert.match(text, /RestartPolicy/);
    assert.match(text, /restart policy/i, text);
    for (const value of ['Always', 'Never', 'OnFailure'])
      assert.ok(text.includes(value), `the hover lists ${value}:\n${text}`);
  });
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
});

test('ECI: Dry run from the command palette shows the result notification', async () => {
  await step('03-dry-run', async () => {
    const before = endpoint.requests.length;
    await runCommand(page, 'ECI: Dry run');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Dry run passed' });
    await toast.waitFor({ timeout: 30_000 });
    const text = await toast.innerText();
    assert.match(text, /web-frontend/, text);
    assert.match(text, /RequestId: [0-9A-F-]{36}/, text);
    const received = endpoint.requests.slice(before);
    assert.equal(received.length, 1, 'one request reached the endpoint');
    assert.equal(received[0].signature, 'valid');
    assert.equal(received[0].params.DryRun, 'true');
    assert.ok(text.includes(String(received[0].params.ContainerGroupName)));
  });
});

test('typing a key shows the suggestion list with the matching parameters', async () => {
  await step('04-suggest-keys', async () => {
    await quickOpen(page, 'batch-job.eci.yaml');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('Spot');
    await page.keyboard.press('Control+Space');
    const labels = await suggestLabels(page, 'SpotStrategy');
    for (const key of ['SpotStrategy', 'SpotPriceLimit', 'SpotDuration'])
      assert.ok(labels.includes(key), `${key} is suggested; got ${labels.join(', ')}`);
  });
});

test('after a key, the suggestion list offers its values, and accepting one writes it', async () => {
  await step('05-suggest-values', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('SpotStrategy: ');
    await page.keyboard.press('Control+Space');
    const labels = await suggestLabels(page, 'SpotAsPriceGo');
    assert.deepEqual([...labels].sort(), ['NoSpot', 'SpotAsPriceGo', 'SpotWithPriceLimit']);
    await page.keyboard.type('AsPrice');
    await page
      .locator('.editor-widget.suggest-widget.visible .monaco-list-row.focused', { hasText: 'SpotAsPriceGo' })
      .waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.editor-instance .view-line', { hasText: 'SpotStrategy: SpotAsPriceGo' }).waitFor();
  });
});
