// The editor area: opening files, reading what the active editor shows, hovers and quick fixes.
import type { Locator, Page } from 'playwright-core';
import { exactly, plainText } from './text';
import { retryUntil, waitFor } from './wait';

export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor').first();
}

/**
 * Opens a file at the top of the workspace folder from the Explorer; Quick Open can take longer
 * than a test's patience on a loaded machine before its first file search answers.
 */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.locator('.monaco-workbench').focus();
  await page.keyboard.press('Control+Shift+E');
  const row = page
    .locator('.explorer-folders-view .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exactly(name) }) });
  const tab = page.locator('.tabs-container .tab.active').filter({ hasText: name });
  await retryUntil(
    `${name} to open in the editor`,
    () => row.first().click(),
    () => tab.isVisible(),
  );
  await activeEditor(page).locator('.view-lines').waitFor();
}

async function editorHasFocus(page: Page): Promise<boolean> {
  return /\bfocused\b/.test((await activeEditor(page).getAttribute('class', { timeout: 2_000 })) ?? '');
}

/** Clicks into the active editor until it has the keyboard focus, so that keys go there. */
export async function focusEditor(page: Page): Promise<void> {
  await retryUntil(
    'the editor to take the focus',
    () => activeEditor(page).locator('.view-lines').click(),
    () => editorHasFocus(page),
  );
}

/** The visible text of the active editor (Monaco renders only what is on screen). */
export async function editorText(page: Page): Promise<string> {
  return plainText(await activeEditor(page).locator('.view-lines').innerText());
}

/**
 * Opens a file from its tree row (a volume's or container's Files): clicks until its tab is the
 * active one, as a person clicks again when the first click only selected the row, then waits
 * for `expected` in the editor. Returns the editor's text.
 */
export async function openTreeFile(
  page: Page,
  row: Locator,
  name: string,
  expected: string,
): Promise<string> {
  const tab = page.locator('.tabs-container .tab.active').filter({ hasText: name });
  await retryUntil(
    `${name} to open in the editor`,
    () => row.click(),
    () => tab.isVisible(),
    { retryAfterMs: 5_000 },
  );
  return waitFor(`${name}'s content in the editor`, async () => {
    const text = await editorText(page);
    return text.includes(expected) ? text : undefined;
  });
}

/** Types `text` at the top of the active editor and waits until the editor shows it. */
export async function typeAtTop(page: Page, text: string): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('Control+Home');
  await page.keyboard.type(text);
  const shown = text.trim();
  await waitFor('the typed text in the editor', async () =>
    (await editorText(page)).includes(shown) ? true : undefined,
  );
}

export async function activeTabTitle(page: Page): Promise<string> {
  return (await page.locator('.editor-group-container.active .tab.active .label-name').innerText()).trim();
}

/**
 * The screen point in the middle of the first occurrence of `text` on a rendered line of the
 * active editor. Works across token boundaries (`127.0.0.1:8080` is several coloured spans).
 */
async function editorTextPoint(page: Page, text: string): Promise<{ x: number; y: number }> {
  // A string, because this project compiles without the DOM library; runs in the page.
  const script = `(() => {
    const wanted = ${JSON.stringify(text)};
    const root = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
    for (const line of root ? Array.from(root.querySelectorAll('.view-line')) : []) {
      const nodes = [];
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
      const at = nodes.map((n) => n.data.replace(/\\u00a0/g, ' ')).join('').indexOf(wanted);
      if (at < 0) continue;
      let offset = at + Math.floor(wanted.length / 2);
      for (const node of nodes) {
        if (offset < node.data.length) {
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + 1);
          const rect = range.getBoundingClientRect();
          return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
        }
        offset -= node.data.length;
      }
    }
    return undefined;
  })()`;
  return waitFor(`"${text}" on screen in the editor`, () =>
    page.evaluate<{ x: number; y: number } | undefined>(script),
  );
}

/**
 * Puts the cursor inside `text` in the active editor, clicking again until the editor has the
 * focus and its cursor stands where the click was.
 */
export async function clickEditorText(page: Page, text: string): Promise<void> {
  const cursor = activeEditor(page).locator('.cursors-layer .cursor').first();
  // The text is looked up again after each click: a code lens or an inlay arriving in between
  // moves the lines, and a click on the old spot lands on another line.
  const cursorInText = async () => {
    const point = await editorTextPoint(page, text);
    const box = await cursor.boundingBox({ timeout: 2_000 });
    // Within a line's height of the text, up and down and left and right (a character is narrower).
    return (
      box !== null &&
      Math.abs(box.y + box.height / 2 - point.y) < box.height &&
      Math.abs(box.x - point.x) < box.height
    );
  };
  const clickText = async () => {
    const point = await editorTextPoint(page, text);
    await page.mouse.click(point.x, point.y);
  };
  await clickText();
  await retryUntil(
    `the cursor inside "${text}"`,
    clickText,
    async () => (await editorHasFocus(page)) && (await cursorInText()),
  );
}

/** Hovers `text` in the active editor until the hover shows `expected`; returns the hover's text. */
export async function hoverText(page: Page, text: string, expected: string | RegExp): Promise<string> {
  const hover = page.locator('.monaco-hover');
  return waitFor(`a hover over "${text}" showing ${String(expected)}`, async () => {
    const point = await editorTextPoint(page, text);
    // A jump straight onto the word does not count as hovering for the editor: glide there.
    await page.mouse.move(0, 0);
    await page.mouse.move(point.x, point.y, { steps: 5 });
    // A hover that does not come this time (the editor was busy) is tried again, not a failure.
    const came = await waitFor(
      'the hover',
      async () => ((await hover.allInnerTexts()).join('').trim() ? true : undefined),
      5_000,
    ).catch(() => false);
    if (!came) return undefined;
    const shown = plainText((await hover.allInnerTexts()).join('\n'));
    const matched = typeof expected === 'string' ? shown.includes(expected) : expected.test(shown);
    return matched ? shown : undefined;
  });
}

/** Opens Quick Fix (Ctrl+.) at the cursor and applies the action titled `title`. */
export async function applyQuickFix(page: Page, title: string): Promise<void> {
  const row = page.locator('.action-widget .monaco-list-row').filter({ hasText: title });
  await waitFor(`the quick fix "${title}"`, async () => {
    if (!(await row.first().isVisible())) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+.');
      await row.first().waitFor({ state: 'visible', timeout: 5_000 });
    }
    return true;
  });
  // The widget closes as it applies a fix. If it is still open, the click did not take: the
  // hovered row has the focus, and Enter applies it.
  await retryUntil(
    `the quick fix "${title}" to be applied`,
    async (attempt) => {
      if (attempt === 1) {
        await row.first().click();
        return;
      }
      await row.first().hover({ timeout: 2_000 });
      if (await row.first().isVisible()) await page.keyboard.press('Enter');
    },
    async () => !(await row.first().isVisible()),
    { retryAfterMs: 2_000 },
  );
}
