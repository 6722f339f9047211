// The helpers through which a volume's files are read and written. One read-only helper and, once
// something is written, one read-write helper per volume are kept for a short idle time, so that
// expanding folders or saving twice does not create and remove a container each time; `release`
// drops them at once (before the volume is removed, for instance, since a helper keeps it in use).
import type Docker from 'dockerode';
import type { FileRoot } from '../../archiveFiles/core/archive';
import {
  NotAFileError,
  NotAFolderError,
  PathExistsError,
  PathNotFoundError,
} from '../../archiveFiles/core/errors';
import type { RootAccess } from '../../archiveFiles/core/files';
import { UserError } from '../../shared/failures';
import { volumeLabel, volumeRoot, type Helpers } from './helpers';

interface OpenHelper {
  helper: Promise<Docker.Container>;
  busy: number;
  timer?: NodeJS.Timeout;
}

/** Failures about a path, not about the helper: the helper is fine and stays. */
function aboutPath(error: unknown): boolean {
  return (
    error instanceof PathNotFoundError ||
    error instanceof NotAFileError ||
    error instanceof NotAFolderError ||
    error instanceof PathExistsError ||
    error instanceof UserError
  );
}

export class VolumeRoots implements RootAccess {
  readonly confined = true;
  private readonly open = new Map<string, OpenHelper>();

  constructor(
    private readonly helpers: Helpers,
    private readonly idleMs = 15_000,
  ) {}

  label(volume: string): string {
    return volumeLabel(volume);
  }

  async use<T>(volume: string, write: boolean, work: (root: FileRoot) => Promise<T>): Promise<T> {
    const key = `${write ? 'rw' : 'ro'}:${volume}`;
    let open = this.open.get(key);
    if (!open) {
      open = { helper: this.helpers.createHelper(volume, !write), busy: 0 };
      this.open.set(key, open);
    }
    const entry = open;
    clearTimeout(entry.timer);
    entry.busy++;
    try {
      return await work(volumeRoot(await entry.helper, volume));
    } catch (error) {
      // The helper may be what broke (removed by a sweep in another window): start afresh next time.
      if (!aboutPath(error) && this.open.get(key) === entry) await this.drop(key);
      throw error;
    } finally {
      entry.busy--;
      if (entry.busy === 0 && this.open.get(key) === entry) {
        entry.timer = setTimeout(() => void this.drop(key).catch(() => undefined), this.idleMs);
        entry.timer.unref();
      }
    }
  }

  /** Removes the helpers of `volume` now, so that the volume is no longer in use. */
  async release(volume: string): Promise<void> {
    await Promise.all([this.drop(`ro:${volume}`), this.drop(`rw:${volume}`)]);
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.open.keys()].map((key) => this.drop(key)));
  }

  private async drop(key: string): Promise<void> {
    const open = this.open.get(key);
    if (!open) return;
    this.open.delete(key);
    clearTimeout(open.timer);
    const helper = await open.helper.catch(() => undefined);
    if (helper) await this.helpers.removeContainer(helper);
  }
}
