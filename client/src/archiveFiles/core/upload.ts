// Uploading files and folders from disk (or dropped bytes) into a folder of a root. Everything is
// checked before the engine sees a byte, then sent into a hidden staging folder beside the
// destination: the slow, cancellable part never touches what is there. Only then does one small
// tar of folders, links and hard links put each item in place, and the staging folder goes.
import * as l10n from '@vscode/l10n';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { statIfAny, type FileRoot } from './archive';
import { resolveInside } from './archiveRules';
import { PathExistsError, PathRefusedError } from './errors';
import type { PackEntry } from './pack';
import { checkNewName, cleanPath, joinPath, parentOf, scratchName } from './paths';
import { readOwnership } from './read';
import { checkFolder, putEntries, removeScratch } from './write';
import { CancelledError } from '../../shared/failures';

export type UploadSource = { path: string } | { name: string; data: Uint8Array };

export interface UploadOptions {
  /** Replace items of the same name; otherwise an existing name is refused before anything is sent. */
  overwrite: boolean;
  signal?: AbortSignal;
  /** File bytes sent so far, of `total`. */
  onProgress?: (sent: number, total: number) => void;
}

export interface UploadResult {
  files: number;
  folders: number;
  links: number;
  bytes: number;
}

export interface LocalItem {
  /** Path below the destination folder. */
  rel: string;
  type: 'file' | 'directory' | 'symlink';
  mode: number;
  size: number;
  open?: () => Readable;
  linkname?: string;
}

async function collect(source: UploadSource, items: LocalItem[]): Promise<void> {
  if (!('path' in source)) {
    const data = source.data;
    items.push({
      rel: checkNewName(source.name),
      type: 'file',
      mode: 0o644,
      size: data.byteLength,
      open: () => Readable.from([Buffer.from(data)]),
    });
    return;
  }
  const walk = async (path: string, rel: string): Promise<void> => {
    const info = await lstat(path);
    const mode = info.mode & 0o777;
    if (info.isDirectory()) {
      items.push({ rel, type: 'directory', mode, size: 0 });
      for (const name of (await readdir(path)).sort()) await walk(join(path, name), `${rel}/${name}`);
    } else if (info.isFile()) {
      items.push({ rel, type: 'file', mode, size: info.size, open: () => createReadStream(path) });
    } else if (info.isSymbolicLink()) {
      items.push({ rel, type: 'symlink', mode: 0o777, size: 0, linkname: await readlink(path) });
    } else {
      throw new PathRefusedError(
        l10n.t('"{0}" is a socket, FIFO or device; only files, folders and links can be uploaded.', path),
      );
    }
  };
  await walk(source.path, checkNewName(basename(source.path)));
}

/** In a volume, a link must lead somewhere inside it, judged from where it will be. */
function checkLinks(root: Pick<FileRoot, 'confined' | 'label'>, dir: string, items: LocalItem[]): void {
  if (!root.confined) return;
  const links = new Map<string, string>();
  for (const item of items)
    if (item.type === 'symlink') links.set(joinPath(dir, item.rel), item.linkname ?? '');
  for (const [path, target] of links) {
    const outside =
      target.startsWith('/') || resolveInside(joinPath(parentOf(path), target), links) === undefined;
    if (outside)
      throw new PathRefusedError(
        l10n.t(
          'The link "{0}" points to "{1}", outside {2}. Replace it with the file it points to, or leave it out.',
          path,
          target,
          root.label,
        ),
      );
  }
}

/** What will be sent, read from disk and checked: nothing here asks the engine. */
export interface PreparedUpload {
  dir: string;
  items: LocalItem[];
}

export async function prepareUpload(
  root: Pick<FileRoot, 'confined' | 'label'>,
  folder: string,
  sources: readonly UploadSource[],
): Promise<PreparedUpload> {
  const dir = cleanPath(folder);
  const items: LocalItem[] = [];
  for (const source of sources) await collect(source, items);
  checkLinks(root, dir, items);
  return { dir, items };
}

export async function uploadInto(
  root: FileRoot,
  { dir, items }: PreparedUpload,
  options: UploadOptions,
): Promise<UploadResult> {
  await checkFolder(root, dir);
  const tops = items.filter((item) => !item.rel.includes('/'));
  if (!options.overwrite)
    for (const top of tops)
      if (await statIfAny(root, joinPath(dir, top.rel))) throw new PathExistsError(joinPath(dir, top.rel));
  const owner = await readOwnership(root, dir);
  const ids = { uid: owner.uid, gid: owner.gid };
  const staging = joinPath(dir, scratchName('upload'));
  const total = items.reduce((sum, item) => sum + item.size, 0);
  let sent = 0;
  const counted = (open: () => Readable) => (): Readable => {
    const stream = open();
    stream.on('data', (chunk: Buffer) => {
      sent += chunk.length;
      options.onProgress?.(sent, total);
    });
    return stream;
  };
  const staged: PackEntry[] = [{ path: staging, type: 'directory', mode: 0o700, ...ids }];
  const placed: PackEntry[] = [];
  for (const item of items) {
    const path = joinPath(dir, item.rel);
    const at = joinPath(staging, item.rel);
    if (item.type === 'directory') {
      staged.push({ path: at, type: 'directory', mode: 0o700, ...ids });
      placed.push({ path, type: 'directory', mode: item.mode, ...ids });
    } else if (item.type === 'symlink') {
      placed.push({ path, type: 'symlink', mode: 0o777, linkname: item.linkname, ...ids });
    } else {
      const open = item.open as () => Readable;
      staged.push({
        path: at,
        type: 'file',
        mode: item.mode,
        ...ids,
        body: { size: item.size, open: counted(open) },
      });
      placed.push({ path, type: 'link', linkname: at, mode: item.mode, ...ids });
    }
  }
  try {
    await putEntries(root, staged, options.signal);
    if (options.signal?.aborted) throw new CancelledError();
    await putEntries(root, placed);
  } finally {
    await removeScratch(root, staging);
  }
  return {
    files: items.filter((item) => item.type === 'file').length,
    folders: items.filter((item) => item.type === 'directory').length,
    links: items.filter((item) => item.type === 'symlink').length,
    bytes: total,
  };
}
