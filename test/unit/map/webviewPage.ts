// The map's webview page in Chromium, with VS Code's webview host stood in for by a route and a
// stub `acquireVsCodeApi`: what the webview tests share.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { GraphModel } from '../../../client/src/map/graphModel';
import { mapHtml } from '../../../client/src/map/html';

export const root = path.resolve(__dirname, '..', '..', '..');
export const chromiumPath = process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium';
export const origin = 'https://berth-webview.test';

export const mapScripts = ['style.js', 'zoom.js', 'layout.js', 'focus.js', 'connect.js', 'map.js'];
export const files: Record<string, { path: string; type: string }> = {
  '/vendor/cytoscape.min.js': {
    path: path.join(root, 'media/vendor/cytoscape.min.js'),
    type: 'text/javascript',
  },
  '/vendor/cytoscape-elk.min.js': {
    path: path.join(root, 'media/vendor/cytoscape-elk.min.js'),
    type: 'text/javascript',
  },
  ...Object.fromEntries(
    mapScripts.map((name) => [
      `/map/${name}`,
      { path: path.join(root, 'media/map', name), type: 'text/javascript' },
    ]),
  ),
  '/map/map.css': { path: path.join(root, 'media/map/map.css'), type: 'text/css' },
};

export interface Recorded {
  posted: { type: string; [key: string]: unknown }[];
  violations: string[];
}

const stubVsCodeApi = `
  const recorded = { posted: [], violations: [] };
  window.recorded = recorded;
  let state;
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => recorded.posted.push(message),
    getState: () => state,
    setState: (value) => { state = value; },
  });
  document.addEventListener('securitypolicyviolation', (event) => {
    recorded.violations.push(event.violatedDirective + ' ' + event.blockedURI);
  });
`;

export async function openMap(
  browser: Browser,
  viewport = { width: 1100, height: 700 },
): Promise<{ page: Page; errors: string[]; dialogs: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Stands in for VS Code: records what the webview posts and every CSP violation.
  // A string, not a function: tsx's helpers (`__name`) do not exist in the page.
  await page.addInitScript(stubVsCodeApi);
  const html = mapHtml({
    cspSource: origin,
    cytoscapeUri: `${origin}/vendor/cytoscape.min.js`,
    layoutUri: `${origin}/vendor/cytoscape-elk.min.js`,
    scriptUris: mapScripts.map((name) => `${origin}/map/${name}`),
    styleUri: `${origin}/map/map.css`,
    language: 'en',
    strings: {
      title: 'Network Map',
      fit: 'Fit',
      relayout: 'Re-arrange',
      export: 'Export',
      hint: '',
      empty: 'Empty',
      containersOne: '1 container',
      containersMany: '{0} containers',
      focused: 'Showing {0}',
      noMatch: 'No match for {0}',
    },
  });
  await page.route(`${origin}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/index.html') return route.fulfill({ body: html, contentType: 'text/html' });
    const file = files[url.pathname];
    if (!file) return route.fulfill({ status: 404 });
    return route.fulfill({ body: readFileSync(file.path), contentType: file.type });
  });
  await page.goto(`${origin}/index.html`);
  return { page, errors, dialogs };
}

/** What the extension does with `webview.postMessage`: a message event in the page. */
export async function postGraph(page: Page, model: GraphModel): Promise<void> {
  type Poster = { postMessage(message: unknown, target: string): void };
  await page.evaluate(
    (m) => (globalThis as unknown as Poster).postMessage({ type: 'graph', model: m }, '*'),
    model,
  );
}

/** Resolves once the webview has laid out and placed a graph of `count` nodes. */
export async function laidOut(page: Page, count: number): Promise<void> {
  type Body = { dataset: Record<string, string | undefined> };
  await page.waitForFunction(
    (n) =>
      (globalThis as unknown as { document: { body: Body } }).document.body.dataset.laidOut === String(n),
    count,
  );
}

export async function recorded(page: Page): Promise<Recorded> {
  return page.evaluate(() => (globalThis as unknown as { recorded: Recorded }).recorded);
}
