// The commands of the Volumes view: inspect, create, remove and prune, and browse, back up,
// restore, clone, empty and export to or import from an image a volume's data, through the
// volume tools of the engine it acts on. Its file commands are shared with containers: archiveFiles/commands.
import * as vscode from 'vscode';
import { snapshotOf, type BerthCommand, type CommandContext } from '../../commands/context';
import type { CommandTable } from '../../commands/registry';
import type { SessionVolumeTools } from '../tools';
import { volumeLabel } from '../tree/present';
import { backupVolume } from './backup';
import { browseVolume } from './browse';
import { cloneVolume } from './clone';
import { createVolume } from './create';
import { emptyVolume } from './empty';
import { pruneVolumes, removeVolume } from './remove';
import { restoreVolume } from './restore';
import type { WriteConsent } from '../../archiveFiles/consent';
import { volumeFor } from './target';
import { exportVolumeToImage, importVolumeFromImage } from './volumeImage';

const inspectVolume: BerthCommand = async (ctx, node) => {
  const volume = await volumeFor(await snapshotOf(ctx), node, vscode.l10n.t('Volume to inspect'));
  if (volume) await ctx.openInspect('volume', volume.name, volumeLabel(volume));
};

/** The volume tools of one engine and the question before its volumes are changed. */
export interface EngineVolumes {
  tools: SessionVolumeTools;
  consent: WriteConsent;
}

/** `volumesOf` gives the tools of the engine a run acts on (`ctx.session`'s). */
export function volumeCommands(volumesOf: (ctx: CommandContext) => EngineVolumes): CommandTable {
  const on =
    (command: (tools: SessionVolumeTools, consent: WriteConsent) => BerthCommand): BerthCommand =>
    (ctx, ...rest) => {
      const { tools, consent } = volumesOf(ctx);
      return command(tools, consent)(ctx, ...rest);
    };
  return {
    'berth.volume.inspect': {
      run: inspectVolume,
      failure: () => vscode.l10n.t('Inspecting the volume failed'),
    },
    'berth.volume.create': { run: createVolume, failure: () => vscode.l10n.t('Creating the volume failed') },
    'berth.volume.remove': {
      run: on(removeVolume),
      failure: () => vscode.l10n.t('Removing the volume failed'),
    },
    'berth.volume.prune': {
      run: on(pruneVolumes),
      failure: () => vscode.l10n.t('Pruning volumes failed'),
    },
    'berth.volume.browse': {
      run: on(browseVolume),
      failure: () => vscode.l10n.t('Browsing the volume failed'),
    },
    'berth.volume.backup': {
      run: on(backupVolume),
      failure: () => vscode.l10n.t('Backing up the volume failed'),
    },
    'berth.volume.restore': {
      run: on(restoreVolume),
      failure: () => vscode.l10n.t('Restoring the volume failed'),
    },
    'berth.volume.clone': {
      run: on(cloneVolume),
      failure: () => vscode.l10n.t('Cloning the volume failed'),
    },
    'berth.volume.exportImage': {
      run: on(exportVolumeToImage),
      failure: () => vscode.l10n.t('Exporting the volume to an image failed'),
    },
    'berth.volume.importImage': {
      run: on(importVolumeFromImage),
      failure: () => vscode.l10n.t('Importing the volume from an image failed'),
    },
    'berth.volume.empty': {
      run: on(emptyVolume),
      failure: () => vscode.l10n.t('Emptying the volume failed'),
    },
  };
}
