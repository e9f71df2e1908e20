// The language server trace channel: a log output channel whose every line passes through
// redactTraceMessage, so that `eci.trace.server: verbose` shows the protocol without the documents'
// text or secret values.
import * as vscode from 'vscode';
import { redactTraceMessage } from './traceRedaction';

const REDACTED_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'append', 'appendLine', 'replace']);

/** A LogOutputChannel named `name` that redacts what is written to it; `knownSecrets` is read at each write. */
export function createRedactingTraceChannel(
  name: string,
  knownSecrets: () => Iterable<string>,
): vscode.LogOutputChannel {
  const channel = vscode.window.createOutputChannel(name, { log: true });
  return new Proxy(channel, {
    get(target, property, receiver) {
      if (typeof property === 'string' && REDACTED_METHODS.has(property)) {
        const write = Reflect.get(target, property, receiver) as (message: string, ...rest: unknown[]) => void;
        return (message: string, ...rest: unknown[]) =>
          write.call(target, redactTraceMessage(String(message), knownSecrets()), ...rest);
      }
      if (property === 'error') {
        return (error: string | Error, ...rest: unknown[]) =>
          target.error(
            typeof error === 'string'
              ? redactTraceMessage(error, knownSecrets())
              : new Error(redactTraceMessage(error.message, knownSecrets())),
            ...rest,
          );
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
