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

/**
 * Does `act` (a click, a key press) until `done` holds, as a person tries again when nothing
 * happened: after each try it waits up to `retryAfterMs` for `done` before trying again, so a
 * slow effect is not doubled. `act` gets the try number (1, 2, …), to try another way later on.
 * Checks `done` first: nothing is done when it already holds.
 */
export async function retryUntil(
  what: string,
  act: (attempt: number) => Promise<void>,
  done: () => Promise<boolean>,
  { retryAfterMs = 5_000, timeoutMs = uiTimeoutMs }: { retryAfterMs?: number; timeoutMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (let attempt = 1; ; attempt++) {
    if (await done().catch(() => false)) return;
    const left = deadline - Date.now();
    if (left <= 0) {
      const detail = lastError instanceof Error ? `; the last try failed: ${lastError.message}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms (${attempt - 1} tries) waiting for ${what}${detail}`);
    }
    await act(attempt).catch((error: unknown) => (lastError = error));
    const settled = await waitFor(
      what,
      async () => ((await done()) ? true : undefined),
      Math.min(retryAfterMs, left),
    )
      .then(() => true)
      .catch(() => false);
    if (settled) return;
  }
}
