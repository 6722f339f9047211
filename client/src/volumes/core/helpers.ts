// Helper containers: created, never started, with one volume mounted, so that the Engine API's
// archive endpoints can read and write the volume without pulling anything or running code.
// Each carries `berth.helper` and its owner (host, pid, start time) so that a later sweep removes
// only leftovers of Berth processes that are gone, never those of another window still working.
import * as l10n from '@vscode/l10n';
import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import { pack } from 'tar-stream';
import type { FileRoot } from '../../archiveFiles/core/archive';
import { helperLabel } from '../../engine/model/berthHelpers';
import { isNotFound } from './engineErrors';
import { ownerIsGone, ownerLabel, ownerOfThisProcess } from './helperOwner';

export { helperLabel, ownerLabel };
/** Where a helper mounts its volume; archive names are rebased under it. */
export const mountRoot = 'v';
export const helperImageRef = 'berth/volume-helper:1';

export type TempPurpose = 'staging' | 'rollback';

export interface HelperOptions {
  /** Added to every helper container, temporary volume and imported image (tests add `berth.test`). */
  labels?: Record<string, string>;
}

const owner = ownerOfThisProcess();

export class Helpers {
  private image: Promise<string> | undefined;

  constructor(
    readonly docker: Docker,
    private readonly options: HelperOptions = {},
  ) {}

  /** The labels every resource Berth makes here carries (tests add `berth.test`), without the helper's. */
  baseLabels(): Record<string, string> {
    return { ...this.options.labels };
  }

  labels(kind: string): Record<string, string> {
    return { ...this.options.labels, [helperLabel]: kind, [ownerLabel]: owner };
  }

  /** Runs `work` on the files of `volume` through a new helper, and removes the helper afterwards. */
  async withHelper<T>(volume: string, readOnly: boolean, work: (root: FileRoot) => Promise<T>): Promise<T> {
    const helper = await this.createHelper(volume, readOnly);
    try {
      return await work(volumeRoot(helper, volume));
    } finally {
      await this.removeContainer(helper);
    }
  }

  async createHelper(volume: string, readOnly: boolean): Promise<Docker.Container> {
    // A mount of a missing volume would quietly create it: look first.
    await this.docker.getVolume(volume).inspect();
    try {
      return await this.createHelperFrom(await this.helperImage(), volume, readOnly);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      // The cached image went away (removed meanwhile): choose again once.
      this.image = undefined;
      return this.createHelperFrom(await this.helperImage(), volume, readOnly);
    }
  }

  private createHelperFrom(image: string, volume: string, readOnly: boolean): Promise<Docker.Container> {
    return this.docker.createContainer({
      name: `berth-volume-helper-${randomBytes(4).toString('hex')}`,
      Image: image,
      // Never started, but the engine refuses to create a container without a command.
      Cmd: ['/berth-volume-helper'],
      Labels: { ...this.labels('volume'), 'berth.helper.volume': volume },
      NetworkDisabled: true,
      HostConfig: {
        NetworkMode: 'none',
        Mounts: [
          // NoCopy: an empty volume must not be filled from whatever the image has at /v.
          {
            Type: 'volume',
            Source: volume,
            Target: `/${mountRoot}`,
            ReadOnly: readOnly,
            VolumeOptions: { NoCopy: true } as Docker.MountSettings['VolumeOptions'],
          },
        ],
      },
    });
  }

  async removeContainer(container: Docker.Container): Promise<void> {
    try {
      // v: anonymous volumes declared by the image's VOLUME go with it; named volumes never do.
      await container.remove({ force: true, v: true });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  async volumeExists(name: string): Promise<boolean> {
    try {
      await this.docker.getVolume(name).inspect();
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async createTempVolume(purpose: TempPurpose, forVolume: string): Promise<string> {
    const name = `berth-${purpose}-${forVolume.slice(0, 40)}-${randomBytes(4).toString('hex')}`;
    await this.docker.createVolume({
      Name: name,
      Labels: { ...this.labels(purpose), 'berth.helper.volume': forVolume },
    });
    return name;
  }

  async removeVolume(name: string): Promise<void> {
    try {
      await this.docker.getVolume(name).remove();
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  /** Any image on the engine will do, as the helper never runs; Berth's own is preferred. */
  helperImage(): Promise<string> {
    this.image ??= this.chooseImage().catch((error: unknown) => {
      this.image = undefined;
      throw error;
    });
    return this.image;
  }

  private async chooseImage(): Promise<string> {
    const own = await this.docker.listImages({ filters: { label: [`${helperLabel}=image`] } });
    if (own.length > 0) return own[0].Id;
    const all = await this.docker.listImages();
    if (all.length > 0) return [...all].sort((a, b) => a.Size - b.Size)[0].Id;
    return importHelperImage(this.docker, helperImageRef, this.options.labels);
  }
}

/** The files of `volume` as a helper reaches them: under /v, with no way out of it. */
export function volumeRoot(helper: Docker.Container, volume: string): FileRoot {
  return { container: helper, base: mountRoot, confined: true, label: volumeLabel(volume) };
}

export function volumeLabel(volume: string): string {
  return l10n.t('volume "{0}"', volume);
}

/** Builds a one-file image with `docker import`: no registry, no network, a few hundred bytes. */
export async function importHelperImage(
  docker: Docker,
  reference: string,
  labels: Record<string, string> = {},
): Promise<string> {
  const archive = pack();
  archive.entry({ name: 'berth-volume-helper', mode: 0o644 }, '');
  archive.entry({ name: mountRoot, type: 'directory', mode: 0o755 });
  archive.finalize();
  const [repo, tag] = reference.split(':');
  const changes = [
    'CMD ["/berth-volume-helper"]',
    `LABEL ${helperLabel}=image`,
    ...Object.entries(labels).map(([key, value]) => `LABEL ${JSON.stringify(key)}=${JSON.stringify(value)}`),
  ];
  const progress = await docker.importImage(archive as unknown as NodeJS.ReadableStream, {
    repo,
    tag,
    changes,
  });
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(progress, (error: Error | null) => (error ? reject(error) : resolve()));
  });
  const info = await docker.getImage(reference).inspect();
  return info.Id;
}

export interface SweepResult {
  containers: number;
  stagingVolumes: number;
  /** Left in place: they may hold the only copy of a volume whose restore was interrupted. */
  rollbackVolumes: string[];
}

/**
 * Removes helper containers and staging volumes that Berth processes left behind when they died.
 * `labels` narrows the sweep to resources that also carry them (tests sweep only their own run).
 */
export async function sweepStaleHelpers(
  docker: Docker,
  labels: Record<string, string> = {},
): Promise<SweepResult> {
  const result: SweepResult = { containers: 0, stagingVolumes: 0, rollbackVolumes: [] };
  const filter = { label: [helperLabel, ...Object.entries(labels).map(([key, value]) => `${key}=${value}`)] };
  const containers = await docker.listContainers({ all: true, filters: filter });
  for (const info of containers) {
    if (!ownerIsGone(info.Labels[ownerLabel], info.Created)) continue;
    try {
      await docker.getContainer(info.Id).remove({ force: true, v: true });
      result.containers++;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  const { Volumes: volumes } = await docker.listVolumes({ filters: filter });
  for (const volume of volumes ?? []) {
    const labels = volume.Labels ?? {};
    const created = Date.parse((volume as { CreatedAt?: string }).CreatedAt ?? '') / 1000 || 0;
    if (!ownerIsGone(labels[ownerLabel], created)) continue;
    if (labels[helperLabel] === 'rollback') {
      result.rollbackVolumes.push(volume.Name);
      continue;
    }
    if (labels[helperLabel] !== 'staging') continue;
    try {
      await docker.getVolume(volume.Name).remove();
      result.stagingVolumes++;
    } catch (error) {
      // In use by a helper of someone else, or gone already: leave it.
      if (!isNotFound(error) && (error as { statusCode?: number }).statusCode !== 409) throw error;
    }
  }
  return result;
}
