// Starting and stopping a real VS Code: code-server with Berth installed, opened in Chromium.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findCodeServer, startCodeServer, type CodeServer, type CodeServerOptions } from './codeserver';
import { uiTimeoutMs } from './wait';

/** Debian's Chromium; playwright-core brings no browser of its own. */
export const chromiumPath = process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium';

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why no workbench can be opened here (code-server or Chromium is missing), or undefined. */
export function missingWorkbenchTools(): string | undefined {
  const tools = findCodeServer();
  if ('missing' in tools) return `code-server is not installed: ${tools.missing}`;
  if (!existsSync(chromiumPath))
    return `Chromium is not installed at ${chromiumPath} (apt-get install chromium)`;
  return undefined;
}

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
    // Copy commands write the clipboard, and a test pastes it as a person would.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    page.setDefaultTimeout(uiTimeoutMs);
    if (options.development) await injectDevelopmentOptions(page, options.development);
    // The folder in the URL spares a redirect, which page.route would not see.
    await page.goto(`${server.url}?folder=${encodeURIComponent(server.workspace)}`, {
      waitUntil: 'domcontentloaded',
      timeout: 90_000,
    });
    await workbenchShown(page);
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

/**
 * Reloads the page with `patch` merged into the workbench configuration the server sends, e.g.
 * `{ enableWorkspaceTrust: true }`, which code-server's --disable-workspace-trust turns off.
 */
export async function reloadWithConfiguration(page: Page, patch: Record<string, unknown>): Promise<void> {
  await patchConfigurationMeta(page, patch);
  await page.reload({ waitUntil: 'domcontentloaded', timeout: 90_000 });
  await workbenchShown(page);
}

async function workbenchShown(page: Page): Promise<void> {
  await page.locator('.monaco-workbench .activitybar').waitFor({ timeout: 90_000 });
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
async function patchConfigurationMeta(
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
