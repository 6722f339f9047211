// Start, stop, restart and remove: one container or the whole selection.
import * as vscode from 'vscode';
import type { Container } from '../../engine/model/snapshot';
import { confirmModal } from '../../ui/confirm';
import { isRunning } from '../../shared/containerState';
import {
  changing,
  dockerOf,
  snapshotOf,
  targetsOf,
  type BerthCommand,
  type CommandContext,
} from '../../commands/context';
import { containerIdOf, namedOrPicked, pickContainer } from '../../commands/targets';
import {
  restartContainer as restartOnEngine,
  startContainer as startOnEngine,
  stopContainer as stopOnEngine,
} from '../../engine/operations/containers';

/** Containers of the clicked node and the selection, or one picked from the palette. */
async function chosenContainers(
  ctx: CommandContext,
  node: Parameters<BerthCommand>[1],
  selection: Parameters<BerthCommand>[2],
  placeHolder: string,
  filter?: (container: Container) => boolean,
): Promise<Container[]> {
  const snapshot = await snapshotOf(ctx);
  return namedOrPicked(targetsOf(node, selection), containerIdOf, snapshot.containers, () =>
    pickContainer(snapshot, placeHolder, filter),
  );
}

type Lifecycle = 'start' | 'stop' | 'restart';

function lifecycle(action: Lifecycle): BerthCommand {
  const placeHolders: Record<Lifecycle, string> = {
    start: vscode.l10n.t('Container to start'),
    stop: vscode.l10n.t('Container to stop'),
    restart: vscode.l10n.t('Container to restart'),
  };
  const filters: Record<Lifecycle, (container: Container) => boolean> = {
    start: (container) => !isRunning(container),
    stop: isRunning,
    restart: () => true,
  };
  return async (ctx, node, selection) => {
    const containers = await chosenContainers(ctx, node, selection, placeHolders[action], filters[action]);
    const docker = dockerOf(ctx);
    const progress: Record<Lifecycle, string> = {
      start: vscode.l10n.t('Starting {0}…', containers.map((c) => c.name).join(', ')),
      stop: vscode.l10n.t('Stopping {0}…', containers.map((c) => c.name).join(', ')),
      restart: vscode.l10n.t('Restarting {0}…', containers.map((c) => c.name).join(', ')),
    };
    if (containers.length === 0) return;
    const operation = { start: startOnEngine, stop: stopOnEngine, restart: restartOnEngine }[action];
    await changing(ctx, progress[action], async () => {
      for (const container of containers) await operation(docker, container);
    });
  };
}

export const startContainer = lifecycle('start');
export const stopContainer = lifecycle('stop');
export const restartContainer = lifecycle('restart');

export const removeContainer: BerthCommand = async (ctx, node, selection) => {
  const containers = await chosenContainers(ctx, node, selection, vscode.l10n.t('Container to remove'));
  if (containers.length === 0) return;
  const running = containers.filter(isRunning);
  const names = containers.map((container) => container.name).join(', ');
  const message =
    containers.length === 1
      ? vscode.l10n.t('Remove container "{0}"?', names)
      : vscode.l10n.t('Remove {0} containers: {1}?', containers.length, names);
  const detail = [
    running.length > 0
      ? vscode.l10n.t('Running, will be stopped and removed: {0}.', running.map((c) => c.name).join(', '))
      : '',
    vscode.l10n.t('Its filesystem changes are lost. Named and anonymous volumes are kept.'),
  ]
    .filter(Boolean)
    .join('\n');
  if (!(await confirmModal(message, detail, vscode.l10n.t('Remove')))) return;
  const docker = dockerOf(ctx);
  await changing(ctx, vscode.l10n.t('Removing {0}…', names), async () => {
    // Force only what the confirmation named as running: one started since is refused, not killed.
    for (const container of containers)
      await docker.getContainer(container.id).remove({ force: isRunning(container) });
  });
};
