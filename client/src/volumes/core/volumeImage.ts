// A volume as an image and back, as Docker Desktop does it: the image holds the volume's files in
// /volume-data (where Docker Desktop puts them too, so images of either can be read by the
// other). Both ways run through never-started helpers: nothing is pulled and nothing runs.
import * as l10n from '@vscode/l10n';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import { getTar, PathNotFoundError, type FileRoot } from '../../archiveFiles/core/archive';
import { rebaseTar, type ArchiveCounts } from '../../archiveFiles/core/tarStreams';
import { CancelledError, UserError } from '../../shared/failures';
import { CountingTee } from './backup';
import { throwIfAborted } from './engineErrors';
import type { Helpers } from './helpers';
import { imageTagProblem, splitImageTag } from './imageTag';
import { restoreVolume, type RestoreOptions, type RestoreResult } from './restore';

/** The folder of the image that holds the volume's files. */
export const volumeImageFolder = 'volume-data';
/** Carried by every image Export Volume to Image makes; its value is the volume's name. */
export const exportedVolumeLabel = 'berth.volume.exported';

export interface ExportImageOptions {
  volume: string;
  /** `name[:tag]` of the new image. */
  reference: string;
  signal?: AbortSignal;
  /** Tar bytes received from the engine so far. */
  onProgress?: (bytes: number) => void;
}

export interface ExportImageResult {
  imageId: string;
  /** `repo:tag`, with `latest` filled in when no tag was given. */
  reference: string;
  counts: ArchiveCounts;
}

export async function exportVolumeToImage(
  helpers: Helpers,
  options: ExportImageOptions,
): Promise<ExportImageResult> {
  const { volume, signal } = options;
  const problem = imageTagProblem(options.reference);
  if (problem) throw new UserError(problem);
  const { repo, tag } = splitImageTag(options.reference);
  throwIfAborted(signal);
  const tee = new CountingTee(options.onProgress);
  try {
    await helpers.withHelper(volume, true, async (root) => {
      const files = rebaseTar(await getTar(root, '', true, signal), volumeImageFolder);
      const labels = { ...helpers.baseLabels(), [exportedVolumeLabel]: volume };
      files.on('error', (error) => tee.destroy(error));
      // A failed read of the volume must end the upload too, or the request would wait forever.
      const bodyFailed = new Promise<never>((_resolve, reject) => tee.once('error', reject));
      bodyFailed.catch(() => undefined);
      const imported = (async () => {
        const answer = await helpers.docker.importImage(files.pipe(tee), {
          repo,
          tag,
          message: `Files of volume ${volume}`,
          changes: Object.entries(labels).map(
            ([key, value]) => `LABEL ${JSON.stringify(key)}=${JSON.stringify(value)}`,
          ),
          abortSignal: signal,
        } as Record<string, unknown>);
        await followImageProgress(helpers.docker, answer);
      })();
      await Promise.race([imported, bodyFailed]);
    });
  } catch (error) {
    if (signal?.aborted) throw new CancelledError();
    throw error;
  }
  const reference = `${repo}:${tag}`;
  const info = await helpers.docker.getImage(reference).inspect();
  return { imageId: info.Id, reference, counts: tee.counts };
}

/** Resolves when the engine's progress stream ends; rejects with its own words on an error line. */
function followImageProgress(docker: Docker, answer: NodeJS.ReadableStream): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(answer, (error: Error | null, output: unknown[]) => {
      if (error) {
        reject(error);
        return;
      }
      const failed = output.find(
        (line): line is { error: string } =>
          typeof line === 'object' &&
          line !== null &&
          typeof (line as { error?: unknown }).error === 'string',
      );
      if (failed) reject(new Error(failed.error));
      else resolve();
    });
  });
}

export interface ImportImageOptions extends Omit<RestoreOptions, 'archive'> {
  /** Name or ID of an image with the files in /volume-data. */
  image: string;
  /** Tar bytes read from the image so far, before the restore's own phases. */
  onRead?: (bytes: number) => void;
}

/**
 * Reads the image's /volume-data through a never-started container of it into a private temp
 * archive, then restores that like a backup: checked first, staged, and rolled back on failure.
 */
export async function importVolumeFromImage(
  helpers: Helpers,
  options: ImportImageOptions,
): Promise<RestoreResult> {
  const { image, signal } = options;
  const folder = await mkdtemp(join(tmpdir(), 'berth-image-'));
  try {
    const archive = join(folder, 'volume.tar');
    await readImageFiles(helpers, image, archive, signal, options.onRead);
    throwIfAborted(signal);
    return await restoreVolume(helpers, { ...options, archive });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function readImageFiles(
  helpers: Helpers,
  image: string,
  destination: string,
  signal: AbortSignal | undefined,
  onRead?: (bytes: number) => void,
): Promise<void> {
  const reader = await createImageReader(helpers, image);
  try {
    const root: FileRoot = {
      container: reader,
      base: volumeImageFolder,
      confined: true,
      label: l10n.t('image "{0}"', image),
    };
    let source: Readable;
    try {
      source = await getTar(root, '', true, signal);
    } catch (error) {
      if (!(error instanceof PathNotFoundError)) throw error;
      throw new UserError(
        l10n.t(
          'Image "{0}" has no /{1} folder, so it holds no volume. Choose an image made by Export Volume to Image (in Berth or Docker Desktop).',
          image,
          volumeImageFolder,
        ),
      );
    }
    await pipeline([source, new CountingTee(onRead), createWriteStream(destination, { flags: 'wx' })], {
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw new CancelledError();
    throw error;
  } finally {
    await helpers.removeContainer(reader);
  }
}

/** A container of `image` that is never started: only its files are read. */
async function createImageReader(helpers: Helpers, image: string): Promise<Docker.Container> {
  return helpers.docker.createContainer({
    name: `berth-image-reader-${randomBytes(4).toString('hex')}`,
    Image: image,
    // Images made by import have no command, and the engine wants one; it never runs.
    Cmd: ['/berth-volume-helper'],
    Labels: { ...helpers.labels('image-reader'), 'berth.helper.image': image },
    NetworkDisabled: true,
    HostConfig: { NetworkMode: 'none' },
  });
}
