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

/**
 * The rows of a tree view. Sticky scroll pins a copy of an expanded parent at the top of the
 * tree; that copy is not a row of its own.
 */
export function treeRows(pane: Locator): Locator {
  return pane.locator('.monaco-list-row:not(.monaco-tree-sticky-row)');
}

/** The pane of each row made by treeItem, so that helpers given only the row can scroll to it. */
const paneOfRow = new WeakMap<Locator, Locator>();

/**
 * A row of a tree view whose label is `label` (the first text of the row, not its description)
 * and, when given, whose text also holds `alsoText` (an address, a mount path).
 */
export function treeItem(pane: Locator, label: string | RegExp, alsoText?: string): Locator {
  const text = typeof label === 'string' ? exactly(label) : label;
  const labelled = treeRows(pane).filter({ has: pane.page().locator('.label-name', { hasText: text }) });
  const row = alsoText === undefined ? labelled : labelled.filter({ hasText: alsoText });
  paneOfRow.set(row, pane);
  return row;
}

/**
 * Scrolls the tree of `pane` with the mouse wheel, as a person would, until `row` shows: down to
 * the end of the list, then back up, and again while the row has not come yet. A tree draws only
 * the rows in view, so a row below or above the fold is not on the page at all until scrolled to.
 */
async function revealTreeItem(pane: Locator, row: Locator, timeoutMs?: number): Promise<void> {
  await waitFor(
    'the row to show in its tree',
    async () => ((await sweep(pane, row)) ? true : undefined),
    timeoutMs,
  );
}

/**
 * Scrolls a row made by treeItem into view; other locators are left as they are. First moves the
 * mouse away from a tooltip that is open: the views move under a resting mouse (a view expands,
 * rows come and go), and the tooltip of whatever row came under it covers the rows below.
 */
export async function scrollToTreeItem(row: Locator): Promise<void> {
  await closeTooltip(row.page());
  const pane = paneOfRow.get(row);
  if (pane && !(await row.isVisible())) await revealTreeItem(pane, row);
}

/** Waits until a row made by treeItem shows in its tree, scrolling to it as a person would. */
export async function expectTreeItem(row: Locator, timeoutMs?: number): Promise<void> {
  const pane = paneOfRow.get(row);
  if (!pane) throw new Error('expectTreeItem takes a row made by treeItem');
  await revealTreeItem(pane, row, timeoutMs);
}

/**
 * Waits until a row made by treeItem is gone from its whole tree. A tree draws only the rows in
 * view, so a row merely scrolled out of sight is not gone: each check scrolls through the tree.
 */
export async function expectTreeItemGone(row: Locator): Promise<void> {
  await waitFor('the row to be gone from its tree', async () =>
    (await shownInTree(row)) ? undefined : true,
  );
}

/** Whether a row made by treeItem shows, after one pass of scrolling its tree when it did not. */
export async function shownInTree(row: Locator): Promise<boolean> {
  if (await row.first().isVisible()) return true;
  const pane = paneOfRow.get(row);
  return pane ? sweep(pane, row) : false;
}

/** One pass down to the end of the tree and back up to its start; true once `row` shows. */
async function sweep(pane: Locator, row: Locator): Promise<boolean> {
  const list = pane.locator('.monaco-list').first();
  if (!(await list.isVisible())) return false;
  const where = () =>
    list.evaluate((element) => {
      // The few DOM members read here, typed by hand: the tests compile without the DOM library.
      type Node = {
        clientHeight: number;
        style: { top: string; height: string };
        querySelector(selector: string): Node | null;
      };
      const node = element as unknown as Node;
      const rows = node.querySelector('.monaco-list-rows');
      const top = -parseFloat(rows?.style.top || '0');
      const content = parseFloat(rows?.style.height || '0');
      const shown = node.querySelector('.monaco-scrollable-element')?.clientHeight ?? 0;
      return { top, atStart: top <= 0, atEnd: top + shown >= content - 1 };
    });
  let scrolled = false;
  for (const [step, end] of [
    [66, 'atEnd'],
    [-66, 'atStart'],
  ] as const) {
    for (let at = await where(); ;) {
      if (await row.first().isVisible()) {
        if (scrolled) await restMouse(pane.page());
        return true;
      }
      if (at[end]) break;
      scrolled = true;
      const before = at.top;
      // Not at that end yet, so a wheel over the list moves it; one that went elsewhere is made again.
      await retryUntil(
        'the tree to scroll',
        async () => {
          const box = await list.boundingBox();
          if (!box) return;
          await pane.page().mouse.move(box.x + box.width - 3, box.y + box.height / 2);
          await pane.page().mouse.wheel(0, step);
        },
        // A tree that shrank meanwhile (the row went) may be at that end without having moved.
        async () => {
          const now = await where();
          return now.top !== before || now[end];
        },
        { retryAfterMs: 2_000 },
      );
      at = await where();
    }
  }
  if (scrolled) await restMouse(pane.page());
  return row.first().isVisible();
}

/**
 * Moves the mouse off the side bar to the empty middle of the title bar, as a hand leaves the
 * wheel: resting on a row would open its tooltip, which covers the rows below it and takes the
 * next click meant for one of them.
 */
async function closeTooltip(page: Page): Promise<void> {
  const tooltip = page.locator('.workbench-hover-container');
  if (!(await tooltip.first().isVisible())) return;
  await retryUntil(
    'the tooltip to close',
    () => restMouse(page),
    async () => !(await tooltip.first().isVisible()),
  );
}

async function restMouse(page: Page): Promise<void> {
  const box = await page.locator('.part.titlebar').boundingBox();
  if (box) await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
}

/**
 * Expands a tree row, waiting for it to become expandable first: a row that only now got
 * children (a container just connected to a network) is redrawn as collapsible a moment later.
 */
export async function expandTreeItem(row: Locator, timeoutMs?: number): Promise<void> {
  await scrollToTreeItem(row);
  await retryUntil(
    'the tree row to expand',
    async () => {
      await scrollToTreeItem(row);
      // Not yet collapsible (no aria-expanded): a click would only select it; wait for the redraw.
      if ((await expandedState(row)) === 'false') await row.click();
    },
    async () => (await expandedState(row)) === 'true',
    { retryAfterMs: 2_000, timeoutMs },
  );
}

/**
 * A row's aria-expanded, asked briefly: a row scrolled out of view is not on the page, and a
 * long wait for it would use up the time meant for scrolling to it and trying again.
 */
function expandedState(row: Locator): Promise<string | null> {
  return row.getAttribute('aria-expanded', { timeout: 2_000 });
}

/** Collapses an expanded tree row, as a person clicks its twistie. */
export async function collapseTreeItem(row: Locator): Promise<void> {
  await scrollToTreeItem(row);
  await retryUntil(
    'the tree row to collapse',
    async () => {
      await scrollToTreeItem(row);
      if ((await expandedState(row)) === 'true') await row.locator('.monaco-tl-twistie').click();
    },
    async () => (await expandedState(row)) === 'false',
    { retryAfterMs: 2_000 },
  );
}

/**
 * Opens the Files of container `name` in the Containers view. The `others` are collapsed first,
 * so that the file rows below are this container's own.
 */
export async function openContainerFiles(
  containers: Locator,
  name: string,
  others: readonly string[] = [],
): Promise<void> {
  for (const other of others) {
    const row = treeItem(containers, other);
    if ((await shownInTree(row)) && (await expandedState(row)) === 'true') await collapseTreeItem(row);
  }
  const row = treeItem(containers, name);
  await expectTreeItem(row, 60_000);
  await expandTreeItem(row);
  await expandTreeItem(treeItem(containers, 'Files'));
}

/** Selects exactly `rows` of one tree: the first with a click, the others with Ctrl+click. */
export async function selectTreeItems(rows: readonly Locator[]): Promise<void> {
  const selected = async (row: Locator) =>
    (await row.getAttribute('aria-selected', { timeout: 2_000 }).catch(() => null)) === 'true';
  await retryUntil(
    `${rows.length} tree rows to be selected`,
    async () => {
      for (const [index, row] of rows.entries()) {
        // Ctrl+click on a selected row would deselect it; a plain click starts afresh.
        if (index > 0 && (await selected(row))) continue;
        await scrollToTreeItem(row);
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
  await scrollToTreeItem(element);
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
  await scrollToTreeItem(row);
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
