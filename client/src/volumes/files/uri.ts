// `berth-volume:/<volume>/<path>`: see rootUriPath for why the volume sits in the path.
import * as vscode from 'vscode';
import { rootUriPath, splitRootUriPath } from '../../archiveFiles/core/paths';

export const volumeScheme = 'berth-volume';

export function volumeUri(volume: string, path = ''): vscode.Uri {
  return vscode.Uri.from({ scheme: volumeScheme, path: rootUriPath(volume, path) });
}

export function parseVolumeUri(uri: vscode.Uri): { volume: string; path: string } {
  const { key, path } = splitRootUriPath(uri.path);
  return { volume: key, path };
}
