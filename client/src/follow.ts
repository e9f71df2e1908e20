// Following a group after Create: one poller per group (DescribeContainerGroups, backoff from about 1 s
// to at most 5 s), a status bar item per followed group (`ECI web: Pending`, then `Running` or the
// failure), every new event appended to the ECI output once, a notification on the final state, and
// the recognised failures placed on the document's lines (liveDiagnostics.ts). Ends at Running (every
// container ready) or Succeeded, at a recognised failure, when the group is deleted, at an
// authentication or permission error, or at eci.followTimeoutSeconds.
import * as vscode from 'vscode';
import { describeLocale } from '../../calls/src/describe';
import { followContainerGroup } from '../../calls/src/follow';
import type { EciTarget, LiveEvent } from '../../calls/src/lifecycleTypes';
import type { CommandContext } from './commandContext';
import type { LiveDiagnostics, LiveFailure } from './liveDiagnostics';
import { failureText } from './liveFailures';
import type { Range as LspRange } from 'vscode-languageserver-types';

export type FollowEnd =
  | { kind: 'running'; status: string }
  | { kind: 'succeeded'; status: string }
  | { kind: 'failed'; status: string; failures: LiveFailure[]; diagnostics: number }
  | { kind: 'deleted' }
  | { kind: 'timeout'; status: string }
  | { kind: 'call-failed'; message: string }
  | { kind: 'stopped' };

export interface FollowRequest {
  target: EciTarget;
  id: string;
  name: string;
  /** The document the group came from, with where each wire key is written (for the diagnostics). */
  document?: { uri: vscode.Uri; locations: Readonly<Record<string, LspRange>> };
  timeoutSeconds: number;
}

interface Followed {
  item: vscode.StatusBarItem;
  abort: AbortController;
  done: Promise<FollowEnd>;
  last?: FollowEnd;
}

export class Follower implements vscode.Disposable {
  private readonly followed = new Map<string, Followed>();

  constructor(
    private readonly ctx: CommandContext,
    private readonly diagnostics: LiveDiagnostics,
    private readonly onPoll: () => void,
  ) {}

  /** Follows a group; a group already followed is not followed twice (its running follow is returned). */
  follow(r: FollowRequest): Promise<FollowEnd> {
    const existing = this.followed.get(r.id);
    if (existing && !existing.last) return existing.done;
    existing?.item.dispose();
    const item = vscode.window.createStatusBarItem(`eci.follow.${r.id}`, vscode.StatusBarAlignment.Left, 9);
    item.name = vscode.l10n.t('ECI container group {0}', r.name);
    item.command = { title: vscode.l10n.t('Show output'), command: 'eci.showOutput' };
    const f: Followed = { item, abort: new AbortController(), done: Promise.resolve({ kind: 'stopped' }) };
    this.followed.set(r.id, f);
    this.setStatus(f, r, 'Pending', '$(sync~spin)');
    item.show();
    f.done = this.run(r, f).then((end) => {
      f.last = end;
      return end;
    });
    return f.done;
  }

  /** The text of each followed group's status bar item (the tests read it). */
  statusTexts(): Record<string, string> {
    return Object.fromEntries([...this.followed].map(([id, f]) => [id, f.item.text]));
  }

  /** Stops following (the group was deleted from the editor). */
  stop(id: string): void {
    const f = this.followed.get(id);
    f?.abort.abort();
    f?.item.dispose();
    this.followed.delete(id);
  }

  private setStatus(f: Followed, r: FollowRequest, status: string, icon: string): void {
    f.item.text = `${icon} ECI ${r.name}: ${this.ctx.output.scrub(status)}`;
    f.item.tooltip = `${r.name} (${r.id}) ${r.target.regionId}: ${status}`;
  }

  private async run(r: FollowRequest, f: Followed): Promise<FollowEnd> {
    const out = this.ctx.output;
    out.log(vscode.l10n.t('Following {0} ({1}) until it runs (limit {2} s)', r.name, r.id, r.timeoutSeconds));
    // The call layer's engine: one poller per group, backoff, events once, failures recognised.
    const handle = followContainerGroup(r.target, r.id, {
      timeoutMs: r.timeoutSeconds * 1000,
      signal: f.abort.signal,
      onSnapshot: (g) => {
        this.setStatus(f, r, g.Status ?? '?', '$(sync~spin)');
        this.onPoll();
      },
      onEvent: (e) => this.printEvent(r, e),
      onRetry: (o) => out.log(`  ${r.name}: ${out.scrub(failureText(o))}`),
    });
    const result = await handle.result;
    switch (result.type) {
      case 'succeeded':
        return this.finish(r, f, {
          kind: result.status === 'Succeeded' ? 'succeeded' : 'running',
          status: result.status,
        });
      case 'failed': {
        const ja = describeLocale(vscode.env.language) === 'ja';
        const e = result.failure.explanation;
        const failure: LiveFailure = {
          reason: result.failure.reason,
          message: [ja ? e.ja : e.en, ja ? e.action.ja : e.action.en].filter(Boolean).join(' '),
          parameterPaths: result.failure.parameterPaths,
        };
        const diagnostics = r.document
          ? this.diagnostics.show(r.document.uri, { id: r.id, name: r.name }, [failure], r.document.locations)
          : 0;
        return this.finish(r, f, {
          kind: 'failed',
          status: result.group.Status ?? '',
          failures: [failure],
          diagnostics,
        });
      }
      case 'timeout':
        return this.finish(r, f, { kind: 'timeout', status: result.status ?? '?' });
      case 'deleted':
        return this.finish(r, f, { kind: 'deleted' });
      case 'error':
        return this.finish(r, f, { kind: 'call-failed', message: out.scrub(failureText(result.outcome)) });
      case 'cancelled':
        return { kind: 'stopped' };
    }
  }

  private printEvent(r: FollowRequest, e: LiveEvent): void {
    const count = (e.Count ?? 1) > 1 ? ` ×${e.Count}` : '';
    this.ctx.output.appendLine(
      `  [${r.name}] ${e.LastTimestamp ?? e.FirstTimestamp ?? ''} ${e.Type ?? ''} ${e.Reason ?? ''}: ${e.Message ?? ''}${count}`,
    );
  }

  private finish(r: FollowRequest, f: Followed, end: FollowEnd): FollowEnd {
    const out = this.ctx.output;
    const ui = this.ctx.ui;
    switch (end.kind) {
      case 'running':
      case 'succeeded':
        this.setStatus(f, r, end.status, end.kind === 'running' ? '$(pass-filled)' : '$(check)');
        out.log(vscode.l10n.t('{0} ({1}) is {2}.', r.name, r.id, end.status));
        void ui.showInformationMessage(vscode.l10n.t('Container group "{0}" ({1}) is {2}.', r.name, r.id, end.status));
        break;
      case 'failed': {
        const first = end.failures[0];
        this.setStatus(f, r, first.reason, '$(error)');
        out.log(vscode.l10n.t('{0} ({1}) cannot run:', r.name, r.id));
        for (const failure of end.failures) out.log(`  ${failure.reason}: ${failure.message}`);
        void ui.showErrorMessage(
          out.scrub(
            vscode.l10n.t(
              'Container group "{0}" ({1}) cannot run: {2}',
              r.name,
              r.id,
              `${first.reason}: ${first.message}`,
            ),
          ),
        );
        break;
      }
      case 'deleted':
        this.setStatus(f, r, vscode.l10n.t('deleted'), '$(trash)');
        this.diagnostics.clearGroup(r.id);
        out.log(vscode.l10n.t('{0} ({1}) was deleted while it was followed.', r.name, r.id));
        void ui.showWarningMessage(
          vscode.l10n.t('Container group "{0}" ({1}) was deleted while it was followed.', r.name, r.id),
        );
        break;
      case 'timeout':
        this.setStatus(f, r, end.status, '$(watch)');
        out.log(
          vscode.l10n.t(
            '{0} ({1}) is still {2} after {3} s (setting eci.followTimeoutSeconds): no longer followed.',
            r.name,
            r.id,
            end.status,
            r.timeoutSeconds,
          ),
        );
        void ui.showWarningMessage(
          vscode.l10n.t(
            'Container group "{0}" ({1}) is still {2} after {3} s (setting eci.followTimeoutSeconds).',
            r.name,
            r.id,
            end.status,
            r.timeoutSeconds,
          ),
        );
        break;
      case 'call-failed':
        this.setStatus(f, r, vscode.l10n.t('not followed'), '$(warning)');
        out.log(`  ${end.message}`);
        void ui.showErrorMessage(vscode.l10n.t('Following "{0}" ({1}) stopped: {2}', r.name, r.id, end.message));
        break;
      case 'stopped':
        break;
    }
    return end;
  }

  dispose(): void {
    for (const id of [...this.followed.keys()]) this.stop(id);
  }
}
