// One entry point for everything the volume commands and views do with the engine. No `vscode`
// here: the whole of it is tested against the real engine under node:test.
import type Docker from 'dockerode';
import type { PathStat } from './archive';
import { backupVolume, type BackupOptions, type BackupResult } from './backup';
import { VolumeBrowser, type VolumeDirListing } from './browse';
import { cloneVolume } from './clone';
import { Helpers, sweepStaleHelpers, type HelperOptions, type SweepResult } from './helpers';
import { inspectSpec, replaceBlocker } from './volumeSpec';
import { restoreVolume, type RestoreOptions, type RestoreResult } from './restore';

export class VolumeTools {
  readonly helpers: Helpers;
  private readonly browser: VolumeBrowser;

  constructor(
    readonly docker: Docker,
    private readonly options: HelperOptions & { browseIdleMs?: number } = {},
  ) {
    this.helpers = new Helpers(docker, options);
    this.browser = new VolumeBrowser(this.helpers, options.browseIdleMs);
  }

  list(volume: string, path: string, limit?: number): Promise<VolumeDirListing> {
    return this.browser.list(volume, path, limit);
  }

  stat(volume: string, path: string): Promise<PathStat> {
    return this.browser.stat(volume, path);
  }

  readFile(volume: string, path: string): Promise<Buffer> {
    return this.browser.readFile(volume, path);
  }

  /** True when the volume holds nothing at all (its root folder has no entries). */
  async isEmpty(volume: string): Promise<boolean> {
    return (await this.browser.list(volume, '', 1)).entries.length === 0;
  }

  /** Drops the browser's helper for `volume`, which keeps it in use; call before removing it. */
  release(volume: string): Promise<void> {
    return this.browser.release(volume);
  }

  /** Why Replace is not possible for `volume` (in use, data outside the engine), or undefined. */
  async replaceBlocker(volume: string): Promise<string | undefined> {
    await this.browser.release(volume);
    return replaceBlocker(this.docker, await inspectSpec(this.docker, volume));
  }

  async backup(options: BackupOptions): Promise<BackupResult> {
    return backupVolume(this.helpers, options);
  }

  async restore(options: RestoreOptions): Promise<RestoreResult> {
    await this.browser.release(options.volume);
    return restoreVolume(this.helpers, options);
  }

  clone(source: string, target: string, signal?: AbortSignal): Promise<void> {
    return cloneVolume(this.helpers, source, target, signal);
  }

  sweep(): Promise<SweepResult> {
    return sweepStaleHelpers(this.docker, this.options.labels);
  }

  dispose(): Promise<void> {
    return this.browser.dispose();
  }
}
