// The commands of the three views, until each feature contributes its own table.
import * as vscode from 'vscode';
import type { CommandTable } from './registry';
import type { SessionVolumeTools } from '../volumes/tools';
import { refresh, retryConnection, switchContext } from './engine';
import { createVolume, inspectVolume, pruneVolumes, removeVolume } from './volumes';

export function viewCommands(volumes: SessionVolumeTools): CommandTable {
  return {
    'berth.refresh': { run: refresh, failure: () => vscode.l10n.t('Refresh failed') },
    'berth.retryConnection': { run: retryConnection, failure: () => vscode.l10n.t('Reconnecting failed') },
    'berth.switchContext': {
      run: switchContext,
      failure: () => vscode.l10n.t('Switching the Docker context failed'),
    },
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
