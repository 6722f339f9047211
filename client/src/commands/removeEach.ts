import type { BatchResult } from '../engine/operations/engineCall';
import { changing, type CommandContext } from './context';
import { failureText } from './guard';

/**
 * Runs one engine removal per item under a progress notice and reloads afterwards. Keeps going
 * past a refusal so one busy object never leaves the rest of a confirmed list behind, and
 * returns each refusal prefixed with the item's name.
 */
export async function removeEach<T>(
  ctx: CommandContext,
  progressTitle: string,
  items: readonly T[],
  nameOf: (item: T) => string,
  remove: (item: T) => Promise<unknown>,
): Promise<string[]> {
  const failed: string[] = [];
  await changing(ctx, progressTitle, async () => {
    for (const item of items) {
      try {
        await remove(item);
      } catch (error) {
        failed.push(`${nameOf(item)}: ${failureText(error)}`);
      }
    }
  });
  return failed;
}

/** A batch operation's refusals, each with the object's name, in the engine's words. */
export function batchFailures(result: BatchResult): string {
  return result.failed.map((failure) => `${failure.name}: ${failure.message}`).join('; ');
}
