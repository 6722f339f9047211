// What a restore accepts from an archive, decided from headers alone before anything reaches the
// engine. The engine unpacks inside the helper's root, so an escaping entry could not reach the
// host; these rules exist so that nothing lands outside the volume, where it would silently vanish
// with the helper, and so that links inside the volume cannot point the user's containers outside it.
import * as l10n from '@vscode/l10n';
import { ActionFailure } from '../../shared/failures';

export type EntryKind = 'file' | 'directory' | 'symlink' | 'hardlink';

export interface ArchiveEntry {
  /** Normalised path inside the volume, without `./` or a trailing slash; '' is the volume root. */
  path: string;
  /** The name exactly as the archive spells it, for messages. */
  name: string;
  kind: EntryKind;
  /** Symlink target as written, or the normalised path a hard link points to. */
  linkTarget?: string;
  size: number;
}

export interface EntryProblem {
  entry: string;
  reason: string;
}

export class ArchiveRejectedError extends ActionFailure {
  constructor(readonly problem: EntryProblem) {
    super(l10n.t('The archive cannot be restored: "{0}" {1}.', problem.entry, problem.reason));
    this.name = 'ArchiveRejectedError';
  }
}

const kindsByTarType: Record<string, EntryKind> = {
  file: 'file',
  'contiguous-file': 'file',
  directory: 'directory',
  symlink: 'symlink',
  link: 'hardlink',
};

const refusedTypes: Record<string, () => string> = {
  'character-device': () => l10n.t('is a character device'),
  'block-device': () => l10n.t('is a block device'),
  fifo: () => l10n.t('is a FIFO (named pipe)'),
};

/** Splits a name into clean components, or says why it leaves the volume. */
export function entryPath(name: string): { path: string } | { reason: string } {
  if (name.includes('\0')) return { reason: l10n.t('contains a NUL character') };
  if (name.startsWith('/'))
    return { reason: l10n.t('is an absolute path; entries must be relative to the volume root') };
  const parts = name.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..'))
    return { reason: l10n.t('contains a ".." component that climbs out of the volume root') };
  return { path: parts.join('/') };
}

/** Checks one header on its own; cross-entry rules run in `checkArchive`. */
export function checkHeader(header: {
  name: string;
  type?: string | null;
  linkname?: string | null;
  size?: number;
}): ArchiveEntry | EntryProblem | undefined {
  const type = header.type ?? 'file';
  if (type === 'pax-global-header') return undefined;
  const name = header.name;
  const refused = refusedTypes[type]?.();
  if (refused)
    return { entry: name, reason: l10n.t('{0}; device files and FIFOs are never restored', refused) };
  const kind = kindsByTarType[type];
  if (!kind) return { entry: name, reason: l10n.t('has the unsupported tar entry type "{0}"', type) };
  const located = entryPath(name);
  if ('reason' in located) return { entry: name, reason: located.reason };
  if (located.path === '' && kind !== 'directory') {
    return {
      entry: name,
      reason: l10n.t('would replace the volume root with something that is not a directory'),
    };
  }
  const entry: ArchiveEntry = {
    path: located.path,
    name,
    kind,
    size: kind === 'file' ? (header.size ?? 0) : 0,
  };
  if (kind === 'symlink' || kind === 'hardlink') {
    const target = header.linkname ?? '';
    if (target === '') return { entry: name, reason: l10n.t('is a link without a target') };
    if (kind === 'hardlink') {
      const linked = entryPath(target);
      if ('reason' in linked)
        return { entry: name, reason: l10n.t('is a hard link to "{0}", which {1}', target, linked.reason) };
      entry.linkTarget = linked.path;
    } else {
      if (target.startsWith('/')) {
        return {
          entry: name,
          reason: l10n.t('is a symbolic link to the absolute path "{0}", outside the volume', target),
        };
      }
      entry.linkTarget = target;
    }
  }
  return entry;
}

const maxLinkHops = 40;

/**
 * Resolves `path` inside the archive's own tree, following the archive's symlinks, and returns
 * undefined when it climbs above the root. Lexical resolution alone is not enough: `a -> ..` makes
 * `b -> d/a/..` look harmless while it really leaves the volume.
 */
export function resolveInside(path: string, symlinks: ReadonlyMap<string, string>): string[] | undefined {
  const pending = path.split('/').filter((part) => part !== '' && part !== '.');
  const resolved: string[] = [];
  let hops = 0;
  while (pending.length > 0) {
    const part = pending.shift() as string;
    if (part === '..') {
      if (resolved.length === 0) return undefined;
      resolved.pop();
      continue;
    }
    resolved.push(part);
    const target = symlinks.get(resolved.join('/'));
    if (target === undefined) continue;
    if (++hops > maxLinkHops) return undefined;
    if (target.startsWith('/')) return undefined;
    resolved.pop();
    pending.unshift(...target.split('/').filter((p) => p !== '' && p !== '.'));
  }
  return resolved;
}

/** Cross-entry rules over the whole listing, in archive order. Returns the first problem. */
export function checkArchive(entries: readonly ArchiveEntry[]): EntryProblem | undefined {
  const symlinks = new Map<string, string>();
  for (const entry of entries) if (entry.kind === 'symlink') symlinks.set(entry.path, entry.linkTarget ?? '');
  const seenFiles = new Set<string>();
  for (const entry of entries) {
    const through = parentSymlink(entry.path, symlinks);
    if (through !== undefined) {
      return {
        entry: entry.name,
        reason: l10n.t('lies under the symbolic link "{0}" and would be written through it', through),
      };
    }
    if (entry.kind === 'symlink') {
      const from = entry.path.split('/').slice(0, -1).join('/');
      const target = from === '' ? (entry.linkTarget ?? '') : `${from}/${entry.linkTarget ?? ''}`;
      if (resolveInside(target, symlinks) === undefined) {
        return {
          entry: entry.name,
          reason: l10n.t(
            'is a symbolic link to "{0}", which points outside the volume',
            entry.linkTarget ?? '',
          ),
        };
      }
    } else if (entry.kind === 'hardlink') {
      const target = entry.linkTarget ?? '';
      if (!seenFiles.has(target)) {
        return {
          entry: entry.name,
          reason: l10n.t('is a hard link to "{0}", which is not a file earlier in the archive', target),
        };
      }
    } else if (entry.kind === 'file') {
      seenFiles.add(entry.path);
    }
  }
  return undefined;
}

function parentSymlink(path: string, symlinks: ReadonlyMap<string, string>): string | undefined {
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) {
    const prefix = parts.slice(0, i).join('/');
    if (symlinks.has(prefix)) return prefix;
  }
  return undefined;
}
