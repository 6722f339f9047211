// VS Code's modal dialogs, its simple file dialog (what a save dialog is in code-server) and
// notifications.
import type { Page } from 'playwright-core';
import { runCommand } from './quickInput';
import { exactly, plainText } from './text';
import { retryUntil, waitFor } from './wait';

const widget = '.quick-input-widget';

/**
 * Clicks `button` in the modal dialog (VS Code's own, not a browser alert) and waits until the
 * dialog closed on it. If it is still open, presses Enter on the focused button instead, as a
 * person does when a click did not take.
 */
export async function dialogButton(page: Page, button: string): Promise<void> {
  const target = page
    .locator('.monaco-dialog-box .dialog-buttons .monaco-button')
    .filter({ hasText: exactly(button) });
  await target.waitFor({ state: 'visible' });
  await retryUntil(
    `the dialog to close on "${button}"`,
    async (attempt) => {
      if (attempt === 1) {
        await target.click();
        return;
      }
      await target.focus({ timeout: 2_000 });
      // A dialog that closed meanwhile took the click after all: Enter would reach the workbench.
      if (await target.isVisible()) await page.keyboard.press('Enter');
    },
    // Its button gone: the dialog closed (another one may follow, with buttons of its own).
    async () => !(await target.isVisible()),
    // The dialog closes as it takes a choice; one still open after this long took none.
    { retryAfterMs: 2_000 },
  );
}

export async function dialogMessage(page: Page): Promise<string> {
  return page.locator('.monaco-dialog-box .dialog-message-text').innerText();
}

/**
 * Answers VS Code's simple file dialog (what a save dialog is in code-server): types `file` as the
 * path and accepts it. For a save dialog that proposes a file name (a `defaultUri` that is not a
 * folder), which Berth's always do.
 */
export async function answerSaveDialog(page: Page, file: string): Promise<void> {
  const input = page.locator(`${widget} input`);
  await input.waitFor({ state: 'visible' });
  // The dialog opens on the folder above the default one (a path ending in "/"), lists the default
  // folder, and only then writes the default path with its file name, in the same step that ends
  // its busy state; until then that late write would overwrite a typed path, and Enter would wait
  // for it and accept the default. After it, the dialog changes the value only when the user acts.
  await waitFor('the save dialog to fill in its default file name', async () =>
    /^\/.*[^/]$/.test(await input.inputValue()) ? true : undefined,
  );
  // While it still lists the typed folder, Enter only navigates there; the next one accepts.
  await waitFor('the save dialog to accept the path', async () => {
    if (!(await input.isVisible())) return true;
    if ((await input.inputValue()) !== file) {
      await input.fill(file);
      return undefined;
    }
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => undefined);
    return (await input.isVisible()) ? undefined : true;
  });
}

/**
 * Waits for a notification containing `text`, as a toast or, once toasts have timed out, in the
 * notification center; returns its text.
 */
export async function expectNotification(page: Page, text: string, timeoutMs = 120_000): Promise<string> {
  const matching = (scope: string) =>
    page.locator(`${scope} .notification-list-item`).filter({ hasText: text }).first();
  const center = page.locator('.notifications-center');
  return waitFor(
    `a notification containing "${text}"`,
    async () => {
      for (const scope of ['.notifications-toasts', '.notifications-center']) {
        const row = matching(scope);
        if (await row.isVisible()) return plainText(await row.innerText());
      }
      if (!(await center.isVisible())) await runCommand(page, 'Notifications: Show Notifications');
      return undefined;
    },
    timeoutMs,
  );
}
