// The "ECI" output channel: results, the history of created container groups, service errors.
// Every line passes through a scrubber that replaces each secret value the extension knows
// (stored access key secret, secret wire parameters) before it is written; the text written is
// kept so that tests can scan it (command `eci.internal.outputText`).
import * as vscode from 'vscode';
import { redactSecrets } from '../../calls/src/redaction';

export class EciOutput implements vscode.Disposable {
  private readonly channel: vscode.OutputChannel;
  private readonly secretValues = new Set<string>();
  private written = '';

  constructor() {
    this.channel = vscode.window.createOutputChannel('ECI');
  }

  /** Values that must never be written (shorter values than 4 characters are not scrubbed: they would mangle text). */
  addSecrets(values: Iterable<string | undefined>): void {
    for (const v of values) if (typeof v === 'string' && v.length >= 4) this.secretValues.add(v);
  }

  /** The secret values known so far (for other channels' redaction). */
  knownSecrets(): Iterable<string> {
    return this.secretValues;
  }

  /** Scrubs known secrets from any text bound for the UI (notifications too). */
  scrub(text: string): string {
    return redactSecrets(text, this.secretValues);
  }

  appendLine(line: string): void {
    const safe = this.scrub(line);
    this.channel.appendLine(safe);
    this.written += safe + '\n';
  }

  /** A line prefixed with the local time, as `[14:03:07] text`. */
  log(line: string): void {
    const t = new Date();
    const hh = String(t.getHours()).padStart(2, '0');
    const mm = String(t.getMinutes()).padStart(2, '0');
    const ss = String(t.getSeconds()).padStart(2, '0');
    this.appendLine(`[${hh}:${mm}:${ss}] ${line}`);
  }

  show(preserveFocus = true): void {
    this.channel.show(preserveFocus);
  }

  /** Everything written since activation. */
  text(): string {
    return this.written;
  }

  dispose(): void {
    this.channel.dispose();
    this.secretValues.clear();
  }
}
