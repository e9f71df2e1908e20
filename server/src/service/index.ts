// The language service's façade: plain text in, plain data out. The LSP server, the CLI and the
// tests all go through here. The parse of a text is cached, so diagnose, complete and hover on the
// same text parse it once.
import { accountDiagnostics, type AccountFacts } from './accountFacts';
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
import { parse, MAX_DOCUMENT_CHARS, type ParsedDocument } from './parse';
import { reparse } from './incremental';
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
import { codeActions, ignoreActions, type CodeActionParams } from './actions';
import { FULL_CLIENT_FEATURES, type ClientFeatures } from './clientFeatures';
import { applySuppressions, type SuppressedDiagnostic } from './suppress';
import { messagesFor } from './messages';
import { ruleDefinition } from './schema';

export type {
  AccountFacts,
  VSwitchFact,
  SecurityGroupFact,
  ZoneFact,
  ImageCacheFact,
  EipFact,
  StockState,
} from './accountFacts';
export { ACCOUNT_CODES, type AccountCode } from './accountCodes';
export { documentRegionId } from './accountFacts';
export { DIAGNOSTIC_SOURCE } from './diagnose';
export type { DiagnosticData } from './diagnose';
export type { ParsedDocument } from './parse';
export type { WireRequest } from './request';
export type { SuppressedDiagnostic } from './suppress';
export type { PrepareRenameResult, RenameResult } from './navigation';
export { ADD_CLIENT_TOKEN_KIND, type CodeActionParams } from './actions';
export { CONTAINER_GROUP_TEMPLATES, templateById, type ContainerGroupTemplate } from './templates';
export { FULL_CLIENT_FEATURES, type ClientFeatures, type DocumentationFormat } from './clientFeatures';
export { localeOf, type Locale } from './locale';
export {
  diagnosticCatalogue,
  catalogueEntry,
  catalogueMarkdown,
  type CatalogueEntry,
  type CodeSeverity,
} from './catalogue';

export interface LanguageServiceOptions {
  /** The display language (`ja`, `ja-JP`, `ja_JP.UTF-8` -> Japanese; anything else -> English). */
  locale?: string;
  /** What the editor takes (snippets, markdown, ...): everything when not said (VS Code). */
  client?: Partial<ClientFeatures>;
}

export type WireRequestOutcome =
  | ({
      ok: true;
      /** With `force`: the cross-field rule errors the request was built despite (the service is the judge). */
      overruled?: Diagnostic[];
    } & WireRequest)
  | {
      ok: false;
      /** The document's error diagnostics: no request is built from a document with errors. */
      errors: Diagnostic[];
      /** True when every error is a cross-field rule's (no syntax, type or other schema error): `force` would build it. */
      forcible: boolean;
    };

export interface WireRequestOptions {
  /** Build the request despite errors when they are all cross-field rule errors ("Dry run anyway"). */
  force?: boolean;
}

/** True when an error is a cross-field rule's (schemas/eci-rules.json), which a dry run may overrule. */
export function isRuleError(d: Diagnostic): boolean {
  return d.severity === 1 && ruleDefinition(String(d.code ?? '')) !== undefined;
}

export interface EciLanguageService {
  readonly locale: Locale;
  /** The cached parse of a text. */
  parse(text: string): ParsedDocument;
  /**
   * Every diagnostic of the document: syntax, schema, cross-field rules, warnings; minus suppressed ones.
   * With looked-up account facts (accountFacts.ts), the account checks' warnings too.
   */
  diagnose(text: string, facts?: readonly AccountFacts[]): Diagnostic[];
  /** The findings that `# eci-ignore` comments suppressed, with their reasons. */
  suppressed(text: string, facts?: readonly AccountFacts[]): SuppressedDiagnostic[];
  /** Completion at a position (0-based line and UTF-16 character, as LSP); live values from account facts when given. */
  complete(text: string, position: Position, facts?: readonly AccountFacts[]): CompletionList;
  /** Hover documentation at a position, or null. */
  hover(text: string, position: Position): Hover | null;
  /** The CreateContainerGroup wire parameters, or the errors that prevent building them. */
  wireRequest(text: string, options?: WireRequestOptions): WireRequestOutcome;
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
  /** The findings before suppression, and whether every check ran. */
  findings?: { all: Diagnostic[]; checked: boolean };
  diagnostics?: Diagnostic[];
  suppressed?: SuppressedDiagnostic[];
  /** The same with the account checks, for the facts they were computed with. */
  withFacts?: { facts: readonly AccountFacts[]; diagnostics: Diagnostic[]; suppressed: SuppressedDiagnostic[] };
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
  /** The findings before suppression (computed once per text), and whether every check ran (no syntax error). */
  const findingsOf = (text: string): { all: Diagnostic[]; checked: boolean } => {
    const a = analysis(text);
    if (!a.findings) {
      const all = diagnoseParsed(parsedOf(text), locale);
      // A syntax error stops the other checks: "this suppression is unused" cannot be told then.
      a.findings = { all, checked: !all.some((d) => String(d.code).startsWith('yaml.')) };
    }
    return a.findings;
  };
  const diagnosticsOf = (text: string): Diagnostic[] => {
    const a = analysis(text);
    if (!a.diagnostics) {
      const { all, checked } = findingsOf(text);
      const result = applySuppressions(linesOf(text), all, messagesFor(locale), checked);
      a.diagnostics = result.diagnostics;
      a.suppressed = result.suppressed;
    }
    return a.diagnostics;
  };
  /** The diagnostics with the account checks of `facts` (none: the plain ones). */
  const withFactsOf = (
    text: string,
    facts: readonly AccountFacts[] | undefined,
  ): { diagnostics: Diagnostic[]; suppressed: SuppressedDiagnostic[] } => {
    const plain = diagnosticsOf(text);
    const a = analysis(text);
    if (!facts?.length) return { diagnostics: plain, suppressed: a.suppressed ?? [] };
    if (a.withFacts?.facts === facts) return a.withFacts;
    const { all, checked } = findingsOf(text);
    const account = checked ? accountDiagnostics(parsedOf(text), facts, locale) : [];
    a.withFacts = {
      facts,
      ...(account.length
        ? applySuppressions(linesOf(text), [...all, ...account], messagesFor(locale), checked)
        : { diagnostics: plain, suppressed: a.suppressed ?? [] }),
    };
    return a.withFacts;
  };

  return {
    locale,
    parse: parsedOf,
    diagnose: (text, facts) => withFactsOf(text, facts).diagnostics.map((d) => ({ ...d })),
    suppressed: (text, facts) =>
      withFactsOf(text, facts).suppressed.map((s) => ({ ...s, diagnostic: { ...s.diagnostic } })),
    // A document too large to analyse gets no completion or hover (its one diagnostic says why).
    complete: (text, position, facts) =>
      text.length > MAX_DOCUMENT_CHARS
        ? { isIncomplete: false, items: [] }
        : completeAt({ lines: linesOf(text), position, locale, parsed: () => parsedOf(text), client, facts }),
    hover: (text, position) =>
      text.length > MAX_DOCUMENT_CHARS
        ? null
        : hoverAt({ lines: linesOf(text), position, locale, format: client.hoverContent }),
    documentSymbols: (text) => documentSymbols(parsedOf(text), locale),
    foldingRanges: (text) => foldingRanges(parsedOf(text)),
    selectionRanges: (text, positions) => selectionRanges(parsedOf(text), positions),
    definition: (text, position) => navigation.definition(parsedOf(text), position),
    references: (text, position, includeDeclaration) =>
      navigation.references(parsedOf(text), position, includeDeclaration),
    documentHighlights: (text, position) => navigation.documentHighlights(parsedOf(text), position),
    prepareRename: (text, position) => navigation.prepareRename(parsedOf(text), position, locale),
    rename: (text, position, newName) => navigation.rename(parsedOf(text), position, newName, locale),
    // The diagnostics the editor sends back are matched to the ones published for this text.
    codeActions: (text, params) => [
      ...codeActions(parsedOf(text), { ...params, locale, published: diagnosticsOf(text) }),
      ...ignoreActions(parsedOf(text), { ...params, locale }),
    ],
    wireRequest: (text, options = {}) => {
      const errors = diagnosticsOf(text).filter((d) => d.severity === 1);
      const forcible = errors.length > 0 && errors.every(isRuleError);
      if (errors.length && !(options.force && forcible)) return { ok: false, errors, forcible };
      return { ok: true, ...buildWireRequest(parsedOf(text)), ...(errors.length ? { overruled: errors } : {}) };
    },
  };
}
