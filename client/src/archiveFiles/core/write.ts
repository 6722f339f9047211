// Writing through the archive endpoint, which only ever unpacks a tar: an entry replaces what is
// at its path (the engine unlinks it, then creates the new one) and nothing is ever moved or
// removed on its own. So:
// - a file is saved under a scratch name beside it, checked, and then moved into place by a tar
//   holding one hard-link entry: the engine unlinks the old name and links the new content there
//   in one step, after the whole 512-byte header has arrived. A cut upload only ever leaves a
//   partial scratch file, which is removed; the old content stays until the new one is complete;
// - a path is removed by a hard-link entry that names itself: the engine unlinks whatever is there
//   (a whole folder too), then fails to link the name that is gone. The stat afterwards decides.
import * as l10n from '@vscode/l10n';
import { putAtTop, statIfAny, statPath, type FileRoot, type PathStat } from './archive';
import { NotAFileError, PathExistsError, PathNotFoundError, PathRefusedError } from './errors';
import { packEntries, type PackEntry } from './pack';
import { baseName, cleanPath, joinPath, parentOf, scratchName } from './paths';
import { folderAt, linkDestination, listFolder, maxLinkHops, readOwnership, type Ownership } from './read';
import { ActionFailure } from '../../shared/failures';

export interface WriteOptions {
  create: boolean;
  overwrite: boolean;
  signal?: AbortSignal;
}

/** What a write left behind that the user may want to know about. */
export interface WriteResult {
  /** The path actually written (a link's destination when `path` was a symlink). */
  path: string;
  /** A scratch name that could not be removed after a successful save. */
  strayScratch?: string;
}

const newFileMode = 0o644;
const newFolderMode = 0o755;

export function putEntries(
  root: FileRoot,
  entries: readonly PackEntry[],
  signal?: AbortSignal,
): Promise<void> {
  return putAtTop(root.container, packEntries(root, entries), signal);
}

/**
 * Checks every folder on the way to `dir` in a confined root: a symlink among them that leads
 * outside would make the engine write where nobody sees it. Returns `dir` when it is a folder.
 */
export async function checkFolder(root: FileRoot, dir: string): Promise<void> {
  if (root.confined) {
    const parts = dir.split('/').filter((part) => part !== '');
    for (let depth = 1; depth < parts.length; depth++) {
      const path = parts.slice(0, depth).join('/');
      const stat = await statPath(root, path);
      if (stat.kind === 'symlink') linkDestination(root, path, stat.linkTarget);
    }
  }
  await folderAt(root, dir);
}

/** Removes `path` (a folder with everything in it); fails when the path is still there afterwards. */
export async function removePath(root: FileRoot, path: string): Promise<void> {
  const clean = cleanPath(path);
  if (clean === '')
    throw new PathRefusedError(l10n.t('The top folder of {0} cannot be deleted.', root.label));
  await checkFolder(root, parentOf(clean));
  if (!(await statIfAny(root, clean))) throw new PathNotFoundError(clean, root.label);
  await unlinkQuietly(root, clean);
  if (await statIfAny(root, clean))
    throw new ActionFailure(l10n.t('The engine did not remove "{0}" from {1}.', clean, root.label));
}

/** The self-naming link: the engine unlinks `path` and then reports that it cannot link it. */
async function unlinkQuietly(root: FileRoot, path: string): Promise<unknown> {
  try {
    await putEntries(root, [{ path, type: 'link', linkname: path, mode: 0, uid: 0, gid: 0 }]);
    return undefined;
  } catch (error) {
    return error;
  }
}

/**
 * Best effort: a scratch file that cannot be removed is reported, never a reason to fail. Tried
 * again while it is still there: an upload that failed on our side may still be finishing in the
 * engine when the first removal arrives.
 */
export async function removeScratch(root: FileRoot, path: string): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await unlinkQuietly(root, path);
    if ((await statIfAny(root, path).catch(() => 'unknown')) === undefined) return true;
  }
  return false;
}

interface Target {
  path: string;
  existing?: PathStat;
}

/** Where a write of `path` lands: through symlinks that stay inside, to a file or a new name. */
async function writeTarget(root: FileRoot, path: string, options: WriteOptions): Promise<Target> {
  let current = cleanPath(path);
  for (let hop = 0; hop <= maxLinkHops; hop++) {
    if (current === '') throw new NotAFileError('');
    await checkFolder(root, parentOf(current));
    const existing = await statIfAny(root, current);
    if (!existing) {
      if (!options.create) throw new PathNotFoundError(current, root.label);
      return { path: current };
    }
    if (!options.overwrite) throw new PathExistsError(current);
    if (existing.kind === 'directory') throw new NotAFileError(current);
    if (existing.kind === 'other')
      throw new PathRefusedError(
        l10n.t('"{0}" is a device, FIFO or socket; Berth writes only regular files.', current),
      );
    if (existing.kind === 'file') return { path: current, existing };
    current = linkDestination(root, current, existing.linkTarget);
  }
  throw new PathRefusedError(l10n.t('"{0}" goes through more than {1} symbolic links.', path, maxLinkHops));
}

/** A new entry's owner: the folder's owner and group, so a service's data folder stays its own. */
async function ownershipFor(root: FileRoot, target: Target, mode: number): Promise<Ownership> {
  if (target.existing) return readOwnership(root, target.path);
  const folder = await readOwnership(root, parentOf(target.path));
  return { uid: folder.uid, gid: folder.gid, mode };
}

/**
 * Writes `content` to `path`, keeping an existing file's owner, group and mode. Any failure
 * leaves the old content in place (see the top of this file).
 */
export async function writeFileAt(
  root: FileRoot,
  path: string,
  content: Uint8Array,
  options: WriteOptions,
): Promise<WriteResult> {
  const target = await writeTarget(root, path, options);
  const owner = await ownershipFor(root, target, newFileMode);
  const scratch = joinPath(parentOf(target.path), scratchName('save', baseName(target.path)));
  const mtime = new Date();
  const entry = { ...owner, mtime };
  try {
    await putEntries(root, [{ path: scratch, type: 'file', ...entry, body: content }], options.signal);
    const written = await statPath(root, scratch);
    if (written.size !== content.byteLength)
      throw new ActionFailure(
        l10n.t(
          'The engine stored {0} of {1} bytes; "{2}" was not changed.',
          written.size,
          content.byteLength,
          target.path,
        ),
      );
  } catch (error) {
    await removeScratch(root, scratch);
    throw error;
  }
  try {
    await putEntries(root, [{ path: target.path, type: 'link', linkname: scratch, ...entry }]);
  } catch (error) {
    if (target.existing && !(await statIfAny(root, target.path))) {
      // The old name is gone and the link did not follow: the new content is whole, under the scratch name.
      throw new ActionFailure(
        l10n.t(
          'Saving "{0}" failed after the old file was removed ({1}). The new content is kept whole in "{2}".',
          target.path,
          error instanceof Error ? error.message : String(error),
          scratch,
        ),
        true,
      );
    }
    await removeScratch(root, scratch);
    throw error;
  }
  const removed = await removeScratch(root, scratch);
  return removed ? { path: target.path } : { path: target.path, strayScratch: scratch };
}

/** Creates one folder; its parent must exist, and nothing may be at `path` yet. */
export async function createFolderAt(root: FileRoot, path: string): Promise<void> {
  const clean = cleanPath(path);
  if (clean === '') throw new PathExistsError('');
  await checkFolder(root, parentOf(clean));
  if (await statIfAny(root, clean)) throw new PathExistsError(clean);
  const owner = await ownershipFor(root, { path: clean }, newFolderMode);
  await putEntries(root, [{ path: clean, type: 'directory', ...owner }]);
}

/**
 * Removes everything inside folder `dir` and keeps the folder itself, with its owner and mode.
 * One request per entry: the engine stops unpacking at the first entry that fails, and each
 * removal is such a failure. Returns the names removed.
 */
export async function emptyFolder(root: FileRoot, dir: string): Promise<string[]> {
  const clean = cleanPath(dir);
  await checkFolder(root, clean);
  const { entries } = await listFolder(root, clean, Number.MAX_SAFE_INTEGER);
  for (const entry of entries) {
    await unlinkQuietly(root, entry.path);
    if (await statIfAny(root, entry.path))
      throw new ActionFailure(l10n.t('The engine did not remove "{0}" from {1}.', entry.path, root.label));
  }
  return entries.map((entry) => entry.name);
}
