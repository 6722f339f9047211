// Docker's own networks (bridge, host, none) are on every engine; when no container uses them they
// only take room from the networks that matter, so the map leaves them out unless asked.
import type { GraphModel } from './graphTypes';

export interface VisibleGraph {
  model: GraphModel;
  /** Names of the built-in networks left out. */
  hidden: string[];
}

export function withoutEmptyBuiltins(model: GraphModel, showEmptyBuiltins: boolean): VisibleGraph {
  if (showEmptyBuiltins) return { model, hidden: [] };
  const used = new Set(model.edges.flatMap((e) => [e.source, e.target]));
  const empty = model.nodes.filter(
    (n) => n.kind === 'network' && n.tags.includes('builtin') && !used.has(n.id),
  );
  const gone = new Set(empty.map((n) => n.id));
  return {
    model: { ...model, nodes: model.nodes.filter((n) => !gone.has(n.id)) },
    hidden: empty.map((n) => n.label),
  };
}
