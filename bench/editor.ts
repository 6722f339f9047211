// Editor benchmark: installs the packaged VSIX into a fresh code-server, opens the Berth view in
// Chromium and reads back the startup timings Berth logs (client/src/perf.ts): activation time,
// bundle evaluation, engine requests before the first view, and the first Networks render after
// the view became visible, broken down into the session's first load (connect, event
// subscription, the three list calls, the join), VS Code asking the tree for its roots and their
// items, and the browser showing the first row. Also the wall clock from the click to that row.
// Each run gets its own user-data and extensions dirs; the median of the runs is printed last.
// Microsoft's Container Tools cannot be installed offline, so there is no peer figure here.
//
//   node --import tsx bench/editor.ts [--runs 3]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { socketPath } from '../test/harness/engine';
import { expectOutput } from '../test/harness/panel';
import { clickActivity, expandView, treeItem } from '../test/harness/views';
import { missingWorkbenchTools, openWorkbench } from '../test/harness/workbench';
import { freshVsix } from './vsix';
import { recordFigure } from './lib/summary';

interface RunFigures {
  activationMs: number;
  bundleMs: number;
  requestsBeforeView: number;
  renderMs: number;
  networks: number;
  clickToRowMs: number;
  breakdown: Breakdown;
}

/** Where the first render's time goes, in ms after the view became visible (Berth's clock). */
interface Breakdown {
  connected: number;
  subscribed: number;
  listed: number;
  joined: number;
  published: number;
  rootReturned: number;
  getChildrenMs: number;
  itemsResolved: number;
  getTreeItemMs: number;
  /** The browser showed the bridge row, on the same wall clock. */
  rowShown: number;
}

const patterns = {
  activation: /Berth activated in ([\d.]+) ms \(bundle evaluated in ([\d.]+) ms\)/,
  requests: /Engine requests before first view: (\d+)/,
  render: /First tree render ([\d.]+) ms after the view became visible \((\d+) networks\)/,
  // The Output view wraps long lines: any run of white space matches a space.
  breakdown: new RegExp(
    [
      'connected (?<connected>[\\d.?]+), events subscribed (?<subscribed>[\\d.?]+), ',
      'lists answered (?<listed>[\\d.?]+), joined (?<joined>[\\d.?]+), published (?<published>[\\d.?]+), ',
      'root returned (?<rootReturned>[\\d.?]+) \\(getChildren (?<getChildrenMs>[\\d.?]+)\\), ',
      '\\d+ tree items (?<itemsResolved>[\\d.?]+) \\(getTreeItem (?<getTreeItemMs>[\\d.?]+)\\); ',
      'wall clock (?<wallClock>\\d+)',
    ]
      .join('')
      .replaceAll(' ', '\\s+'),
  ),
};

/**
 * Notes on the page's wall clock when the Networks view first shows the bridge row; a string, as
 * it runs in the browser (this project's TypeScript has no DOM types).
 */
const watchFirstRow = `(() => {
  const shown = () => [...document.querySelectorAll('.monaco-list-row .label-name')]
    .some((label) => label.textContent === 'bridge');
  const observer = new MutationObserver(() => {
    if (window.berthFirstRow === undefined && shown()) {
      window.berthFirstRow = Date.now();
      observer.disconnect();
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

async function measureOnce(vsix: string): Promise<RunFigures> {
  // An empty folder: no Dockerfile, so opening the view is what activates Berth.
  const workspace = mkdtempSync(path.join(tmpdir(), 'berth-bench-ws-'));
  // Berth reads the engine the harness seeded: bench.sh's throwaway engine, or the system's.
  const env = { DOCKER_HOST: `unix://${socketPath}` };
  const workbench = await openWorkbench(workspace, { vsix: [vsix], env }).catch((error: unknown) => {
    rmSync(workspace, { recursive: true, force: true });
    throw error;
  });
  try {
    const { page } = workbench;
    await page.evaluate(watchFirstRow);
    const clicked = performance.now();
    await clickActivity(page, 'Berth');
    const networks = await expandView(page, 'Networks');
    await treeItem(networks, 'bridge').waitFor({ state: 'visible', timeout: 60_000 });
    const clickToRowMs = performance.now() - clicked;
    const output = await expectOutput(page, 'Berth', patterns.breakdown);
    const activation = patterns.activation.exec(output);
    const requests = patterns.requests.exec(output);
    const render = patterns.render.exec(output);
    const breakdown = patterns.breakdown.exec(output)?.groups;
    if (!activation || !requests || !render || !breakdown)
      throw new Error(`startup lines missing from:\n${output}`);
    const rowAt = await page.evaluate<number | undefined>('window.berthFirstRow');
    const number = (key: string) => Number(breakdown[key]);
    // Berth's wall clock at the last tree item, and so at `itemsResolved`.
    const rowShown = number('itemsResolved') + ((rowAt ?? NaN) - number('wallClock'));
    return {
      activationMs: Number(activation[1]),
      bundleMs: Number(activation[2]),
      requestsBeforeView: Number(requests[1]),
      renderMs: Number(render[1]),
      networks: Number(render[2]),
      clickToRowMs,
      breakdown: {
        connected: number('connected'),
        subscribed: number('subscribed'),
        listed: number('listed'),
        joined: number('joined'),
        published: number('published'),
        rootReturned: number('rootReturned'),
        getChildrenMs: number('getChildrenMs'),
        itemsResolved: number('itemsResolved'),
        getTreeItemMs: number('getTreeItemMs'),
        rowShown,
      },
    };
  } finally {
    await workbench.close();
    rmSync(workspace, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function describe(figures: RunFigures): string {
  return [
    `activate() ${figures.activationMs.toFixed(1)} ms`,
    `bundle evaluation ${figures.bundleMs.toFixed(1)} ms`,
    `engine requests before view ${figures.requestsBeforeView}`,
    `view visible → first render ${figures.renderMs.toFixed(1)} ms (${figures.networks} networks)`,
    `click → first row in browser ${figures.clickToRowMs.toFixed(0)} ms`,
  ].join(', ');
}

/** The first render's steps, each in ms after the view became visible. */
function describeBreakdown(b: Breakdown): string {
  const at = (value: number) => value.toFixed(0);
  return [
    `connected ${at(b.connected)}`,
    `events subscribed ${at(b.subscribed)}`,
    `3 lists answered ${at(b.listed)}`,
    `joined ${at(b.joined)}`,
    `published ${at(b.published)}`,
    `root returned ${at(b.rootReturned)} (getChildren ${b.getChildrenMs.toFixed(1)})`,
    `items resolved ${at(b.itemsResolved)} (getTreeItem ${b.getTreeItemMs.toFixed(1)})`,
    `row in the browser ${at(b.rowShown)}`,
  ].join(', ');
}

async function main(): Promise<void> {
  const missing = missingWorkbenchTools();
  if (missing) {
    console.log(`editor bench skipped: ${missing} (run scripts/ensure-tools.sh)`);
    return;
  }
  const runsIndex = process.argv.indexOf('--runs');
  const runs = runsIndex > 0 ? Number(process.argv[runsIndex + 1]) : 3;
  const vsix = freshVsix();
  // Everything here is wall-clock time on a shared machine: say how busy it was.
  console.log(`load average ${loadavg()[0].toFixed(1)} on this machine at start`);
  const results: RunFigures[] = [];
  for (let run = 1; run <= runs; run++) {
    const figures = await measureOnce(vsix);
    results.push(figures);
    console.log(`run ${run}/${runs}: ${describe(figures)}`);
    console.log(`  first render, ms after the view became visible: ${describeBreakdown(figures.breakdown)}`);
  }
  const pick = (key: Exclude<keyof RunFigures, 'breakdown'>) =>
    median(results.map((figures) => figures[key]));
  const step = (key: keyof Breakdown) => median(results.map((figures) => figures.breakdown[key]));
  const breakdown: Breakdown = {
    connected: step('connected'),
    subscribed: step('subscribed'),
    listed: step('listed'),
    joined: step('joined'),
    published: step('published'),
    rootReturned: step('rootReturned'),
    getChildrenMs: step('getChildrenMs'),
    itemsResolved: step('itemsResolved'),
    getTreeItemMs: step('getTreeItemMs'),
    rowShown: step('rowShown'),
  };
  const summary: RunFigures = {
    activationMs: pick('activationMs'),
    bundleMs: pick('bundleMs'),
    requestsBeforeView: Math.max(...results.map((figures) => figures.requestsBeforeView)),
    renderMs: pick('renderMs'),
    networks: pick('networks'),
    clickToRowMs: pick('clickToRowMs'),
    breakdown,
  };
  console.log(`median of ${runs}: ${describe(summary)}`);
  console.log(`  first render, ms after the view became visible: ${describeBreakdown(breakdown)}`);
  const record = (figure: string, value: number, unit: string, target?: string) =>
    recordFigure({ bench: 'editor', figure, value, unit, target });
  record('Extension activation (activate())', summary.activationMs, 'ms', '< 100 ms');
  record('Bundle evaluation', summary.bundleMs, 'ms');
  record('Engine requests before a Berth view is visible', summary.requestsBeforeView, 'requests', '0');
  record(`View visible -> first Networks render (${summary.networks} networks)`, summary.renderMs, 'ms');
  record(
    'View visible -> Networks rows in the browser',
    breakdown.rowShown,
    'ms',
    describeBreakdown(breakdown),
  );
  record('Click on Berth -> first row in the browser', summary.clickToRowMs, 'ms');
  console.log('target: activation well under 100 ms; no engine requests before a Berth view is visible');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
