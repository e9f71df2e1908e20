// The "ECI Container Groups" view: regions (setting eci.regions; else the regions of the open documents
// and of the groups created from this editor), under each its groups (all pages), under each group its
// containers (state, ready, restart count) and its events. Refreshed by hand and while a group is followed.
// The tree shows names, ids, states and times only: never an environment value or a key.
import * as vscode from 'vscode';
import type { LiveContainer, LiveContainerGroup, LiveEvent } from '../../calls/src/lifecycleTypes';
import { describeContainerGroups } from '../../calls/src/operations/lifecycleOperations';
import { isOutcome, type CommandContext } from './commandContext';
import { HISTORY_STATE_KEY, readHistory } from './history';
import { failureText } from './liveFailures';
import { targetFor } from './liveTarget';
import { WireRequestMethod, type WireRequestResult } from '../../server/src/protocol';

export type ExplorerNode =
  | { kind: 'region'; regionId: string }
  | { kind: 'group'; regionId: string; group: LiveContainerGroup }
  | { kind: 'container'; regionId: string; groupId: string; container: LiveContainer }
  | { kind: 'events'; regionId: string; group: LiveContainerGroup }
  | { kind: 'event'; event: LiveEvent }
  | { kind: 'message'; text: string; error?: boolean };

/** The groups last listed in each region (what the tests and the group commands read). */
export class LiveExplorer {
  readonly groups = new Map<string, LiveContainerGroup[]>();

  constructor(
    private readonly ctx: CommandContext,
    private readonly changed: vscode.EventEmitter<void>,
  ) {}

  refresh(): void {
    this.groups.clear();
    this.changed.fire();
  }

  /** The regions listed: the setting, else those of the open documents and of the groups created here. */
  async regions(): Promise<string[]> {
    const configured = vscode.workspace.getConfiguration('eci').get<unknown>('regions', []);
    if (Array.isArray(configured) && configured.some((r) => typeof r === 'string' && r.trim() !== '')) {
      return [
        ...new Set(
          configured
            .filter((r): r is string => typeof r === 'string')
            .map((r) => r.trim())
            .filter(Boolean),
        ),
      ];
    }
    const found = new Set<string>();
    const client = await this.ctx.client();
    if (client?.isRunning()) {
      for (const document of vscode.workspace.textDocuments) {
        if (document.languageId !== 'eci-yaml' || document.uri.scheme === 'git') continue;
        try {
          const r = await client.sendRequest<WireRequestResult | null>(WireRequestMethod, {
            uri: client.code2ProtocolConverter.asUri(document.uri),
          });
          if (r?.ok && r.params.RegionId) found.add(r.params.RegionId);
        } catch {
          /* a document the server cannot read names no region */
        }
      }
    }
    for (const e of readHistory(this.ctx.extension.globalState.get(HISTORY_STATE_KEY))) found.add(e.regionId);
    return [...found].sort();
  }

  async children(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!node) {
      const regions = await this.regions();
      if (regions.length === 0)
        return [{ kind: 'message', text: vscode.l10n.t('No region: open a *.eci.yaml file or set eci.regions.') }];
      return regions.map((regionId) => ({ kind: 'region', regionId }));
    }
    switch (node.kind) {
      case 'region':
        return this.groupsOf(node.regionId);
      case 'group':
        return [
          ...(node.group.Containers ?? []).map((container): ExplorerNode => ({
            kind: 'container',
            regionId: node.regionId,
            groupId: node.group.ContainerGroupId,
            container,
          })),
          { kind: 'events', regionId: node.regionId, group: node.group },
        ];
      case 'events':
        return (node.group.Events ?? []).map((event): ExplorerNode => ({ kind: 'event', event }));
      default:
        return [];
    }
  }

  private async groupsOf(regionId: string): Promise<ExplorerNode[]> {
    const target = await targetFor(
      { ...this.ctx, ui: { ...this.ctx.ui, showErrorMessage: async () => undefined } },
      regionId,
    );
    if (isOutcome(target))
      return [{ kind: 'message', text: 'message' in target ? target.message : String(target.kind), error: true }];
    const out = await describeContainerGroups(target);
    if (out.type !== 'ok') return [{ kind: 'message', text: this.ctx.output.scrub(failureText(out)), error: true }];
    const groups = [...out.value].sort((a, b) =>
      String(b.CreationTime ?? '').localeCompare(String(a.CreationTime ?? '')),
    );
    this.groups.set(regionId, groups);
    if (groups.length === 0) return [{ kind: 'message', text: vscode.l10n.t('No container groups in {0}.', regionId) }];
    return groups.map((group) => ({ kind: 'group', regionId, group }));
  }

  item(node: ExplorerNode): vscode.TreeItem {
    const scrub = (s: string) => this.ctx.output.scrub(s);
    switch (node.kind) {
      case 'region': {
        const item = new vscode.TreeItem(node.regionId, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon('globe');
        item.contextValue = 'eciRegion';
        item.id = `region:${node.regionId}`;
        return item;
      }
      case 'group': {
        const g = node.group;
        const item = new vscode.TreeItem(
          scrub(g.ContainerGroupName ?? g.ContainerGroupId),
          vscode.TreeItemCollapsibleState.Collapsed,
        );
        item.description = scrub(`${g.Status ?? '?'} · ${g.ContainerGroupId} · ${g.CreationTime ?? ''}`);
        item.tooltip = scrub(
          [
            `${g.ContainerGroupName ?? ''} (${g.ContainerGroupId})`,
            `${vscode.l10n.t('Status')}: ${g.Status ?? '?'}`,
            `${vscode.l10n.t('Region')}: ${node.regionId}`,
            `${vscode.l10n.t('Created')}: ${g.CreationTime ?? ''}`,
          ].join('\n'),
        );
        item.iconPath = statusIcon(g.Status);
        item.contextValue = 'eciGroup';
        item.id = `group:${node.regionId}:${g.ContainerGroupId}`;
        return item;
      }
      case 'container': {
        const c = node.container;
        const item = new vscode.TreeItem(scrub(c.Name), vscode.TreeItemCollapsibleState.None);
        const state = c.CurrentState?.State ?? '?';
        const reason = c.CurrentState?.Reason ? ` (${c.CurrentState.Reason})` : '';
        item.description = scrub(
          `${state}${reason} · ${c.Ready ? vscode.l10n.t('ready') : vscode.l10n.t('not ready')} · ${vscode.l10n.t('restarts: {0}', c.RestartCount ?? 0)}`,
        );
        item.tooltip = scrub(`${c.Name}: ${c.Image ?? ''}`);
        item.iconPath = new vscode.ThemeIcon(
          c.Ready ? 'pass' : state === 'Running' ? 'circle-large-outline' : 'warning',
        );
        item.contextValue = 'eciContainer';
        item.id = `container:${node.groupId}:${c.Name}`;
        return item;
      }
      case 'events': {
        const n = node.group.Events?.length ?? 0;
        const item = new vscode.TreeItem(
          vscode.l10n.t('Events ({0})', n),
          n > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
        );
        item.iconPath = new vscode.ThemeIcon('history');
        item.id = `events:${node.group.ContainerGroupId}`;
        return item;
      }
      case 'event': {
        const e = node.event;
        const item = new vscode.TreeItem(
          scrub(`${e.Reason ?? ''}: ${e.Message ?? ''}`),
          vscode.TreeItemCollapsibleState.None,
        );
        item.description = scrub(
          `${e.LastTimestamp ?? e.FirstTimestamp ?? ''}${(e.Count ?? 1) > 1 ? ` ×${e.Count}` : ''}`,
        );
        item.iconPath = new vscode.ThemeIcon(e.Type === 'Warning' ? 'warning' : 'info');
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon(node.error ? 'error' : 'info');
        return item;
      }
    }
  }
}

/** The icon of a group's status. */
export function statusIcon(status: string | undefined): vscode.ThemeIcon {
  switch (status) {
    case 'Running':
      return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
    case 'Succeeded':
      return new vscode.ThemeIcon('check');
    case 'Pending':
    case 'Scheduling':
    case 'Restarting':
    case 'Updating':
      return new vscode.ThemeIcon('loading~spin');
    case 'Failed':
    case 'ScheduleFailed':
    case 'Expired':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
    default:
      return new vscode.ThemeIcon('circle-large-outline');
  }
}
