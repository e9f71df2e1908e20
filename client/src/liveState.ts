// What the live-group features share inside the commands bundle: the explorer, the follower, the
// failures on documents, and which document is linked to which live group (created from it or opened
// from the explorer), kept per extension context.
import * as vscode from 'vscode';
import type { Range as LspRange } from 'vscode-languageserver-types';
import type { CommandContext } from './commandContext';
import { LiveExplorer } from './explorer';
import { Follower } from './follow';
import { LiveDiagnostics } from './liveDiagnostics';

export interface GroupLink {
  groupId: string;
  regionId: string;
  name: string;
  locations?: Readonly<Record<string, LspRange>>;
}

export interface LiveState {
  explorer: LiveExplorer;
  follower: Follower;
  diagnostics: LiveDiagnostics;
  /** Document URI -> the live group it is linked to. */
  links: Map<string, GroupLink>;
}

const states = new WeakMap<CommandContext, LiveState>();

export function liveState(ctx: CommandContext): LiveState {
  let s = states.get(ctx);
  if (!s) {
    const changed = ctx.explorerChanged ?? new vscode.EventEmitter<void>();
    const explorer = new LiveExplorer(ctx, changed);
    const diagnostics = new LiveDiagnostics();
    const follower = new Follower(ctx, diagnostics, () => explorer.refresh());
    s = { explorer, follower, diagnostics, links: new Map() };
    ctx.extension.subscriptions.push(diagnostics, follower);
    states.set(ctx, s);
  }
  return s;
}
