// The `berth-volume` file system: a volume's files open, save, rename and delete in ordinary
// editors without the volume becoming a workspace folder.
import * as vscode from 'vscode';
import { WriteConsent } from '../../archiveFiles/consent';
import { registerArchiveFileSystem, type RegisteredFileSystem } from '../../archiveFiles/provider';
import type { EngineSession } from '../../engine/live/contract';
import { volumeLabel } from '../core/helpers';
import { runningWriters } from '../core/writers';
import type { SessionVolumeTools } from '../tools';

/** The question before a volume that running containers mount read-write is first changed. */
export function volumeWriteConsent(session: EngineSession): WriteConsent {
  return new WriteConsent({
    usersOf: (volume) =>
      runningWriters(session.snapshot, volume).map((use) => ({
        id: use.containerId,
        description: `${use.containerName} (${use.destination})`,
      })),
    message: (volume, users) =>
      vscode.l10n.t('Volume "{0}" is mounted read-write by running containers: {1}', volume, users),
  });
}

/** Registers the `berth-volume` file system over the session's volumes. */
export function registerVolumeFileSystem(
  volumes: SessionVolumeTools,
  consent: WriteConsent,
): RegisteredFileSystem {
  return registerArchiveFileSystem('volume', {
    files: () => volumes.tools().files,
    beforeWrite: (volume) => consent.check(volume),
    label: (volume) => volumeLabel(volume),
  });
}
