// When engine events become a reload: debounced, with bursts recognised, and the delayed
// re-reads that eventExpectations.ts asks for, so that a reload never stacks on another.

/** When events become a reload; `debounceMs` and `maxWaitMs` are the options' defaults. */
export const reloadTiming = { debounceMs: 75, burstEvents: 10, burstPauseMs: 300, maxWaitMs: 1000 };

export class ReloadScheduler {
  private debounceTimer: NodeJS.Timeout | undefined;
  private windowStart = 0;
  private windowEvents = 0;
  private recheckTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly reload: () => void,
    private readonly timing: { debounceMs?: number; maxWaitMs?: number } = {},
  ) {}

  /**
   * One change shows after `debounceMs`. A burst (compose down, a prune, a script) is recognised
   * by its many events and waits for a longer pause, but never longer than `maxWaitMs` from its
   * first event. A fixed window from the first event turned a burst of 500 events on a big engine
   * into dozens of back-to-back reloads.
   */
  eventArrived(): void {
    const now = Date.now();
    if (this.debounceTimer === undefined) {
      this.windowStart = now;
      this.windowEvents = 0;
    }
    this.windowEvents++;
    clearTimeout(this.debounceTimer);
    const pause =
      this.windowEvents >= reloadTiming.burstEvents
        ? reloadTiming.burstPauseMs
        : (this.timing.debounceMs ?? reloadTiming.debounceMs);
    const due = Math.min(now + pause, this.windowStart + (this.timing.maxWaitMs ?? reloadTiming.maxWaitMs));
    this.debounceTimer = setTimeout(
      () => {
        this.debounceTimer = undefined;
        this.reload();
      },
      Math.max(0, due - now),
    );
  }

  /** A reload starts now: the one the events had scheduled would find nothing new. */
  cancelDebounce(): void {
    clearTimeout(this.debounceTimer);
    this.debounceTimer = undefined;
  }

  /** A reload after `delayMs`, unless one is due anyway: a burst must not gain reloads from its own checks. */
  recheckAfter(delayMs: number): void {
    if (this.debounceTimer !== undefined || this.recheckTimer !== undefined) return;
    this.recheckTimer = setTimeout(() => {
      this.recheckTimer = undefined;
      this.reload();
    }, delayMs);
  }

  /** Events wait for their pause, or a re-read of a late container state is scheduled. */
  get due(): boolean {
    return this.debounceTimer !== undefined || this.recheckTimer !== undefined;
  }

  clear(): void {
    clearTimeout(this.debounceTimer);
    clearTimeout(this.recheckTimer);
    this.debounceTimer = undefined;
    this.recheckTimer = undefined;
  }
}
