// `berth-volume:/<volume>/<path>`. The volume sits in the path, not the authority: URIs lower-case
// their authority, and volume names are case-sensitive (`Data` and `data` are two volumes).
import * as vscode from 'vscode';

export const volumeScheme = 'berth-volume';

export function volumeUri(volume: string, path = ''): vscode.Uri {
  const rest = path.split('/').filter((part) => part !== '');
  return vscode.Uri.from({ scheme: volumeScheme, path: '/' + [volume, ...rest].join('/') });
}

export function parseVolumeUri(uri: vscode.Uri): { volume: string; path: string } {
  const [volume = '', ...rest] = uri.path.split('/').filter((part) => part !== '');
  return { volume, path: rest.join('/') };
}
