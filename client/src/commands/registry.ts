// Every Berth command is a row of a table that its feature contributes; registerCommands puts
// all of them into VS Code behind the one wrapper in failures.ts.
import * as vscode from 'vscode';
import type { BerthNode } from '../shared/nodes';
import { UserError } from '../shared/failures';
import type { BerthCommand, CommandContext } from './context';
import { chooseEngine, type EngineRouting } from './engineRouting';
import { runGuarded } from './guard';
import { pickOne } from '../ui/pick';

export interface CommandSpec {
  run: BerthCommand;
  /** What the failure message starts with, e.g. "Removing the volume failed". */
  failure: () => string;
  /** Which engine it acts on when several are shown; 'routed' unless said. */
  engine?: EngineRouting;
}

/** Command id to what it runs; each feature exports one. */
export type CommandTable = Record<string, CommandSpec>;

/** Tree menus pass (node, selection); the palette passes nothing; anything else is ignored. */
function asNode(value: unknown): BerthNode | undefined {
  return typeof value === 'object' && value !== null && 'kind' in value && 'key' in value
    ? (value as BerthNode)
    : undefined;
}

function asNodes(value: unknown): BerthNode[] | undefined {
  return Array.isArray(value) ? value.flatMap((item) => asNode(item) ?? []) : undefined;
}

/** `ctx` acting on one engine: its `session`, and `views` revealing under that engine's root. */
export function contextOn(ctx: CommandContext, id: string | undefined): CommandContext | undefined {
  const engine = id === undefined ? ctx.engines.primary : ctx.engines.get(id);
  if (!engine) return undefined;
  if (!ctx.engines.several) return ctx;
  return {
    ...ctx,
    session: engine.session,
    engine: engine.id,
    views: { ...ctx.views, reveal: (view, key) => ctx.views.reveal(view, key, engine.id) },
    openInspect: (kind, id, name) => ctx.openInspect(kind, id, name, engine.id),
  };
}

/** An engine's state in the engine picker, in the user's language. */
function stateWords(kind: CommandContext['session']['state']['kind']): string {
  switch (kind) {
    case 'idle':
      return vscode.l10n.t('not connected yet');
    case 'connecting':
      return vscode.l10n.t('connecting…');
    case 'connected':
      return vscode.l10n.t('connected');
    case 'unreachable':
      return vscode.l10n.t('unreachable');
  }
}

/** The context for one run: `session` and `views` of the engine the command acts on. */
async function contextFor(
  ctx: CommandContext,
  spec: CommandSpec,
  node: BerthNode | undefined,
  selection: BerthNode[] | undefined,
): Promise<CommandContext | undefined> {
  const engines = ctx.engines.engines;
  const choice = chooseEngine(spec.engine ?? 'routed', engines, node, selection);
  if (choice.kind === 'refuse') throw new UserError(choice.message);
  const id =
    choice.kind === 'engine'
      ? choice.id
      : await pickOne(
          engines.map((engine) => ({
            label: engine.label,
            description: stateWords(engine.session.state.kind),
            value: engine.id,
          })),
          vscode.l10n.t('Which Docker engine?'),
          '',
        );
  return id === undefined ? undefined : contextOn(ctx, id);
}

/** Registers every table's commands; an id given by two tables is a mistake and throws. */
export function registerCommands(ctx: CommandContext, tables: readonly CommandTable[]): vscode.Disposable[] {
  const all: CommandTable = {};
  for (const table of tables)
    for (const [id, spec] of Object.entries(table)) {
      if (id in all) throw new Error(`${id} is registered twice`);
      all[id] = spec;
    }
  return Object.entries(all).map(([id, spec]) =>
    vscode.commands.registerCommand(id, (node: unknown, selection: unknown) =>
      runGuarded(spec.failure(), async () => {
        const clicked = asNode(node);
        const selected = asNodes(selection);
        const scoped = await contextFor(ctx, spec, clicked, selected);
        if (scoped) await spec.run(scoped, clicked, selected, node);
      }),
    ),
  );
}
