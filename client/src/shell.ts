// Shell: an interactive terminal in a container, a pseudoterminal over the WebSocket URL that
// ExecContainerCommand answers for a TTY session (the `ws` package). Frames are text both ways.
import * as vscode from 'vscode';
import type WebSocket from 'ws';
import { execContainerCommand } from '../../calls/src/operations/lifecycleOperations';
import type { CommandContext } from './commandContext';
import { currentGroup, isCallFailed, pickContainer, prepare, type GroupActionOutcome } from './groupActions';
import { callFailed } from './liveFailures';

export async function openShell(
  ctx: CommandContext,
  arg: unknown,
): Promise<GroupActionOutcome | { kind: 'shell'; container: string; terminal: string }> {
  const p = await prepare(ctx, arg);
  if (!('ref' in p)) return p;
  const group = await currentGroup(ctx, p);
  if (isCallFailed(group)) return group;
  const container = await pickContainer(
    ctx,
    group,
    typeof arg === 'object' && arg !== null ? (arg as { container?: unknown }).container : undefined,
  );
  if (!container) return { kind: 'declined' };
  const out = await execContainerCommand(p.target, { id: p.ref.groupId, container, command: ['/bin/sh'], tty: true });
  if (out.type !== 'ok' || out.value.kind !== 'websocket') {
    const f =
      out.type !== 'ok'
        ? callFailed(out, (s) => ctx.output.scrub(s))
        : {
            kind: 'call-failed' as const,
            type: 'service-error' as const,
            message: vscode.l10n.t('The service answered no WebSocket URL for the shell.'),
          };
    void ctx.ui.showErrorMessage(f.message);
    return f;
  }
  const url = out.value.webSocketUri;
  const write = new vscode.EventEmitter<string>();
  const close = new vscode.EventEmitter<number | void>();
  let socket: WebSocket | undefined;
  const pty: vscode.Pseudoterminal = {
    onDidWrite: write.event,
    onDidClose: close.event,
    open: () => {
      const WebSocketClass = require('ws') as typeof WebSocket;
      socket = new WebSocketClass(url);
      socket.on('message', (data: Buffer) =>
        write.fire(ctx.output.scrub(data.toString('utf8')).replace(/\r?\n/g, '\r\n')),
      );
      socket.on('close', () => {
        write.fire('\r\n' + vscode.l10n.t('[session ended]') + '\r\n');
        close.fire(0);
      });
      socket.on('error', (e: Error) => {
        write.fire('\r\n' + ctx.output.scrub(e.message) + '\r\n');
        close.fire(1);
      });
    },
    handleInput: (data) => {
      if (socket?.readyState === 1) socket.send(data.replace(/\r/g, '\n'));
    },
    close: () => socket?.close(),
  };
  const name = `ECI ${p.ref.name}/${container}`;
  const terminal = vscode.window.createTerminal({ name, pty });
  terminal.show();
  return { kind: 'shell', container, terminal: name };
}
