// New File, New Folder, Rename and Delete on a volume's folders and files in the Volumes tree.
// Each goes through the berth-volume file system (workspace.fs), so editors, the consent about
// running writers and the no-half-write rules are the same as for a save.
import * as vscode from 'vscode';
import type { BerthCommand } from '../../commands/context';
import type { BerthNode, VolumeFileNode } from '../../shared/nodes';
import { baseName, joinPath, newNameProblem, parentOf } from '../../archiveFiles/core/paths';
import { confirmModal } from '../../ui/confirm';
import { volumeUri } from '../files/uri';

function fileNode(node: BerthNode | undefined): VolumeFileNode | undefined {
  return node?.kind === 'file' ? node : undefined;
}

/** The folder a new entry goes into: the clicked folder, or the folder of the clicked file. */
function folderOf(node: VolumeFileNode): string {
  return !node.entry || node.entry.kind === 'directory' ? node.path : parentOf(node.path);
}

async function askName(prompt: string, value = ''): Promise<string | undefined> {
  return vscode.window.showInputBox({
    prompt,
    value,
    validateInput: (name) => newNameProblem(name),
  });
}

const create =
  (kind: 'file' | 'folder'): BerthCommand =>
  async (ctx, node) => {
    const target = fileNode(node);
    if (!target) return;
    const folder = folderOf(target);
    const where = `/${folder}`;
    const name = await askName(
      kind === 'file'
        ? vscode.l10n.t('Name of the new file in {0} of volume "{1}"', where, target.volumeName)
        : vscode.l10n.t('Name of the new folder in {0} of volume "{1}"', where, target.volumeName),
    );
    if (name === undefined) return;
    const uri = volumeUri(target.volumeName, joinPath(folder, name));
    if (kind === 'folder') await vscode.workspace.fs.createDirectory(uri);
    else await vscode.workspace.fs.writeFile(uri, new Uint8Array());
    ctx.views.providers.volumes.refreshAll();
    if (kind === 'file') await vscode.commands.executeCommand('vscode.open', uri);
  };

export const newVolumeFile = create('file');
export const newVolumeFolder = create('folder');

export const renameVolumeFile: BerthCommand = async (ctx, node) => {
  const target = fileNode(node);
  if (!target?.entry) return;
  const name = await askName(
    vscode.l10n.t('New name for /{0} in volume "{1}"', target.path, target.volumeName),
    baseName(target.path),
  );
  if (name === undefined || name === baseName(target.path)) return;
  await vscode.workspace.fs.rename(
    volumeUri(target.volumeName, target.path),
    volumeUri(target.volumeName, joinPath(parentOf(target.path), name)),
    { overwrite: false },
  );
  ctx.views.providers.volumes.refreshAll();
};

export const deleteVolumeFile: BerthCommand = async (ctx, node) => {
  const target = fileNode(node);
  if (!target?.entry) return;
  const folder = target.entry.kind === 'directory';
  const message = folder
    ? vscode.l10n.t(
        'Delete the folder /{0} and everything in it from volume "{1}"?',
        target.path,
        target.volumeName,
      )
    : vscode.l10n.t('Delete /{0} from volume "{1}"?', target.path, target.volumeName);
  const yes = await confirmModal(
    message,
    vscode.l10n.t('It is deleted permanently: volumes have no trash.'),
    vscode.l10n.t('Delete'),
  );
  if (!yes) return;
  await vscode.workspace.fs.delete(volumeUri(target.volumeName, target.path), { recursive: true });
  ctx.views.providers.volumes.refreshAll();
};
