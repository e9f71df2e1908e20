// What the editor on the other end can take, as plain data: the LSP layer reads it from the
// client's declared capabilities (server/src/capabilities.ts) and the service shapes its answers
// to it. The service itself never sees the protocol's capability objects.
import type { MarkupContent } from 'vscode-languageserver-types';

export type DocumentationFormat = 'markdown' | 'plaintext';

export interface ClientFeatures {
  /** Completion items may carry snippet syntax (`${1:default}`) and multi-line text (`completionItem.snippetSupport`). */
  snippets: boolean;
  /** The format of completion items' documentation (`completionItem.documentationFormat`). */
  completionDocumentation: DocumentationFormat;
  /** The format of hover contents (`hover.contentFormat`). */
  hoverContent: DocumentationFormat;
  /** Completion items may say how to indent their continuation lines (`completionItem.insertTextModeSupport`). */
  insertTextMode: boolean;
  /**
   * The command that opens the editor's completion again, run after a key completion whose value has
   * a fixed set of choices (VS Code's `editor.action.triggerSuggest`); undefined when the editor has none.
   */
  triggerSuggestCommand?: string;
}

/** What VS Code takes: everything the service can give. The service's default. */
export const FULL_CLIENT_FEATURES: Readonly<ClientFeatures> = {
  snippets: true,
  completionDocumentation: 'markdown',
  hoverContent: 'markdown',
  insertTextMode: true,
  triggerSuggestCommand: 'editor.action.triggerSuggest',
};

/**
 * The documentation written as markdown, in the format the editor shows: plain text keeps the words,
 * code and lists and drops the markdown syntax (`**`, backticks, code fences, rules, escapes).
 */
export function documentation(markdown: string, format: DocumentationFormat): MarkupContent {
  return format === 'markdown'
    ? { kind: 'markdown', value: markdown }
    : { kind: 'plaintext', value: markdownToPlainText(markdown) };
}

export function markdownToPlainText(markdown: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(line);
      continue;
    }
    if (/^\s*(---|\*\*\*|___)\s*$/.test(line)) {
      out.push('');
      continue;
    }
    // Code spans keep their text as written (`d-2ze****` stays); bold and escapes around them go.
    const spans: string[] = [];
    const masked = line.replace(/`([^`]*)`/g, (_, code: string) => `\u0000${spans.push(code) - 1}\u0000`);
    out.push(
      masked
        .replace(/\*\*(.+?)\*\*/g, '$1')
        .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1')
        .replace(/\u0000(\d+)\u0000/g, (_, i: string) => spans[Number(i)]),
    );
  }
  // A rule between two blank lines leaves one blank line, not three.
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
