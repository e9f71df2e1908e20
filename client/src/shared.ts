// What activation (extension.ts) and the commands (commands.ts, loaded on the first command) both need: the
// state key of the history, the scheme of the read-only request documents, and the history writer. Kept apart
// so that activation loads neither the commands nor the call layer.
import * as vscode from 'vscode';
import type { EciOutput } from './output';
import { formatHistoryLine, type CreatedGroupEntry } from './results';

export const HISTORY_STATE_KEY = 'eci.createdContainerGroups';

export const REQUEST_SCHEME = 'eci-request';

/** Writes the history of created groups (newest first) to the output. */
export function writeHistory(ctx: { output: EciOutput }, history: readonly CreatedGroupEntry[]): void {
  if (history.length === 0) return;
  ctx.output.appendLine(vscode.l10n.t('Container groups created from this editor (newest first):'));
  for (const e of history) ctx.output.appendLine(`  ${formatHistoryLine(e)}`);
}
