// What this server offers, and how it answers, decided from what the client declared in `initialize`.
// A client gets only what its capabilities say it takes: no snippets without `snippetSupport`, no
// markdown where it asked for plain text, no `prepareProvider` without `prepareSupport`, code action
// literals only with `codeActionLiteralSupport` (else commands this server executes itself through
// `workspace/applyEdit`, or nothing), flat `SymbolInformation` without hierarchical symbol support,
// and VS Code's own commands only to VS Code. server.ts wires these into the connection.
import {
  CodeActionKind,
  CompletionItemKind,
  SymbolInformation,
  SymbolKind,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type CodeAction,
  type Command,
  type CompletionList,
  type DocumentSymbol,
  type InitializeParams,
  type MarkupKind,
  type ServerCapabilities,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { ADD_CLIENT_TOKEN_KIND, type ClientFeatures, type DocumentationFormat } from './service/index';
import { environmentLocale } from './service/locale';

/** Characters after which the editor asks for completion without an explicit request. */
export const COMPLETION_TRIGGER_CHARACTERS = [':', ' ', '-', '"', "'", '{', '[', ','];

/** The command a code action becomes for a client that takes no code action literals: applies its edit. */
export const APPLY_EDIT_COMMAND = 'eci.applyWorkspaceEdit';

/** Client names (`clientInfo.name`) of VS Code and its builds, which have `editor.action.triggerSuggest`. */
const VS_CODE_NAMES = /^(Visual Studio Code|VSCodium|code-server|Code - OSS)/i;

/** How this server talks to one client: decided once, in `initialize`. */
export interface ClientProfile {
  features: ClientFeatures;
  /** The display language asked for (initializationOptions.locale, then initialize's locale, then the environment). */
  locale: string | undefined;
  /** Code actions go out as CodeAction literals; otherwise as commands (when `commands`), or not at all. */
  codeActionLiterals: boolean;
  /** The client can apply a workspace edit the server sends (`workspace.applyEdit`). */
  applyEdit: boolean;
  /** Code action kinds the client knows (with literal support): actions of other kinds are not sent. */
  codeActionKinds: string[] | undefined;
  hierarchicalSymbols: boolean;
  prepareRename: boolean;
  /** Completion item and symbol kinds the client shows (the LSP's initial sets when it names none). */
  completionItemKinds: ReadonlySet<number>;
  symbolKinds: ReadonlySet<number>;
  /** The client shows `labelDetails` of completion items (`completionItem.labelDetailsSupport`). */
  labelDetails: boolean;
  /** The client reads `isPreferred` of code actions (`codeAction.isPreferredSupport`). */
  preferredActions: boolean;
}

/** The kinds every client takes: those of the first LSP versions (Text..Reference, File..Array). */
const BASE_COMPLETION_ITEM_KINDS = range(CompletionItemKind.Text, CompletionItemKind.Reference);
const BASE_SYMBOL_KINDS = range(SymbolKind.File, SymbolKind.Array);
/** For a client without the later kinds: the nearest of the initial ones. */
const COMPLETION_KIND_FALLBACK: Partial<Record<number, CompletionItemKind>> = {
  [CompletionItemKind.EnumMember]: CompletionItemKind.Value,
};
const SYMBOL_KIND_FALLBACK: Partial<Record<number, SymbolKind>> = {
  [SymbolKind.Key]: SymbolKind.Property,
  [SymbolKind.Object]: SymbolKind.Class,
};

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function formatOf(formats: MarkupKind[] | undefined): DocumentationFormat {
  // The client's order is its preference; a client that says nothing takes plain text (the LSP default).
  const known = (formats ?? []).find((f) => f === 'markdown' || f === 'plaintext');
  return known ?? 'plaintext';
}

export function clientProfile(
  params: InitializeParams,
  env: Record<string, string | undefined> = process.env,
): ClientProfile {
  const caps: ClientCapabilities = params.capabilities ?? {};
  const completionItem = caps.textDocument?.completion?.completionItem;
  const isVsCode = VS_CODE_NAMES.test(params.clientInfo?.name ?? '');
  const fromOptions = (params.initializationOptions as { locale?: unknown } | undefined)?.locale;
  const literal = caps.textDocument?.codeAction?.codeActionLiteralSupport;
  return {
    features: {
      snippets: completionItem?.snippetSupport === true,
      completionDocumentation: formatOf(completionItem?.documentationFormat),
      hoverContent: formatOf(caps.textDocument?.hover?.contentFormat),
      insertTextMode: completionItem?.insertTextModeSupport?.valueSet?.includes(1) === true,
      triggerSuggestCommand: isVsCode ? 'editor.action.triggerSuggest' : undefined,
    },
    locale:
      typeof fromOptions === 'string' && fromOptions.trim() ? fromOptions : (params.locale ?? environmentLocale(env)),
    codeActionLiterals: literal !== undefined,
    applyEdit: caps.workspace?.applyEdit === true,
    codeActionKinds: literal?.codeActionKind?.valueSet,
    hierarchicalSymbols: caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    prepareRename: caps.textDocument?.rename?.prepareSupport === true,
    completionItemKinds: new Set([
      ...BASE_COMPLETION_ITEM_KINDS,
      ...(caps.textDocument?.completion?.completionItemKind?.valueSet ?? []),
    ]),
    symbolKinds: new Set([...BASE_SYMBOL_KINDS, ...(caps.textDocument?.documentSymbol?.symbolKind?.valueSet ?? [])]),
    labelDetails: completionItem?.labelDetailsSupport === true,
    preferredActions: caps.textDocument?.codeAction?.isPreferredSupport === true,
  };
}

/** Whether code actions reach this client at all (as literals, or as commands that apply their edit). */
function sendsCodeActions(profile: ClientProfile): boolean {
  return profile.codeActionLiterals || profile.applyEdit;
}

export function serverCapabilities(profile: ClientProfile): ServerCapabilities {
  const caps: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: false },
    hoverProvider: true,
    documentSymbolProvider: { label: 'ECI container group' },
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    renameProvider: profile.prepareRename ? { prepareProvider: true } : true,
    foldingRangeProvider: true,
    selectionRangeProvider: true,
  };
  if (profile.codeActionLiterals) {
    // `codeActionKinds` may be sent only to clients that take code action literals.
    caps.codeActionProvider = { codeActionKinds: [CodeActionKind.QuickFix, ADD_CLIENT_TOKEN_KIND] };
  } else if (sendsCodeActions(profile)) {
    caps.codeActionProvider = true;
  }
  if (!profile.codeActionLiterals && profile.applyEdit)
    caps.executeCommandProvider = { commands: [APPLY_EDIT_COMMAND] };
  return caps;
}

/** The service's code actions as this client takes them. */
export function codeActionsFor(profile: ClientProfile, actions: CodeAction[]): (CodeAction | Command)[] {
  if (profile.codeActionLiterals) {
    if (!profile.preferredActions) for (const a of actions) delete a.isPreferred;
    const kinds = profile.codeActionKinds;
    // A client that lists the kinds it knows gets actions of those kinds (or of a kind below one of them).
    if (!kinds?.length) return actions;
    return actions.filter((a) => !a.kind || kinds.some((k) => a.kind === k || a.kind!.startsWith(`${k}.`)));
  }
  if (!profile.applyEdit) return [];
  return actions
    .filter((a) => a.edit)
    .map((a) => ({ title: a.title, command: APPLY_EDIT_COMMAND, arguments: [a.edit] }));
}

/** Completion items with kinds this client shows. */
export function completionFor(profile: ClientProfile, list: CompletionList): CompletionList {
  for (const item of list.items) {
    if (item.kind !== undefined && !profile.completionItemKinds.has(item.kind))
      item.kind = COMPLETION_KIND_FALLBACK[item.kind];
    if (!profile.labelDetails) delete item.labelDetails;
  }
  return list;
}

function symbolKindFor(profile: ClientProfile, kind: SymbolKind): SymbolKind {
  return profile.symbolKinds.has(kind) ? kind : (SYMBOL_KIND_FALLBACK[kind] ?? SymbolKind.Field);
}

/** The outline as this client takes it: nested DocumentSymbols, or a flat list of SymbolInformation. */
export function documentSymbolsFor(
  profile: ClientProfile,
  uri: string,
  symbols: DocumentSymbol[],
): DocumentSymbol[] | SymbolInformation[] {
  if (profile.hierarchicalSymbols) {
    const fix = (list: DocumentSymbol[]): void =>
      list.forEach((s) => {
        s.kind = symbolKindFor(profile, s.kind);
        if (s.children) fix(s.children);
      });
    fix(symbols);
    return symbols;
  }
  const out: SymbolInformation[] = [];
  const walk = (list: DocumentSymbol[], container: string | undefined) => {
    for (const s of list) {
      out.push(SymbolInformation.create(s.name, symbolKindFor(profile, s.kind), s.range, uri, container));
      if (s.children?.length) walk(s.children, s.name);
    }
  };
  walk(symbols, undefined);
  return out;
}

/** The workspace edit carried by an APPLY_EDIT_COMMAND, or undefined when the arguments are not one. */
export function editOfCommand(command: string, args: unknown[] | undefined): WorkspaceEdit | undefined {
  if (command !== APPLY_EDIT_COMMAND) return undefined;
  const edit = args?.[0] as WorkspaceEdit | undefined;
  return edit && typeof edit === 'object' && (edit.changes || edit.documentChanges) ? edit : undefined;
}
