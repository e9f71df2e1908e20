// `eci request FILE`: the exact flattened wire parameters, as JSON, secrets masked.
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService, type EciLanguageService } from '../../server/src/service/index';
import { flattenForDisplay } from '../../calls/src/display';
import { complain, printDiagnosticsToStderr, readDocument, type CliContext } from './context';
import { EXIT } from './exitCodes';
import { severityName, sortDiagnostics } from './report';

/** A document read and turned into wire parameters, its warnings already printed to stderr. */
export type BuiltDocument =
  | { ok: true; displayPath: string; built: Extract<ReturnType<EciLanguageService['wireRequest']>, { ok: true }> }
  | { ok: false; exit: number; displayPath?: string; errors?: Diagnostic[] };

/**
 * Reads FILE and builds its wire request, as `request`, `dry-run` and `create` all need: an unreadable
 * file is a usage error; a document with errors is refused with its diagnostics on stderr; warnings
 * go to stderr too, so that stdout stays the command's own output.
 */
export function buildDocument(ctx: CliContext, file: string, force = false): BuiltDocument {
  const read = readDocument(ctx, file);
  if (!read.ok) {
    complain(ctx, read.message);
    return { ok: false, exit: EXIT.usage };
  }
  const service = createLanguageService({ locale: ctx.locale });
  const built = service.wireRequest(read.text, { force });
  if (!built.ok) {
    const errors = sortDiagnostics(built.errors);
    printDiagnosticsToStderr(ctx, read.displayPath, errors);
    complain(ctx, ctx.msg.refusedBecauseErrors(read.displayPath, errors.length));
    if (built.forcible) complain(ctx, ctx.msg.onlyRuleErrors());
    return { ok: false, exit: EXIT.invalid, displayPath: read.displayPath, errors };
  }
  if (built.overruled?.length) {
    printDiagnosticsToStderr(ctx, read.displayPath, sortDiagnostics(built.overruled));
    complain(ctx, ctx.msg.forcedDryRun(read.displayPath, built.overruled.length));
  }
  printDiagnosticsToStderr(
    ctx,
    read.displayPath,
    sortDiagnostics(service.diagnose(read.text).filter((d) => severityName(d) !== 'error')),
  );
  return { ok: true, displayPath: read.displayPath, built };
}

export function runRequest(ctx: CliContext, file: string, showSecrets: boolean): number {
  const doc = buildDocument(ctx, file);
  if (!doc.ok) return doc.exit;
  const { built } = doc;
  const request: Record<string, string> = {};
  for (const p of flattenForDisplay(built.params, built.secrets, { showSecrets, includeAction: true }))
    request[p.key] = p.value;
  ctx.stdout.write(JSON.stringify(request, null, 2) + '\n');
  return EXIT.ok;
}
