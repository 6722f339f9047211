// Volume files, backup, restore and clone in the editor: the `berth-volume` file system and the
// four commands. The engine work is in ./core; this is the thin layer that talks to the user.
import * as vscode from 'vscode';
import type { CommandTable } from '../commands/registry';
import { backupVolume } from './backupCommand';
import { browseVolume } from './browseCommand';
import { cloneVolume } from './cloneCommand';
import { VolumeFileSystem } from './fileSystem';
import { restoreVolume } from './restoreCommand';
import type { SessionVolumeTools } from './tools';
import { volumeScheme } from './uri';

/** The read-only `berth-volume` file system over the session's volumes. */
export function registerVolumeFileSystem(volumes: SessionVolumeTools): vscode.Disposable {
  const fileSystem = new VolumeFileSystem(() => volumes.tools());
  const registration = vscode.workspace.registerFileSystemProvider(volumeScheme, fileSystem, {
    isReadonly: true,
    isCaseSensitive: true,
  });
  return vscode.Disposable.from(registration, fileSystem);
}

export function volumeDataCommands(volumes: SessionVolumeTools): CommandTable {
  return {
    'berth.volume.browse': {
      run: browseVolume(volumes),
      failure: () => vscode.l10n.t('Browsing the volume failed'),
    },
    'berth.volume.backup': {
      run: backupVolume(volumes),
      failure: () => vscode.l10n.t('Backing up the volume failed'),
    },
    'berth.volume.restore': {
      run: restoreVolume(volumes),
      failure: () => vscode.l10n.t('Restoring the volume failed'),
    },
    'berth.volume.clone': {
      run: cloneVolume(volumes),
      failure: () => vscode.l10n.t('Cloning the volume failed'),
    },
  };
}
