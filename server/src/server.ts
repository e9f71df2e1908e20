// LSP wiring only: capabilities, document sync, one handler per method -> language service.
// Every handler is isolated: an exception in one request is logged and answered with an empty
// result, and the server keeps serving. `node dist/server.js --stdio` is a complete server.
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  LSPErrorCodes,
  ResponseError,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { setFlagsFromString } from 'node:v8';
import { createLanguageService, ADD_CLIENT_TOKEN_KIND, type EciLanguageService } from './service/index';
import { WireRequestMethod, type WireRequestParams, type WireRequestResult } from './protocol';

// Parsing a long document allocates much short-lived data; by default V8 lets the heap grow far
// beyond what the server keeps before collecting it. This heuristic (read by V8 at run time) keeps
// the process's memory close to its live data (10,000 lines: peak RSS about 120 MiB instead of
// about 290 MiB), for some more time spent collecting (see the benchmark).
setFlagsFromString('--optimize-for-size');

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let service: EciLanguageService = createLanguageService();

/** Characters after which the editor asks for completion without an explicit request. */
const COMPLETION_TRIGGER_CHARACTERS = [':', ' ', '-', '"', "'", '{', '[', ','];

function safely<T>(method: string, fallback: T, run: () => T): T {
  try {
    return run();
  } catch (err) {
    connection.console.error(`${method} failed: ${(err as Error)?.stack ?? String(err)}`);
    return fallback;
  }
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const fromOptions = (params.initializationOptions as { locale?: unknown } | undefined)?.locale;
  const locale = typeof fromOptions === 'string' ? fromOptions : params.locale;
  service = createLanguageService({ locale });
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: false },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, ADD_CLIENT_TOKEN_KIND] },
      documentSymbolProvider: { label: 'ECI container group' },
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: { prepareProvider: true },
      foldingRangeProvider: true,
      selectionRangeProvider: true,
    },
    serverInfo: { name: 'eci-language-server', version: '0.1.0' },
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
  const diagnostics = safely('diagnostics', [], () => service.diagnose(document.getText()));
  lastValidationMs.set(uri, performance.now() - started);
  void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
}

documents.onDidChangeContent(({ document }) => scheduleValidation(document.uri));
documents.onDidClose(({ document }) => {
  pending.get(document.uri)?.cancel();
  pending.delete(document.uri);
  lastValidationMs.delete(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

// ---- requests
connection.onCompletion((params) =>
  safely('completion', null, () => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.complete(document.getText(), params.position) : null;
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
    return service.codeActions(text, { uri: params.textDocument.uri, range: params.range, diagnostics: params.context.diagnostics, only: params.context.only });
  }),
);

connection.onDocumentSymbol((params) => safely('documentSymbol', [], () => service.documentSymbols(textOf(params.textDocument.uri) ?? '')));
connection.onFoldingRanges((params) => safely('foldingRange', [], () => service.foldingRanges(textOf(params.textDocument.uri) ?? '')));
connection.onSelectionRanges((params) => safely('selectionRange', [], () => service.selectionRanges(textOf(params.textDocument.uri) ?? '', params.positions)));

connection.onDefinition((params) =>
  safely('definition', [], () => service.definition(textOf(params.textDocument.uri) ?? '', params.position).map((range) => ({ uri: params.textDocument.uri, range }))),
);
connection.onReferences((params) =>
  safely('references', [], () =>
    service.references(textOf(params.textDocument.uri) ?? '', params.position, params.context.includeDeclaration).map((range) => ({ uri: params.textDocument.uri, range })),
  ),
);
connection.onDocumentHighlight((params) => safely('documentHighlight', [], () => service.documentHighlights(textOf(params.textDocument.uri) ?? '', params.position)));

connection.onPrepareRename((params) =>
  safely('prepareRename', null, () => {
    const r = service.prepareRename(textOf(params.textDocument.uri) ?? '', params.position);
    // A refusal travels as an error so that the editor shows its reason.
    return r.ok ? { range: r.range, placeholder: r.placeholder } : new ResponseError<void>(LSPErrorCodes.RequestFailed, r.message);
  }),
);
connection.onRenameRequest((params) =>
  safely('rename', null, () => {
    const r = service.rename(textOf(params.textDocument.uri) ?? '', params.position, params.newName);
    return r.ok ? { changes: { [params.textDocument.uri]: r.edits } } : new ResponseError<void>(LSPErrorCodes.RequestFailed, r.message);
  }),
);

process.on('uncaughtException', (err) => connection.console.error(`uncaught: ${err?.stack ?? String(err)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}`));

documents.listen(connection);
connection.listen();
