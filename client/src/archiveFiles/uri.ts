// `berth-volume://<engine>/<volume>/<path>` and `berth-container://<engine>/<container id>/<path>`:
// the root's key sits in the path (see rootUriPath), '' being the root's top folder; the engine
// is named only when several are shown (see core/address.ts).
import * as vscode from 'vscode';
import type { FileNode, FileRootKind } from '../shared/nodes';
import { parseRootAddress, rootAddressParts, type RootAddress } from './core/address';

export const fileSchemes: Record<FileRootKind, string> = {
  volume: 'berth-volume',
  container: 'berth-container',
};

/** `engine` as the command context or the tree gives it: set only when several engines are shown. */
export function rootUri(root: FileRootKind, key: string, path = '', engine?: string): vscode.Uri {
  return vscode.Uri.from({ scheme: fileSchemes[root], ...rootAddressParts({ engine, key, path }) });
}

export function parseRootUri(uri: vscode.Uri): RootAddress {
  return parseRootAddress(uri.authority, uri.path);
}

/** The URI a file node opens in an editor: on the file system of its volume or container. */
export function fileNodeUri(node: FileNode, engine: string | undefined): vscode.Uri {
  return rootUri(node.root, node.rootKey, node.path, engine);
}
