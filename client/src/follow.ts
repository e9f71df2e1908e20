// Following a group after Create: one poller per group (DescribeContainerGroups, backoff from about 1 s
// to at most 5 s), a status bar item per followed group (`ECI web: Pending`, then `Running` or the
// failure), every new event appended to the ECI output once, a notification on the final state, and
// the recognised failures placed on the document's lines (liveDiagnostics.ts). Ends at Running (every
// container ready) or Succeeded, at a recognised failure, when the group is deleted, at an
// authentication or permission error, or at eci.followTimeoutSeconds.
import * as vscode from 'vscode';
import { isRetryableServiceError } from '../../calls/src/failures';
import type { EciTarget, LiveContainerGroup, LiveEvent } from '../../calls/src/lifecycleTypes';
import { GROUP_NOT_FOUND_CODE } from '../../calls/src/operations/operation';
import { describeContainerGroup } from '../../calls/src/operations/lifecycleOperations';
import type { CommandContext } from './commandContext';
import { recogniseFailures } from './followFailures';
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
    const deadline = Date.now() + r.timeoutSeconds * 1000;
    const seen = new Set<string>();
    let delay = 1000;
    let status = 'Pending';
    const out = this.ctx.output;
    out.log(vscode.l10n.t('Following {0} ({1}) until it runs (limit {2} s)', r.name, r.id, r.timeoutSeconds));
    for (;;) {
      if (f.abort.signal.aborted) return { kind: 'stopped' };
      const polled = await describeContainerGroup({ ...r.target, maxAttempts: 1, signal: f.abort.signal }, r.id);
      this.onPoll();
      if (polled.type === 'cancelled') return { kind: 'stopped' };
      if (polled.type === 'ok') {
        const g = polled.value;
        status = g.Status ?? status;
        for (const e of g.Events ?? []) this.printEvent(r, e, seen);
        const end = this.judge(r, g);
        if (end) return this.finish(r, f, end);
        this.setStatus(f, r, status, '$(sync~spin)');
      } else if (polled.type === 'service-error' && polled.code === GROUP_NOT_FOUND_CODE) {
        return this.finish(r, f, { kind: 'deleted' });
      } else if (polled.type === 'service-error' && !isRetryableServiceError(polled.code, polled.httpStatus)) {
        // Authentication, permission and other answers no retry cures end the follow at once.
        return this.finish(r, f, { kind: 'call-failed', message: out.scrub(failureText(polled)) });
      } else {
        out.log(`  ${r.name}: ${out.scrub(failureText(polled))}`);
      }
      if (Date.now() + delay > deadline) return this.finish(r, f, { kind: 'timeout', status });
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, delay);
        f.abort.signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
      });
      delay = Math.min(5000, Math.round(delay * 1.5));
    }
  }

  private printEvent(r: FollowRequest, e: LiveEvent, seen: Set<string>): void {
    const key = [e.FirstTimestamp, e.Type, e.Reason, e.Message, e.Count].join('|');
    if (seen.has(key)) return;
    seen.add(key);
    const count = (e.Count ?? 1) > 1 ? ` ×${e.Count}` : '';
    this.ctx.output.appendLine(`  [${r.name}] ${e.LastTimestamp ?? e.FirstTimestamp ?? ''} ${e.Type ?? ''} ${e.Reason ?? ''}: ${e.Message ?? ''}${count}`);
  }

  /** The final state of a group, or undefined while it may still come up. */
  private judge(r: FollowRequest, g: LiveContainerGroup): FollowEnd | undefined {
    const status = g.Status ?? '';
    const failures = recogniseFailures(g, vscode.env.language);
    if (failures.length > 0) {
      const diagnostics = r.document ? this.diagnostics.show(r.document.uri, { id: r.id, name: r.name }, failures, r.document.locations) : 0;
      return { kind: 'failed', status, failures, diagnostics };
    }
    if (status === 'Succeeded') return { kind: 'succeeded', status };
    const containers = g.Containers ?? [];
    if (status === 'Running' && containers.length > 0 && containers.every((c) => c.Ready === true)) return { kind: 'running', status };
    return undefined;
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
        void ui.showErrorMessage(out.scrub(vscode.l10n.t('Container group "{0}" ({1}) cannot run: {2}', r.name, r.id, `${first.reason}: ${first.message}`)));
        break;
      }
      case 'deleted':
        this.setStatus(f, r, vscode.l10n.t('deleted'), '$(trash)');
        this.diagnostics.clearGroup(r.id);
        out.log(vscode.l10n.t('{0} ({1}) was deleted while it was followed.', r.name, r.id));
        void ui.showWarningMessage(vscode.l10n.t('Container group "{0}" ({1}) was deleted while it was followed.', r.name, r.id));
        break;
      case 'timeout':
        this.setStatus(f, r, end.status, '$(watch)');
        out.log(vscode.l10n.t('{0} ({1}) is still {2} after {3} s (setting eci.followTimeoutSeconds): no longer followed.', r.name, r.id, end.status, r.timeoutSeconds));
        void ui.showWarningMessage(vscode.l10n.t('Container group "{0}" ({1}) is still {2} after {3} s (setting eci.followTimeoutSeconds).', r.name, r.id, end.status, r.timeoutSeconds));
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
