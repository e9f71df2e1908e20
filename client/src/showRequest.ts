// "Show request": the exact wire parameters of the document (secrets masked) in a read-only document,
// built by the language server as Dry run and Create would send them.
import * as vscode from 'vscode';
import { flattenForDisplay } from '../../calls/src/display';
import { ECI_API_VERSION } from '../../calls/src/endpoint';
import { isOutcome, type CommandContext, type ShowRequestOutcome } from './commandContext';
import { documentFor, wireRequest } from './preflight';
import { REQUEST_SCHEME } from './shared';

/** Shows the exact wire parameters (secrets masked) in a read-only document. */
export async function showRequest(ctx: CommandContext, arg?: unknown): Promise<ShowRequestOutcome> {
  const document = await documentFor(ctx, arg);
  if (isOutcome(document)) return document as ShowRequestOutcome;
  const req = await wireRequest(ctx, document);
  if (isOutcome(req)) return req as ShowRequestOutcome;
  ctx.output.addSecrets(req.secrets.map((k) => req.params[k]));
  const fileName = vscode.workspace.asRelativePath(document.uri);
  // Action and Version travel as the signed headers x-acs-action / x-acs-version, not in the query.
  const display = flattenForDisplay(req.params, req.secrets, { includeAction: false });
  const lines = display.map((p) => `${p.key}=${p.value}`);
  const header = [
    `# ${vscode.l10n.t('CreateContainerGroup request built from {0} (version {1}).', fileName, req.version)}`,
    `# POST /  x-acs-action: CreateContainerGroup  x-acs-version: ${ECI_API_VERSION}  (ACS3-HMAC-SHA256)`,
    `# ${vscode.l10n.t('Query string parameters, one per line (the body is empty). Secret values are masked as ********.')}`,
  ];
  const footer = [
    '',
    `# ${vscode.l10n.t('Dry run adds DryRun=true. Create adds a generated ClientToken when the document has none, the same for every retry.')}`,
    ...(req.sdkMissing.length > 0
      ? [
          `# ${vscode.l10n.t('Absent from the SDK model, sent through RuntimeOptions.extendsParameters.queries: {0}', req.sdkMissing.join(', '))}`,
        ]
      : []),
  ];
  const uri = publish(ctx, document, ctx.output.scrub([...header, ...lines, ...footer].join('\n') + '\n'));
  let shown = await vscode.workspace.openTextDocument(uri);
  // `Key=Value` lines and `#` comments: the properties grammar colours them, when VS Code has it.
  if (shown.languageId !== 'properties' && (await vscode.languages.getLanguages()).includes('properties')) {
    shown = await vscode.languages.setTextDocumentLanguage(shown, 'properties');
  }
  await vscode.window.showTextDocument(shown, {
    preview: true,
    viewColumn: vscode.ViewColumn.Beside,
    preserveFocus: true,
  });
  return { kind: 'request-shown', uri: uri.toString(), lines: lines.map((l) => ctx.output.scrub(l)) };
}

/** Puts `text` behind the read-only request document of `document` (eci-request:/NAME.request.txt). */
function publish(ctx: CommandContext, document: vscode.TextDocument, text: string): vscode.Uri {
  const base = document.uri.path.split('/').pop() ?? 'request';
  const uri = vscode.Uri.from({ scheme: REQUEST_SCHEME, path: `/${base}.request.txt`, query: document.uri.toString() });
  ctx.requestDocuments.set(uri.toString(), text);
  ctx.requestDocumentsChanged.fire(uri);
  return uri;
}
