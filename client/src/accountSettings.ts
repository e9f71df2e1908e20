// What the account look-ups' wiring (accountWiring.ts, loaded with activation) and their work
// (accountLookups.ts, priceEstimate.ts, in dist/commands.js) share: the setting and the price's view.
import * as vscode from 'vscode';

/** The price of a document as the lens and hover show it. */
export interface PriceView {
  title: string;
  tooltip: string;
  /** Lines (0-based) of the group's Cpu, Memory and InstanceType: the hover adds the price there. */
  hoverLines: number[];
  hoverText: string;
}

/** The setting eci.accountLookups (default on). */
export function accountLookupsEnabled(): boolean {
  return vscode.workspace.getConfiguration('eci').get<boolean>('accountLookups', true) !== false;
}
