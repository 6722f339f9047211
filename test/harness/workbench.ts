import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startCodeServer, type CodeServer, type CodeServerOptions } from './codeserver';

/** Debian's Chromium; playwright-core brings no browser of its own. */
export const chromiumPath = process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium';

export const resultsDir = path.resolve(__dirname, '..', '..', 'test-results');

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Default wait for any UI condition. Generous because a cold workbench on a busy 2-core machine
 * takes long to connect, index the workspace and start extensions; raise it with BERTH_UI_TIMEOUT_MS.
 */
export const uiTimeoutMs = Number(process.env.BERTH_UI_TIMEOUT_MS ?? 60_000);

/**
 * What `--extensionDevelopmentPath` / `--extensionTestsPath` do in desktop VS Code. code-server
 * rejects those flags and its built workbench ignores them in the URL, but it honours them in the
 * workbench configuration that the page is served with, so openWorkbench writes them there.
 */
export interface DevelopmentOptions {
  extensionDevelopmentPath: string;
  extensionTestsPath?: string;
  /** Called with the extension host's exit code and the workbench's logs when a test run ends. */
  onTestsExit?: (code: number, logs: WorkbenchLog[]) => void;
}

/** One log file of the workbench session, as VS Code hands it to `codeAutomationExit`. */
export interface WorkbenchLog {
  relativePath: string;
  contents: string;
}

export interface WorkbenchOptions extends Omit<CodeServerOptions, 'workspace'> {
  development?: DevelopmentOptions;
}

export interface Workbench {
  readonly page: Page;
  readonly server: CodeServer;
  close(): Promise<void>;
}

/** Starts code-server on `workspace`, opens it in Chromium and waits until the workbench is up. */
export async function openWorkbench(workspace: string, options: WorkbenchOptions = {}): Promise<Workbench> {
  if (!existsSync(chromiumPath))
    throw new Error(`${chromiumPath} does not exist; run scripts/ensure-tools.sh`);
  const server = await startCodeServer({ ...options, workspace });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(uiTimeoutMs);
    if (options.development) await injectDevelopmentOptions(page, options.development);
    // The folder in the URL spares a redirect, which page.route would not see.
    await page.goto(`${server.url}?folder=${encodeURIComponent(server.workspace)}`, {
      waitUntil: 'domcontentloaded',
      timeout: 90_000,
    });
    await page.locator('.monaco-workbench .activitybar').waitFor({ timeout: 90_000 });
    const opened = browser;
    return {
      page,
      server,
      close: async () => {
        await opened.close();
        await server.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.stop();
    throw error;
  }
}

async function injectDevelopmentOptions(page: Page, development: DevelopmentOptions): Promise<void> {
  // code-server's remote authority is always "remote"; paths are on the server's file system.
  const remote = (fsPath: string) => ({
    scheme: 'vscode-remote',
    authority: 'remote',
    path: path.resolve(fsPath),
  });
  const { onTestsExit } = development;
  if (onTestsExit) {
    await page.exposeFunction('codeAutomationExit', (code: number, logs?: WorkbenchLog[]) =>
      onTestsExit(code, logs ?? []),
    );
  }
  const patch = {
    extensions: [remote(development.extensionDevelopmentPath)],
    ...(development.extensionTestsPath ? { extensionTestsPath: remote(development.extensionTestsPath) } : {}),
  };
  await patchConfigurationMeta(page, patch, 'developmentOptions');
}

/**
 * Merges `patch` into the workbench configuration <meta> as the parser adds it, before the
 * workbench script reads it (the parser runs pending microtasks before each script); `under`
 * merges into that key instead of the top level. Serving a rewritten page through page.route
 * instead breaks the workbench's WebSocket to the server. Applies to every later page load.
 */
export async function patchConfigurationMeta(
  page: Page,
  patch: Record<string, unknown>,
  under?: string,
): Promise<void> {
  await page.addInitScript({
    content: `(() => {
      const patch = ${JSON.stringify(patch)};
      const under = ${JSON.stringify(under ?? null)};
      new MutationObserver((_records, observer) => {
        const meta = document.getElementById('vscode-workbench-web-configuration');
        if (!meta) return;
        observer.disconnect();
        const config = JSON.parse(meta.getAttribute('data-settings'));
        if (under) config[under] = { ...config[under], ...patch };
        else Object.assign(config, patch);
        meta.setAttribute('data-settings', JSON.stringify(config));
      }).observe(document, { childList: true, subtree: true });
    })();`,
  });
}

/**
 * Runs `body`; on failure saves a screenshot and the page's HTML into test-results/ before
 * rethrowing, so that a red e2e test always leaves evidence behind.
 */
export async function guarded(page: Page, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const saved = await capture(page, `FAILED-${name}`).catch(() => 'nothing (page unusable)');
    throw new Error(`${(error as Error).message}\n(saved ${saved})`, { cause: error });
  }
}

/** Saves `<name>.png` and `<name>.html` into test-results/ and returns their paths. */
export async function capture(page: Page, name: string): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const base = path.join(resultsDir, name.replace(/[^\w.-]+/g, '_'));
  await page.screenshot({ path: `${base}.png` });
  writeFileSync(`${base}.html`, await page.content());
  return `${base}.png and ${base}.html`;
}

export async function screenshot(page: Page, file: string): Promise<void> {
  mkdirSync(path.dirname(path.resolve(resultsDir, file)), { recursive: true });
  await page.screenshot({ path: path.resolve(resultsDir, file) });
}

/** Polls `probe` until it returns a value that is not undefined; fails with `what` and the last value seen. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = uiTimeoutMs,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await delay(250);
  }
}

/** Monaco renders spaces as no-break spaces; tests compare plain text. */
export function plainText(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

// --- Activity bar and views -------------------------------------------------------------------

export async function clickActivity(page: Page, title: string): Promise<void> {
  const item = page.locator('.activitybar').getByRole('tab', { name: title, exact: true });
  // Clicking the selected item would collapse the side bar.
  if ((await item.getAttribute('aria-selected')) !== 'true') await item.click();
  await waitFor(`the ${title} side bar`, async () =>
    (await item.getAttribute('aria-selected')) === 'true' ? true : undefined,
  );
}

/** The pane (header and body) of the view named `name` in the side bar or panel. */
export function view(page: Page, name: string): Locator {
  return page.locator('.pane').filter({
    has: page.locator('.pane-header h3.title', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }),
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
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await waitFor(`view ${name} to expand`, async () =>
    (await header.getAttribute('aria-expanded')) === 'true' ? true : undefined,
  );
  return pane;
}

/** A row of a tree view whose label is `label` (the first text of the row, not its description). */
export function treeItem(pane: Locator, label: string | RegExp): Locator {
  const text = typeof label === 'string' ? new RegExp(`^${escapeRegExp(label)}$`) : label;
  return pane
    .locator('.monaco-list-row')
    .filter({ has: pane.page().locator('.label-name', { hasText: text }) });
}

export async function expandTreeItem(item: Locator): Promise<void> {
  await item.waitFor({ state: 'visible' });
  if ((await item.getAttribute('aria-expanded')) === 'false') await item.click();
  await waitFor('the tree item to expand', async () =>
    (await item.getAttribute('aria-expanded')) === 'true' ? true : undefined,
  );
}

/** Right-clicks `item` and picks `entry` from its context menu. */
export async function contextMenu(item: Locator, entry: string): Promise<void> {
  const page = item.page();
  // A live tree (engine events) can move rows between locating and clicking; the row that
  // receives the right-click takes focus, so retry until that is the intended one.
  // A right-click on a row that is re-rendered at that moment opens no menu at all: try again.
  for (let attempt = 1; ; attempt++) {
    await item.waitFor({ state: 'visible' });
    await item.click({ button: 'right' });
    const opened = await page
      .locator('.context-view .monaco-menu')
      .waitFor({ timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    if (opened && /\bfocused\b/.test((await item.getAttribute('class')) ?? '')) break;
    if (opened) await page.keyboard.press('Escape');
    if (attempt === 4)
      throw new Error(
        opened
          ? 'the tree kept moving: the context menu opened on another row'
          : 'no context menu opened after four right-clicks',
      );
  }
  const action = page.locator('.context-view .monaco-menu .action-item').filter({
    has: page.locator('.action-label', { hasText: new RegExp(`^${escapeRegExp(entry)}$`) }),
  });
  await action.click();
}

// --- Command palette, quick picks, input boxes -----------------------------------------------

const quickInput = '.quick-input-widget';

/** Runs a command by its palette title, e.g. `Berth: Show Output`. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await openQuickInput(page, `>${title}`);
  await quickPick(page, title);
}

/** Opens a workspace file by its path relative to the workspace folder, through Quick Open. */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  await openQuickInput(page, relativePath);
  await page
    .locator(`${quickInput} .monaco-list-row`)
    .filter({ hasText: path.basename(relativePath) })
    .first()
    .waitFor();
  await page.keyboard.press('Enter');
  await page
    .locator('.tabs-container .tab.active')
    .filter({ hasText: path.basename(relativePath) })
    .waitFor();
}

async function openQuickInput(page: Page, text: string): Promise<void> {
  await page.locator('.monaco-workbench').focus();
  await page.keyboard.press('F1');
  const input = page.locator(`${quickInput} input`);
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
}

/** Picks the quick-pick row labelled `label` (exact match of its label, not its description). */
export async function quickPick(page: Page, label: string): Promise<void> {
  const row = page.locator(`${quickInput} .monaco-list-row`).filter({
    has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }),
  });
  await row.first().click();
}

/** Types `text` into the open input box and accepts it. */
export async function inputBox(page: Page, text: string): Promise<void> {
  const input = page.locator(`${quickInput} input`);
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
  await page.keyboard.press('Enter');
}

// --- Editor ------------------------------------------------------------------------------------

export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor').first();
}

export async function typeInEditor(page: Page, text: string): Promise<void> {
  await activeEditor(page).locator('.view-lines').click();
  await page.keyboard.type(text);
}

/** The visible text of the active editor (Monaco renders only what is on screen). */
export async function editorText(page: Page): Promise<string> {
  return plainText(await activeEditor(page).locator('.view-lines').innerText());
}

export async function activeTabTitle(page: Page): Promise<string> {
  return (await page.locator('.editor-group-container.active .tab.active .label-name').innerText()).trim();
}

// --- Panel: Problems and Output ------------------------------------------------------------------

/** The rows of the Problems panel as their accessible text (message, source, position). */
export async function problems(page: Page): Promise<string[]> {
  const panel = page.locator('.markers-panel');
  // The shortcut toggles: pressing it while the panel shows would hide it.
  if (!(await panel.isVisible())) {
    await page.locator('.monaco-workbench').focus();
    await page.keyboard.press('Control+Shift+M');
  }
  await panel.waitFor({ state: 'visible' });
  const rows = panel.locator('.monaco-list-row');
  const labels: string[] = [];
  for (let i = 0; i < (await rows.count()); i++)
    labels.push((await rows.nth(i).getAttribute('aria-label')) ?? '');
  return labels;
}

/** Waits until a Problems row contains `text` and returns all rows. */
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
  if (!(await panel.locator('.output-view').isVisible())) await runCommand(page, 'View: Toggle Output');
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

// --- Notifications and dialogs -------------------------------------------------------------------

export function notification(page: Page, text: string | RegExp): Locator {
  return page.locator('.notifications-toasts .notification-toast').filter({ hasText: text });
}

/** Clicks `button` in the modal dialog (VS Code's own, not a browser alert). */
export async function dialogButton(page: Page, button: string): Promise<void> {
  await page
    .locator('.monaco-dialog-box .dialog-buttons .monaco-button')
    .filter({ hasText: new RegExp(`^${escapeRegExp(button)}$`) })
    .click();
}

export async function dialogMessage(page: Page): Promise<string> {
  return page.locator('.monaco-dialog-box .dialog-message-text').innerText();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
