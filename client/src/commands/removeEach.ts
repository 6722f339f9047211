import { engineMessage } from '../ui/errors';
import { afterChange, withProgress, type CommandContext } from './context';

/**
 * Runs one engine removal per item under a progress notice and reloads afterwards. Keeps going
 * past a refusal so one busy object never leaves the rest of a confirmed list behind, and
 * returns each refusal in the engine's own words, prefixed with the item's name.
 */
export async function removeEach<T>(
  ctx: CommandContext,
  progressTitle: string,
  items: readonly T[],
  nameOf: (item: T) => string,
  remove: (item: T) => Promise<unknown>,
): Promise<string[]> {
  const failed: string[] = [];
  await withProgress(progressTitle, async () => {
    try {
      for (const item of items) {
        try {
          await remove(item);
        } catch (error) {
          failed.push(`${nameOf(item)}: ${engineMessage(error)}`);
        }
      }
    } finally {
      await afterChange(ctx);
    }
  });
  return failed;
}
