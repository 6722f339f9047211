// Upload… (and drops) and Download… on the folders and files of a volume or a container in its
// tree. An upload is staged beside its destination and put in place only once complete; a
// download is written under a partial name and renamed when complete, so a cancel leaves nothing
// half-copied either way.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BerthCommand, CommandContext } from '../../commands/context';
import type { FileNode } from '../../shared/nodes';
import { formatBytes } from '../../shared/text';
import { cancellableProgress } from '../../ui/progress';
import { baseName } from '../core/paths';
import type { UploadSource } from '../core/upload';
import { folderOf, viewOfRoot, type FileRoots } from '../roots';

/** Uploads `sources` into the folder of `node` (the folder itself, or the folder of a file). */
export async function uploadSources(
  ctx: CommandContext,
  roots: FileRoots,
  node: FileNode,
  sources: readonly UploadSource[],
): Promise<void> {
  const scheme = roots[node.root].on(ctx.engine);
  const folder = folderOf(node);
  const label = scheme.label(node.rootKey);
  await scheme.beforeWrite(node.rootKey);
  const result = await cancellableProgress(vscode.l10n.t('Uploading into {0}', label), (progress, signal) =>
    scheme.files().upload(node.rootKey, folder, sources, {
      overwrite: false,
      signal,
      onProgress: (sent, total) =>
        progress.report({ message: `${formatBytes(sent)} / ${formatBytes(total)}` }),
    }),
  );
  ctx.views.providers[viewOfRoot(node.root)].refreshAll();
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      'Uploaded {0} files, {1} folders and {2} links ({3}) into /{4} of {5}.',
      result.files,
      result.folders,
      result.links,
      formatBytes(result.bytes),
      folder,
      label,
    ),
  );
}

export const uploadFiles =
  (roots: FileRoots): BerthCommand =>
  async (ctx, node) => {
    if (node?.kind !== 'file') return;
    const picked = await vscode.window.showOpenDialog({
      canSelectFiles: true,
      canSelectFolders: true,
      canSelectMany: true,
      openLabel: vscode.l10n.t('Upload'),
      title: vscode.l10n.t(
        'Upload into /{0} of {1}',
        folderOf(node),
        roots[node.root].on(ctx.engine).label(node.rootKey),
      ),
    });
    if (!picked || picked.length === 0) return;
    await uploadSources(
      ctx,
      roots,
      node,
      picked.map((uri) => ({ path: uri.fsPath })),
    );
  };

async function askDestination(node: FileNode, label: string): Promise<string | undefined> {
  const name = baseName(node.path) || node.rootKey;
  if (node.entry && node.entry.kind !== 'directory') {
    const uri = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(path.join(os.homedir(), name)),
      title: vscode.l10n.t('Download /{0} of {1}', node.path, label),
    });
    return uri?.fsPath;
  }
  const folders = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    openLabel: vscode.l10n.t('Download Here'),
    title: vscode.l10n.t('Folder to download /{0} of {1} into', node.path, label),
  });
  return folders?.[0] ? path.join(folders[0].fsPath, name) : undefined;
}

export const downloadFiles =
  (roots: FileRoots): BerthCommand =>
  async (ctx, node) => {
    if (node?.kind !== 'file') return;
    const scheme = roots[node.root].on(ctx.engine);
    const label = scheme.label(node.rootKey);
    const destination = await askDestination(node, label);
    if (!destination) return;
    const result = await cancellableProgress(
      vscode.l10n.t('Downloading from {0}', label),
      (_progress, signal) => scheme.files().download(node.rootKey, node.path, destination, signal),
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
