// Changing a setting in the Settings editor, as a user does, until VS Code has written it.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { openFile } from './editor';
import { runCommand } from './quickInput';
import { plainText } from './text';
import { waitFor } from './wait';

/** The value of `key` in the user's settings.json, as the Settings editor wrote it. */
export function userSetting(userDataDir: string, key: string): unknown {
  const file = path.join(userDataDir, 'User', 'settings.json');
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)[key];
}

/**
 * Opens the user Settings editor searched for `key`, and sets the control `control()` finds with
 * `set`, which returns true once the control holds the value. The list is drawn again when the
 * search settles, which can take the focus from a control used too early (the value then went
 * nowhere, or into the search): it tries until the control holds the value, putting the search
 * back first if it was typed over. Then it waits for VS Code to write settings.json (closing the
 * editor sooner drops the write) and goes back to `file`.
 */
async function changeSetting(
  page: Page,
  userDataDir: string,
  key: string,
  expected: unknown,
  control: () => Locator,
  set: (control: Locator) => Promise<boolean>,
  file: string,
): Promise<void> {
  await runCommand(page, 'Preferences: Open User Settings');
  // The search box is a small editor that has the focus once the Settings editor is open.
  const search = page.locator('.settings-editor .search-container .monaco-editor');
  await page.locator('.settings-editor .search-container .monaco-editor.focused').waitFor();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(key);
  await waitFor(`the ${key} control to hold ${JSON.stringify(expected)}`, async () => {
    if (!plainText(await search.locator('.view-lines').innerText()).includes(key)) {
      await search.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(key);
      return undefined;
    }
    if (!(await control().isVisible())) return undefined;
    return (await set(control())) ? true : undefined;
  });
  await waitFor(`${key} = ${JSON.stringify(expected)} in settings.json`, () =>
    Promise.resolve(userSetting(userDataDir, key) === expected ? true : undefined),
  );
  // VS Code shows Settings as a modal over the workbench: close it before going back. Escape
  // closes it unless a control inside takes the key; then its own close button does.
  const settings = page.locator('.settings-editor');
  const closeButton = page.locator('.monaco-modal-editor-block a[aria-label^="Close Modal Editor"]');
  await waitFor('the Settings editor to close', async () => {
    if (!(await settings.isVisible())) return true;
    if (await closeButton.isVisible()) await closeButton.click();
    else await page.keyboard.press('Escape');
    return undefined;
  });
  await openFile(page, file);
}

/** Types `value` into the number setting titled `title` (e.g. `Max Instructions`). */
export async function setNumberSetting(
  page: Page,
  userDataDir: string,
  key: string,
  title: string,
  value: number,
  file: string,
): Promise<void> {
  const input = () =>
    page.locator('.settings-editor .setting-item-number').filter({ hasText: title }).locator('input');
  await changeSetting(
    page,
    userDataDir,
    key,
    value,
    input,
    async (box) => {
      await box.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(String(value));
      if ((await box.inputValue()) !== String(value)) return false;
      await box.press('Enter');
      return true;
    },
    file,
  );
}

/** Picks `value` in the drop-down of the enum setting titled `title` (e.g. `Language`). */
export async function setEnumSetting(
  page: Page,
  userDataDir: string,
  key: string,
  title: string,
  value: string,
  file: string,
): Promise<void> {
  const select = () =>
    page
      .locator('.settings-editor .setting-item-enum')
      .filter({ hasText: title })
      .locator('select.monaco-select-box');
  await changeSetting(
    page,
    userDataDir,
    key,
    value,
    select,
    async (box) => {
      await box.selectOption({ label: value });
      return (await box.locator('option:checked').innerText()) === value;
    },
    file,
  );
}
