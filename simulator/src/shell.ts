// The WebSocket behind ExecContainerCommand's WebSocketUri: a minimal echo-shell over the `ws`
// package (already installed with the SDK's runtime). The simulator runs no real container, so the
// "shell" knows a few builtins (echo, hostname, pwd, whoami, env, ls, uname, exit).
// Frames are plain text both ways: what the client sends is typed input (with a TTY it is echoed
// back, as a terminal does); a line ending runs the line and answers its output and the prompt
// `/ # `. A command that is not a shell runs once: its output is sent and the socket closes.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { EciService } from './eci';
import { runCommand } from './eci';

/** The part of the `ws` package the simulator uses (the package ships no types here). */
interface WsSocket {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): void;
  on(event: 'close', listener: () => void): void;
}
interface WsServer {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, cb: (ws: WsSocket) => void): void;
  close(): void;
}
interface WsModule {
  WebSocketServer: new (options: { noServer: true }) => WsServer;
}

export const PROMPT = '/ # ';

/** Serves the exec sessions' WebSockets on `server`; returns a function that closes them all. */
export function attachExecShell(server: Server, eci: EciService): () => void {
  const { WebSocketServer } = require('ws') as WsModule;
  const wss = new WebSocketServer({ noServer: true });
  const open = new Set<WsSocket>();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'ws://127.0.0.1');
    const m = /^\/exec\/([0-9a-f]{32})$/.exec(url.pathname);
    const session = m ? eci.takeExecSession(m[1]) : undefined;
    if (!session) {
      socket.end('HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
      return;
    }
    const tty = url.searchParams.get('tty') === 'true';
    wss.handleUpgrade(req, socket, head, (ws) => {
      open.add(ws);
      ws.on('close', () => open.delete(ws));
      const { group, container, command } = session;
      const interactive = /(^|\/)(sh|bash|ash)$/.test(command[0]) && command[1] !== '-c';
      if (!interactive) {
        ws.send(runCommand(command, container, group));
        ws.close(1000, 'exit 0');
        return;
      }
      ws.send(PROMPT);
      let line = '';
      ws.on('message', (data) => {
        for (const ch of data.toString('utf8')) {
          if (ch === '\r' || ch === '\n') {
            if (tty) ws.send('\r\n');
            const typed = line.trim();
            line = '';
            if (typed === 'exit') {
              ws.close(1000, 'exit 0');
              return;
            }
            const out = eci.shellLine(typed, container, group);
            ws.send(tty ? out.replace(/\n/g, '\r\n') : out);
            ws.send(PROMPT);
          } else if (ch === '\u007f' || ch === '\b') {
            if (line) {
              line = line.slice(0, -1);
              if (tty) ws.send('\b \b');
            }
          } else if (ch === '\u0003') {
            line = '';
            if (tty) ws.send(`^C\r\n${PROMPT}`);
          } else {
            line += ch;
            if (tty) ws.send(ch);
          }
        }
      });
    });
  });
  return () => {
    for (const ws of open) ws.terminate();
    wss.close();
  };
}
