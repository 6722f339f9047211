// `berth-volume:/<volume>/<path>` and `berth-container:/<container id>/<path>`: the root's key sits
// in the path (see rootUriPath), '' being the root's top folder.
import * as vscode from 'vscode';
import type { FileNode, FileRootKind } from '../shared/nodes';
import { rootUriPath, splitRootUriPath } from './core/paths';

export const fileSchemes: Record<FileRootKind, string> = {
  volume: 'berth-volume',
  container: 'berth-container',
};

export function rootUri(root: FileRootKind, key: string, path = ''): vscode.Uri {
  return vscode.Uri.from({ scheme: fileSchemes[root], path: rootUriPath(key, path) });
}

export function parseRootUri(uri: vscode.Uri): { key: string; path: string } {
  return splitRootUriPath(uri.path);
}

/** The URI a file node opens in an editor: on the file system of its volume or container. */
export function fileNodeUri(node: FileNode): vscode.Uri {
  return rootUri(node.root, node.rootKey, node.path);
}
