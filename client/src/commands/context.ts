import type Docker from 'dockerode';
import * as vscode from 'vscode';
import { UserError } from '../shared/failures';
import type { Snapshot } from '../engine/model/snapshot';
import type { EngineSession } from '../engine/live/contract';
import type { FleetView } from '../engine/fleet/fleet';
import type { InspectKind } from '../inspect/uri';
import type { BerthViews } from '../views';
import type { BerthNode } from '../shared/nodes';

export interface CommandContext {
  /** The engine of the item the command was started on (registry.ts decides). */
  session: EngineSession;
  /** The id of that engine when several are shown (file URIs name it then); else undefined. */
  engine?: string;
  /** Every engine shown; most commands need only `session`. */
  engines: FleetView<EngineSession>;
  views: BerthViews;
  /** `engine` is set when several engines are shown: registry.ts fills it in. */
  openInspect(kind: InspectKind, id: string, name: string, engine?: string): Promise<void>;
}

/**
 * What VS Code passes: the clicked node and, from a tree with canSelectMany, the selection.
 * `argument` is the first argument as it came, for commands that other callers pass a name or
 * an id to.
 */
export type BerthCommand = (
  ctx: CommandContext,
  node: BerthNode | undefined,
  selection: readonly BerthNode[] | undefined,
  argument: unknown,
) => Promise<void>;

export function dockerOf(ctx: Pick<CommandContext, 'session'>): Docker {
  const docker = ctx.session.docker;
  if (!docker)
    throw new UserError(
      vscode.l10n.t(
        'Berth is not connected to the Docker engine. Use "Retry Connecting to Docker" or switch the Docker context.',
      ),
    );
  return docker;
}

/**
 * The snapshot, starting the engine session first when a command runs from the palette before
 * any Berth view was visible. Resolves as soon as a snapshot arrives or the engine is unreachable.
 */
export async function snapshotOf(ctx: CommandContext): Promise<Snapshot> {
  const { session } = ctx;
  if (!session.snapshot && session.state.kind !== 'unreachable') {
    session.start();
    await new Promise<void>((resolve) => {
      const done = () => {
        snapshotListener.dispose();
        stateListener.dispose();
        resolve();
      };
      const snapshotListener = session.onDidChangeSnapshot(done);
      const stateListener = session.onDidChangeState((state) => {
        if (state.kind === 'unreachable') done();
      });
      if (session.snapshot) done();
    });
  }
  if (session.state.kind === 'unreachable')
    throw new UserError(`${session.state.problem.message} ${session.state.problem.fix}`);
  if (!session.snapshot)
    throw new UserError(
      vscode.l10n.t('Berth has not loaded the Docker engine state yet. Try again in a moment.'),
    );
  return session.snapshot;
}

/** The nodes a command acts on: the whole selection when the clicked node is part of it. */
export function targetsOf(
  node: BerthNode | undefined,
  selection: readonly BerthNode[] | undefined,
): BerthNode[] {
  if (!node) return [];
  if (selection && selection.length > 1 && selection.some((selected) => selected.key === node.key))
    return [...selection];
  return [node];
}

/** Reloads after an action so the tree shows the result without waiting for an engine event. */
export async function afterChange(ctx: CommandContext): Promise<void> {
  await ctx.session.refresh();
}

export async function withProgress<T>(title: string, task: () => Promise<T>): Promise<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, task);
}

/** An engine change under a progress notice, reloading afterwards even when it failed half-way. */
export async function changing<T>(ctx: CommandContext, title: string, task: () => Promise<T>): Promise<T> {
  return withProgress(title, async () => {
    try {
      return await task();
    } finally {
      await afterChange(ctx);
    }
  });
}
