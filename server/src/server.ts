// LSP wiring only: capabilities, document sync, handlers -> language service.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DiagnosticSeverity } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from './service/parse';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
  },
  serverInfo: { name: 'eci-language-server', version: '0.1.0' },
}));

documents.onDidChangeContent(({ document }) => {
  const parsed = parse(document.getText());
  void connection.sendDiagnostics({
    uri: document.uri,
    version: document.version,
    diagnostics: parsed.problems.map((p) => ({ range: p.range, message: p.message, code: p.code, source: 'eci', severity: DiagnosticSeverity.Error })),
  });
});

documents.listen(connection);
connection.listen();
