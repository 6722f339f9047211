// The commands of the three views, until each feature contributes its own table.
import * as vscode from 'vscode';
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
import type { CommandTable } from './registry';
import type { SessionVolumeTools } from '../volumes/tools';
import { refresh, retryConnection, switchContext } from './engine';
import { createNetwork } from './networkCreate';
import { inspectNetwork, pruneNetworks, removeNetwork } from './networks';
import { openShell, showLogs } from './terminals';
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
