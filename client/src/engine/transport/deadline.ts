/** What stops connect()'s clock while another limit applies or Berth waits on the user. */
export interface PausableClock {
  /** Stops the clock until the returned function is called; calling it again does nothing. */
  pause(): () => void;
}

/**
 * connect()'s limit on an engine that does not answer. Its clock stops while an SSH handshake runs
 * (ConnectTimeout limits that) and while a passphrase is asked for: someone who takes a minute to
 * find theirs has not met an engine that never answered.
 */
export class Deadline implements PausableClock {
  private readonly controller = new AbortController();
  readonly signal: AbortSignal = this.controller.signal;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private remainingMs: number;
  private runningSince = 0;
  private pauses = 0;
  private finished = false;

  constructor(ms: number) {
    this.remainingMs = ms;
    this.start();
  }

  pause(): () => void {
    if (this.finished || this.signal.aborted) return () => undefined;
    if (this.pauses++ === 0) this.stop();
    let resumed = false;
    return () => {
      if (resumed) return;
      resumed = true;
      if (--this.pauses === 0 && !this.finished && !this.signal.aborted) this.start();
    };
  }

  /** The work it limited is over, failed or not: the clock stops for good. */
  finish(): void {
    this.finished = true;
    this.stop();
  }

  private start(): void {
    this.runningSince = Date.now();
    this.timer = setTimeout(
      () => this.controller.abort(new DOMException('The engine did not answer in time', 'TimeoutError')),
      Math.max(0, this.remainingMs),
    );
    // As AbortSignal.timeout: a pending limit alone does not keep the process alive.
    this.timer.unref?.();
  }

  private stop(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.remainingMs -= Date.now() - this.runningSince;
  }
}
