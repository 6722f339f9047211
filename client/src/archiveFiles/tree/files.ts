// The files of a volume or a container in a tree. Listing them is engine I/O (an archive request),
// so the tree asks for a folder's entries only when the user expands it.
import { engineMessage } from '../../engine/operations/engineCall';
import {
  keys,
  type BerthNode,
  type FileEntry,
  type FileNode,
  type FileRootKind,
  type Presentation,
} from '../../shared/nodes';
import { code, escapeMarkdown, formatBytes, t } from '../../shared/text';
import type { FolderListing } from '../core/read';

/** One folder of a root, listed from `engine` (the tree's id of the node's engine). */
export type FolderLister = (
  engine: string | undefined,
  root: FileRootKind,
  key: string,
  path: string,
) => Promise<FolderListing>;

/** A folder's children when the user expands it: its entries, or a hint saying why there are none. */
export async function folderChildren(listFolder: FolderLister, node: FileNode): Promise<BerthNode[]> {
  try {
    const listing = await listFolder(node.engine, node.root, node.rootKey, node.path);
    const children: BerthNode[] = fileNodes(node, listing.entries);
    if (listing.truncated)
      children.push({
        kind: 'hint',
        hint: 'truncated',
        key: `${node.key}/hint:truncated`,
        parentKey: node.key,
        label: t('Only the first {0} entries are shown', listing.entries.length),
        detail:
          node.root === 'volume'
            ? t('Use "Browse Files" or a backup to see everything.')
            : t('Use "Download…" to see everything.'),
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

/** The "Files" folder of a root: the child of its volume or container node. */
export function filesRoot(root: FileRootKind, rootKey: string, parentKey: string): FileNode {
  return { kind: 'file', key: keys.file(root, rootKey, ''), parentKey, root, rootKey, path: '' };
}

export function fileNodes(parent: FileNode, entries: (FileEntry & { path: string })[]): FileNode[] {
  // Folders first, like the Explorer.
  const order = (entry: FileEntry) => (entry.kind === 'directory' ? 0 : 1);
  return [...entries]
    .sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name))
    .map(({ path, ...entry }) => ({
      kind: 'file',
      key: keys.file(parent.root, parent.rootKey, path),
      parentKey: parent.key,
      root: parent.root,
      rootKey: parent.rootKey,
      path,
      entry,
    }));
}

function permissions(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}

function presentFilesRoot(node: FileNode): Presentation {
  return {
    label: t('Files'),
    description: t('browse and edit'),
    tooltip:
      node.root === 'volume'
        ? t(
            'The files in volume {0}, read and written through a helper container that is never started.',
            code(node.rootKey),
          )
        : t(
            "The container's own filesystem, read and written through the Engine API, running or stopped. A, C and D mark what it added, changed and deleted relative to its image.",
          ),
    icon: { id: 'folder-library' },
    contextValue: `${node.root}Files`,
    collapsible: 'collapsed',
  };
}

/** A path the container deleted: greyed, with nothing to open and no actions. */
function presentDeleted(node: FileNode, name: string): Presentation {
  return {
    label: name,
    description: t('deleted'),
    tooltip: `${code('/' + node.path)}\n\n${t('The container deleted this since it was created from its image.')}`,
    icon: { id: 'trash', color: 'disabledForeground' },
    contextValue: `${node.root}File-deleted`,
    collapsible: 'none',
  };
}

/** `volumeFile.directory`, `containerFile.file`, ...: package.json menus match these. */
export function presentFile(node: FileNode): Presentation {
  const entry = node.entry;
  if (!entry) return presentFilesRoot(node);
  if (entry.deleted) return presentDeleted(node, entry.name);
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
    contextValue: `${node.root}File.${entry.kind === 'directory' ? 'directory' : 'file'}`,
    collapsible: entry.kind === 'directory' ? 'collapsed' : 'none',
  };
}
