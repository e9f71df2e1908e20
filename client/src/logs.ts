// Logs of a container in a read-only editor (scheme `eci-logs`): the last 200 lines, or the previous run
// of a restarted container (LastTime); the current run keeps following by polling (with timestamps, so
// that a line already shown is never shown again) until the document is closed.
import * as vscode from 'vscode';
import type { EciTarget } from '../../calls/src/lifecycleTypes';
import { describeContainerLog } from '../../calls/src/operations/lifecycleOperations';
import { createLogFollower, LOG_FOLLOW_POLL_MS, type LogFollower } from '../../calls/src/logFollow';
import type { CommandContext } from './commandContext';
import { currentGroup, isCallFailed, pickContainer, prepare, type GroupActionOutcome } from './groupActions';
import { callFailed, failureText } from './liveFailures';

export const LOGS_SCHEME = 'eci-logs';
export const LOG_TAIL = 200;
interface LogDocument {
  text: string;
  /** What has been shown (each answer overlaps the previous one): the call layer's follower, as `eci logs --follow`. */
  follower: LogFollower;
  timer?: NodeJS.Timeout;
}

const documents = new Map<string, LogDocument>();
const changed = new vscode.EventEmitter<vscode.Uri>();
let registered = false;

function register(ctx: CommandContext): void {
  if (registered) return;
  registered = true;
  ctx.extension.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(LOGS_SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: (uri) => documents.get(uri.toString())?.text ?? '',
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      const doc = documents.get(d.uri.toString());
      if (doc?.timer) clearInterval(doc.timer);
      documents.delete(d.uri.toString());
    }),
    { dispose: () => documents.forEach((d) => d.timer && clearInterval(d.timer)) },
  );
}

export async function showLogs(
  ctx: CommandContext,
  arg: unknown,
): Promise<GroupActionOutcome | { kind: 'logs'; uri: string; container: string; lines: string[] }> {
  register(ctx);
  const p = await prepare(ctx, arg);
  if (!('ref' in p)) return p;
  const group = await currentGroup(ctx, p);
  if (isCallFailed(group)) return group;
  const given = typeof arg === 'object' && arg !== null ? (arg as { container?: unknown; previous?: unknown }) : {};
  const container = await pickContainer(ctx, group, given.container);
  if (!container) return { kind: 'declined' };
  const previous = given.previous === true;
  const uri = vscode.Uri.from({
    scheme: LOGS_SCHEME,
    path: `/${p.ref.name}/${container}${previous ? '.previous' : ''}.log`,
    query: `${p.ref.regionId}/${p.ref.groupId}`,
  });
  const out = await describeContainerLog(p.target, {
    id: p.ref.groupId,
    container,
    tail: LOG_TAIL,
    previous,
    timestamps: true,
  });
  if (out.type !== 'ok') {
    const f = callFailed(out, (s) => ctx.output.scrub(s));
    void ctx.ui.showErrorMessage(f.message);
    return f;
  }
  const follower = createLogFollower();
  const lines = follower.take(out.value.content);
  const doc: LogDocument = { text: lines.map((l) => ctx.output.scrub(l) + '\n').join(''), follower };
  const key = uri.toString();
  const old = documents.get(key);
  if (old?.timer) clearInterval(old.timer);
  documents.set(key, doc);
  changed.fire(uri);
  if (!previous)
    doc.timer = setInterval(() => void poll(ctx, p.target, p.ref.groupId, container, uri, doc), LOG_FOLLOW_POLL_MS);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return { kind: 'logs', uri: key, container, lines: doc.text.split('\n').filter(Boolean) };
}

const polling = new Set<string>();
async function poll(
  ctx: CommandContext,
  target: EciTarget,
  id: string,
  container: string,
  uri: vscode.Uri,
  doc: LogDocument,
): Promise<void> {
  const key = uri.toString();
  if (polling.has(key) || documents.get(key) !== doc) return;
  polling.add(key);
  try {
    const out = await describeContainerLog(
      { ...target, maxAttempts: 1 },
      { id, container, tail: LOG_TAIL, timestamps: true },
    );
    if (out.type !== 'ok') {
      ctx.output.log(`  ${ctx.output.scrub(failureText(out))}`);
      return;
    }
    const fresh = doc.follower.take(out.value.content);
    if (fresh.length === 0) return;
    doc.text += fresh.map((l) => ctx.output.scrub(l) + '\n').join('');
    changed.fire(uri);
  } finally {
    polling.delete(key);
  }
}

/** The text of a logs document (tests). */
export function logText(uri: string): string | undefined {
  return documents.get(uri)?.text;
}
