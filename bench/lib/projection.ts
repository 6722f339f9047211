// What the three trees cost at first render and what expanding them would cost, measured on the
// vscode-free projection (client/src/views/project.ts and each feature's tree/) that the tree
// providers forward to. On first render VS Code asks a provider for its roots and a TreeItem per
// root, nothing more; children are computed only when a node is expanded, which this measures apart.
import type { Snapshot } from '../../client/src/engine/model/snapshot';
import type { BerthNode, ViewId } from '../../client/src/shared/nodes';
import { childrenOf, present } from '../../client/src/views/project';

export interface ViewCost {
  view: ViewId;
  roots: number;
  /** getChildren(root) plus a presentation per root, as on first render: the first, cold run. */
  coldRootsMs: number;
  /** The same, median of the runs. */
  rootsMs: number;
  /** Nodes computed during the first render that are not roots: children are lazy, so none. */
  childrenComputedAtRender: number;
  /** Every root expanded once: the children and their presentations. */
  children: number;
  childrenMs: number;
}

const views: ViewId[] = ['networks', 'volumes', 'containers'];

function measureView(snapshot: Snapshot, view: ViewId): ViewCost {
  let computed = 0;
  const expand = (node: BerthNode | undefined) => {
    const nodes = childrenOf(view, snapshot, node);
    computed += nodes.length;
    return nodes;
  };
  let started = performance.now();
  const roots = expand(undefined);
  for (const root of roots) present(snapshot, root);
  const rootsMs = performance.now() - started;
  const childrenComputedAtRender = computed - roots.length;

  started = performance.now();
  let children = 0;
  for (const root of roots) {
    for (const child of expand(root)) {
      present(snapshot, child);
      children++;
    }
  }
  return {
    view,
    roots: roots.length,
    coldRootsMs: rootsMs,
    rootsMs,
    childrenComputedAtRender,
    children,
    childrenMs: performance.now() - started,
  };
}

/** Per view: the first (cold) run, and the median of `runs`. */
export function measureProjection(snapshot: Snapshot, runs = 5): ViewCost[] {
  return views.map((view) => {
    const samples = Array.from({ length: runs }, () => measureView(snapshot, view));
    const mid = (pick: (cost: ViewCost) => number) =>
      samples.map(pick).sort((a, b) => a - b)[Math.floor(runs / 2)];
    return {
      ...samples[0],
      rootsMs: mid((cost) => cost.rootsMs),
      childrenMs: mid((cost) => cost.childrenMs),
    };
  });
}
