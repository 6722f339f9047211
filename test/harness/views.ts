// The activity bar, the views in the side bar and their trees, and the status bar.
import type { Locator, Page } from 'playwright-core';
import { runCommand } from './quickInput';
import { exactly, plainText } from './text';
import { retryUntil, waitFor } from './wait';

export async function clickActivity(page: Page, title: string): Promise<void> {
  const item = page.locator('.activitybar').getByRole('tab', { name: title, exact: true });
  // Clicking the selected item would collapse the side bar: click only while it is not selected.
  await retryUntil(
    `the ${title} side bar`,
    () => item.click(),
    async () => (await item.getAttribute('aria-selected')) === 'true',
  );
}

/**
 * Opens the Berth side bar. On a loaded machine the extension host may register Berth's views
 * well after the workbench appears, so this waits longer for the activity bar entry than a click.
 */
export async function openBerthViews(page: Page, timeoutMs = 180_000): Promise<void> {
  await page
    .locator('.activitybar')
    .getByRole('tab', { name: 'Berth', exact: true })
    .waitFor({ timeout: timeoutMs });
  await clickActivity(page, 'Berth');
}

/** Opens the Berth side bar and expands its view `name` (Networks, Volumes, Containers). */
export async function openBerthView(page: Page, name: string): Promise<Locator> {
  await openBerthViews(page);
  return expandView(page, name);
}

/** The pane (header and body) of the view named `name` in the side bar or panel. */
function view(page: Page, name: string): Locator {
  return page.locator('.pane').filter({
    has: page.locator('.pane-header h3.title', { hasText: exactly(name) }),
  });
}

export async function expectViewVisible(page: Page, name: string): Promise<Locator> {
  const pane = view(page, name);
  await pane.locator('.pane-header').waitFor({ state: 'visible' });
  return pane;
}

/** Makes sure the view's body is shown (clicking a collapsed header expands it). */
export async function expandView(page: Page, name: string): Promise<Locator> {
  const pane = await expectViewVisible(page, name);
  const header = pane.locator('.pane-header');
  await retryUntil(
    `view ${name} to expand`,
    () => header.click(),
    async () => (await header.getAttribute('aria-expanded')) === 'true',
  );
  return pane;
}

/** The message a tree view shows instead of (or above) its items, or '' when there is none. */
export async function viewMessage(pane: Locator): Promise<string> {
  const message = pane.locator('.pane-body .message:not(.hide)');
  if ((await message.count()) === 0 || !(await message.first().isVisible())) return '';
  return plainText(await message.first().innerText());
}

/** A row of a tree view whose label is `label` (the first text of the row, not its description). */
export function treeItem(pane: Locator, label: string | RegExp): Locator {
  const text = typeof label === 'string' ? exactly(label) : label;
  return pane
    .locator('.monaco-list-row')
    .filter({ has: pane.page().locator('.label-name', { hasText: text }) });
}

/**
 * Expands a tree row, waiting for it to become expandable first: a row that only now got
 * children (a container just connected to a network) is redrawn as collapsible a moment later.
 */
export async function expandTreeItem(row: Locator, timeoutMs?: number): Promise<void> {
  await retryUntil(
    'the tree row to expand',
    async () => {
      // Not yet collapsible (no aria-expanded): a click would only select it; wait for the redraw.
      if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
    },
    async () => (await row.getAttribute('aria-expanded')) === 'true',
    { retryAfterMs: 2_000, timeoutMs },
  );
}

/** Selects exactly `rows` of one tree: the first with a click, the others with Ctrl+click. */
export async function selectTreeItems(rows: readonly Locator[]): Promise<void> {
  const selected = async (row: Locator) => (await row.getAttribute('aria-selected')) === 'true';
  await retryUntil(
    `${rows.length} tree rows to be selected`,
    async () => {
      for (const [index, row] of rows.entries()) {
        // Ctrl+click on a selected row would deselect it; a plain click starts afresh.
        if (index > 0 && (await selected(row))) continue;
        await row.click(index === 0 ? {} : { modifiers: ['Control'] });
        await waitFor(
          'the row to be selected',
          async () => ((await selected(row)) ? true : undefined),
          5_000,
        );
      }
    },
    async () => (await Promise.all(rows.map(selected))).every(Boolean),
  );
}

/** An element's centre, where a person would let go of what they drag. */
async function centre(element: Locator): Promise<{ clientX: number; clientY: number }> {
  await element.waitFor({ state: 'visible' });
  const box = await element.boundingBox();
  if (!box) throw new Error('an element to drag over or drop on has no box on screen');
  return { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 };
}

/**
 * Drags the Explorer's `fileName` onto `target`, a row in Berth's side bar, with the mouse as a
 * person does (Playwright's dragTo needs the target on screen at the start), and drags again, as
 * a person would, when `tookEffect` does not come to hold: a drop the workbench missed shows
 * nothing at all.
 */
export async function dragExplorerFileOnto(
  page: Page,
  fileName: string,
  target: Locator,
  tookEffect: () => Promise<boolean>,
): Promise<void> {
  await retryUntil(
    `the drop of ${fileName} to take effect`,
    async (attempt) => {
      // A try that failed half-way may have left the button down.
      if (attempt > 1) await page.mouse.up().catch(() => undefined);
      await dragExplorerFileOnce(page, fileName, target);
    },
    tookEffect,
    { retryAfterMs: 15_000 },
  );
}

/**
 * The Explorer and Berth share the side bar, so the drag rests on Berth's activity bar entry
 * until the workbench opens Berth, then drops on the row.
 */
async function dragExplorerFileOnce(page: Page, fileName: string, target: Locator): Promise<void> {
  await runCommand(page, 'View: Show Explorer');
  const source = page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: fileName });
  await source.hover();
  await page.mouse.down();
  const berth = await centre(page.locator('.activitybar').getByRole('tab', { name: 'Berth', exact: true }));
  let nudge = 0;
  await waitFor('the Berth side bar to open under the drag', async () => {
    // Small moves keep the drag alive over the entry, as a hand never holds quite still.
    nudge = 1 - nudge;
    await page.mouse.move(berth.clientX + nudge, berth.clientY, { steps: 2 });
    return (await target.isVisible()) ? true : undefined;
  });
  const at = await centre(target);
  await page.mouse.move(at.clientX, at.clientY, { steps: 5 });
  await page.mouse.move(at.clientX + 2, at.clientY, { steps: 2 });
  await page.mouse.up();
}

/**
 * Drags `source` onto `target` with the HTML5 drag events VS Code's lists listen to, all sharing
 * one DataTransfer. Playwright's mouse-driven dragTo does not start an HTML5 drag that a tree's
 * drop controller sees.
 */
export async function dragAndDrop(source: Locator, target: Locator): Promise<void> {
  const page = source.page();
  const dataTransfer = await page.evaluateHandle('new DataTransfer()');
  const from = await centre(source);
  const to = await centre(target);
  await source.dispatchEvent('dragstart', { dataTransfer, ...from });
  for (const type of ['dragenter', 'dragover', 'drop'])
    await target.dispatchEvent(type, { dataTransfer, ...to });
  await source.dispatchEvent('dragend', { dataTransfer, ...to });
  await dataTransfer.dispose();
}

/** The text of the status bar entries that match `text`, or undefined while none does. */
export async function statusBarText(page: Page, text: RegExp): Promise<string | undefined> {
  const items = await page.locator('.statusbar-item').allInnerTexts();
  // An entry's icon renders as an empty span beside its text: compare the trimmed text.
  return items.map((item) => plainText(item).trim()).find((item) => text.test(item));
}

/** The browser's getComputedStyle, typed for the one thing read here (the tests have no DOM types). */
type ComputedStyle = (element: unknown, pseudo: string) => { content: string };

/** The decoration badge VS Code draws after a row's label (a CSS `::after`), or ''. */
export async function badgeOf(row: Locator): Promise<string> {
  const content = await row
    .locator('.monaco-icon-label')
    .first()
    .evaluate(
      (label): string =>
        (globalThis as unknown as { getComputedStyle: ComputedStyle }).getComputedStyle(label, '::after')
          .content,
    );
  return content === 'none' ? '' : content.replace(/^"|"$/g, '');
}

/** Scrolls the tree under `pane` a little at a time, as a person would, until `row` shows. */
export async function scrollTo(pane: Locator, row: Locator): Promise<void> {
  const list = pane.locator('.monaco-list').first();
  await retryUntil(
    'the row to scroll into view',
    async () => {
      await list.hover();
      await pane.page().mouse.wheel(0, 66);
    },
    () => row.isVisible(),
    { retryAfterMs: 1_000 },
  );
}
