// The capabilities real clients declare in `initialize`, for the protocol tests: each test says which
// client it plays, and what the server sends must be allowed by what that client declared.
import type { ClientCapabilities } from 'vscode-languageserver-protocol/node';

export interface ClientIdentity {
  name: string;
  clientInfo?: { name: string; version?: string };
  capabilities: ClientCapabilities;
}

/**
 * VS Code through vscode-languageclient 11 (what the extension uses): the features' `fillClientCapabilities`
 * in node_modules/vscode-languageclient/lib/common/*.js, for the requests this server answers.
 */
export const VS_CODE: ClientIdentity = {
  name: 'VS Code',
  clientInfo: { name: 'Visual Studio Code', version: '1.139.1' },
  capabilities: {
    workspace: {
      applyEdit: true,
      workspaceEdit: {
        documentChanges: true,
        resourceOperations: ['create', 'rename', 'delete'],
        failureHandling: 'textOnlyTransactional',
        normalizesLineEndings: true,
        changeAnnotationSupport: { groupsOnLabel: true },
        metadataSupport: true,
      },
      executeCommand: { dynamicRegistration: true },
      configuration: true,
      workspaceFolders: true,
    },
    textDocument: {
      publishDiagnostics: {
        relatedInformation: true,
        versionSupport: false,
        tagSupport: { valueSet: [1, 2] },
        codeDescriptionSupport: true,
        dataSupport: true,
      },
      synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
      completion: {
        dynamicRegistration: true,
        contextSupport: true,
        completionItem: {
          snippetSupport: true,
          commitCharactersSupport: true,
          documentationFormat: ['markdown', 'plaintext'],
          deprecatedSupport: true,
          preselectSupport: true,
          tagSupport: { valueSet: [1] },
          insertReplaceSupport: true,
          resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] },
          insertTextModeSupport: { valueSet: [1, 2] },
          labelDetailsSupport: true,
        },
        insertTextMode: 2,
        completionItemKind: {
          valueSet: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25],
        },
        completionList: {
          itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'],
        },
      },
      hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
      definition: { dynamicRegistration: true, linkSupport: true },
      references: { dynamicRegistration: true },
      documentHighlight: { dynamicRegistration: true },
      documentSymbol: {
        dynamicRegistration: true,
        symbolKind: {
          valueSet: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26],
        },
        hierarchicalDocumentSymbolSupport: true,
        tagSupport: { valueSet: [1] },
        labelSupport: true,
      },
      codeAction: {
        dynamicRegistration: true,
        isPreferredSupport: true,
        disabledSupport: true,
        dataSupport: true,
        resolveSupport: { properties: ['edit'] },
        codeActionLiteralSupport: {
          codeActionKind: {
            valueSet: [
              '',
              'quickfix',
              'refactor',
              'refactor.extract',
              'refactor.inline',
              'refactor.rewrite',
              'source',
              'source.organizeImports',
            ],
          },
        },
        honorsChangeAnnotations: true,
      },
      rename: {
        dynamicRegistration: true,
        prepareSupport: true,
        prepareSupportDefaultBehavior: 1,
        honorsChangeAnnotations: true,
      },
      foldingRange: {
        dynamicRegistration: true,
        rangeLimit: 5000,
        lineFoldingOnly: true,
        foldingRangeKind: { valueSet: ['comment', 'imports', 'region'] },
        foldingRange: { collapsedText: false },
      },
      selectionRange: { dynamicRegistration: true },
    },
  },
};

/** Neovim 0.7.2 (Debian bookworm's `neovim`): `vim.lsp.protocol.make_client_capabilities()`, recorded from the editor. */
export const NEOVIM_0_7: ClientIdentity = {
  name: 'Neovim 0.7',
  clientInfo: { name: 'Neovim', version: '0.7.2' },
  // Neovim also sends workspace.symbol.hierarchicalWorkspaceSymbolSupport, which the protocol's types lack.
  capabilities: {
    textDocument: {
      implementation: { linkSupport: true },
      documentSymbol: {
        hierarchicalDocumentSymbolSupport: true,
        symbolKind: {
          valueSet: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26],
        },
        dynamicRegistration: false,
      },
      declaration: { linkSupport: true },
      codeAction: {
        codeActionLiteralSupport: {
          codeActionKind: {
            valueSet: [
              '',
              'Empty',
              'QuickFix',
              'Refactor',
              'RefactorExtract',
              'RefactorInline',
              'RefactorRewrite',
              'Source',
              'SourceOrganizeImports',
              'quickfix',
              'refactor',
              'refactor.extract',
              'refactor.inline',
              'refactor.rewrite',
              'source',
              'source.organizeImports',
            ],
          },
        },
        resolveSupport: { properties: ['edit'] },
        dataSupport: true,
        dynamicRegistration: false,
      },
      publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] } },
      rename: { prepareSupport: true, dynamicRegistration: false },
      definition: { linkSupport: true },
      typeDefinition: { linkSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'], dynamicRegistration: false },
      documentHighlight: { dynamicRegistration: false },
      completion: {
        completionItemKind: {
          valueSet: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25],
        },
        contextSupport: false,
        completionItem: {
          commitCharactersSupport: false,
          preselectSupport: false,
          deprecatedSupport: false,
          documentationFormat: ['markdown', 'plaintext'],
          snippetSupport: false,
        },
        dynamicRegistration: false,
      },
      signatureHelp: {
        signatureInformation: {
          activeParameterSupport: true,
          parameterInformation: { labelOffsetSupport: true },
          documentationFormat: ['markdown', 'plaintext'],
        },
        dynamicRegistration: false,
      },
      synchronization: { willSave: false, willSaveWaitUntil: false, didSave: true, dynamicRegistration: false },
      references: { dynamicRegistration: false },
    },
    callHierarchy: { dynamicRegistration: false },
    window: {
      showMessage: { messageActionItem: { additionalPropertiesSupport: false } },
      showDocument: { support: false },
      workDoneProgress: true,
    },
    workspace: {
      applyEdit: true,
      workspaceFolders: true,
      symbol: {
        hierarchicalWorkspaceSymbolSupport: true,
        symbolKind: {
          valueSet: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26],
        },
        dynamicRegistration: false,
      },
      workspaceEdit: { resourceOperations: ['rename', 'create', 'delete'] },
    },
  } as ClientCapabilities,
};

/**
 * Eglot 1.9 in Emacs 28.2 (Debian's `elpa-eglot`, `emacs-nox`), without yasnippet or markdown-mode:
 * the `capabilities` of the initialize request it sent, recorded from the editor. It sends no clientInfo.
 */
export const EGLOT_1_9: ClientIdentity = {
  name: 'Eglot 1.9',
  capabilities: {
    workspace: {
      applyEdit: true,
      executeCommand: { dynamicRegistration: false },
      workspaceEdit: { documentChanges: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      symbol: { dynamicRegistration: false },
      configuration: true,
      workspaceFolders: true,
    },
    textDocument: {
      synchronization: { dynamicRegistration: false, willSave: true, willSaveWaitUntil: true, didSave: true },
      completion: {
        dynamicRegistration: false,
        completionItem: { snippetSupport: false, deprecatedSupport: true, tagSupport: { valueSet: [1] } },
        contextSupport: true,
      },
      hover: { dynamicRegistration: false, contentFormat: ['plaintext'] },
      signatureHelp: {
        dynamicRegistration: false,
        signatureInformation: { parameterInformation: { labelOffsetSupport: true }, activeParameterSupport: true },
      },
      references: { dynamicRegistration: false },
      definition: { dynamicRegistration: false, linkSupport: true },
      declaration: { dynamicRegistration: false, linkSupport: true },
      implementation: { dynamicRegistration: false, linkSupport: true },
      typeDefinition: { dynamicRegistration: false, linkSupport: true },
      documentSymbol: {
        dynamicRegistration: false,
        hierarchicalDocumentSymbolSupport: true,
        symbolKind: {
          valueSet: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26],
        },
      },
      documentHighlight: { dynamicRegistration: false },
      codeAction: {
        dynamicRegistration: false,
        codeActionLiteralSupport: {
          codeActionKind: {
            valueSet: [
              'quickfix',
              'refactor',
              'refactor.extract',
              'refactor.inline',
              'refactor.rewrite',
              'source',
              'source.organizeImports',
            ],
          },
        },
        isPreferredSupport: true,
      },
      formatting: { dynamicRegistration: false },
      rangeFormatting: { dynamicRegistration: false },
      rename: { dynamicRegistration: false },
      publishDiagnostics: {
        relatedInformation: false,
        codeDescriptionSupport: false,
        tagSupport: { valueSet: [1, 2] },
      },
    },
    experimental: {},
  },
};

/** A client that declares nothing: it gets the LSP's defaults and nothing more. */
export const BARE: ClientIdentity = { name: 'bare client', capabilities: {} };

export const CLIENTS: readonly ClientIdentity[] = [VS_CODE, NEOVIM_0_7, EGLOT_1_9, BARE];
