import type { TestContext } from 'node:test';

/**
 * True when every would-be skip must count as a failure (CI sets `BERTH_REQUIRE_ALL=1`), so that
 * a missing engine, browser or VS Code can never turn a red build green.
 */
export function requireAll(): boolean {
  return process.env.BERTH_REQUIRE_ALL === '1';
}

/**
 * Skips the running test with `why` when `condition` is false, or fails it under
 * `BERTH_REQUIRE_ALL=1`. Returns whether the test may go on.
 *
 * Use it at the top of a test whose prerequisite may be missing on a developer machine:
 *
 *   test('lists networks', async (t) => {
 *     if (!requireOrSkip(t, engine.reachable, `no Docker engine: ${engine.reason}`)) return;
 *     ...
 *   });
 *
 * Probe once in `before` (never throw there: a failing hook hides the reason) and pass the result
 * to each test. Never use `{ skip: ... }` options for such prerequisites: they cannot fail in CI.
 */
export function requireOrSkip(t: TestContext, condition: boolean, why: string): boolean {
  if (condition) return true;
  if (requireAll()) throw new Error(`Required by BERTH_REQUIRE_ALL=1 but unavailable: ${why}`);
  t.skip(why);
  return false;
}
