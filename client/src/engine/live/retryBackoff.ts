// How long an unreachable engine waits before the next attempt: the first wait, doubled after
// each failure up to the longest.
export class RetryBackoff {
  private delay = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly initialMs: number,
    private readonly maxMs: number,
  ) {}

  /** Connected, or asked to retry now: the next failure waits the shortest time again. */
  reset(): void {
    this.delay = 0;
  }

  /** The wait before the next attempt: twice the last one, within the bounds. */
  next(): number {
    this.delay = Math.min(Math.max(this.initialMs, this.delay * 2), this.maxMs);
    return this.delay;
  }

  /** Runs `attempt` once the wait that `next()` returned is over. */
  wait(attempt: () => void): void {
    this.timer = setTimeout(attempt, this.delay);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
