// Waiting on a condition, never on the clock.
import { setTimeout as delay } from 'node:timers/promises';

/**
 * Default wait for any UI condition. Generous because a cold workbench on a busy 2-core machine
 * takes long to connect, index the workspace and start extensions; raise it with BERTH_UI_TIMEOUT_MS.
 */
export const uiTimeoutMs = Number(process.env.BERTH_UI_TIMEOUT_MS ?? 60_000);

/** Polls `probe` until it returns a value that is not undefined; fails with `what` and the last error seen. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = uiTimeoutMs,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await delay(250);
  }
}
