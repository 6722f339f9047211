// A volume's files in the Volumes tree. Listing them is engine I/O (an archive request on a
// helper container), so the tree asks for a folder's entries only when the user expands it.
import { engineMessage } from '../../engine/operations/engineCall';
import {
  keys,
  type BerthNode,
  type Presentation,
  type VolumeFileEntry,
  type VolumeFileNode,
} from '../../shared/nodes';
import { code, escapeMarkdown, formatBytes, t } from '../../shared/text';
import type { FolderListing } from '../../archiveFiles/core/read';

/** One folder of a volume, listed from the engine (SessionVolumeTools.list). */
export type VolumeFolderLister = (volume: string, path: string) => Promise<FolderListing>;

/** A folder's children when the user expands it: its entries, or a hint saying why there are none. */
export async function volumeFolderChildren(
  listFolder: VolumeFolderLister,
  node: VolumeFileNode,
): Promise<BerthNode[]> {
  try {
    const listing = await listFolder(node.volumeName, node.path);
    const children: BerthNode[] = volumeFileNodes(node, listing.entries);
    if (listing.truncated)
      children.push({
        kind: 'hint',
        hint: 'truncated',
        key: `${node.key}/hint:truncated`,
        parentKey: node.key,
        label: t('Only the first {0} entries are shown', listing.entries.length),
        detail: t('Use "Browse Files" or a backup to see everything.'),
        tone: 'info',
      });
    return children;
  } catch (error) {
    return [
      {
        kind: 'hint',
        hint: 'error',
        key: `${node.key}/hint:error`,
        parentKey: node.key,
        label: t('Cannot list this folder'),
        detail: engineMessage(error),
        tone: 'warning',
      },
    ];
  }
}

export function volumeFileNodes(
  parent: VolumeFileNode,
  entries: (VolumeFileEntry & { path: string })[],
): VolumeFileNode[] {
  // Folders first, like the Explorer.
  const order = (entry: VolumeFileEntry) => (entry.kind === 'directory' ? 0 : 1);
  return [...entries]
    .sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name))
    .map(({ path, ...entry }) => ({
      kind: 'file',
      key: keys.file(parent.volumeName, path),
      parentKey: parent.key,
      volumeName: parent.volumeName,
      path,
      entry,
    }));
}

function permissions(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}

export function presentVolumeFile(node: VolumeFileNode): Presentation {
  const entry = node.entry;
  if (!entry)
    return {
      label: t('Files'),
      description: t('browse and edit'),
      tooltip: t(
        'The files in volume {0}, read and written through a helper container that is never started.',
        code(node.volumeName),
      ),
      icon: { id: 'folder-library' },
      contextValue: 'volumeFiles',
      collapsible: 'collapsed',
    };
  const details =
    entry.kind === 'symlink'
      ? `→ ${entry.linkTarget ?? ''}`
      : [
          entry.kind === 'file' ? formatBytes(entry.size) : '',
          permissions(entry.mode),
          `${entry.uid}:${entry.gid}`,
        ]
          .filter(Boolean)
          .join(' · ');
  return {
    label: entry.name,
    description: details,
    tooltip: `${code('/' + node.path)}\n\n${escapeMarkdown(details)}`,
    icon: {
      id: entry.kind === 'directory' ? 'folder' : entry.kind === 'symlink' ? 'file-symlink-file' : 'file',
    },
    contextValue: entry.kind === 'directory' ? 'volumeFile.directory' : 'volumeFile.file',
    collapsible: entry.kind === 'directory' ? 'collapsed' : 'none',
  };
}
