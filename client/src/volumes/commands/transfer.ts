// Upload… (and drops) and Download… on a volume's folders and files in the Volumes tree. An upload is staged
// beside its destination and put in place only once complete; a download is written under a
// partial name and renamed when complete, so a cancel leaves nothing half-copied either way.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BerthCommand, CommandContext } from '../../commands/context';
import { baseName, parentOf } from '../../archiveFiles/core/paths';
import type { UploadSource } from '../../archiveFiles/core/upload';
import type { VolumeFileNode } from '../../shared/nodes';
import { formatBytes } from '../../shared/text';
import type { WriteConsent } from '../files/fileSystem';
import type { SessionVolumeTools } from '../tools';
import { cancellableProgress } from './progress';

function folderOf(node: VolumeFileNode): string {
  return !node.entry || node.entry.kind === 'directory' ? node.path : parentOf(node.path);
}

/** Uploads `sources` into the folder of `node` (the folder itself, or the folder of a file). */
export async function uploadSources(
  ctx: CommandContext,
  tools: SessionVolumeTools,
  consent: WriteConsent,
  node: VolumeFileNode,
  sources: readonly UploadSource[],
): Promise<void> {
  const folder = folderOf(node);
  await consent.check(node.volumeName);
  const result = await cancellableProgress(
    vscode.l10n.t('Uploading into volume "{0}"', node.volumeName),
    (progress, signal) =>
      tools.tools().files.upload(node.volumeName, folder, sources, {
        overwrite: false,
        signal,
        onProgress: (sent, total) =>
          progress.report({ message: `${formatBytes(sent)} / ${formatBytes(total)}` }),
      }),
  );
  ctx.views.providers.volumes.refreshAll();
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      'Uploaded {0} files, {1} folders and {2} links ({3}) into /{4} of volume "{5}".',
      result.files,
      result.folders,
      result.links,
      formatBytes(result.bytes),
      folder,
      node.volumeName,
    ),
  );
}

export const uploadToVolume =
  (tools: SessionVolumeTools, consent: WriteConsent): BerthCommand =>
  async (ctx, node) => {
    if (node?.kind !== 'file') return;
    const picked = await vscode.window.showOpenDialog({
      canSelectFiles: true,
      canSelectFolders: true,
      canSelectMany: true,
      openLabel: vscode.l10n.t('Upload'),
      title: vscode.l10n.t('Upload into /{0} of volume "{1}"', folderOf(node), node.volumeName),
    });
    if (!picked || picked.length === 0) return;
    await uploadSources(
      ctx,
      tools,
      consent,
      node,
      picked.map((uri) => ({ path: uri.fsPath })),
    );
  };

async function askDestination(node: VolumeFileNode): Promise<string | undefined> {
  const name = baseName(node.path) || node.volumeName;
  if (node.entry && node.entry.kind !== 'directory') {
    const uri = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(path.join(os.homedir(), name)),
      title: vscode.l10n.t('Download /{0} of volume "{1}"', node.path, node.volumeName),
    });
    return uri?.fsPath;
  }
  const folders = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    openLabel: vscode.l10n.t('Download Here'),
    title: vscode.l10n.t('Folder to download /{0} of volume "{1}" into', node.path, node.volumeName),
  });
  return folders?.[0] ? path.join(folders[0].fsPath, name) : undefined;
}

export const downloadFromVolume =
  (tools: SessionVolumeTools): BerthCommand =>
  async (_ctx, node) => {
    if (node?.kind !== 'file') return;
    const destination = await askDestination(node);
    if (!destination) return;
    const result = await cancellableProgress(
      vscode.l10n.t('Downloading from volume "{0}"', node.volumeName),
      (_progress, signal) => tools.tools().files.download(node.volumeName, node.path, destination, signal),
    );
    const skipped =
      result.skipped.length > 0
        ? ' ' +
          vscode.l10n.t('Left out (devices, FIFOs, links leading outside): {0}', result.skipped.join(', '))
        : '';
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Downloaded {0} files, {1} folders and {2} links ({3}) to {4}.',
        result.files,
        result.folders,
        result.links,
        formatBytes(result.bytes),
        destination,
      ) + skipped,
    );
  };
