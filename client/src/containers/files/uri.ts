// `berth-container:/<container id>/<path>`: a container's whole filesystem, '' being its `/`.
import * as vscode from 'vscode';
import { rootUriPath, splitRootUriPath } from '../../archiveFiles/core/paths';

export const containerScheme = 'berth-container';

export function containerUri(containerId: string, path = ''): vscode.Uri {
  return vscode.Uri.from({ scheme: containerScheme, path: rootUriPath(containerId, path) });
}

export function parseContainerUri(uri: vscode.Uri): { containerId: string; path: string } {
  const { key, path } = splitRootUriPath(uri.path);
  return { containerId: key, path };
}
