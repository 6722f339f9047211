// Downloading a file or a folder of a root to disk. The engine's tar is written under a hidden
// partial name beside the destination and renamed into place only when complete, so a cancel or
// a failure never leaves half a download. Links that would lead out of the download, devices and
// FIFOs are left out and counted.
import * as l10n from '@vscode/l10n';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, lstat, mkdir, rename, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract } from 'tar-stream';
import { getTar, statPath, type FileRoot } from './archive';
import { checkHeader, resolveInside } from './archiveRules';
import { PathExistsError } from './errors';
import { cleanPath } from './paths';
import { folderAt, linkDestination, maxLinkHops } from './read';

export interface DownloadResult {
  files: number;
  folders: number;
  links: number;
  bytes: number;
  /** Entries left out (devices, FIFOs, links leading outside), by path. */
  skipped: string[];
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** Follows symlinks inside the root to what `path` stands for. */
async function resolved(root: FileRoot, path: string): Promise<{ path: string; folder: boolean }> {
  let current = cleanPath(path);
  for (let hop = 0; hop <= maxLinkHops; hop++) {
    const stat = await statPath(root, current);
    if (stat.kind === 'directory') return { path: current, folder: true };
    if (stat.kind !== 'symlink') return { path: current, folder: false };
    current = linkDestination(root, current, stat.linkTarget);
  }
  return { path: await folderAt(root, current), folder: true };
}

/** Writes `path` (a file, or a folder with everything in it) to the new local path `destination`. */
export async function downloadTo(
  root: FileRoot,
  path: string,
  destination: string,
  signal?: AbortSignal,
): Promise<DownloadResult> {
  if (await exists(destination)) throw new PathExistsError(destination);
  const source = await resolved(root, path);
  const partial = join(
    dirname(destination),
    `.${basename(destination)}.berth-partial-${randomBytes(4).toString('hex')}`,
  );
  try {
    const tar = await getTar(root, source.path, source.folder, signal);
    const result = source.folder
      ? await unpackFolder(tar, partial, signal)
      : await unpackFile(tar, partial, signal);
    await rename(partial, destination);
    return result;
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

async function unpackFile(tar: Readable, file: string, signal?: AbortSignal): Promise<DownloadResult> {
  const reader = extract();
  tar.on('error', (error) => reader.destroy(error));
  tar.pipe(reader);
  try {
    for await (const entry of reader) {
      const out = createWriteStream(file, { flags: 'wx', mode: (entry.header.mode & 0o777) | 0o600 });
      await pipeline(entry, out, { signal });
      return { files: 1, folders: 0, links: 0, bytes: entry.header.size, skipped: [] };
    }
    throw new Error(l10n.t('The engine sent an empty archive.'));
  } finally {
    tar.destroy();
  }
}

async function unpackFolder(tar: Readable, folder: string, signal?: AbortSignal): Promise<DownloadResult> {
  const result: DownloadResult = { files: 0, folders: 0, links: 0, bytes: 0, skipped: [] };
  const symlinks = new Map<string, string>();
  const written = new Set<string>();
  await mkdir(folder);
  const reader = extract();
  tar.on('error', (error) => reader.destroy(error));
  tar.pipe(reader);
  try {
    for await (const entry of reader) {
      const checked = checkHeader(entry.header);
      if (checked === undefined || 'reason' in checked || checked.path === '') {
        if (checked && 'reason' in checked) result.skipped.push(checked.entry);
        entry.resume();
        continue;
      }
      const target = join(folder, checked.path);
      await mkdir(dirname(target), { recursive: true });
      if (checked.kind === 'directory') {
        await mkdir(target, { recursive: true, mode: (entry.header.mode & 0o777) | 0o700 });
        result.folders++;
        entry.resume();
      } else if (checked.kind === 'file') {
        const out = createWriteStream(target, { flags: 'wx', mode: (entry.header.mode & 0o777) | 0o600 });
        await pipeline(entry, out, { signal });
        written.add(checked.path);
        result.files++;
        result.bytes += checked.size;
      } else if (checked.kind === 'hardlink') {
        entry.resume();
        if (checked.linkTarget !== undefined && written.has(checked.linkTarget)) {
          await link(join(folder, checked.linkTarget), target);
          result.files++;
        } else result.skipped.push(checked.name);
      } else {
        entry.resume();
        const text = checked.linkTarget ?? '';
        const from = checked.path.split('/').slice(0, -1).join('/');
        symlinks.set(checked.path, text);
        const inside = !text.startsWith('/') && resolveInside(from ? `${from}/${text}` : text, symlinks);
        if (inside) {
          await symlink(text, target);
          result.links++;
        } else result.skipped.push(checked.name);
      }
    }
  } finally {
    tar.destroy();
  }
  return result;
}
