// What the Dry run, Create and Show request commands share: what they get (CommandContext), what
// they return (their outcomes as data, which the extension-host tests assert on), and how a command
// is refused (a `blocked` outcome told to the user, with buttons whose handlers are not awaited).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { NetworkErrorKind } from '../../calls/src/types';
import type { AccessKeyStore } from './accessKeys';
import type { ServiceDiagnostics } from './errorDiagnostics';
import type { EciOutput } from './output';
import type { EciUi } from './ui';

/** Options a caller (the tests) may pass as the second argument of Dry run / Create. */
export interface RunOptions {
  /** `false` skips Create's modal confirmation. Only an explicit argument does. */
  confirm?: boolean;
  /** Cancels the call like the progress notification's Cancel button does (tests, automation). */
  cancellation?: vscode.CancellationToken;
  /** "Dry run anyway": dry run despite cross-field rule errors (never for create). */
  force?: boolean;
  /** Create returns only when the follow of the new group has ended (tests), with how it ended. */
  awaitFollow?: boolean;
}

export type BlockedReason =
  | 'untrusted-workspace'
  | 'no-document'
  | 'not-eci-document'
  | 'document-errors'
  | 'server-unavailable'
  | 'no-region'
  | 'invalid-endpoint'
  | 'no-credentials'
  | 'already-running';

/** What a dry run or create ended with, as the commands return it. */
export type CallResult =
  | {
      kind: 'created';
      containerGroupId: string;
      requestId: string;
      clientToken: string;
      attempts: number;
      /** How the follow of the new group ended (with awaitFollow): follow.ts FollowEnd. */ follow?: {
        kind: string;
        [key: string]: unknown;
      };
    }
  | { kind: 'dry-run-passed'; requestId: string; code: string; attempts: number }
  | {
      kind: 'service-error';
      code: string;
      httpStatus: number;
      message: string;
      recommend?: string;
      requestId?: string;
      parameterPaths: string[];
      /** How many diagnostics were placed on the document's parameters. */
      diagnostics: number;
      attempts: number;
    }
  | {
      kind: 'network-error';
      reason: NetworkErrorKind;
      /** The layer's details in the display language. */
      message: string;
      attempts: number;
      /** Some attempt left this machine. */
      requestSent: boolean;
      /** A create whose request was sent and whose answer was lost: the group may exist. */
      mayHaveBeenCreated: boolean;
      clientToken?: string;
    }
  | { kind: 'cancelled'; attempts: number; requestSent: boolean; clientToken?: string };

export type RunOutcome =
  | { kind: 'blocked'; reason: BlockedReason; message: string; errorCount?: number; dryRunAnyway?: true }
  | { kind: 'declined' }
  | CallResult;

export type ShowRequestOutcome =
  | { kind: 'request-shown'; uri: string; lines: string[] }
  | { kind: 'blocked'; reason: BlockedReason; message: string; errorCount?: number };

export interface CommandContext {
  extension: vscode.ExtensionContext;
  /** The language client once it has started (undefined when it could not start). */
  client: () => Promise<LanguageClient | undefined>;
  output: EciOutput;
  serviceDiagnostics: ServiceDiagnostics;
  accessKeys: AccessKeyStore;
  /** Read-only documents of the "Show request" command. */
  requestDocuments: Map<string, string>;
  requestDocumentsChanged: vscode.EventEmitter<vscode.Uri>;
  /** Messages, Create's confirmation, the clipboard and the workspace trust: VS Code's (client/src/ui.ts), a recorder in the tests. */
  ui: EciUi;
  /** Fired when the "ECI Container Groups" view should be read again (its provider is registered at activation). */
  explorerChanged?: vscode.EventEmitter<void>;
}

/** A button of a message: its title and what it does when picked. */
export type Button = [string, () => unknown];

/** Shows an error message with buttons; runs the picked button's handler (not awaited by the caller). */
export function showErrorWithButtons(ctx: Pick<CommandContext, 'ui'>, message: string, buttons: Button[]): void {
  void ctx.ui
    .showErrorMessage(message, ...buttons.map(([t]) => t))
    .then((picked) => buttons.find(([t]) => t === picked)?.[1]());
}

/** A blocked outcome, told to the user; `actions` are buttons with their handlers (not awaited). */
export function blocked(
  ctx: Pick<CommandContext, 'ui'>,
  reason: BlockedReason,
  message: string,
  extra: { errorCount?: number; actions?: Button[]; dryRunAnyway?: boolean } = {},
): RunOutcome & ShowRequestOutcome {
  showErrorWithButtons(ctx, message, extra.actions ?? []);
  return {
    kind: 'blocked',
    reason,
    message,
    ...(extra.errorCount !== undefined ? { errorCount: extra.errorCount } : {}),
    ...(extra.dryRunAnyway ? { dryRunAnyway: true as const } : {}),
  };
}

export const isOutcome = (v: unknown): v is RunOutcome => typeof v === 'object' && v !== null && 'kind' in v;

export const showProblems = (): Button => [
  vscode.l10n.t('Show problems'),
  () => vscode.commands.executeCommand('workbench.actions.view.problems'),
];
