// The live-group entry points activation calls: the view's provider (children, items) and what the
// tests read of the live state (status bar texts of followed groups, live diagnostics, groups listed).
import type * as vscode from 'vscode';
import type { CommandContext } from './commandContext';
import type { ExplorerNode } from './explorer';
import { liveState } from './liveState';
import { followedGroups } from '../../calls/src/follow';

export function explorerChildren(ctx: CommandContext, node?: ExplorerNode): Promise<ExplorerNode[]> {
  return liveState(ctx).explorer.children(node);
}

export function explorerItem(ctx: CommandContext, node: ExplorerNode): vscode.TreeItem {
  return liveState(ctx).explorer.item(node);
}

/** For the tests: what the editor shows of the live groups. */
export function liveInspect(ctx: CommandContext): {
  statusBar: Record<string, string>;
  links: Record<string, string>;
  following: string[];
} {
  const s = liveState(ctx);
  return {
    statusBar: s.follower.statusTexts(),
    links: Object.fromEntries([...s.links].map(([uri, l]) => [uri, l.groupId])),
    following: followedGroups(),
  };
}

/** For the tests: the view's children of `node` with the items VS Code would show. */
export async function explorerShown(
  ctx: CommandContext,
  node?: ExplorerNode,
): Promise<{ node: ExplorerNode; label: string; description?: string; tooltip?: string }[]> {
  const explorer = liveState(ctx).explorer;
  const children = await explorer.children(node);
  return children.map((child) => {
    const item = explorer.item(child);
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    return {
      node: child,
      label,
      ...(typeof item.description === 'string' ? { description: item.description } : {}),
      ...(typeof item.tooltip === 'string' ? { tooltip: item.tooltip } : {}),
    };
  });
}
