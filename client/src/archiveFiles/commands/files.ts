// New File, New Folder, Rename and Delete on the files of a volume or a container in its tree.
// Each goes through the root's file system (workspace.fs), so editors, the consent about running
// containers and the no-half-write rules are the same as for a save.
import * as vscode from 'vscode';
import type { BerthCommand, CommandContext } from '../../commands/context';
import type { BerthNode, FileNode } from '../../shared/nodes';
import { confirmModal } from '../../ui/confirm';
import { baseName, joinPath, newNameProblem, parentOf } from '../core/paths';
import { folderOf, viewOfRoot, type FileRoots } from '../roots';

function fileNode(node: BerthNode | undefined): FileNode | undefined {
  return node?.kind === 'file' ? node : undefined;
}

async function askName(prompt: string, value = ''): Promise<string | undefined> {
  return vscode.window.showInputBox({
    prompt,
    value,
    validateInput: (name) => newNameProblem(name),
  });
}

function refresh(ctx: CommandContext, node: FileNode): void {
  ctx.views.providers[viewOfRoot(node.root)].refreshAll();
}

const create =
  (roots: FileRoots, kind: 'file' | 'folder'): BerthCommand =>
  async (ctx, node) => {
    const target = fileNode(node);
    if (!target) return;
    const scheme = roots[target.root];
    const folder = folderOf(target);
    const where = `/${folder}`;
    const label = scheme.on(ctx.engine).label(target.rootKey);
    const name = await askName(
      kind === 'file'
        ? vscode.l10n.t('Name of the new file in {0} of {1}', where, label)
        : vscode.l10n.t('Name of the new folder in {0} of {1}', where, label),
    );
    if (name === undefined) return;
    const uri = scheme.uri(ctx.engine, target.rootKey, joinPath(folder, name));
    if (kind === 'folder') await vscode.workspace.fs.createDirectory(uri);
    else await vscode.workspace.fs.writeFile(uri, new Uint8Array());
    refresh(ctx, target);
    if (kind === 'file') await vscode.commands.executeCommand('vscode.open', uri);
  };

export const newFile = (roots: FileRoots): BerthCommand => create(roots, 'file');
export const newFolder = (roots: FileRoots): BerthCommand => create(roots, 'folder');

export const renameFile =
  (roots: FileRoots): BerthCommand =>
  async (ctx, node) => {
    const target = fileNode(node);
    if (!target?.entry) return;
    const scheme = roots[target.root];
    const name = await askName(
      vscode.l10n.t('New name for /{0} in {1}', target.path, scheme.on(ctx.engine).label(target.rootKey)),
      baseName(target.path),
    );
    if (name === undefined || name === baseName(target.path)) return;
    await vscode.workspace.fs.rename(
      scheme.uri(ctx.engine, target.rootKey, target.path),
      scheme.uri(ctx.engine, target.rootKey, joinPath(parentOf(target.path), name)),
      { overwrite: false },
    );
    refresh(ctx, target);
  };

export const deleteFile =
  (roots: FileRoots): BerthCommand =>
  async (ctx, node) => {
    const target = fileNode(node);
    if (!target?.entry) return;
    const scheme = roots[target.root];
    const label = scheme.on(ctx.engine).label(target.rootKey);
    const message =
      target.entry.kind === 'directory'
        ? vscode.l10n.t('Delete the folder /{0} and everything in it from {1}?', target.path, label)
        : vscode.l10n.t('Delete /{0} from {1}?', target.path, label);
    const yes = await confirmModal(
      message,
      target.root === 'volume'
        ? vscode.l10n.t('It is deleted permanently: volumes have no trash.')
        : vscode.l10n.t('It is deleted permanently: containers have no trash.'),
      vscode.l10n.t('Delete'),
    );
    if (!yes) return;
    await vscode.workspace.fs.delete(scheme.uri(ctx.engine, target.rootKey, target.path), {
      recursive: true,
    });
    refresh(ctx, target);
  };
