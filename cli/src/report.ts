// The three output formats of `eci validate`: text (one line per diagnostic), JSON, SARIF 2.1.0.
// Diagnostics arrive as the language service made them (0-based LSP ranges, UTF-16 columns);
// every format shows 1-based lines and columns.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { SuppressedDiagnostic } from '../../server/src/service/index';
import { pathToFileURL } from 'node:url';
import { diagnosticCatalogue } from '../../server/src/service/catalogue';
import type { CliLocale } from './locale';
import type { Paint } from './terminal';

export interface FileReport {
  /** Path as shown to the user (relative to the working directory when inside it, with '/'). */
  displayPath: string;
  /** Absolute path. */
  absolutePath: string;
  diagnostics: Diagnostic[];
  /** Findings `# eci-ignore` comments suppressed (not counted; listed with --show-suppressed and in SARIF). */
  suppressed?: SuppressedDiagnostic[];
}

export interface UnreadableInput {
  displayPath: string;
  message: string;
  /** Set when the problem concerns one file system path (not for a glob that matched nothing). */
  absolutePath?: string;
}

export interface ValidationRun {
  files: FileReport[];
  unreadable: UnreadableInput[];
  /** The directory relative paths are relative to (the SARIF %SRCROOT%). */
  cwd: string;
  toolVersion: string;
  locale: CliLocale;
  /** List suppressed findings in the text and JSON formats. */
  showSuppressed?: boolean;
  /** Words of the text format, in the run's locale. */
  words?: { suppressed: string; noReason: string };
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export function severityName(d: Diagnostic): Severity {
  switch (d.severity) {
    case 2:
      return 'warning';
    case 3:
      return 'information';
    case 4:
      return 'hint';
    default:
      return 'error';
  }
}

export function ruleId(d: Diagnostic): string {
  return d.code === undefined ? 'eci' : String(d.code);
}

/** The message text (LSP 3.18 allows MarkupContent; the service sends plain strings). */
export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** Diagnostic messages may span lines; one line per diagnostic keeps the text format greppable. */
function oneLine(message: string): string {
  return message.replace(/\s*\r?\n\s*/g, ' ').trim();
}

export function countSeverities(files: FileReport[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of files)
    for (const d of f.diagnostics) {
      if (severityName(d) === 'error') errors++;
      else if (severityName(d) === 'warning') warnings++;
    }
  return { errors, warnings };
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      ruleId(a).localeCompare(ruleId(b)),
  );
}

// ---------------------------------------------------------------- text

/** `path:line:col: severity rule-id: message`, 1-based line and column. */
export function formatTextLine(displayPath: string, d: Diagnostic, p: Paint): string {
  const sev = severityName(d);
  const sevText = sev === 'error' ? p.red(sev) : sev === 'warning' ? p.yellow(sev) : p.cyan(sev);
  return `${p.bold(`${displayPath}:${d.range.start.line + 1}:${d.range.start.character + 1}`)}: ${sevText} ${p.dim(ruleId(d))}: ${oneLine(messageText(d))}`;
}

export function formatText(run: ValidationRun, p: Paint): string {
  const lines: string[] = [];
  for (const f of run.files) {
    for (const d of sortDiagnostics(f.diagnostics)) lines.push(formatTextLine(f.displayPath, d, p));
    if (!run.showSuppressed) continue;
    const words = run.words ?? { suppressed: 'suppressed', noReason: 'no reason given' };
    for (const s of f.suppressed ?? [])
      lines.push(
        `${formatTextLine(f.displayPath, s.diagnostic, p)} ${p.dim(`[${words.suppressed}: ${s.reason || words.noReason}]`)}`,
      );
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

// ---------------------------------------------------------------- JSON

export function formatJson(run: ValidationRun): string {
  const { errors, warnings } = countSeverities(run.files);
  const out = {
    version: run.toolVersion,
    files: run.files.map((f) => ({
      path: f.displayPath,
      diagnostics: sortDiagnostics(f.diagnostics).map((d) => ({
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: severityName(d),
        rule: ruleId(d),
        message: messageText(d),
        range: d.range,
      })),
      ...(run.showSuppressed
        ? {
            suppressed: (f.suppressed ?? []).map((s) => ({
              line: s.diagnostic.range.start.line + 1,
              column: s.diagnostic.range.start.character + 1,
              severity: severityName(s.diagnostic),
              rule: ruleId(s.diagnostic),
              message: messageText(s.diagnostic),
              reason: s.reason,
              scope: s.scope,
              commentLine: s.commentRange.start.line + 1,
            })),
          }
        : {}),
    })),
    unreadable: run.unreadable.map((u) => ({ path: u.displayPath, message: u.message })),
    summary: { files: run.files.length, errors, warnings, unreadable: run.unreadable.length },
  };
  return JSON.stringify(out, null, 2) + '\n';
}

// ---------------------------------------------------------------- SARIF

interface RuleMetadata {
  id: string;
  level: 'error' | 'warning' | 'note';
  en: string;
  ja?: string;
  paths?: string[];
  referenceLines?: number[];
  help?: string;
}

/** Every code the language service can emit, from its one catalogue (SARIF has no hint level: a note). */
export function ruleCatalogue(): RuleMetadata[] {
  return diagnosticCatalogue().map((e) => ({
    id: e.id,
    level: e.severity === 'hint' ? 'note' : e.severity,
    en: e.description.en,
    ja: e.description.ja,
    paths: e.paths,
    referenceLines: e.referenceLines,
    help: e.help,
  }));
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function sarifLevel(d: Diagnostic): 'error' | 'warning' | 'note' {
  const s = severityName(d);
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

/** A relative path under the working directory as a URI reference (percent-encoded segments). */
function relativeUri(displayPath: string): string {
  return displayPath.split('/').map(encodeURIComponent).join('/');
}

export function formatSarif(run: ValidationRun): string {
  const rules = ruleCatalogue();
  // Codes the catalogue does not know (should not happen) still get a rule, so every result has a ruleIndex.
  for (const f of run.files)
    for (const d of [...f.diagnostics, ...(f.suppressed ?? []).map((s) => s.diagnostic)]) {
      const id = ruleId(d);
      if (!rules.some((r) => r.id === id)) rules.push({ id, level: sarifLevel(d), en: oneLine(messageText(d)) });
    }
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const srcRoot = pathToFileURL(run.cwd.endsWith('/') ? run.cwd : run.cwd + '/').href;

  // Inside the working directory: relative to %SRCROOT% (what code-scanning UIs expect); outside: a file: URI.
  const artifactLocation = (f: { displayPath: string; absolutePath?: string }) =>
    f.displayPath.startsWith('/') || f.displayPath === '.' || !f.absolutePath
      ? { uri: pathToFileURL(f.absolutePath ?? f.displayPath).href }
      : { uri: relativeUri(f.displayPath), uriBaseId: '%SRCROOT%' };

  const artifacts = run.files.map((f) => ({ location: artifactLocation(f), mimeType: 'application/yaml' }));
  // Suppressed findings are results too, with the comment's justification (SARIF 2.1.0 §3.27.23).
  const justification = new Map<Diagnostic, string>();
  const results = run.files.flatMap((f, fileIndex) =>
    sortDiagnostics([
      ...f.diagnostics,
      ...(f.suppressed ?? []).map((s) => (justification.set(s.diagnostic, s.reason), s.diagnostic)),
    ]).map((d) => {
      const id = ruleId(d);
      const suppressed = justification.has(d);
      return {
        ...(suppressed
          ? {
              suppressions: [
                {
                  kind: 'inSource',
                  status: 'accepted',
                  ...(justification.get(d) ? { justification: justification.get(d) } : {}),
                },
              ],
            }
          : {}),
        ruleId: id,
        ruleIndex: ruleIndex.get(id)!,
        level: sarifLevel(d),
        message: { text: messageText(d) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { ...artifactLocation(f), index: fileIndex },
              region: {
                startLine: d.range.start.line + 1,
                startColumn: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
              },
            },
          },
        ],
      };
    }),
  );

  const { errors } = countSeverities(run.files);
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'eci',
            fullName: 'eci: Alibaba Cloud ECI container group validator',
            version: run.toolVersion,
            semanticVersion: run.toolVersion,
            language: run.locale,
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: firstSentence(run.locale === 'ja' && r.ja ? r.ja : r.en) },
              fullDescription: { text: run.locale === 'ja' && r.ja ? r.ja : r.en },
              ...(r.help ? { help: { text: r.help } } : {}),
              defaultConfiguration: { level: r.level },
              properties: {
                ...(r.paths ? { wirePaths: r.paths } : {}),
                ...(r.referenceLines ? { referenceLines: r.referenceLines } : {}),
                ...(r.ja && run.locale !== 'ja' ? { 'description-ja': r.ja } : {}),
                tags: [r.id.split('.')[0]],
              },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: srcRoot } },
        columnKind: 'utf16CodeUnits',
        artifacts,
        results,
        invocations: [
          {
            executionSuccessful: run.unreadable.length === 0,
            exitCode: run.unreadable.length ? 2 : errors ? 1 : 0,
            toolExecutionNotifications: run.unreadable.map((u) => ({
              level: 'error',
              message: { text: u.message },
              ...(u.absolutePath
                ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(u) } }] }
                : {}),
            })),
          },
        ],
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function firstSentence(text: string): string {
  const m = /^(.+?[.。])(\s|$)/.exec(text);
  return m ? m[1] : text;
}
