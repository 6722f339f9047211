// The panel: Problems, Output and the terminal.
import type { Page } from 'playwright-core';
import { runCommand } from './quickInput';
import { plainText } from './text';
import { retryUntil, waitFor } from './wait';

/**
 * The rows of the Problems panel as shown, which unlike their accessible labels show the rule id
 * beside the source. Opens the panel only when it is hidden: its keybinding toggles, so pressing
 * it on every poll would close it again.
 */
export async function problems(page: Page): Promise<string[]> {
  const panel = page.locator('.markers-panel');
  await retryUntil(
    'the Problems panel',
    async () => {
      await page.locator('.monaco-workbench').focus();
      await page.keyboard.press('Control+Shift+M');
    },
    () => panel.isVisible(),
    { retryAfterMs: 10_000 },
  );
  return (await panel.locator('.monaco-list-row').allInnerTexts()).map(plainText);
}

/** Waits until a Problems row contains or matches `text`; returns all rows. */
export async function expectProblem(page: Page, text: string | RegExp): Promise<string[]> {
  return waitFor(`a problem matching ${String(text)}`, async () => {
    const rows = await problems(page);
    return rows.some((row) => (typeof text === 'string' ? row.includes(text) : text.test(row)))
      ? rows
      : undefined;
  });
}

/** Shows the output channel `name` in the Output panel and returns its visible text. */
export async function outputChannel(page: Page, name: string): Promise<string> {
  const panel = page.locator('.part.panel');
  // The command toggles: run it again only when the panel did not come after a while.
  await retryUntil(
    'the Output panel',
    () => runCommand(page, 'View: Toggle Output'),
    () => panel.locator('.output-view').isVisible(),
    { retryAfterMs: 10_000 },
  );
  const picker = panel
    .locator('select.monaco-select-box[aria-label="Switch Output"]')
    .filter({ visible: true });
  await picker.waitFor({ state: 'visible' });
  if ((await picker.locator('option:checked').innerText()) !== name)
    await picker.selectOption({ label: name });
  return plainText(await panel.locator('.output-view .view-lines').innerText());
}

/** Waits until the output channel `name` shows text matching `text`; returns the whole text. */
export async function expectOutput(page: Page, name: string, text: string | RegExp): Promise<string> {
  return waitFor(`output channel ${name} to show ${String(text)}`, async () => {
    const shown = await outputChannel(page, name);
    return (typeof text === 'string' ? shown.includes(text) : text.test(shown)) ? shown : undefined;
  });
}

/**
 * Settings that make the terminal render as DOM rows (not on a canvas), so that tests can read
 * what it shows.
 */
export const readableTerminalSettings: Readonly<Record<string, unknown>> = {
  'terminal.integrated.gpuAcceleration': 'off',
};

/** Clicks into the terminal shown in the panel until it has the keyboard focus. */
export async function focusTerminal(page: Page): Promise<void> {
  const terminal = page.locator('.terminal-wrapper .xterm').filter({ visible: true });
  await retryUntil(
    'the terminal to take the focus',
    () => terminal.click(),
    async () => /\bfocus\b/.test((await terminal.getAttribute('class', { timeout: 2_000 })) ?? ''),
  );
}

/** The text of the terminal shown in the panel; needs `readableTerminalSettings`. */
export async function terminalText(page: Page): Promise<string> {
  const rows = page.locator('.terminal-wrapper .xterm-rows').filter({ visible: true });
  return plainText((await rows.allInnerTexts()).join('\n'));
}

/** Waits until the terminal shown in the panel matches `text`; returns all its text. */
export async function expectTerminalText(page: Page, text: RegExp, timeoutMs = 60_000): Promise<string> {
  return waitFor(
    `the terminal to show ${String(text)}`,
    async () => {
      const shown = await terminalText(page);
      return text.test(shown) ? shown : undefined;
    },
    timeoutMs,
  );
}
