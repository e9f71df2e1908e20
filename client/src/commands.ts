// The ECI commands, loaded on the first command: scripts/build.mjs bundles this module as
// dist/commands.js and keeps the extension's `require('./commands')` (extension.ts) out of
// dist/extension.js, so that activation loads neither the commands nor the call layer. This file is
// that bundle's façade; each concern has its own module:
//   commandContext.ts   what the commands get and return, how a command is refused
//   preflight.ts        document, wire request from the server, settings, credential, endpoint
//   dryRunAndCreate.ts  Dry run and Create: one call per file, Create's confirmation
//   callProgress.ts     the call under the progress notification (Cancel, retries)
//   presentOutcome.ts   notifications, output, service errors on their parameters, history
//   showRequest.ts      Show request: the wire parameters in a read-only document
//   newFile.ts          New container group file
//   explorer.ts, follow.ts, groupActions.ts, logs.ts, shell.ts, liveDiagnostics.ts, liveDocument.ts
//                       live groups: the view, following after Create, Events/Logs/Restart/Delete/...
//   accountLookups.ts   the account's facts looked up in the background and handed to the server
//   priceEstimate.ts    the estimated price per hour (CodeLens, hover, Create's confirmation)
// Each command accepts an optional document URI (CodeLens, menus and tests pass one; the palette uses
// the active editor) and returns its outcome as data. Notifications are never awaited on the way to the
// outcome; only Create's modal confirmation is, and only an explicit `{ confirm: false }` argument
// (never a setting) skips it.
export type {
  BlockedReason,
  CallResult,
  CommandContext,
  RunOptions,
  RunOutcome,
  ShowRequestOutcome,
} from './commandContext';
export { runCall } from './dryRunAndCreate';
export { showRequest } from './showRequest';
export { newContainerGroupFile } from './newFile';
export { lookUpAccount, type AccountLookupReport } from './accountLookups';
export { clearPrices, estimatePrice } from './priceEstimate';
// What activation needs of these is in shared.ts and history.ts (loaded with the extension).
export { HISTORY_STATE_KEY } from './history';
export { REQUEST_SCHEME, writeHistory } from './shared';
export { showEvents, restartGroup, deleteGroup, copyGroupId, runCommandIn, refreshExplorer } from './groupActions';
export { showLogs } from './logs';
export { openShell } from './shell';
export { explorerChildren, explorerItem, explorerShown, liveInspect } from './liveCommands';
export { openAsYaml, applyChanges } from './liveDocument';
