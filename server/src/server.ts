// LSP wiring only: capabilities, document sync, one handler per method -> language service.
// Every handler is isolated: an exception in one request is logged and answered with an empty
// result, and the server keeps serving. `node dist/server.js --stdio` is a complete server.
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  LSPErrorCodes,
  ResponseError,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, documentRegionId, type EciLanguageService } from './service/index';
import { messagesFor } from './service/messages';
import { WireRequestMethod, type WireRequestParams, type WireRequestResult } from './protocol';
import {
  AccountFactsMethod,
  AccountRegionsMethod,
  type AccountFacts,
  type AccountFactsParams,
  type AccountRegionsParams,
} from './protocol';
import {
  clientProfile,
  codeActionsFor,
  completionFor,
  documentSymbolsFor,
  editOfCommand,
  serverCapabilities,
  type ClientProfile,
} from './capabilities';
import { version as packageVersion } from '../../package.json';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let service: EciLanguageService = createLanguageService();
/** What the client declared it takes (capabilities.ts): set in initialize. */
let profile: ClientProfile = clientProfile({ processId: null, rootUri: null, capabilities: {} });

function safely<T>(method: string, fallback: T, run: () => T): T {
  try {
    return run();
  } catch (err) {
    connection.console.error(`${method} failed: ${(err as Error)?.stack ?? String(err)}`);
    return fallback;
  }
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  profile = clientProfile(params);
  service = createLanguageService({ locale: profile.locale, client: profile.features });
  return {
    capabilities: serverCapabilities(profile),
    serverInfo: { name: 'eci-language-server', version: packageVersion },
  };
});

// ---- diagnostics: pushed after each change. Changes that arrive together are validated once,
// and the published diagnostics always carry the version they were computed for. A document whose
// validation takes a while is validated a moment after the change, so that a request sent right
// after an edit (completion while typing) is answered first instead of waiting behind it.
const pending = new Map<string, { cancel: () => void }>();
const lastValidationMs = new Map<string, number>();
/** Validations faster than this run as soon as the pending messages are read. */
const QUICK_VALIDATION_MS = 8;
/** Otherwise they wait this long for requests that follow the edit. */
const REQUEST_PRIORITY_MS = 20;

function scheduleValidation(uri: string): void {
  pending.get(uri)?.cancel();
  const run = () => {
    pending.delete(uri);
    validate(uri);
  };
  if ((lastValidationMs.get(uri) ?? 0) < QUICK_VALIDATION_MS) {
    const handle = setImmediate(run);
    pending.set(uri, { cancel: () => clearImmediate(handle) });
  } else {
    const handle = setTimeout(run, REQUEST_PRIORITY_MS);
    pending.set(uri, { cancel: () => clearTimeout(handle) });
  }
}

function validate(uri: string): void {
  const document = documents.get(uri);
  if (!document) return;
  const started = performance.now();
  const diagnostics = safely('diagnostics', [], () => service.diagnose(document.getText(), accountFacts));
  lastValidationMs.set(uri, performance.now() - started);
  void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  regionOfDocument.set(
    uri,
    safely('regions', undefined, () => documentRegionId(service.parse(document.getText()))),
  );
  announceRegions();
}

// ---- account facts: handed in by the client (eci/accountFacts); the regions of the open documents
// announced to it (eci/accountRegions) when they change, so that it looks them up in the background.
let accountFacts: AccountFacts[] = [];
let announcedRegions = '';
const regionOfDocument = new Map<string, string | undefined>();
function announceRegions(): void {
  const regions = [...new Set([...regionOfDocument.values()].filter((r): r is string => !!r))].sort();
  const key = regions.join(',');
  if (key === announcedRegions) return;
  announcedRegions = key;
  void connection.sendNotification(AccountRegionsMethod, { regions } satisfies AccountRegionsParams);
}
connection.onNotification(AccountFactsMethod, (params: AccountFactsParams) =>
  safely(AccountFactsMethod, undefined, () => {
    accountFacts = Array.isArray(params?.facts) ? params.facts.filter((f) => f && typeof f.regionId === 'string') : [];
    for (const d of documents.all()) scheduleValidation(d.uri);
  }),
);

documents.onDidChangeContent(({ document }) => scheduleValidation(document.uri));
documents.onDidClose(({ document }) => {
  pending.get(document.uri)?.cancel();
  pending.delete(document.uri);
  lastValidationMs.delete(document.uri);
  regionOfDocument.delete(document.uri);
  announceRegions();
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

// ---- requests
connection.onCompletion((params) =>
  safely('completion', null, () => {
    const document = documents.get(params.textDocument.uri);
    return document
      ? completionFor(profile, service.complete(document.getText(), params.position, accountFacts))
      : null;
  }),
);

connection.onHover((params) =>
  safely('hover', null, () => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.hover(document.getText(), params.position) : null;
  }),
);

connection.onRequest<WireRequestResult | null, unknown>(WireRequestMethod, (params: WireRequestParams) =>
  safely<WireRequestResult | null>(WireRequestMethod, null, () => {
    const document = documents.get(params.uri);
    if (!document) return null;
    const outcome = service.wireRequest(document.getText(), { force: params.force === true });
    return { ...outcome, version: document.version };
  }),
);

// ---- authoring: quick fixes, outline, volume navigation and rename, folding, selection ranges
const textOf = (uri: string): string | undefined => documents.get(uri)?.getText();

connection.onCodeAction((params) =>
  safely('codeAction', [], () => {
    const text = textOf(params.textDocument.uri);
    if (text === undefined) return [];
    const actions = service.codeActions(text, {
      uri: params.textDocument.uri,
      range: params.range,
      diagnostics: params.context.diagnostics,
      only: params.context.only,
    });
    return codeActionsFor(profile, actions);
  }),
);
// A client without code action literals gets commands that this server runs: they apply their edit.
connection.onExecuteCommand(async (params) => {
  const edit = editOfCommand(params.command, params.arguments);
  if (!edit)
    throw new ResponseError<void>(
      LSPErrorCodes.RequestFailed,
      messagesFor(service.locale).unknownServerCommand(params.command),
    );
  await connection.workspace.applyEdit(edit);
  return null;
});

connection.onDocumentSymbol((params) =>
  safely('documentSymbol', [], () =>
    documentSymbolsFor(
      profile,
      params.textDocument.uri,
      service.documentSymbols(textOf(params.textDocument.uri) ?? ''),
    ),
  ),
);
connection.onFoldingRanges((params) =>
  safely('foldingRange', [], () => service.foldingRanges(textOf(params.textDocument.uri) ?? '')),
);
connection.onSelectionRanges((params) =>
  safely('selectionRange', [], () => service.selectionRanges(textOf(params.textDocument.uri) ?? '', params.positions)),
);

connection.onDefinition((params) =>
  safely('definition', [], () =>
    service
      .definition(textOf(params.textDocument.uri) ?? '', params.position)
      .map((range) => ({ uri: params.textDocument.uri, range })),
  ),
);
connection.onReferences((params) =>
  safely('references', [], () =>
    service
      .references(textOf(params.textDocument.uri) ?? '', params.position, params.context.includeDeclaration)
      .map((range) => ({ uri: params.textDocument.uri, range })),
  ),
);
connection.onDocumentHighlight((params) =>
  safely('documentHighlight', [], () =>
    service.documentHighlights(textOf(params.textDocument.uri) ?? '', params.position),
  ),
);

connection.onPrepareRename((params) =>
  safely('prepareRename', null, () => {
    const r = service.prepareRename(textOf(params.textDocument.uri) ?? '', params.position);
    // A refusal travels as an error so that the editor shows its reason.
    return r.ok
      ? { range: r.range, placeholder: r.placeholder }
      : new ResponseError<void>(LSPErrorCodes.RequestFailed, r.message);
  }),
);
connection.onRenameRequest((params) =>
  safely('rename', null, () => {
    const r = service.rename(textOf(params.textDocument.uri) ?? '', params.position, params.newName);
    return r.ok
      ? { changes: { [params.textDocument.uri]: r.edits } }
      : new ResponseError<void>(LSPErrorCodes.RequestFailed, r.message);
  }),
);

process.on('uncaughtException', (err) => connection.console.error(`uncaught: ${err?.stack ?? String(err)}`));
process.on('unhandledRejection', (reason) =>
  connection.console.error(`unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}`),
);

documents.listen(connection);
connection.listen();
