// VS Code's context menus: opening one on a tree row and choosing one of its entries.
//
// The menu listens for the mouse-up that chooses an entry only from 100 ms after it drew the entry
// (so that the right-click's own mouse-up cannot choose one). A click that lands sooner, as
// Playwright's does on an idle machine, is taken as a hover: the entry is highlighted and the menu
// stays open, over a `.context-view-block` that then swallows every click on the workbench. The
// menu's keyboard handling has no such delay: Enter chooses the highlighted entry. So each step
// checks that the menu closed on its choice, and otherwise uses the keyboard as a person would.
import type { Locator, Page } from 'playwright-core';
import { exactly } from './text';
import { scrollToTreeItem } from './views';
import { retryUntil } from './wait';

const menuSelector = '.context-view .monaco-menu';

/**
 * Right-clicks `item`, picks `entry` from its context menu and waits until the menu closed on it.
 * That the menu closed does not mean the entry ran: prefer runFromContextMenu when its effect shows.
 */
export async function contextMenu(item: Locator, entry: string): Promise<void> {
  const page = item.page();
  await openMenuOn(item);
  await chooseMenuEntry(page, entry);
}

/**
 * Runs `entry` from `item`'s context menu until `effect` shows. A menu can close without running
 * its entry: a tree refresh (another suite's engine events) re-renders the row under it and
 * dismisses it, and nothing happens. A person who sees nothing happen opens the menu again.
 * `effect.shows` must be false before and true once the command ran (when it already holds,
 * the menu is not opened at all), and cheap, since it is polled: a pick or dialog that opened, a
 * tab, the engine's state.
 */
export async function runFromContextMenu(
  item: Locator,
  entry: string,
  effect: { what: string; shows: () => Promise<boolean> },
): Promise<void> {
  await retryUntil(effect.what, () => contextMenu(item, entry), effect.shows, { retryAfterMs: 10_000 });
}

function openMenu(page: Page): Locator {
  return page.locator(menuSelector);
}

async function isOpen(page: Page): Promise<boolean> {
  return openMenu(page).isVisible();
}

/** Closes an open menu (it would swallow the next click) and waits until it is gone. */
async function closeMenu(page: Page): Promise<void> {
  await retryUntil(
    'the open context menu to close',
    () => page.keyboard.press('Escape'),
    async () => !(await isOpen(page)),
  );
}

/** Whether `element` (a tree row, a menu entry) has keyboard focus; false once it is gone. */
async function hasFocus(element: Locator): Promise<boolean> {
  const classes = await element.getAttribute('class', { timeout: 2_000 }).catch(() => null);
  return /\bfocused\b/.test(classes ?? '');
}

/**
 * Right-clicks `item` until its context menu is open. A live tree (engine events) can move rows
 * between locating and clicking, and a right-click on a row re-rendered at that moment opens no
 * menu at all; the row that receives the right-click takes focus, so this tries again until the
 * menu is open and the focused row is the intended one.
 */
async function openMenuOn(item: Locator): Promise<void> {
  const page = item.page();
  for (let attempt = 1; ; attempt++) {
    if (await isOpen(page)) await closeMenu(page);
    await scrollToTreeItem(item);
    await item.waitFor({ state: 'visible' });
    await item.click({ button: 'right' });
    const opened = await openMenu(page)
      .waitFor({ timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    if (opened && (await hasFocus(item))) return;
    if (attempt === 4)
      throw new Error(
        opened
          ? 'the tree kept moving: the context menu opened on another row'
          : 'no context menu opened after four right-clicks',
      );
  }
}

/**
 * Clicks `entry` in the open context menu and makes sure the menu took it. When the click was taken as a
 * hover, the entry is highlighted and Enter chooses it; when another entry is highlighted, the
 * arrow keys move to it first.
 */
export async function chooseMenuEntry(page: Page, entry: string): Promise<void> {
  const entries = openMenu(page).locator('.action-item');
  const action = entries.filter({ has: page.locator('.action-label', { hasText: exactly(entry) }) });
  // A menu draws all its entries at once: one missing once the first is drawn is not coming.
  await entries.first().waitFor({ state: 'visible' });
  if (!(await action.isVisible())) {
    const labels = await openMenu(page).locator('.action-item .action-label').allInnerTexts();
    await closeMenu(page);
    throw new Error(`"${entry}" is not in the context menu, which holds: ${labels.join(' | ')}`);
  }
  const count = await entries.count();
  await retryUntil(
    `the context menu to close on "${entry}"`,
    async (attempt) => {
      if (attempt === 1) {
        await action.click();
        return;
      }
      for (let step = 0; step <= count && !(await hasFocus(action)); step++)
        await page.keyboard.press('ArrowDown');
      if (!(await hasFocus(action))) throw new Error(`the arrow keys never reached "${entry}"`);
      // A menu that closed meanwhile took the click after all: Enter would reach the workbench.
      if (await isOpen(page)) await page.keyboard.press('Enter');
    },
    async () => !(await isOpen(page)),
    // A menu that took a choice closes at once; one still open after this long took none.
    { retryAfterMs: 2_000 },
  );
}

/** The entries of `item`'s context menu, read from the open menu, which is then closed again. */
export async function menuEntries(item: Locator): Promise<string[]> {
  const page = item.page();
  await openMenuOn(item);
  const labels = await openMenu(page).locator('.action-item .action-label').allInnerTexts();
  await closeMenu(page);
  return labels.map((label) => label.trim()).filter((label) => label !== '');
}
