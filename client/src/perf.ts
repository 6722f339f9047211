// Startup timings that `npm run bench` (bench/editor.ts) reads back from the Berth output channel.
// extension.ts imports this module first, so `moduleStart` is taken before the rest of the bundle
// is evaluated; VS Code may wait (for the extension's storage) between evaluation and activate().
// Nothing is written to the channel until a Berth view shows: activation stays cheap.
import type * as vscode from 'vscode';
import { log } from './log';
import type { BerthNode } from './views/present/nodes';

const moduleStart = performance.now();

class StartupTimer {
  private activationStart: number | undefined;
  private activationMs: number | undefined;
  private bundleMs: number | undefined;
  private viewVisibleAt: number | undefined;
  private requestsBeforeView: number | undefined;
  private rendered = false;
  private countRequests: () => number = () => 0;

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

  /** The same provider, noting the first time its root returns networks. */
  timeFirstRender(provider: vscode.TreeDataProvider<BerthNode>): vscode.TreeDataProvider<BerthNode> {
    return {
      onDidChangeTreeData: provider.onDidChangeTreeData,
      getTreeItem: (node) => provider.getTreeItem(node),
      getParent: provider.getParent && ((node) => provider.getParent?.(node)),
      getChildren: (node) => {
        const children = provider.getChildren(node);
        if (!node && Array.isArray(children)) this.noteRoot(children);
        return children;
      },
    };
  }

  private noteRoot(children: BerthNode[]): void {
    if (this.rendered || this.viewVisibleAt === undefined) return;
    const networks = children.filter((child) => child.kind === 'network').length;
    if (networks === 0) return;
    this.rendered = true;
    const elapsed = performance.now() - this.viewVisibleAt;
    log().info(
      `First tree render ${format(elapsed)} ms after the view became visible (${networks} networks)`,
    );
  }
}

function format(ms: number | undefined): string {
  return ms === undefined ? '?' : ms.toFixed(1);
}

export const startup = new StartupTimer();
