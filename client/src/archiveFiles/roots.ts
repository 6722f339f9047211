// The file schemes by the kind of root a tree's file node belongs to, so that one set of file
// commands serves the Volumes and the Containers views.
import type { FileNode, FileRootKind, ViewId } from '../shared/nodes';
import { parentOf } from './core/paths';
import type { FileScheme } from './provider';

export type FileRoots = Record<FileRootKind, FileScheme>;

/** The view that shows the files of a root kind. */
export function viewOfRoot(root: FileRootKind): ViewId {
  return root === 'volume' ? 'volumes' : 'containers';
}

/** The folder a new entry goes into: the clicked folder, or the folder of the clicked file. */
export function folderOf(node: FileNode): string {
  return !node.entry || node.entry.kind === 'directory' ? node.path : parentOf(node.path);
}
