// Several engines in one tree: each engine's nodes get keys under its root (`eng:<id>/net:…`), so
// that two engines' objects named alike never share a tree item. Each feature's tree code keeps
// building plain keys; the tree moves nodes in and out of their engine's scope at the boundary.
import type { ConnectionState } from '../engine/live/contract';
import type { EngineProblem } from '../engine/problems/problem';
import type { BerthNode, EngineNode, Presentation } from '../shared/nodes';
import { escapeMarkdown, sentence, t } from '../shared/text';

export interface EngineScope {
  engine: string;
  /** The engine root's key when several engines are shown; undefined keeps keys as they are. */
  root?: string;
}

export function engineNodeKey(engine: string): string {
  return `eng:${encodeURIComponent(engine)}`;
}

export function engineNode(engine: string): EngineNode {
  return { kind: 'engine', key: engineNodeKey(engine), engine };
}

export function scopeOf(engine: string, several: boolean): EngineScope {
  return several ? { engine, root: engineNodeKey(engine) } : { engine };
}

/** The engine that file URIs name: only with several engines, so one engine's URIs stay as they were. */
export function uriEngine(scope: EngineScope): string | undefined {
  return scope.root ? scope.engine : undefined;
}

/** A feature's key as the tree knows it. */
export function scopedKey(scope: EngineScope, key: string): string {
  return scope.root ? `${scope.root}/${key}` : key;
}

/** A node as a feature built it, placed in its engine's scope. */
export function intoScope<N extends BerthNode>(scope: EngineScope, node: N): N {
  if (!scope.root) return { ...node, engine: scope.engine };
  return {
    ...node,
    engine: scope.engine,
    key: scopedKey(scope, node.key),
    parentKey: node.parentKey === undefined ? scope.root : scopedKey(scope, node.parentKey),
  };
}

/** A tree node as its feature built it: the keys its tree code expects. */
export function outOfScope<N extends BerthNode>(scope: EngineScope, node: N): N {
  if (!scope.root) return node;
  const strip = (key: string) => (key.startsWith(`${scope.root}/`) ? key.slice(scope.root!.length + 1) : key);
  return {
    ...node,
    key: strip(node.key),
    parentKey:
      node.parentKey === undefined || node.parentKey === scope.root ? undefined : strip(node.parentKey),
  };
}

/** An engine's root: its name, and whether it answers. */
export function presentEngine(
  label: string,
  state: ConnectionState,
  problem: EngineProblem | undefined,
  version: string | undefined,
): Presentation {
  const unreachable = problem !== undefined;
  const description = unreachable
    ? t('unreachable')
    : state.kind === 'connected'
      ? version
      : state.kind === 'connecting'
        ? t('connecting…')
        : undefined;
  return {
    label,
    description,
    tooltip: problem
      ? escapeMarkdown([sentence(problem.message), sentence(problem.fix)].join(' '))
      : undefined,
    icon: unreachable ? { id: 'vm-outline', color: 'list.warningForeground' } : { id: 'vm' },
    contextValue: `engine.${unreachable ? 'unreachable' : state.kind}`,
    collapsible: 'expanded',
  };
}
