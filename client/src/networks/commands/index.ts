// The commands of the Networks view, and connecting containers to networks from either side.
import * as vscode from 'vscode';
import { snapshotOf, type BerthCommand } from '../../commands/context';
import type { CommandTable } from '../../commands/registry';
import { networkFor } from '../../commands/targets';
import { containerConnectNetwork, disconnectNetwork, networkConnectContainer } from './connect';
import { createNetwork } from './create';
import { pruneNetworks, removeNetwork } from './remove';
import { copyTaskAddress, inspectService, inspectTask, removeService } from './swarm';

const inspectNetwork: BerthCommand = async (ctx, node) => {
  const network = await networkFor(await snapshotOf(ctx), node, vscode.l10n.t('Network to inspect'));
  if (network) await ctx.openInspect('network', network.id, network.name);
};

export const networkCommands: CommandTable = {
  'berth.container.connectNetwork': {
    run: containerConnectNetwork,
    failure: () => vscode.l10n.t('Connecting the container failed'),
  },
  'berth.container.disconnectNetwork': {
    run: disconnectNetwork,
    failure: () => vscode.l10n.t('Disconnecting the container failed'),
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
  'berth.service.inspect': {
    run: inspectService,
    failure: () => vscode.l10n.t('Inspecting the service failed'),
  },
  'berth.service.remove': { run: removeService, failure: () => vscode.l10n.t('Removing the service failed') },
  'berth.task.inspect': { run: inspectTask, failure: () => vscode.l10n.t('Inspecting the task failed') },
  'berth.task.copyAddress': {
    run: copyTaskAddress,
    failure: () => vscode.l10n.t('Copying the task address failed'),
  },
};
