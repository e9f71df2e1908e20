// Colours and the progress line. Colours only on a terminal, never when NO_COLOR is set
// (any value, https://no-color.org) or --no-color is given. The progress line goes to stderr only,
// so stdout stays clean JSON when JSON is asked for.

export interface Stream {
  write(s: string): unknown;
  isTTY?: boolean;
}

export function colourEnabled(stream: Stream, env: NodeJS.ProcessEnv, noColourFlag: boolean): boolean {
  if (noColourFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export function paint(enabled: boolean): Paint {
  const wrap = (open: number, close: number) => (s: string) => (enabled ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return {
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
    green: wrap(32, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
  };
}

/**
 * The progress line for a call that takes longer than a moment.
 * - On a terminal: after `delayMs`, one line rewritten in place every second (elapsed time,
 *   attempt number), erased when the call ends.
 * - Not on a terminal (CI logs): after `delayMs`, one single line, written once, never rewritten.
 * Nothing is printed for a call that ends within `delayMs`.
 */
export class ProgressLine {
  private timer: NodeJS.Timeout | undefined;
  private ticker: NodeJS.Timeout | undefined;
  private shown = false;
  private readonly started = Date.now();
  private attempt = 1;

  constructor(
    private readonly stream: Stream,
    private readonly render: (seconds: number, attempt: number) => string,
    private readonly renderOnce: () => string,
    delayMs = 700,
  ) {
    this.timer = setTimeout(() => this.show(), delayMs);
    this.timer.unref();
  }

  /** The call layer reports a retry. */
  setAttempt(n: number): void {
    this.attempt = n;
    if (this.shown && this.stream.isTTY) this.draw();
  }

  private show(): void {
    this.shown = true;
    if (this.stream.isTTY) {
      this.draw();
      this.ticker = setInterval(() => this.draw(), 1000);
      this.ticker.unref();
    } else {
      this.stream.write(this.renderOnce() + '\n');
    }
  }

  private draw(): void {
    const seconds = Math.floor((Date.now() - this.started) / 1000);
    this.stream.write(`\r\x1b[2K${this.render(seconds, this.attempt)}`);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.ticker) clearInterval(this.ticker);
    if (this.shown && this.stream.isTTY) this.stream.write('\r\x1b[2K');
    this.timer = this.ticker = undefined;
  }
}
