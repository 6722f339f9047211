// Reading a volume for the file browser. A helper per volume is kept for a short idle time, so
// that expanding folders does not create and remove a container per click; `release` drops it at
// once (before the volume is removed, for instance, since a helper keeps the volume in use).
import * as l10n from '@vscode/l10n';
import type Docker from 'dockerode';
import { extract } from 'tar-stream';
import { getPath, getTar, PathNotFoundError, statPath, type PathKind, type PathStat } from './archive';
import type { Helpers } from './helpers';
import { volumePath } from './names';
import { walkTar } from './tarStreams';

export interface VolumeDirEntry {
  name: string;
  /** Path inside the volume, e.g. `conf/nginx.conf`. */
  path: string;
  kind: PathKind;
  size: number;
  mode: number;
  uid: number;
  gid: number;
  mtime: Date;
  /** For a symlink, the target as written in the link. */
  linkTarget?: string;
}

export interface VolumeDirListing {
  entries: VolumeDirEntry[];
  /** True when the folder had more than `limit` entries and the listing stopped there. */
  truncated: boolean;
}

export class NotAFileError extends Error {
  constructor(readonly path: string) {
    super(l10n.t('"{0}" is a folder, not a file', path || '/'));
    this.name = 'NotAFileError';
  }
}

const kindOfTarType: Record<string, PathKind> = {
  file: 'file',
  'contiguous-file': 'file',
  link: 'file',
  directory: 'directory',
  symlink: 'symlink',
};

const maxLinkHops = 8;

interface OpenHelper {
  helper: Promise<Docker.Container>;
  busy: number;
  timer?: NodeJS.Timeout;
}

export class VolumeBrowser {
  private readonly open = new Map<string, OpenHelper>();

  constructor(
    private readonly helpers: Helpers,
    private readonly idleMs = 15_000,
  ) {}

  stat(volume: string, path: string): Promise<PathStat> {
    return this.use(volume, (helper) => statPath(helper, volumePath(path)));
  }

  list(volume: string, path: string, limit = 5_000): Promise<VolumeDirListing> {
    const dir = volumePath(path);
    return this.use(volume, async (helper) => {
      const entries: VolumeDirEntry[] = [];
      let truncated = false;
      await walkTar(await getTar(helper, dir, true), (header) => {
        const name = header.name.split('/').filter((part: string) => part !== '' && part !== '.');
        if (name.length !== 1) return true;
        if (entries.length >= limit) {
          truncated = true;
          return false;
        }
        const entry: VolumeDirEntry = {
          name: name[0],
          path: dir === '' ? name[0] : `${dir}/${name[0]}`,
          kind: kindOfTarType[header.type ?? 'file'] ?? 'other',
          size: header.size ?? 0,
          mode: header.mode ?? 0,
          uid: header.uid ?? 0,
          gid: header.gid ?? 0,
          mtime: header.mtime ?? new Date(0),
        };
        if (header.type === 'symlink' && header.linkname) entry.linkTarget = header.linkname;
        entries.push(entry);
        return true;
      });
      entries.sort((a, b) => a.name.localeCompare(b.name));
      return { entries, truncated };
    });
  }

  /** The bytes of one file, following symlinks that stay inside the volume. */
  readFile(volume: string, path: string): Promise<Buffer> {
    return this.use(volume, async (helper) => {
      let current = volumePath(path);
      for (let hop = 0; hop <= maxLinkHops; hop++) {
        const { stat, tar } = await getPath(helper, current);
        if (stat.kind !== 'directory' && stat.kind !== 'symlink') return readOne(tar);
        tar.destroy();
        if (stat.kind === 'directory') throw new NotAFileError(current);
        if (stat.linkTarget === undefined) {
          throw new Error(l10n.t('"{0}" is a symbolic link that points outside the volume', current));
        }
        current = stat.linkTarget;
      }
      throw new Error(l10n.t('"{0}" goes through more than {1} symbolic links', path, maxLinkHops));
    });
  }

  /** Removes the cached helper of `volume` now, so that the volume is no longer in use. */
  async release(volume: string): Promise<void> {
    const open = this.open.get(volume);
    if (!open) return;
    this.open.delete(volume);
    clearTimeout(open.timer);
    const helper = await open.helper.catch(() => undefined);
    if (helper) await this.helpers.removeContainer(helper);
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.open.keys()].map((volume) => this.release(volume)));
  }

  private async use<T>(volume: string, work: (helper: Docker.Container) => Promise<T>): Promise<T> {
    let open = this.open.get(volume);
    if (!open) {
      open = { helper: this.helpers.createHelper(volume, true), busy: 0 };
      this.open.set(volume, open);
    }
    const entry = open;
    clearTimeout(entry.timer);
    entry.busy++;
    try {
      return await work(await entry.helper);
    } catch (error) {
      // The helper may be what broke (removed by a sweep in another window): start afresh next time.
      const aboutPath = error instanceof PathNotFoundError || error instanceof NotAFileError;
      if (!aboutPath && this.open.get(volume) === entry) await this.release(volume);
      throw error;
    } finally {
      entry.busy--;
      if (entry.busy === 0 && this.open.get(volume) === entry) {
        entry.timer = setTimeout(() => void this.release(volume).catch(() => undefined), this.idleMs);
        entry.timer.unref();
      }
    }
  }
}

async function readOne(tar: NodeJS.ReadableStream): Promise<Buffer> {
  const reader = extract();
  tar.pipe(reader);
  for await (const entry of reader) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    reader.destroy();
    return Buffer.concat(chunks);
  }
  return Buffer.alloc(0);
}
