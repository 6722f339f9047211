// Every Berth command is a row of a table that its feature contributes; registerCommands puts
// all of them into VS Code behind the one wrapper in failures.ts.
import * as vscode from 'vscode';
import type { BerthNode } from '../shared/nodes';
import type { BerthCommand, CommandContext } from './context';
import { runGuarded } from './guard';

export interface CommandSpec {
  run: BerthCommand;
  /** What the failure message starts with, e.g. "Removing the volume failed". */
  failure: () => string;
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
      runGuarded(spec.failure(), () => spec.run(ctx, asNode(node), asNodes(selection), node)),
    ),
  );
}
