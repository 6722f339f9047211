// Which engine a command acts on: the engine of the item it was started on. Pure, so node:test
// checks it; registry.ts asks the user only when no item says (the palette, with several engines).
import type { BerthNode } from '../shared/nodes';
import { t } from '../shared/text';

/** How a command table meets several engines. */
export type EngineRouting =
  /** The clicked item's engine; from the palette with several engines, the user picks one. */
  | 'routed'
  /** The clicked item's engine, else the first: commands that decide for themselves (Refresh). */
  | 'optional';

export interface NamedEngine {
  id: string;
  label: string;
}

export type EngineChoice =
  { kind: 'engine'; id: string } | { kind: 'ask' } | { kind: 'refuse'; message: string };

/** Decides from the clicked node and selection; `engines` lists the first engine first. */
export function chooseEngine(
  routing: EngineRouting,
  engines: readonly NamedEngine[],
  node: BerthNode | undefined,
  selection: readonly BerthNode[] | undefined,
): EngineChoice {
  const first = engines[0];
  const labelOf = (id: string) => engines.find((engine) => engine.id === id)?.label ?? id;
  const clicked = node?.engine;
  const spanned = [...new Set((selection ?? []).flatMap((selected) => selected.engine ?? []))];
  if (clicked !== undefined && spanned.length > 1)
    return {
      kind: 'refuse',
      message: t(
        'The selection holds items of the engines {0}. Select items of one engine at a time.',
        spanned.map(labelOf).join(', '),
      ),
    };
  if (clicked !== undefined && !engines.some((engine) => engine.id === clicked))
    return {
      kind: 'refuse',
      message: t('The engine {0} is no longer in berth.engines. Refresh the view and try again.', clicked),
    };
  if (clicked !== undefined) return { kind: 'engine', id: clicked };
  if (routing === 'optional' || engines.length === 1) return { kind: 'engine', id: first.id };
  return { kind: 'ask' };
}

/** Connecting needs both sides on one engine: a container cannot join another engine's network. */
export function crossEngineProblem(
  container: NamedEngine | undefined,
  network: NamedEngine | undefined,
): string | undefined {
  if (!container || !network || container.id === network.id) return undefined;
  return t(
    'The container is on the engine {0} and the network on {1}: a container can only join networks of its own engine.',
    container.label,
    network.label,
  );
}

/** The same table, every command acting on engines as `routing` says unless it names its own. */
export function routedAs<Spec extends { engine?: EngineRouting }>(
  routing: EngineRouting,
  table: Record<string, Spec>,
): Record<string, Spec> {
  return Object.fromEntries(
    Object.entries(table).map(([id, spec]) => [id, { ...spec, engine: spec.engine ?? routing }]),
  );
}
