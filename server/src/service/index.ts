// The language service's façade: plain text in, plain data out. The LSP server, the CLI and the
// tests all go through here. The parse of a text is cached, so diagnose, complete and hover on the
// same text parse it once.
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentHighlight,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Position,
  Range,
  SelectionRange,
} from 'vscode-languageserver-types';
import { parse, reparse, MAX_DOCUMENT_CHARS, type ParsedDocument } from './parse';
import { diagnose as diagnoseParsed } from './diagnose';
import { complete as completeAt } from './complete';
import { hover as hoverAt } from './hover';
import { splitLines } from './cursor';
import { localeOf, type Locale } from './messages';
import { buildWireRequest, type WireRequest } from './request';
import { documentSymbols } from './symbols';
import { foldingRanges } from './folding';
import { selectionRanges } from './selection';
import * as navigation from './navigation';
import { codeActions, type CodeActionParams } from './actions';
import { FULL_CLIENT_FEATURES, type ClientFeatures } from './clientFeatures';

export { DIAGNOSTIC_SOURCE } from './diagnose';
export type { DiagnosticData } from './diagnose';
export type { ParsedDocument } from './parse';
export type { WireRequest } from './request';
export type { PrepareRenameResult, RenameResult } from './navigation';
export { ADD_CLIENT_TOKEN_KIND, type CodeActionParams } from './actions';
export { CONTAINER_GROUP_TEMPLATES, templateById, type ContainerGroupTemplate } from './templates';
export { FULL_CLIENT_FEATURES, type ClientFeatures, type DocumentationFormat } from './clientFeatures';
export { localeOf, type Locale } from './locale';

export interface LanguageServiceOptions {
  /** The display language (`ja`, `ja-JP`, `ja_JP.UTF-8` -> Japanese; anything else -> English). */
  locale?: string;
  /** What the editor takes (snippets, markdown, ...): everything when not said (VS Code). */
  client?: Partial<ClientFeatures>;
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
  /** The outline: one symbol per key, containers, volumes, tags... named by what identifies them. */
  documentSymbols(text: string): DocumentSymbol[];
  foldingRanges(text: string): FoldingRange[];
  selectionRanges(text: string, positions: Position[]): SelectionRange[];
  /** Where the volume named at the position (a VolumeMount[].Name or Volume[].Name) is defined. */
  definition(text: string, position: Position): Range[];
  /** The volume's definition (when asked) and every mount naming it. */
  references(text: string, position: Position, includeDeclaration: boolean): Range[];
  documentHighlights(text: string, position: Position): DocumentHighlight[];
  prepareRename(text: string, position: Position): navigation.PrepareRenameResult;
  rename(text: string, position: Position, newName: string): navigation.RenameResult;
  /** Quick fixes for the given diagnostics, and source actions; titles in the service's locale. */
  codeActions(text: string, params: Omit<CodeActionParams, 'locale'>): CodeAction[];
}

interface Analysis {
  parsed?: ParsedDocument;
  lines?: string[];
  diagnostics?: Diagnostic[];
}

/** How many recent texts keep their analysis (the documents being edited and viewed). */
const CACHE_SIZE = 4;

export function createLanguageService(options: LanguageServiceOptions = {}): EciLanguageService {
  const locale = localeOf(options.locale);
  const client: ClientFeatures = { ...FULL_CLIENT_FEATURES, ...options.client };
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
  /** The last text parsed: the next text is usually an edit of it, re-parsed incrementally when possible. */
  let latest: { text: string; analysis: Analysis } | undefined;
  const parsedOf = (text: string): ParsedDocument => {
    const a = analysis(text);
    if (!a.parsed) {
      const previous = latest && latest.text !== text ? latest.analysis : undefined;
      const incremental = previous?.parsed ? reparse(previous.parsed, text) : undefined;
      // The previous text's tree now belongs to this text; the previous text is parsed anew if asked again.
      if (incremental && previous) previous.parsed = undefined;
      a.parsed = incremental ?? parse(text);
    }
    latest = { text, analysis: a };
    return a.parsed;
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
    // A document too large to analyse gets no completion or hover (its one diagnostic says why).
    complete: (text, position) =>
      text.length > MAX_DOCUMENT_CHARS ? { isIncomplete: false, items: [] } : completeAt({ lines: linesOf(text), position, locale, parsed: () => parsedOf(text), client }),
    hover: (text, position) => (text.length > MAX_DOCUMENT_CHARS ? null : hoverAt({ lines: linesOf(text), position, locale, format: client.hoverContent })),
    documentSymbols: (text) => documentSymbols(parsedOf(text), locale),
    foldingRanges: (text) => foldingRanges(parsedOf(text)),
    selectionRanges: (text, positions) => selectionRanges(parsedOf(text), positions),
    definition: (text, position) => navigation.definition(parsedOf(text), position),
    references: (text, position, includeDeclaration) => navigation.references(parsedOf(text), position, includeDeclaration),
    documentHighlights: (text, position) => navigation.documentHighlights(parsedOf(text), position),
    prepareRename: (text, position) => navigation.prepareRename(parsedOf(text), position, locale),
    rename: (text, position, newName) => navigation.rename(parsedOf(text), position, newName, locale),
    // The diagnostics the editor sends back are matched to the ones published for this text.
    codeActions: (text, params) => codeActions(parsedOf(text), { ...params, locale, published: diagnosticsOf(text) }),
    wireRequest: (text) => {
      const errors = diagnosticsOf(text).filter((d) => d.severity === 1);
      if (errors.length) return { ok: false, errors };
      return { ok: true, ...buildWireRequest(parsedOf(text)) };
    },
  };
}
