// Startup timings that `npm run bench` (bench/editor.ts) reads back from the Berth output channel.
// extension.ts imports this module first, so `moduleStart` is taken before the rest of the bundle
// is evaluated; VS Code may wait (for the extension's storage) between evaluation and activate().
// Nothing is written to the channel until a Berth view shows: activation stays cheap.
import type * as vscode from 'vscode';
import type { FirstLoadMarks } from './engine/live/firstLoad';
import { log } from './log';
import type { BerthNode } from './shared/nodes';

const moduleStart = performance.now();

class StartupTimer {
  private activationStart: number | undefined;
  private activationMs: number | undefined;
  private bundleMs: number | undefined;
  private viewVisibleAt: number | undefined;
  private requestsBeforeView: number | undefined;
  private rendered = false;
  private countRequests: () => number = () => 0;
  private firstLoad: () => FirstLoadMarks | undefined = () => undefined;
  /** The first render's root: when getChildren returned it, and its items still to be resolved. */
  private root: { at: number; callMs: number; items: number; pending: number; itemsMs: number } | undefined;

  bundleEvaluated(): void {
    this.bundleMs = performance.now() - moduleStart;
  }

  activationStarted(): void {
    this.activationStart = performance.now();
  }

  activationFinished(): void {
    if (this.activationStart !== undefined) this.activationMs = performance.now() - this.activationStart;
  }

  /** Engine API requests sent so far; read once, when the first view shows. */
  countEngineRequests(count: () => number): void {
    this.countRequests = count;
  }

  /** The session's first-load steps, for the breakdown of the first render. */
  observeFirstLoad(marks: () => FirstLoadMarks | undefined): void {
    this.firstLoad = marks;
  }

  /** Call before the view's visibility starts the engine session. */
  viewVisible(): void {
    if (this.viewVisibleAt !== undefined) return;
    this.viewVisibleAt = performance.now();
    this.requestsBeforeView = this.countRequests();
    // A view that is visible at startup is seen during activate(): log once activate() returned.
    setImmediate(() => {
      log().info(
        `Berth activated in ${format(this.activationMs)} ms (bundle evaluated in ${format(this.bundleMs)} ms)`,
      );
      log().info(`Engine requests before first view: ${this.requestsBeforeView}`);
    });
  }

  /**
   * The same provider, noting the first time its root returns networks, and how long VS Code
   * then takes to ask for those roots' tree items.
   */
  timeFirstRender(provider: vscode.TreeDataProvider<BerthNode>): vscode.TreeDataProvider<BerthNode> {
    return {
      onDidChangeTreeData: provider.onDidChangeTreeData,
      getTreeItem: (node) => {
        if (!this.root?.pending) return provider.getTreeItem(node);
        const started = performance.now();
        const item = provider.getTreeItem(node);
        this.noteItem(performance.now() - started);
        return item;
      },
      getParent: provider.getParent && ((node) => provider.getParent?.(node)),
      getChildren: (node) => {
        const started = performance.now();
        const children = provider.getChildren(node);
        if (!node && Array.isArray(children)) this.noteRoot(children, performance.now() - started);
        return children;
      },
    };
  }

  private noteRoot(children: BerthNode[], callMs: number): void {
    if (this.rendered || this.viewVisibleAt === undefined) return;
    const networks = children.filter((child) => child.kind === 'network').length;
    if (networks === 0) return;
    this.rendered = true;
    const at = performance.now();
    this.root = { at, callMs, items: children.length, pending: children.length, itemsMs: 0 };
    log().info(
      `First tree render ${format(at - this.viewVisibleAt)} ms after the view became visible (${networks} networks)`,
    );
  }

  private noteItem(ms: number): void {
    const root = this.root;
    if (!root || this.viewVisibleAt === undefined) return;
    root.itemsMs += ms;
    if (--root.pending > 0) return;
    // Relative to the view becoming visible; the wall clock lets the bench line it up with the
    // moment the browser shows the first row.
    const since = (at: number | undefined) => format(at === undefined ? undefined : at - this.viewVisibleAt!);
    const load = this.firstLoad();
    log().info(
      `First render breakdown (ms after the view became visible): ` +
        `connected ${since(load?.connected)}, events subscribed ${since(load?.subscribed)}, ` +
        `lists answered ${since(load?.listed)}, joined ${since(load?.joined)}, ` +
        `published ${since(load?.published)}, root returned ${since(root.at)} ` +
        `(getChildren ${format(root.callMs)}), ${root.items} tree items ${since(performance.now())} ` +
        `(getTreeItem ${format(root.itemsMs)}); wall clock ${Date.now()}`,
    );
  }
}

function format(ms: number | undefined): string {
  return ms === undefined ? '?' : ms.toFixed(1);
}

export const startup = new StartupTimer();
