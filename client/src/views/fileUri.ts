import type * as vscode from 'vscode';
import { containerUri } from '../containers/files/uri';
import type { FileNode } from '../shared/nodes';
import { volumeUri } from '../volumes/files/uri';

/** The URI a file node opens in an editor: on the file system of its volume or container. */
export function fileUri(node: FileNode): vscode.Uri {
  return node.root === 'volume' ? volumeUri(node.rootKey, node.path) : containerUri(node.rootKey, node.path);
}
