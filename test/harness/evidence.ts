// What a red e2e test leaves behind in test-results/, and screenshots asked for on purpose.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

const resultsDir = path.resolve(__dirname, '..', '..', 'test-results');

/**
 * Runs `body`; on failure saves a screenshot and the page's HTML into test-results/ before
 * rethrowing, so that a red e2e test always leaves evidence behind.
 */
export async function guarded(page: Page, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const saved = await capture(page, `FAILED-${name}`).catch(() => 'nothing (page unusable)');
    const screen = await onScreen(page).catch(() => 'the page did not answer');
    throw new Error(`${(error as Error).message}\n(saved ${saved})\n(on screen: ${screen})`, {
      cause: error,
    });
  }
}

/**
 * What a person would have read on the screen when the test failed: the messages, the dialog and
 * the editors open. CI keeps only the log, so this is the evidence that reaches it.
 */
async function onScreen(page: Page): Promise<string> {
  const texts = async (selector: string) =>
    (await page.locator(selector).allInnerTexts())
      .map((text) => text.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
  const parts = [
    ['notifications', await texts('.notifications-toasts .notification-list-item-message')],
    ['dialog', await texts('.monaco-dialog-box .dialog-message-text')],
    [
      'quick input',
      await texts(
        '.quick-input-widget:visible .quick-input-title, .quick-input-widget:visible .monaco-list-row',
      ),
    ],
    ['editor tabs', await texts('.editor-group-container .tab .label-name')],
  ] as const;
  return parts
    .map(([what, list]) => `${what}: ${list.length ? list.map((t) => JSON.stringify(t)).join(', ') : 'none'}`)
    .join('; ');
}

/** Saves `<name>.png` and `<name>.html` into test-results/ and returns their paths. */
async function capture(page: Page, name: string): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const base = path.join(resultsDir, name.replace(/[^\w.-]+/g, '_'));
  await page.screenshot({ path: `${base}.png` });
  writeFileSync(`${base}.html`, await page.content());
  return `${base}.png and ${base}.html`;
}

/** Saves a screenshot to `file`, relative to test-results/. */
export async function screenshot(page: Page, file: string): Promise<void> {
  mkdirSync(path.dirname(path.resolve(resultsDir, file)), { recursive: true });
  await page.screenshot({ path: path.resolve(resultsDir, file) });
}
