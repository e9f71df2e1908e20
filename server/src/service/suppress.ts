// Suppression comments: the user overrules a finding, as with a linter.
//   # eci-ignore RULE-ID[, RULE-ID] -- reason        at the end of the finding's line, or alone on the line before it
//   # eci-ignore-file RULE-ID[, RULE-ID] -- reason   in the document's first comment block: the whole document
// A suppressed finding leaves the diagnostics (and no longer blocks a dry run or create); it is kept,
// with the comment's reason, for `eci validate --show-suppressed` and SARIF. A suppression that names
// an unknown id, a syntax finding (which cannot be overruled), or that suppresses nothing is a warning.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { diagnosticCatalogue } from './catalogue';
import { commentStart } from './comments';
import type { Messages } from './messages';

/** A finding a suppression comment took out of the diagnostics. */
export interface SuppressedDiagnostic {
  diagnostic: Diagnostic;
  /** The text after `--` in the comment ('' when none was given). */
  reason: string;
  /** `line` (eci-ignore) or `file` (eci-ignore-file). */
  scope: 'line' | 'file';
  /** Where the suppression comment is. */
  commentRange: Range;
}

export const SUPPRESSION_CODES = {
  unused: 'suppression.unused',
  unknown: 'suppression.unknown-rule',
  misplaced: 'suppression.misplaced',
} as const;

let known: Set<string> | undefined;
/** Every id a suppression may name: schema codes, rule ids, x-warning codes (the catalogue says which). */
export function suppressibleIds(): Set<string> {
  return (known ??= new Set(
    diagnosticCatalogue()
      .filter((e) => e.suppressible)
      .map((e) => e.id),
  ));
}

/** True when a finding of this code may be suppressed (syntax findings and the suppression warnings may not). */
export function isSuppressible(code: string): boolean {
  return suppressibleIds().has(code);
}

interface Comment {
  line: number;
  /** Column of the `#`. */
  start: number;
  end: number;
  text: string;
  /** True when the line has nothing but the comment. */
  alone: boolean;
}

/** The comment of a line, if any: a `#` at the start or after a blank, outside quotes. */
function commentOf(line: string, index: number): Comment | undefined {
  const i = commentStart(line);
  if (i < 0) return undefined;
  return {
    line: index,
    start: i,
    end: line.replace(/\s+$/, '').length,
    text: line.slice(i),
    alone: line.slice(0, i).trim() === '',
  };
}

const DIRECTIVE = /^#\s*eci-ignore(-file)?(?=\s|$)(.*)$/;

interface Directive {
  scope: 'line' | 'file';
  ids: string[];
  reason: string;
  range: Range;
  /** The line whose findings it suppresses (line scope). */
  target: number;
  used: Set<string>;
}

/** The suppression comments of a text. */
function directives(lines: readonly string[]): { found: Directive[]; misplaced: Range[] } {
  const found: Directive[] = [];
  const misplaced: Range[] = [];
  let inFirstBlock = true;
  for (let l = 0; l < lines.length; l++) {
    const c = commentOf(lines[l], l);
    const blank = lines[l].trim() === '' || lines[l].trim() === '---';
    if (!c && !blank) inFirstBlock = false;
    if (c && !c.alone) inFirstBlock = false;
    if (!c) continue;
    const m = DIRECTIVE.exec(c.text.replace(/\s+$/, ''));
    if (!m) continue;
    const range: Range = { start: { line: l, character: c.start }, end: { line: l, character: c.end } };
    const [idsPart, ...rest] = m[2].split(/\s--(?:\s|$)/);
    const reason = rest.join(' -- ').trim();
    const ids = idsPart.split(/[\s,]+/).filter(Boolean);
    if (m[1]) {
      if (!inFirstBlock) misplaced.push(range);
      else found.push({ scope: 'file', ids, reason, range, target: -1, used: new Set() });
      continue;
    }
    let target = l;
    if (c.alone) {
      // The next line with content (other comment lines between are allowed).
      target = -1;
      for (let k = l + 1; k < lines.length; k++) {
        const t = lines[k].trim();
        if (t && !t.startsWith('#')) {
          target = k;
          break;
        }
      }
    }
    found.push({ scope: 'line', ids, reason, range, target, used: new Set() });
  }
  return { found, misplaced };
}

/**
 * Takes the suppressed findings out of `diagnostics`, and adds a warning for each suppression that
 * is misplaced, names an unknown id or suppresses nothing. `checked` is false when a syntax error
 * stopped the other checks (then "suppresses nothing" cannot be told and is not reported).
 */
export function applySuppressions(
  lines: readonly string[],
  diagnostics: Diagnostic[],
  m: Messages,
  checked: boolean,
): { diagnostics: Diagnostic[]; suppressed: SuppressedDiagnostic[] } {
  if (!lines.some((l) => l.includes('eci-ignore'))) return { diagnostics, suppressed: [] };
  const { found, misplaced } = directives(lines);
  const active: Diagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  for (const d of diagnostics) {
    const code = String(d.code ?? '');
    const by = isSuppressible(code)
      ? found.find((s) => s.ids.includes(code) && (s.scope === 'file' || s.target === d.range.start.line))
      : undefined;
    if (!by) {
      active.push(d);
      continue;
    }
    by.used.add(code);
    suppressed.push({ diagnostic: d, reason: by.reason, scope: by.scope, commentRange: by.range });
  }
  const warn = (range: Range, message: string, code: string, id?: string) =>
    active.push({
      range,
      message,
      code,
      source: 'eci',
      severity: DiagnosticSeverity.Warning,
      ...(id ? { data: { path: '', suppressionId: id } } : {}),
    });
  for (const range of misplaced) warn(range, m.suppressionMisplaced(), SUPPRESSION_CODES.misplaced);
  for (const s of found) {
    if (!s.ids.length) warn(s.range, m.suppressionNoIds(), SUPPRESSION_CODES.unknown);
    for (const id of s.ids) {
      if (!isSuppressible(id))
        warn(
          s.range,
          /^(yaml|suppression)\./.test(id) ? m.suppressionNotSuppressible(id) : m.suppressionUnknownId(id),
          SUPPRESSION_CODES.unknown,
          id,
        );
      else if (checked && !s.used.has(id))
        warn(
          s.range,
          s.scope === 'file' ? m.suppressionUnusedFile(id) : m.suppressionUnused(id),
          SUPPRESSION_CODES.unused,
          id,
        );
    }
  }
  active.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { diagnostics: active, suppressed };
}

/** The comment text that suppresses `id` on a line, for the quick fix. */
export function suppressionComment(id: string, reasonPlaceholder: string): string {
  return `# eci-ignore ${id} -- ${reasonPlaceholder}`;
}

/** The existing end-of-line `# eci-ignore` comment of a line, if any: [start, end) columns and its ids part end. */
export function lineDirective(line: string): { start: number; idsEnd: number } | undefined {
  const c = commentOf(line, 0);
  if (!c || c.alone) return undefined;
  const m = /^#\s*eci-ignore(?=\s|$)/.exec(c.text);
  if (!m) return undefined;
  const dash = c.text.search(/\s--(?:\s|$)/);
  const idsEnd = c.start + (dash < 0 ? c.text.replace(/\s+$/, '').length : dash);
  return { start: c.start, idsEnd };
}

/** True when the line has a comment of its own (any), so a new one goes on the line before it. */
export function hasComment(line: string): boolean {
  return commentOf(line, 0) !== undefined;
}
