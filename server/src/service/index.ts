// The language service's façade: plain text in, plain data out. The LSP server, the CLI and the
// tests all go through here. The parse of a text is cached, so diagnose, complete and hover on the
// same text parse it once.
import type { CompletionList, Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import { parse, type ParsedDocument } from './parse';
import { diagnose as diagnoseParsed } from './diagnose';
import { complete as completeAt } from './complete';
import { hover as hoverAt } from './hover';
import { splitLines } from './cursor';
import { localeOf, type Locale } from './messages';
import { buildWireRequest, type WireRequest } from './request';

export { DIAGNOSTIC_SOURCE } from './diagnose';
export type { DiagnosticData } from './diagnose';
export type { ParsedDocument } from './parse';
export type { WireRequest } from './request';

export interface LanguageServiceOptions {
  /** The display language (`ja`, `ja-JP` -> Japanese; anything else -> English). */
  locale?: string;
}

export type WireRequestOutcome =
  | ({ ok: true } & WireRequest)
  | {
      ok: false;
      /** The document's error diagnostics: no request is built from a document with errors. */
      errors: Diagnostic[];
    };

export interface EciLanguageService {
  readonly locale: Locale;
  /** The cached parse of a text. */
  parse(text: string): ParsedDocument;
  /** Every diagnostic of the document: syntax, schema, cross-field rules, warnings. */
  diagnose(text: string): Diagnostic[];
  /** Completion at a position (0-based line and UTF-16 character, as LSP). */
  complete(text: string, position: Position): CompletionList;
  /** Hover documentation at a position, or null. */
  hover(text: string, position: Position): Hover | null;
  /** The CreateContainerGroup wire parameters, or the errors that prevent building them. */
  wireRequest(text: string): WireRequestOutcome;
}

interface Analysis {
  parsed?: ParsedDocument;
  lines?: string[];
  diagnostics?: Diagnostic[];
}

/** How many recent texts keep their analysis (the open documents being edited, typically 1-3). */
const CACHE_SIZE = 8;

export function createLanguageService(options: LanguageServiceOptions = {}): EciLanguageService {
  const locale = localeOf(options.locale);
  const cache = new Map<string, Analysis>();

  const analysis = (text: string): Analysis => {
    let a = cache.get(text);
    if (a) {
      // Most recently used last.
      cache.delete(text);
      cache.set(text, a);
      return a;
    }
    a = {};
    cache.set(text, a);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return a;
  };
  const parsedOf = (text: string): ParsedDocument => {
    const a = analysis(text);
    return (a.parsed ??= parse(text));
  };
  const linesOf = (text: string): string[] => {
    const a = analysis(text);
    return (a.lines ??= splitLines(text));
  };
  const diagnosticsOf = (text: string): Diagnostic[] => {
    const a = analysis(text);
    return (a.diagnostics ??= diagnoseParsed(parsedOf(text), locale));
  };

  return {
    locale,
    parse: parsedOf,
    diagnose: (text) => diagnosticsOf(text).map((d) => ({ ...d })),
    complete: (text, position) => completeAt({ lines: linesOf(text), position, locale, parsed: () => parsedOf(text) }),
    hover: (text, position) => hoverAt({ lines: linesOf(text), position, locale }),
    wireRequest: (text) => {
      const errors = diagnosticsOf(text).filter((d) => d.severity === 1);
      if (errors.length) return { ok: false, errors };
      return { ok: true, ...buildWireRequest(parsedOf(text)) };
    },
  };
}
