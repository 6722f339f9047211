// Webviews: VS Code nests an extension's page in two iframes.
import type { Frame, Page } from 'playwright-core';
import { waitFor } from './wait';

/** The webview frame that has `selector`. */
export async function webviewFrame(page: Page, selector: string, timeoutMs?: number): Promise<Frame> {
  return waitFor(
    `a webview frame with ${selector}`,
    async () => {
      for (const frame of page.frames()) {
        if (frame === page.mainFrame()) continue;
        const found = await frame
          .locator(selector)
          .count()
          .catch(() => 0);
        if (found > 0) return frame;
      }
      return undefined;
    },
    timeoutMs,
  );
}
