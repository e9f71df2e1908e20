// `eci request FILE`: the exact flattened wire parameters, as JSON, secrets masked.
import { createLanguageService } from '../../server/src/service/index';
import { flattenForDisplay } from '../../client/src/eci/display';
import { complain, printDiagnosticsToStderr, readDocument, type CliContext } from './context';
import { EXIT } from './exitCodes';
import { severityName, sortDiagnostics } from './report';

export function runRequest(ctx: CliContext, file: string, showSecrets: boolean): number {
  const read = readDocument(ctx, file);
  if (!read.ok) {
    complain(ctx, read.message);
    return EXIT.usage;
  }
  const service = createLanguageService({ locale: ctx.locale });
  const built = service.wireRequest(read.text);
  if (!built.ok) {
    printDiagnosticsToStderr(ctx, read.displayPath, sortDiagnostics(built.errors));
    complain(ctx, ctx.msg.refusedBecauseErrors(read.displayPath, built.errors.length));
    return EXIT.invalid;
  }
  // Warnings do not block; they go to stderr so stdout stays one JSON object.
  const warnings = service.diagnose(read.text).filter((d) => severityName(d) !== 'error');
  printDiagnosticsToStderr(ctx, read.displayPath, sortDiagnostics(warnings));

  const request: Record<string, string> = {};
  for (const p of flattenForDisplay(built.params, built.secrets, { showSecrets, includeAction: true })) request[p.key] = p.value;
  ctx.stdout.write(JSON.stringify(request, null, 2) + '\n');
  return EXIT.ok;
}
