// Restore an archive into a new or an existing volume. The archive is checked end to end before
// the engine sees a byte, then unpacked into a staging volume: the slow, cancellable part never
// touches the target. Only then is the target snapshotted to a rollback volume and changed with
// an engine-local copy; if that fails or is cancelled, the snapshot is put back.
import * as l10n from '@vscode/l10n';
import { stat } from 'node:fs/promises';
import { putTar } from '../../archiveFiles/core/archive';
import { copyVolumeContents } from './copy';
import { ActionFailure, CancelledError } from '../../shared/failures';
import { throwIfAborted } from './engineErrors';
import type { Helpers } from './helpers';
import { volumeNameProblem } from './names';
import { openArchive, scanArchive, type ArchiveCounts } from '../../archiveFiles/core/tarStreams';
import {
  createFromSpec,
  inspectSpec,
  replaceBlocker,
  storesDataElsewhere,
  type VolumeSpec,
} from './volumeSpec';

/** new: the volume must not exist. merge: archive paths overwrite, the rest stays. replace: only the archive remains. */
export type RestoreMode = 'new' | 'merge' | 'replace';

export type RestorePhase = 'checking' | 'uploading' | 'saving' | 'applying' | 'rolling back';

export interface RestoreProgress {
  phase: RestorePhase;
  /** Bytes of the archive file read so far, in the checking and uploading phases. */
  bytes: number;
  total: number;
}

export interface RestoreOptions {
  archive: string;
  volume: string;
  mode: RestoreMode;
  /** Labels for a new volume. */
  labels?: Record<string, string>;
  signal?: AbortSignal;
  onProgress?: (progress: RestoreProgress) => void;
}

export interface RestoreResult {
  counts: ArchiveCounts;
}

/** A rollback could not finish: the snapshot volume is kept so that nothing is lost. */
export class RollbackFailedError extends ActionFailure {
  constructor(
    readonly cause: unknown,
    readonly rollbackError: unknown,
    readonly snapshotVolume: string,
  ) {
    super(
      l10n.t(
        'The restore failed ({0}) and putting the volume back failed too ({1}). Its previous contents are kept in volume "{2}".',
        String(cause),
        String(rollbackError),
        snapshotVolume,
      ),
      // The user must read where the previous contents are kept before going on.
      true,
    );
    this.name = 'RollbackFailedError';
  }
}

export async function restoreVolume(helpers: Helpers, options: RestoreOptions): Promise<RestoreResult> {
  const { docker } = helpers;
  const { volume, mode, signal } = options;
  const total = (await stat(options.archive)).size;
  const report = (phase: RestorePhase, bytes = 0): void => options.onProgress?.({ phase, bytes, total });

  let spec: VolumeSpec | undefined;
  if (mode === 'new') {
    const problem = volumeNameProblem(volume);
    if (problem) throw new Error(problem);
    if (await helpers.volumeExists(volume))
      throw new Error(l10n.t('Volume "{0}" already exists. Choose another name.', volume));
  } else {
    spec = await inspectSpec(docker, volume);
    if (mode === 'replace') {
      const blocker = await replaceBlocker(docker, spec);
      if (blocker) throw new Error(blocker);
    }
  }

  report('checking');
  const scanned = await scanArchive(await openArchive(options.archive, progress(report, 'checking')), signal);
  throwIfAborted(signal);

  if (mode === 'new') {
    await docker.createVolume({ Name: volume, Labels: options.labels ?? {} });
    try {
      await upload(helpers, options.archive, volume, signal, progress(report, 'uploading'));
    } catch (error) {
      await helpers.removeVolume(volume);
      throw asCancel(error, signal);
    }
    return { counts: scanned.counts };
  }

  const target = spec as VolumeSpec;
  const staging = await helpers.createTempVolume('staging', volume);
  try {
    await upload(helpers, options.archive, staging, signal, progress(report, 'uploading'));
    throwIfAborted(signal);
    report('saving');
    const snapshot = await helpers.createTempVolume('rollback', volume);
    let keepSnapshot = false;
    try {
      await copyVolumeContents(helpers, volume, snapshot, signal);
      throwIfAborted(signal);
      report('applying');
      try {
        if (mode === 'replace') await recreate(helpers, target);
        await copyVolumeContents(helpers, staging, volume, signal);
        throwIfAborted(signal);
      } catch (error) {
        report('rolling back');
        try {
          await putBack(helpers, target, snapshot);
        } catch (rollbackError) {
          keepSnapshot = true;
          throw new RollbackFailedError(error, rollbackError, snapshot);
        }
        throw error;
      }
    } finally {
      if (!keepSnapshot) await helpers.removeVolume(snapshot);
    }
    return { counts: scanned.counts };
  } catch (error) {
    throw asCancel(error, signal);
  } finally {
    await helpers.removeVolume(staging);
  }
}

function progress(
  report: (phase: RestorePhase, bytes: number) => void,
  phase: RestorePhase,
): (n: number) => void {
  let bytes = 0;
  return (n) => {
    bytes += n;
    report(phase, bytes);
  };
}

async function upload(
  helpers: Helpers,
  archive: string,
  volume: string,
  signal: AbortSignal | undefined,
  onRead: (bytes: number) => void,
): Promise<void> {
  await helpers.withHelper(volume, false, async (root) =>
    putTar(root, await openArchive(archive, onRead), signal),
  );
}

async function recreate(helpers: Helpers, spec: VolumeSpec): Promise<void> {
  await helpers.docker.getVolume(spec.name).remove();
  await createFromSpec(helpers.docker, spec);
}

/**
 * Makes the target what the snapshot holds. Emptying needs the volume created again, which only a
 * volume that no container uses and whose data lives in the engine allows; otherwise the snapshot
 * is copied over the target, which restores every file that was there.
 */
async function putBack(helpers: Helpers, target: VolumeSpec, snapshot: string): Promise<void> {
  if (!(await helpers.volumeExists(target.name))) {
    await createFromSpec(helpers.docker, target);
  } else if (!storesDataElsewhere(target) && (await replaceBlocker(helpers.docker, target)) === undefined) {
    await recreate(helpers, target);
  }
  await copyVolumeContents(helpers, snapshot, target.name);
}

function asCancel(error: unknown, signal?: AbortSignal): unknown {
  return signal?.aborted && !(error instanceof RollbackFailedError) ? new CancelledError() : error;
}
