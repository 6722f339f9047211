// One entry point for everything the volume commands and views do with the engine. No `vscode`
// here: the whole of it is tested against the real engine under node:test.
import type Docker from 'dockerode';
import { ArchiveFiles } from '../../archiveFiles/core/files';
import type { PathStat } from '../../archiveFiles/core/archive';
import type { FolderListing } from '../../archiveFiles/core/read';
import { backupVolume, type BackupOptions, type BackupResult } from './backup';
import { cloneVolume } from './clone';
import { Helpers, sweepStaleHelpers, type HelperOptions, type SweepResult } from './helpers';
import { VolumeRoots } from './roots';
import { inspectSpec, replaceBlocker } from './volumeSpec';
import { restoreVolume, type RestoreOptions, type RestoreResult } from './restore';
import { imageExists, importableImages, type ImageChoice } from './imageChoices';
import {
  exportVolumeToImage,
  importVolumeFromImage,
  type ExportImageOptions,
  type ExportImageResult,
  type ImportImageOptions,
} from './volumeImage';

export class VolumeTools {
  readonly helpers: Helpers;
  /** The files of every volume of the engine, by volume name, read and written through helpers. */
  readonly files: ArchiveFiles;
  private readonly roots: VolumeRoots;

  constructor(
    readonly docker: Docker,
    private readonly options: HelperOptions & { browseIdleMs?: number } = {},
  ) {
    this.helpers = new Helpers(docker, options);
    this.roots = new VolumeRoots(this.helpers, options.browseIdleMs);
    this.files = new ArchiveFiles(this.roots);
  }

  list(volume: string, path: string, limit?: number): Promise<FolderListing> {
    return this.files.list(volume, path, limit);
  }

  stat(volume: string, path: string): Promise<PathStat> {
    return this.files.stat(volume, path);
  }

  readFile(volume: string, path: string): Promise<Buffer> {
    return this.files.readFile(volume, path);
  }

  /** True when the volume holds nothing at all (its root folder has no entries). */
  async isEmpty(volume: string): Promise<boolean> {
    return (await this.list(volume, '', 1)).entries.length === 0;
  }

  /** Drops the helpers kept for `volume`, which keep it in use; call before removing it. */
  release(volume: string): Promise<void> {
    return this.roots.release(volume);
  }

  /** Why Replace is not possible for `volume` (in use, data outside the engine), or undefined. */
  async replaceBlocker(volume: string): Promise<string | undefined> {
    await this.roots.release(volume);
    return replaceBlocker(this.docker, await inspectSpec(this.docker, volume));
  }

  async backup(options: BackupOptions): Promise<BackupResult> {
    return backupVolume(this.helpers, options);
  }

  async restore(options: RestoreOptions): Promise<RestoreResult> {
    await this.roots.release(options.volume);
    return restoreVolume(this.helpers, options);
  }

  exportToImage(options: ExportImageOptions): Promise<ExportImageResult> {
    return exportVolumeToImage(this.helpers, options);
  }

  importableImages(): Promise<ImageChoice[]> {
    return importableImages(this.docker);
  }

  imageExists(reference: string): Promise<boolean> {
    return imageExists(this.docker, reference);
  }

  async importFromImage(options: ImportImageOptions): Promise<RestoreResult> {
    await this.roots.release(options.volume);
    return importVolumeFromImage(this.helpers, options);
  }

  clone(source: string, target: string, signal?: AbortSignal): Promise<void> {
    return cloneVolume(this.helpers, source, target, signal);
  }

  sweep(): Promise<SweepResult> {
    return sweepStaleHelpers(this.docker, this.options.labels);
  }

  dispose(): Promise<void> {
    return this.roots.dispose();
  }
}
