// The `berth-volume` file system: a volume's files open, save, rename and delete in ordinary
// editors without the volume becoming a workspace folder.
import * as vscode from 'vscode';
import { WriteConsent } from '../../archiveFiles/consent';
import {
  registerArchiveFileSystem,
  type EngineRoots,
  type RegisteredFileSystem,
} from '../../archiveFiles/provider';
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

/** The volumes of one engine, as its side of the `berth-volume` file system. */
export function volumeRoots(volumes: SessionVolumeTools, consent: WriteConsent): EngineRoots {
  return {
    files: () => volumes.tools().files,
    beforeWrite: (volume) => consent.check(volume),
    label: (volume) => volumeLabel(volume),
  };
}

/** Registers the `berth-volume` file system over the volumes of every engine. */
export function registerVolumeFileSystem(
  on: (engine: string | undefined) => EngineRoots,
): RegisteredFileSystem {
  return registerArchiveFileSystem('volume', on);
}
