// Every Berth command of the views, in one table; one wrapper adds the error handling.
import * as vscode from 'vscode';
import { showEngineError } from '../ui/errors';
import { log } from '../log';
import type { BerthNode } from '../shared/nodes';
import { containerConnectNetwork, disconnectNetwork, networkConnectContainer } from './connect';
import {
  copyContainerId,
  copyContainerIp,
  inspectContainer,
  openPublishedPort,
  removeContainer,
  restartContainer,
  startContainer,
  stopContainer,
} from './containers';
import { UserError, type BerthCommand, type CommandContext } from './context';
import { ValidationError } from '../engine/operations/engineCall';
import { failureText } from './removeEach';
import { refresh, retryConnection, switchContext } from './engine';
import { createNetwork } from './networkCreate';
import { inspectNetwork, pruneNetworks, removeNetwork } from './networks';
import { openShell, showLogs } from './terminals';
import { createVolume, inspectVolume, pruneVolumes, removeVolume } from './volumes';

export const commandTable: Record<string, { run: BerthCommand; failure: () => string }> = {
  'berth.refresh': { run: refresh, failure: () => vscode.l10n.t('Refresh failed') },
  'berth.retryConnection': { run: retryConnection, failure: () => vscode.l10n.t('Reconnecting failed') },
  'berth.switchContext': {
    run: switchContext,
    failure: () => vscode.l10n.t('Switching the Docker context failed'),
  },
  'berth.container.connectNetwork': {
    run: containerConnectNetwork,
    failure: () => vscode.l10n.t('Connecting the container failed'),
  },
  'berth.container.disconnectNetwork': {
    run: disconnectNetwork,
    failure: () => vscode.l10n.t('Disconnecting the container failed'),
  },
  'berth.container.inspect': {
    run: inspectContainer,
    failure: () => vscode.l10n.t('Inspecting the container failed'),
  },
  'berth.container.start': {
    run: startContainer,
    failure: () => vscode.l10n.t('Starting the container failed'),
  },
  'berth.container.stop': {
    run: stopContainer,
    failure: () => vscode.l10n.t('Stopping the container failed'),
  },
  'berth.container.restart': {
    run: restartContainer,
    failure: () => vscode.l10n.t('Restarting the container failed'),
  },
  'berth.container.remove': {
    run: removeContainer,
    failure: () => vscode.l10n.t('Removing the container failed'),
  },
  'berth.container.logs': { run: showLogs, failure: () => vscode.l10n.t('Showing the logs failed') },
  'berth.container.shell': { run: openShell, failure: () => vscode.l10n.t('Opening a shell failed') },
  'berth.container.copyId': { run: copyContainerId, failure: () => vscode.l10n.t('Copying the ID failed') },
  'berth.container.copyIp': {
    run: copyContainerIp,
    failure: () => vscode.l10n.t('Copying the IP address failed'),
  },
  'berth.container.openPort': {
    run: openPublishedPort,
    failure: () => vscode.l10n.t('Opening the port failed'),
  },
  'berth.network.connectContainer': {
    run: networkConnectContainer,
    failure: () => vscode.l10n.t('Connecting the container failed'),
  },
  'berth.network.inspect': {
    run: inspectNetwork,
    failure: () => vscode.l10n.t('Inspecting the network failed'),
  },
  'berth.network.create': { run: createNetwork, failure: () => vscode.l10n.t('Creating the network failed') },
  'berth.network.remove': { run: removeNetwork, failure: () => vscode.l10n.t('Removing the network failed') },
  'berth.network.prune': { run: pruneNetworks, failure: () => vscode.l10n.t('Pruning networks failed') },
  'berth.volume.inspect': {
    run: inspectVolume,
    failure: () => vscode.l10n.t('Inspecting the volume failed'),
  },
  'berth.volume.create': { run: createVolume, failure: () => vscode.l10n.t('Creating the volume failed') },
  'berth.volume.remove': { run: removeVolume, failure: () => vscode.l10n.t('Removing the volume failed') },
  'berth.volume.prune': { run: pruneVolumes, failure: () => vscode.l10n.t('Pruning volumes failed') },
};

/** Tree menus pass (node, selection); the palette passes nothing; anything else is ignored. */
function asNode(value: unknown): BerthNode | undefined {
  return typeof value === 'object' && value !== null && 'kind' in value && 'key' in value
    ? (value as BerthNode)
    : undefined;
}

function asNodes(value: unknown): BerthNode[] | undefined {
  return Array.isArray(value) ? value.flatMap((item) => asNode(item) ?? []) : undefined;
}

/** The one error policy: our own messages as they are, engine errors word for word. */
export async function runGuarded(failure: string, task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    if (error instanceof UserError || error instanceof ValidationError) {
      const message = failureText(error);
      log().warn(`${failure}: ${message}`);
      void vscode.window.showErrorMessage(message);
    } else showEngineError(failure, error);
  }
}

export async function runCommand(
  ctx: CommandContext,
  id: string,
  node?: BerthNode,
  selection?: BerthNode[],
): Promise<void> {
  const entry = commandTable[id];
  await runGuarded(entry.failure(), () => entry.run(ctx, node, selection));
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.keys(commandTable).map((id) =>
    vscode.commands.registerCommand(id, (node: unknown, selection: unknown) =>
      runCommand(ctx, id, asNode(node), asNodes(selection)),
    ),
  );
}
