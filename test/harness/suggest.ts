// The editor's language features as a person uses them: the suggest widget (Ctrl+Space), the
// rename box (F2), the Outline view, and typing at the end of a file.
import type { Locator, Page } from 'playwright-core';
import { activeEditor, clickEditorText, editorText } from './editor';
import { exactly, plainText } from './text';
import { expandView } from './views';
import { waitFor } from './wait';

function suggestWidget(page: Page): Locator {
  return activeEditor(page).locator('.suggest-widget.visible');
}

function suggestRow(page: Page, label: string | RegExp): Locator {
  const text = typeof label === 'string' ? exactly(label) : label;
  return suggestWidget(page)
    .locator('.monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: text }) });
}

/** Puts the cursor at the end of the active editor's text, on a new line, and types `text`. */
export async function typeOnNewLastLine(page: Page, text: string): Promise<void> {
  await activeEditor(page).locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

/**
 * Opens the suggest widget with Ctrl+Space until it lists `label` (the first list may come from
 * a language server still starting, or close when the editor was busy), then accepts that item.
 * Returns the labels the widget showed.
 */
export async function acceptSuggestion(page: Page, label: string | RegExp): Promise<string[]> {
  const row = suggestRow(page, label);
  const shown = await waitFor(`the suggestion ${String(label)} after Ctrl+Space`, async () => {
    if (!(await row.first().isVisible())) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Space');
      const came = await row
        .first()
        .waitFor({ state: 'visible', timeout: 10_000 })
        .then(() => true)
        .catch(() => false);
      if (!came) return undefined;
    }
    return (await suggestWidget(page).locator('.monaco-list-row .label-name').allInnerTexts()).map(plainText);
  });
  // The item is accepted by choosing it: a click focuses and inserts it.
  await waitFor(`the suggestion ${String(label)} to be accepted`, async () => {
    if (await row.first().isVisible()) await row.first().click();
    return (await suggestWidget(page).count()) === 0 ? true : undefined;
  });
  return shown;
}

/** Renames the symbol at `text` (its first occurrence on screen) with F2, as a person would. */
export async function renameWithF2(page: Page, text: string, newName: string): Promise<void> {
  const input = page.locator('.rename-box input');
  await waitFor(`the rename box for ${text}`, async () => {
    await page.keyboard.press('Escape');
    await clickEditorText(page, text);
    await page.keyboard.press('F2');
    return (await input
      .waitFor({ state: 'visible', timeout: 10_000 })
      .then(() => true)
      .catch(() => false))
      ? true
      : undefined;
  });
  await input.fill(newName);
  await input.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/**
 * The labels of the Outline view's top-level rows, once it shows `expected`. The rows are
 * collapsed first (its Collapse All button), so that a small pane shows every top-level row.
 */
export async function outlineShows(page: Page, expected: string[]): Promise<string[]> {
  await page.locator('.monaco-workbench').focus();
  await page.keyboard.press('Control+Shift+E');
  const pane = await expandView(page, 'Outline');
  const collapse = pane.locator('.pane-header .action-label[aria-label="Collapse All"]');
  return waitFor(`the Outline to show ${expected.join(', ')}`, async () => {
    // The pane's title actions show while the pointer is over its header.
    await pane.locator('.pane-header').hover();
    if (await collapse.isVisible()) await collapse.click();
    const rows = pane.locator('.monaco-list-row[aria-level="1"] .label-name');
    const labels = (await rows.allInnerTexts()).map((l) => plainText(l).trim());
    return expected.every((e) => labels.includes(e)) ? labels : undefined;
  });
}

/** Waits until the active editor's visible text passes `ok`; returns it. */
export async function editorTextWhen(
  page: Page,
  what: string,
  ok: (text: string) => boolean,
): Promise<string> {
  return waitFor(what, async () => {
    const text = await editorText(page);
    return ok(text) ? text : undefined;
  });
}
