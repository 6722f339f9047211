// The commands of the three views, until each feature contributes its own table.
import * as vscode from 'vscode';
import { containerConnectNetwork, disconnectNetwork, networkConnectContainer } from './connect';
import type { CommandTable } from './registry';
import type { SessionVolumeTools } from '../volumes/tools';
import { refresh, retryConnection, switchContext } from './engine';
import { createNetwork } from './networkCreate';
import { inspectNetwork, pruneNetworks, removeNetwork } from './networks';
import { createVolume, inspectVolume, pruneVolumes, removeVolume } from './volumes';

export function viewCommands(volumes: SessionVolumeTools): CommandTable {
  return {
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
    'berth.network.connectContainer': {
      run: networkConnectContainer,
      failure: () => vscode.l10n.t('Connecting the container failed'),
    },
    'berth.network.inspect': {
      run: inspectNetwork,
      failure: () => vscode.l10n.t('Inspecting the network failed'),
    },
    'berth.network.create': {
      run: createNetwork,
      failure: () => vscode.l10n.t('Creating the network failed'),
    },
    'berth.network.remove': {
      run: removeNetwork,
      failure: () => vscode.l10n.t('Removing the network failed'),
    },
    'berth.network.prune': { run: pruneNetworks, failure: () => vscode.l10n.t('Pruning networks failed') },
    'berth.volume.inspect': {
      run: inspectVolume,
      failure: () => vscode.l10n.t('Inspecting the volume failed'),
    },
    'berth.volume.create': { run: createVolume, failure: () => vscode.l10n.t('Creating the volume failed') },
    'berth.volume.remove': {
      run: removeVolume(volumes),
      failure: () => vscode.l10n.t('Removing the volume failed'),
    },
    'berth.volume.prune': {
      run: pruneVolumes(volumes),
      failure: () => vscode.l10n.t('Pruning volumes failed'),
    },
  };
}
