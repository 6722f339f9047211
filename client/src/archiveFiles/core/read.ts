// Reading a file root: one folder's entries, one file's bytes (through links that stay inside),
// and the tar header of one path, whose owner and mode a rewrite keeps.
import * as l10n from '@vscode/l10n';
import type { Readable } from 'node:stream';
import { extract, type Header } from 'tar-stream';
import { getPath, getTar, statPath, type FileRoot, type PathKind } from './archive';
import { NotAFileError, PathRefusedError } from './errors';
import { joinPath } from './paths';
import { walkTar } from './tarStreams';

export interface FileEntry {
  name: string;
  /** Path inside the root, e.g. `conf/nginx.conf`. */
  path: string;
  kind: PathKind;
  size: number;
  mode: number;
  uid: number;
  gid: number;
  mtime: Date;
  /** For a symlink, the target as written in the link. */
  linkTarget?: string;
  /** A path the container deleted relative to its image: listed, but nothing is there to open. */
  deleted?: true;
}

export interface FolderListing {
  entries: FileEntry[];
  /** True when the folder had more than `limit` entries and the listing stopped there. */
  truncated: boolean;
}

/** Owner, group and mode of one path, as its tar header gives them. */
export interface Ownership {
  uid: number;
  gid: number;
  mode: number;
}

const kindOfTarType: Record<string, PathKind> = {
  file: 'file',
  'contiguous-file': 'file',
  link: 'file',
  directory: 'directory',
  symlink: 'symlink',
};

export const maxLinkHops = 8;

export function entryOf(dir: string, name: string, header: Header): FileEntry {
  const entry: FileEntry = {
    name,
    path: joinPath(dir, name),
    kind: kindOfTarType[header.type ?? 'file'] ?? 'other',
    size: header.size ?? 0,
    mode: header.mode ?? 0,
    uid: header.uid ?? 0,
    gid: header.gid ?? 0,
    mtime: header.mtime ?? new Date(0),
  };
  if (header.type === 'symlink' && header.linkname) entry.linkTarget = header.linkname;
  return entry;
}

/** A folder's direct entries, sorted by name, at most `limit`. */
export async function listFolder(root: FileRoot, dir: string, limit = 5_000): Promise<FolderListing> {
  const entries: FileEntry[] = [];
  let truncated = false;
  await walkTar(await getTar(root, dir, true), (header) => {
    const name = header.name.split('/').filter((part: string) => part !== '' && part !== '.');
    if (name.length !== 1) return true;
    if (entries.length >= limit) {
      truncated = true;
      return false;
    }
    entries.push(entryOf(dir, name[0], header));
    return true;
  });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  return { entries, truncated };
}

/** Where a link at `path` leads, inside the root; refused when it leaves a confined root. */
export function linkDestination(root: FileRoot, path: string, linkTarget: string | undefined): string {
  if (linkTarget === undefined)
    throw new PathRefusedError(
      l10n.t('"{0}" is a symbolic link that points outside {1}; Berth does not follow it.', path, root.label),
    );
  return linkTarget;
}

/** The bytes of one file, following symlinks that stay inside the root. */
export async function readFileAt(root: FileRoot, path: string): Promise<Buffer> {
  let current = path;
  for (let hop = 0; hop <= maxLinkHops; hop++) {
    const { stat, tar } = await getPath(root, current);
    if (stat.kind !== 'directory' && stat.kind !== 'symlink') return firstBody(tar);
    tar.destroy();
    if (stat.kind === 'directory') throw new NotAFileError(current);
    current = linkDestination(root, current, stat.linkTarget);
  }
  throw new PathRefusedError(l10n.t('"{0}" goes through more than {1} symbolic links.', path, maxLinkHops));
}

/** The tar header of `path` itself (a link's own, not its target's); the rest of the tar is not read. */
export async function readHeader(root: FileRoot, path: string): Promise<Header | undefined> {
  const { tar } = await getPath(root, path);
  return firstHeader(tar);
}

export function ownershipOf(header: Header | undefined): Ownership {
  return { uid: header?.uid ?? 0, gid: header?.gid ?? 0, mode: (header?.mode ?? 0o644) & 0o7777 };
}

/** Owner, group and mode from the tar header of `path`. */
export async function readOwnership(root: FileRoot, path: string): Promise<Ownership> {
  return ownershipOf(await readHeader(root, path));
}

/** Checks that `path` exists and is a folder (following links inside the root). */
export async function folderAt(root: FileRoot, path: string): Promise<string> {
  let current = path;
  for (let hop = 0; hop <= maxLinkHops; hop++) {
    const stat = await statPath(root, current);
    if (stat.kind === 'directory') return current;
    if (stat.kind !== 'symlink') throw new PathRefusedError(l10n.t('"{0}" is not a folder.', current || '/'));
    current = linkDestination(root, current, stat.linkTarget);
  }
  throw new PathRefusedError(l10n.t('"{0}" goes through more than {1} symbolic links.', path, maxLinkHops));
}

async function firstHeader(tar: Readable): Promise<Header | undefined> {
  const reader = extract();
  tar.on('error', (error) => reader.destroy(error));
  tar.pipe(reader);
  try {
    for await (const entry of reader) {
      entry.resume();
      return entry.header;
    }
    return undefined;
  } finally {
    tar.destroy();
    reader.destroy();
  }
}

async function firstBody(tar: Readable): Promise<Buffer> {
  const reader = extract();
  tar.on('error', (error) => reader.destroy(error));
  tar.pipe(reader);
  try {
    for await (const entry of reader) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    }
    return Buffer.alloc(0);
  } finally {
    tar.destroy();
    reader.destroy();
  }
}
