// Renaming through the archive endpoint. A file (or link) gets its new name as a hard link to the
// old one, then the old name is removed: the content never travels. A folder is rebuilt at the new
// name from its own listing, folders as folders and every file as a hard link to the old file, and
// then the old folder is removed. Until that last step the old names are all still there, so a
// failure on the way removes what was built and changes nothing.
import * as l10n from '@vscode/l10n';
import { getTar, statIfAny, statPath, type FileRoot } from './archive';
import { resolveInside } from './archiveRules';
import { PathExistsError, PathRefusedError } from './errors';
import type { PackEntry } from './pack';
import { cleanPath, isWithin, joinPath, parentOf } from './paths';
import { ownershipOf, readHeader } from './read';
import { walkTar } from './tarStreams';
import { checkFolder, putEntries, removePath } from './write';
import { ActionFailure } from '../../shared/failures';

/** The entries that rebuild folder `from` at `to`, read from the folder's own tar. */
async function rebuiltTree(root: FileRoot, from: string, to: string): Promise<PackEntry[]> {
  const entries: PackEntry[] = [];
  let refused: string | undefined;
  await walkTar(await getTar(root, from, true), (header) => {
    const rel = header.name
      .split('/')
      .filter((part) => part !== '' && part !== '.')
      .join('/');
    const owner = {
      mode: (header.mode ?? 0) & 0o7777,
      uid: header.uid ?? 0,
      gid: header.gid ?? 0,
      mtime: header.mtime,
    };
    const path = joinPath(to, rel);
    switch (header.type) {
      case 'directory':
        entries.push({ path, type: 'directory', ...owner });
        return true;
      case 'symlink':
        entries.push({ path, type: 'symlink', linkname: header.linkname ?? '', ...owner });
        return true;
      case 'file':
      case 'contiguous-file':
      case 'link':
        entries.push({ path, type: 'link', linkname: joinPath(from, rel), ...owner });
        return true;
      default:
        refused = joinPath(from, rel);
        return false;
    }
  });
  if (refused !== undefined)
    throw new PathRefusedError(
      l10n.t('"{0}" is a device, FIFO or socket; Berth moves only files, folders and links.', refused),
    );
  return entries;
}

/** A relative link keeps its text when moved, so it must still lead somewhere inside from its new folder. */
function checkMovedLink(root: FileRoot, to: string, linkTarget: string): void {
  if (!root.confined || linkTarget.startsWith('/')) return;
  if (resolveInside(joinPath(parentOf(to), linkTarget), new Map()) === undefined)
    throw new PathRefusedError(
      l10n.t(
        'Moved to "{0}", the link to "{1}" would point outside {2}. Move it elsewhere.',
        to,
        linkTarget,
        root.label,
      ),
    );
}

export async function renamePath(
  root: FileRoot,
  from: string,
  to: string,
  overwrite: boolean,
): Promise<void> {
  const source = cleanPath(from);
  const target = cleanPath(to);
  if (source === '')
    throw new PathRefusedError(l10n.t('The top folder of {0} cannot be renamed.', root.label));
  if (target === '' || source === target) throw new PathExistsError(target);
  if (isWithin(target, source))
    throw new PathRefusedError(l10n.t('"{0}" cannot be moved into itself ("{1}").', source, target));
  await checkFolder(root, parentOf(source));
  await checkFolder(root, parentOf(target));
  const stat = await statPath(root, source);
  const existing = await statIfAny(root, target);
  if (existing && !overwrite) throw new PathExistsError(target);

  if (stat.kind === 'directory') {
    const entries = await rebuiltTree(root, source, target);
    if (existing) await removePath(root, target);
    try {
      await putEntries(root, entries);
    } catch (error) {
      if (await statIfAny(root, target)) await removePath(root, target).catch(() => undefined);
      throw error;
    }
  } else {
    const header = await readHeader(root, source);
    if (stat.kind === 'symlink') checkMovedLink(root, target, header?.linkname ?? '');
    const owner = ownershipOf(header);
    await putEntries(root, [{ path: target, type: 'link', linkname: source, ...owner, mtime: stat.mtime }]);
  }
  try {
    await removePath(root, source);
  } catch (error) {
    throw new ActionFailure(
      l10n.t(
        '"{0}" is now also at "{1}", but removing the old name failed: {2}',
        source,
        target,
        error instanceof Error ? error.message : String(error),
      ),
    );
  }
}
