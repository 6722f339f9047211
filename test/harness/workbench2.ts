// Workbench helpers for the feature e2e files (lint, volumes, map, faults), on top of workbench.ts:
// one workbench per suite, editor hovers and quick fixes, tree view messages, the simple file
// dialog, webview frames and the language server's process.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame, Locator, Page } from 'playwright-core';
import { findCodeServer, packageBerth } from './codeserver';
import { engineUnavailableReason } from './engine';
import { requireOrSkip } from './require';
import {
  activeEditor,
  chromiumPath,
  clickActivity,
  openWorkbench,
  patchConfigurationMeta,
  plainText,
  waitFor,
  type Workbench,
  type WorkbenchOptions,
} from './workbench';

/** Why the real-VS-Code layer cannot run here (and, if asked, the engine), or undefined. */
export async function missingPrerequisite(needsEngine: boolean): Promise<string | undefined> {
  const tools = findCodeServer();
  if ('missing' in tools) return `code-server is not installed: ${tools.missing}`;
  if (!existsSync(chromiumPath))
    return `Chromium is not installed at ${chromiumPath} (apt-get install chromium)`;
  return needsEngine ? engineUnavailableReason() : undefined;
}

export interface SuiteSetup {
  workspace: string;
  options?: WorkbenchOptions;
  /** Runs after the workbench opened, before the first test (e.g. a reload with a patch). */
  opened?: (workbench: Workbench) => Promise<void>;
}

export interface WorkbenchSuite {
  /** A private scratch folder, removed after the suite. */
  readonly scratch: string;
  /** The open workbench, or undefined after skipping because a prerequisite is missing. */
  workbench(t: TestContext): Workbench | undefined;
}

/**
 * Registers `before`/`after` hooks (call it inside `describe`) that open one workbench for the
 * suite. `prepare` gets the scratch folder and may create engine resources; a failure there fails
 * each test with its message instead of hiding it in a hook.
 */
export function workbenchSuite(
  needsEngine: boolean,
  prepare: (scratch: string) => SuiteSetup | Promise<SuiteSetup>,
): WorkbenchSuite {
  const scratch = mkdtempSync(path.join(tmpdir(), 'berth-e2e-'));
  let missing: string | undefined;
  let wb: Workbench | undefined;
  let startError: Error | undefined;

  before(async () => {
    missing = await missingPrerequisite(needsEngine);
    if (missing) return;
    try {
      const setup = await prepare(scratch);
      wb = await openWorkbench(setup.workspace, {
        ...setup.options,
        vsix: [packageBerth(scratch)],
        startTimeoutMs: 120_000,
      });
      await setup.opened?.(wb);
    } catch (error) {
      startError = error as Error;
    }
  });

  after(async () => {
    await wb?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  return {
    scratch,
    workbench(t) {
      if (!requireOrSkip(t, missing === undefined, missing ?? '')) return undefined;
      if (startError) throw startError;
      assert.ok(wb, 'the workbench did not open');
      return wb;
    },
  };
}

/**
 * Reloads the page with `patch` merged into the workbench configuration the server sends, e.g.
 * `{ enableWorkspaceTrust: true }`, which code-server's --disable-workspace-trust turns off.
 */
export async function reloadWithConfiguration(page: Page, patch: Record<string, unknown>): Promise<void> {
  await patchConfigurationMeta(page, patch);
  await page.reload({ waitUntil: 'domcontentloaded', timeout: 90_000 });
  await page.locator('.monaco-workbench .activitybar').waitFor({ timeout: 90_000 });
}

// --- Editor --------------------------------------------------------------------------------------

/**
 * Opens a file at the top of the workspace folder from the Explorer; Quick Open can take longer
 * than a test's patience on a loaded machine before its first file search answers.
 */
export async function openTopLevelFile(page: Page, name: string): Promise<void> {
  await page.locator('.monaco-workbench').focus();
  await page.keyboard.press('Control+Shift+E');
  const row = page
    .locator('.explorer-folders-view .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) });
  await row.first().click();
  await page.locator('.tabs-container .tab.active').filter({ hasText: name }).waitFor();
  await activeEditor(page).locator('.view-lines').waitFor();
}

/**
 * The rows of the Problems panel as shown. Opens the panel only when it is hidden:
 * its keybinding toggles, so pressing it on every poll would close it again.
 */
export async function problemRows(page: Page): Promise<string[]> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) {
    await page.locator('.monaco-workbench').focus();
    await page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible' });
  }
  // The visible text, which unlike the accessible label shows the rule id beside the source.
  return (await panel.locator('.monaco-list-row').allInnerTexts()).map(plainText);
}

/** Waits until a Problems row contains `text`; returns all rows. */
export async function expectProblemRow(page: Page, text: string): Promise<string[]> {
  return waitFor(
    `a problem containing ${text}`,
    async () => {
      const rows = await problemRows(page);
      return rows.some((row) => row.includes(text)) ? rows : undefined;
    },
    60_000,
  );
}

/**
 * The screen point in the middle of the first occurrence of `text` on a rendered line of the
 * active editor. Works across token boundaries (`127.0.0.1:8080` is several coloured spans).
 */
export async function editorTextPoint(page: Page, text: string): Promise<{ x: number; y: number }> {
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

/** Puts the cursor inside `text` in the active editor. */
export async function clickEditorText(page: Page, text: string): Promise<void> {
  const point = await editorTextPoint(page, text);
  await page.mouse.click(point.x, point.y);
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
  await row.first().click();
}

// --- Views ---------------------------------------------------------------------------------------

/** The message a tree view shows instead of (or above) its items, or '' when there is none. */
export async function viewMessage(pane: Locator): Promise<string> {
  const message = pane.locator('.pane-body .message:not(.hide)');
  if ((await message.count()) === 0 || !(await message.first().isVisible())) return '';
  return plainText(await message.first().innerText());
}

/**
 * Runs a command by its palette title, reopening the palette until the command is listed: the
 * palette filters what was registered when it opened, and code-server registers the extension's
 * contributions a while after the workbench appears.
 */
export async function runPaletteCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({
    has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }),
  });
  await waitFor(
    `"${title}" in the command palette`,
    async () => {
      await page.keyboard.press('Escape');
      await page.locator('.monaco-workbench').focus();
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible' });
      await input.fill(`>${title}`);
      await row.first().waitFor({ state: 'visible', timeout: 5_000 });
      return true;
    },
    90_000,
  );
  await row.first().click();
}

/** Picks the quick-pick row whose label (icons aside) is `label`. */
export async function quickPickLabel(page: Page, label: string): Promise<void> {
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({
    has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }),
  });
  await row.first().click();
}

/**
 * Answers VS Code's simple file dialog (what a save dialog is in code-server): types `file` as the
 * path and accepts it. For a save dialog that proposes a file name (a `defaultUri` that is not a
 * folder), which Berth's always do.
 */
export async function answerSaveDialog(page: Page, file: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
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
      if (!(await center.isVisible())) await runPaletteCommand(page, 'Notifications: Show Notifications');
      return undefined;
    },
    timeoutMs,
  );
}

// --- Webviews ------------------------------------------------------------------------------------

/** The webview frame (VS Code nests the extension's page in two iframes) that has `selector`. */
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

// --- The language server process -----------------------------------------------------------------

/** Pids of the Berth language servers started from the extensions installed under `extensionsDir`. */
export function languageServerPids(extensionsDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // Gone meanwhile.
    }
    const server = argv.find((arg) => arg.endsWith(path.join('dist', 'server', 'server.js')));
    if (server?.startsWith(extensionsDir)) pids.push(Number(entry));
  }
  return pids;
}

/** Waits until exactly one language server of this workbench runs that is not in `old`. */
export async function newLanguageServer(extensionsDir: string, old: readonly number[] = []): Promise<number> {
  return waitFor(
    'a (new) Berth language server process',
    () => {
      const pids = languageServerPids(extensionsDir).filter((pid) => !old.includes(pid));
      return Promise.resolve(pids.length === 1 ? pids[0] : undefined);
    },
    90_000,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// --- Terminals -----------------------------------------------------------------------------------

/**
 * Settings that make the terminal render as DOM rows (not on a canvas), so that tests can read
 * what it shows.
 */
export const readableTerminalSettings: Readonly<Record<string, unknown>> = {
  'terminal.integrated.gpuAcceleration': 'off',
};

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

// --- Drag and drop -------------------------------------------------------------------------------

/**
 * Drags `source` onto `target` with the HTML5 drag events VS Code's lists listen to, all sharing
 * one DataTransfer. Playwright's mouse-driven dragTo does not start an HTML5 drag that a tree's
 * drop controller sees.
 */
export async function dragAndDrop(source: Locator, target: Locator): Promise<void> {
  const page = source.page();
  const dataTransfer = await page.evaluateHandle('new DataTransfer()');
  const centre = async (element: Locator) => {
    await element.waitFor({ state: 'visible' });
    const box = await element.boundingBox();
    if (!box) throw new Error('a row to drag or drop on has no box on screen');
    return { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 };
  };
  const from = await centre(source);
  const to = await centre(target);
  await source.dispatchEvent('dragstart', { dataTransfer, ...from });
  for (const type of ['dragenter', 'dragover', 'drop'])
    await target.dispatchEvent(type, { dataTransfer, ...to });
  await source.dispatchEvent('dragend', { dataTransfer, ...to });
  await dataTransfer.dispose();
}

// --- Status bar ----------------------------------------------------------------------------------

/** The text of the status bar entries that match `text`, or undefined while none does. */
export async function statusBarText(page: Page, text: RegExp): Promise<string | undefined> {
  const items = await page.locator('.statusbar-item').allInnerTexts();
  // An entry's icon renders as an empty span beside its text: compare the trimmed text.
  return items.map((item) => plainText(item).trim()).find((item) => text.test(item));
}

/**
 * Expands a tree row, waiting for it to become expandable first: a row that only now got
 * children (a container just connected to a network) is redrawn as collapsible a moment later.
 */
export async function expandTreeRow(row: Locator, timeoutMs?: number): Promise<void> {
  await waitFor(
    'the tree row to expand',
    async () => {
      const state = await row.getAttribute('aria-expanded');
      if (state === 'true') return true;
      if (state === 'false') await row.click();
      return undefined;
    },
    timeoutMs,
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
