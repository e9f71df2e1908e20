// `eci validate [PATH|GLOB ...]`: the editor's diagnostics for every document named.
import { createLanguageService, type AccountFacts } from '../../server/src/service/index';
import { complain, readDocument, type CliContext } from './context';
import type { FileKindName } from './locale';
import { EXIT } from './exitCodes';
import { expandArguments, type FileProblem } from './files';
import {
  countSeverities,
  formatJson,
  formatSarif,
  formatText,
  type FileReport,
  type UnreadableInput,
  type ValidationRun,
} from './report';
import { resolve } from 'node:path';

export type OutputFormat = 'text' | 'json' | 'sarif';

/** `facts`: the account facts looked up by `--online` (the account checks' warnings join the findings). */
export function runValidate(
  ctx: CliContext,
  args: string[],
  format: OutputFormat,
  toolVersion: string,
  showSuppressed = false,
  facts?: readonly AccountFacts[],
): number {
  const { files, problems } = expandArguments(args.length ? args : ['.'], ctx.cwd);

  const unreadable: UnreadableInput[] = problems.map((p) => ({
    displayPath: p.path,
    message: describeFileProblem(ctx, p),
    absolutePath:
      p.kind === 'not-found' ||
      p.kind === 'unreadable-directory' ||
      p.kind === 'no-documents' ||
      p.kind === 'not-regular'
        ? resolve(ctx.cwd, p.path)
        : undefined,
  }));
  const reports: FileReport[] = [];
  for (const file of files) {
    const read = readDocument(ctx, file);
    if (!read.ok) {
      unreadable.push({ displayPath: read.displayPath, message: read.message, absolutePath: read.absolutePath });
      continue;
    }
    // Each file its own analysis: a service re-parses a text as an edit of the one before it, which files are not.
    const service = createLanguageService({ locale: ctx.locale });
    reports.push({
      displayPath: read.displayPath,
      absolutePath: read.absolutePath,
      diagnostics: service.diagnose(read.text, facts),
      suppressed: service.suppressed(read.text, facts),
    });
  }

  const run: ValidationRun = {
    files: reports,
    unreadable,
    cwd: ctx.cwd,
    toolVersion,
    locale: ctx.locale,
    showSuppressed,
    words: { suppressed: ctx.msg.suppressedLabel, noReason: ctx.msg.noReason },
  };
  for (const u of unreadable) complain(ctx, u.message);
  const { errors, warnings } = countSeverities(reports);
  if (format === 'json') ctx.stdout.write(formatJson(run));
  else if (format === 'sarif') ctx.stdout.write(formatSarif(run));
  else {
    ctx.stdout.write(formatText(run, ctx.out));
    if (reports.length) {
      const summary = ctx.msg.summary(errors, warnings, reports.length);
      ctx.stderr.write(
        (errors ? ctx.err.red(summary) : warnings ? ctx.err.yellow(summary) : ctx.err.green(summary)) + '\n',
      );
    }
  }
  if (unreadable.length) return EXIT.usage;
  return errors ? EXIT.invalid : EXIT.ok;
}

function describeFileProblem(ctx: CliContext, p: FileProblem): string {
  switch (p.kind) {
    case 'not-found':
      return ctx.msg.notFound(p.path);
    case 'no-match':
      return ctx.msg.noMatch(p.path);
    case 'no-documents':
      return ctx.msg.noDocuments(p.path);
    case 'unreadable-directory':
      return ctx.msg.unreadableDirectory(p.path, p.detail ?? '');
    case 'not-regular':
      return ctx.msg.notRegularPath(p.path, (p.detail ?? 'other') as FileKindName);
    case 'bad-pattern':
      return ctx.msg.badPattern(p.path, p.detail ?? '');
  }
}
