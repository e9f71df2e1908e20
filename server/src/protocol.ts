// Typed custom LSP requests between the client extension and the language server (one file,
// as rust-analyzer's lsp_ext.ts). Both sides import this file; nothing else defines a method name.
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { AccountFacts } from './service/accountFacts';

export type { AccountFacts };

/** `eci/wireRequest`: the exact CreateContainerGroup wire parameters for an open document. */
export const WireRequestMethod = 'eci/wireRequest';

export interface WireRequestParams {
  uri: string;
  /** Build the request despite errors when they are all cross-field rule errors ("Dry run anyway"). */
  force?: boolean;
}

export type WireRequestResult =
  | {
      ok: true;
      /** Flattened wire parameters (`Container.1.Name` -> `web`), every documented parameter the document sets. */
      params: Record<string, string>;
      /** Keys of `params` that the SDK model lacks (sent through RuntimeOptions.extendsParameters.queries). */
      sdkMissing: string[];
      /** Keys of `params` whose values are secrets (masked in every output). */
      secrets: string[];
      /** Where each flattened key's value is written in the document. */
      locations: Record<string, Range>;
      /** With `force`: the cross-field rule errors the request was built despite. */
      overruled?: Diagnostic[];
      /** The document's version this was computed from. */
      version: number;
    }
  | {
      ok: false;
      /** Why no request can be built: the document's error diagnostics. */
      errors: Diagnostic[];
      /** Every error is a cross-field rule's: a dry run may overrule them (`force`). */
      forcible?: boolean;
      version: number;
    };

/**
 * `eci/accountFacts` (client -> server notification): what the account has in some regions, looked up
 * by the client (which holds the credentials; the server never calls the cloud). Replaces the facts
 * handed before; an empty list withdraws them (today's static behaviour). The server re-checks every
 * open document and completes ids, zones and regions from them.
 */
export const AccountFactsMethod = 'eci/accountFacts';

export interface AccountFactsParams {
  facts: AccountFacts[];
}

/**
 * `eci/accountRegions` (server -> client notification): the RegionIds of the open documents, sent when
 * the set changes, so that the client can look up their facts in the background.
 */
export const AccountRegionsMethod = 'eci/accountRegions';

export interface AccountRegionsParams {
  regions: string[];
}
