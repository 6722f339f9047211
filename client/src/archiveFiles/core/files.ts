// One entry point for the files of many roots of one kind: the volumes of an engine (each through
// its helper) or its containers (each through itself). `key` names the root (a volume name, a
// container id); `RootAccess` turns it into a FileRoot for the time one operation takes.
import { statPath, type FileRoot, type PathStat } from './archive';
import { downloadTo, type DownloadResult } from './download';
import { cleanPath } from './paths';
import { listFolder, readFileAt, type FolderListing } from './read';
import { renamePath } from './rename';
import {
  prepareUpload,
  uploadInto,
  type UploadOptions,
  type UploadResult,
  type UploadSource,
} from './upload';
import {
  createFolderAt,
  emptyFolder,
  removePath,
  writeFileAt,
  type WriteOptions,
  type WriteResult,
} from './write';

export interface RootAccess {
  /** True when links must not lead out of a root (volumes). */
  readonly confined: boolean;
  /** What the user calls root `key` in messages, e.g. `volume "data"`. */
  label(key: string): string;
  /** Runs `work` on the root named `key`; `write` asks for a root that may be changed. */
  use<T>(key: string, write: boolean, work: (root: FileRoot) => Promise<T>): Promise<T>;
}

/**
 * Paths are checked before a root is used, so that a hostile one never reaches the engine (not
 * even as a helper created for it).
 */
export class ArchiveFiles {
  constructor(private readonly access: RootAccess) {}

  async stat(key: string, path: string): Promise<PathStat> {
    const clean = cleanPath(path);
    return this.access.use(key, false, (root) => statPath(root, clean));
  }

  async list(key: string, path: string, limit?: number): Promise<FolderListing> {
    const clean = cleanPath(path);
    return this.access.use(key, false, (root) => listFolder(root, clean, limit));
  }

  async readFile(key: string, path: string): Promise<Buffer> {
    const clean = cleanPath(path);
    return this.access.use(key, false, (root) => readFileAt(root, clean));
  }

  async writeFile(
    key: string,
    path: string,
    content: Uint8Array,
    options: WriteOptions,
  ): Promise<WriteResult> {
    const clean = cleanPath(path);
    return this.access.use(key, true, (root) => writeFileAt(root, clean, content, options));
  }

  async createFolder(key: string, path: string): Promise<void> {
    const clean = cleanPath(path);
    return this.access.use(key, true, (root) => createFolderAt(root, clean));
  }

  async remove(key: string, path: string): Promise<void> {
    const clean = cleanPath(path);
    return this.access.use(key, true, (root) => removePath(root, clean));
  }

  /** Removes everything in folder `path` ('' for the whole root); returns the names removed. */
  async empty(key: string, path: string): Promise<string[]> {
    const clean = cleanPath(path);
    return this.access.use(key, true, (root) => emptyFolder(root, clean));
  }

  async rename(key: string, from: string, to: string, overwrite: boolean): Promise<void> {
    const [source, target] = [cleanPath(from), cleanPath(to)];
    return this.access.use(key, true, (root) => renamePath(root, source, target, overwrite));
  }

  async upload(
    key: string,
    folder: string,
    sources: readonly UploadSource[],
    options: UploadOptions,
  ): Promise<UploadResult> {
    const where = { confined: this.access.confined, label: this.access.label(key) };
    const prepared = await prepareUpload(where, folder, sources);
    return this.access.use(key, true, (root) => uploadInto(root, prepared, options));
  }

  async download(
    key: string,
    path: string,
    destination: string,
    signal?: AbortSignal,
  ): Promise<DownloadResult> {
    const clean = cleanPath(path);
    return this.access.use(key, false, (root) => downloadTo(root, clean, destination, signal));
  }
}
