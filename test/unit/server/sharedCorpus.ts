import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TestContext } from 'node:test';

/** ../shared beside the repository root, where the corpus lives (never copied into the project). */
export const sharedRoot = path.resolve(__dirname, '..', '..', '..', '..', 'shared');

/** The folder, or undefined after skipping the test (failing under BERTH_REQUIRE_ALL=1). */
export function corpusDir(t: TestContext, ...parts: string[]): string | undefined {
  const dir = path.join(sharedRoot, 'corpus', ...parts);
  if (fs.existsSync(dir)) return dir;
  const why = `${dir} is absent`;
  if (process.env.BERTH_REQUIRE_ALL === '1') throw new Error(`${why} (BERTH_REQUIRE_ALL=1)`);
  t.skip(why);
  return undefined;
}
