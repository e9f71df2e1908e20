// Loaded with activation, and light: the wiring of the account look-ups and the price (issue 12). It
// listens to the server's eci/accountRegions, registers "ECI: Refresh account look-ups", the price
// CodeLens and the price hover; the work itself (credentials, the call layer, the SDK) is in
// accountLookups.ts and priceEstimate.ts, in dist/commands.js, loaded in the background only after
// BACKGROUND_START_MS from the server's start, so that activation and the first diagnostics never wait.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AccountRegionsMethod, type AccountRegionsParams } from '../../server/src/protocol';
import { accountLookupsEnabled, type PriceView } from './accountSettings';
import type { CommandContext } from './commandContext';

/** How long after the language server's start the first look-up may begin. */
const BACKGROUND_START_MS = 3_000;
/** How long the price waits for typing to pause. */
const PRICE_DEBOUNCE_MS = 700;

type Commands = typeof import('./commands');

export function registerAccountFeatures(
  ctx: CommandContext,
  commands: () => Commands,
  clientStarted: Promise<LanguageClient | undefined>,
): vscode.Disposable[] {
  let regions: string[] = [];
  let latest: Promise<unknown> = Promise.resolve();
  const ready = clientStarted.then(
    (c) => new Promise<LanguageClient | undefined>((resolve) => setTimeout(() => resolve(c), BACKGROUND_START_MS)),
  );
  const lookUp = (refresh: boolean) => {
    latest = ready
      .then(() => commands().lookUpAccount(ctx, regions, refresh))
      .catch((e: unknown) => ctx.output.log(String(e instanceof Error ? e.message : e)));
    return latest;
  };
  void clientStarted.then((client) =>
    client?.onNotification(AccountRegionsMethod, (p: AccountRegionsParams) => {
      regions = Array.isArray(p?.regions) ? p.regions.filter((r) => typeof r === 'string') : [];
      void lookUp(false);
    }),
  );

  const lens = new PriceLensProvider(ctx, commands, ready);
  return [
    lens,
    vscode.languages.registerCodeLensProvider({ language: 'eci-yaml' }, lens),
    vscode.languages.registerHoverProvider({ language: 'eci-yaml' }, lens),
    vscode.commands.registerCommand('eci.refreshAccount', async () => {
      commands().clearPrices();
      lens.forget();
      return lookUp(true);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (
        e.affectsConfiguration('eci.accountLookups') ||
        e.affectsConfiguration('eci.endpoint') ||
        e.affectsConfiguration('eci.profile')
      ) {
        lens.forget();
        void lookUp(false);
      }
    }),
  ];
}

/** The price CodeLens above each document (trusted workspaces) and the price line of the size's hover. */
class PriceLensProvider implements vscode.CodeLensProvider, vscode.HoverProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly views = new Map<string, { version: number; view: PriceView }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly asked = new Map<string, number>();

  constructor(
    private readonly ctx: CommandContext,
    private readonly commands: () => Commands,
    private readonly ready: Promise<unknown>,
  ) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.isTrusted || !accountLookupsEnabled()) return [];
    const key = document.uri.toString();
    const known = this.views.get(key);
    if (known?.version !== document.version && this.asked.get(key) !== document.version) this.schedule(document);
    const view = known?.view ?? { title: `$(loading~spin) ${vscode.l10n.t('Estimating the price…')}`, tooltip: '' };
    return [
      new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: view.title, tooltip: view.tooltip, command: '' }),
    ];
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const known = this.views.get(document.uri.toString());
    if (!known || known.version !== document.version || !known.view.hoverLines.includes(position.line))
      return undefined;
    // The words of describePrice hold no markdown; appendText would turn every space into &nbsp;.
    return new vscode.Hover(new vscode.MarkdownString(known.view.hoverText));
  }

  /** Asks for the price once typing has paused (the answer is cached per request parameters). */
  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.asked.set(key, document.version);
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        const version = document.version;
        void this.ready
          .then(() => this.commands().estimatePrice(this.ctx, document))
          .then(
            (view) => {
              if (document.version !== version) return;
              this.views.set(key, { version, view });
              this.changed.fire();
            },
            (e: unknown) => this.ctx.output.log(String(e instanceof Error ? e.message : e)),
          );
      }, PRICE_DEBOUNCE_MS),
    );
  }

  /** Drops every shown price: the next lens request asks again. */
  forget(): void {
    this.views.clear();
    this.asked.clear();
    this.changed.fire();
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.changed.dispose();
  }
}
