// Activation: starts the bundled language server for `eci-yaml` documents (telling it the display
// language), registers the commands, the CodeLens and the read-only "Show request" documents.
// Activation stays light: it loads the language client and the CodeLens; the commands (dist/commands.js,
// with the call layer and the error explanations) load on the first command, and the ECI SDK and the
// credentials library only when a dry run or create is asked for.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerAccountFeatures } from './accountWiring';
import { EciCodeLensProvider } from './codelens';
import type { CommandContext, RunOptions } from './commands';
import { AccessKeyStore, selectProfile, type StoreAccessKeyArgs } from './accessKeys';
import { ServiceDiagnostics } from './errorDiagnostics';
import { EciOutput } from './output';
import { HISTORY_STATE_KEY, readHistory } from './history';
import { REQUEST_SCHEME, writeHistory } from './shared';
import type { NewFileArgs } from './newFile';
import { createRedactingTraceChannel } from './trace';
import { uiFrom, vscodeUi } from './ui';
import { SimulatorStatus } from './simulatorStatus';

let client: LanguageClient | undefined;

/**
 * The commands module, loaded on the first command (a bundle of its own, dist/commands.js: scripts/build.mjs
 * keeps this `require` out of dist/extension.js).
 */
let commandsModule: typeof import('./commands') | undefined;
function commands(): typeof import('./commands') {
  commandsModule ??= require('./commands') as typeof import('./commands');
  return commandsModule;
}

/**
 * The options of Dry run / Create from a command's second argument. Menus pass their own context
 * objects there (e.g. `{groupId}` from the editor title), so only the known fields with the right
 * types are taken: `confirm` must be the boolean `false` to skip the confirmation.
 */
function runOptions(arg: unknown): RunOptions {
  if (typeof arg !== 'object' || arg === null) return {};
  const o = arg as { confirm?: unknown; cancellation?: unknown };
  const options: RunOptions = {};
  if (o.confirm === false) options.confirm = false;
  if ((o as { force?: unknown }).force === true) options.force = true;
  if ((o as { awaitFollow?: unknown }).awaitFollow === true) options.awaitFollow = true;
  const c = o.cancellation as vscode.CancellationToken | undefined;
  if (c && typeof c.isCancellationRequested === 'boolean' && typeof c.onCancellationRequested === 'function')
    options.cancellation = c;
  return options;
}

/** What activate returns: for the extension-host tests. */
export interface EciExtensionApi {
  /** Time activate took, in ms (registration only: it does not wait for the language server). */
  activationMs: number;
  /** Resolves with the time from the start of activate until the language server answered `initialize`, in ms. */
  serverReady: Promise<number>;
}

export async function activate(context: vscode.ExtensionContext): Promise<EciExtensionApi> {
  const started = performance.now();
  const output = new EciOutput();
  const serviceDiagnostics = new ServiceDiagnostics();
  const accessKeys = new AccessKeyStore(context.secrets);
  const requestDocuments = new Map<string, string>();
  const requestDocumentsChanged = new vscode.EventEmitter<vscode.Uri>();
  const codeLens = new EciCodeLensProvider();
  context.subscriptions.push(output, serviceDiagnostics, requestDocumentsChanged, codeLens, new SimulatorStatus());

  let clientStarted: Promise<LanguageClient | undefined> = Promise.resolve(undefined);
  const explorerChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(explorerChanged);
  const ctx: CommandContext = {
    extension: context,
    client: () => clientStarted,
    output,
    serviceDiagnostics,
    accessKeys,
    requestDocuments,
    requestDocumentsChanged,
    ui: vscodeUi,
    explorerChanged,
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('eci.dryRun', (uri?: unknown, options?: unknown) =>
      commands().runCall(ctx, true, uri, runOptions(options)),
    ),
    vscode.commands.registerCommand('eci.create', (uri?: unknown, options?: unknown) =>
      commands().runCall(ctx, false, uri, runOptions(options)),
    ),
    vscode.commands.registerCommand('eci.showRequest', (uri?: unknown) => commands().showRequest(ctx, uri)),
    vscode.commands.registerCommand('eci.storeAccessKey', (args?: unknown) =>
      accessKeys.store(
        typeof args === 'object' && args !== null && typeof (args as StoreAccessKeyArgs).accessKeyId === 'string'
          ? (args as StoreAccessKeyArgs)
          : undefined,
      ),
    ),
    vscode.commands.registerCommand('eci.clearAccessKey', () => accessKeys.clear()),
    vscode.commands.registerCommand('eci.selectProfile', (profile?: string) =>
      selectProfile(typeof profile === 'string' ? profile : undefined),
    ),
    vscode.commands.registerCommand('eci.showOutput', () => {
      output.show(false);
      return { kind: 'output-shown' as const };
    }),
    vscode.commands.registerCommand('eci.newFile', (args?: NewFileArgs) =>
      commands().newContainerGroupFile(
        typeof args === 'object' && args !== null && !(args instanceof vscode.Uri) ? args : {},
      ),
    ),
    vscode.commands.registerCommand('eci.internal.outputText', () => output.text()),
    // The "ECI Container Groups" view: its provider loads the commands bundle when the view is first shown.
    vscode.window.registerTreeDataProvider('eciContainerGroups', {
      onDidChangeTreeData: explorerChanged.event,
      getChildren: (node?: unknown) => commands().explorerChildren(ctx, node as never),
      getTreeItem: (node: unknown) => commands().explorerItem(ctx, node as never),
    }),
    vscode.commands.registerCommand('eci.groups.refresh', () => commands().refreshExplorer(ctx)),
    vscode.commands.registerCommand('eci.group.openYaml', (arg?: unknown) => commands().openAsYaml(ctx, arg)),
    vscode.commands.registerCommand('eci.applyChanges', (uri?: unknown) => commands().applyChanges(ctx, uri)),
    vscode.commands.registerCommand('eci.group.events', (arg?: unknown) => commands().showEvents(ctx, arg)),
    vscode.commands.registerCommand('eci.group.logs', (arg?: unknown) => commands().showLogs(ctx, arg)),
    vscode.commands.registerCommand('eci.group.restart', (arg?: unknown) => commands().restartGroup(ctx, arg)),
    vscode.commands.registerCommand('eci.group.delete', (arg?: unknown) => commands().deleteGroup(ctx, arg)),
    vscode.commands.registerCommand('eci.group.copyId', (arg?: unknown) => commands().copyGroupId(ctx, arg)),
    vscode.commands.registerCommand('eci.group.shell', (arg?: unknown) => commands().openShell(ctx, arg)),
    vscode.commands.registerCommand('eci.group.runCommand', (arg?: unknown) => commands().runCommandIn(ctx, arg)),
    vscode.commands.registerCommand('eci.internal.liveState', () => commands().liveInspect(ctx)),
    vscode.commands.registerCommand('eci.internal.explorer', (node?: unknown) =>
      commands().explorerShown(ctx, node as never),
    ),
    vscode.languages.registerCodeLensProvider({ language: 'eci-yaml' }, codeLens),
    vscode.workspace.registerTextDocumentContentProvider(REQUEST_SCHEME, {
      onDidChange: requestDocumentsChanged.event,
      provideTextDocumentContent: (uri) =>
        requestDocuments.get(uri.toString()) ??
        vscode.l10n.t('# This request view is out of date: run "ECI: Show request" again.'),
    }),
  );
  // The tests' seam: they record the messages and answer the buttons. Only when VS Code runs the
  // extension's tests (never from a setting), and hidden from the palette.
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    context.subscriptions.push(
      vscode.commands.registerCommand('eci.internal.setUi', (ui?: unknown) => {
        ctx.ui = uiFrom(ui);
      }),
    );
  }
  writeHistory(ctx, readHistory(context.globalState.get(HISTORY_STATE_KEY)));

  const traceChannel = createRedactingTraceChannel('ECI Language Server Trace', () => output.knownSecrets());
  context.subscriptions.push(traceChannel);
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: {
      module: serverModule,
      transport: TransportKind.stdio,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'eci-yaml' }],
    // The server localises its messages (and hovers) from this; the LSP `locale` field says the same.
    initializationOptions: { locale: vscode.env.language },
    // With eci.trace.server on, the protocol is traced here without document text or secret values.
    traceOutputChannel: traceChannel,
  };
  const languageClient = new LanguageClient('eci', 'ECI Container Groups', serverOptions, clientOptions);
  client = languageClient;
  // Activation does not wait for the server: the editor gets the commands at once, and the features
  // arrive when the server has answered `initialize`. Commands that need the server await this.
  clientStarted = languageClient.start().then(
    () => languageClient,
    (e: unknown) => {
      // The commands stay registered: Show request and friends then say that the server is not running.
      const reason = e instanceof Error ? e.message : String(e);
      output.log(vscode.l10n.t('The ECI language server did not start: {0}', reason));
      void vscode.window.showErrorMessage(vscode.l10n.t('The ECI language server did not start: {0}', reason));
      return undefined;
    },
  );
  // Account look-ups and the price (issue 12): in the background, after the server has started.
  context.subscriptions.push(...registerAccountFeatures(ctx, commands, clientStarted));
  const serverReady = clientStarted.then(() => performance.now() - started);
  return { activationMs: performance.now() - started, serverReady };
}

export async function deactivate(): Promise<void> {
  const stopping = client;
  client = undefined;
  // Stops a running or still starting server; a client whose server never started rejects: nothing to stop.
  await stopping?.stop().catch(() => undefined);
}
