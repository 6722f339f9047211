// The file commands of the Volumes and Containers views: one table, the tree node saying which
// root's file system each acts on.
import * as vscode from 'vscode';
import type { CommandTable } from '../../commands/registry';
import type { FileRoots } from '../roots';
import { deleteFile, newFile, newFolder, renameFile } from './files';
import { downloadFiles, uploadFiles } from './transfer';

export function fileCommands(roots: FileRoots): CommandTable {
  return {
    'berth.volume.newFile': { run: newFile(roots), failure: () => vscode.l10n.t('Creating the file failed') },
    'berth.volume.newFolder': {
      run: newFolder(roots),
      failure: () => vscode.l10n.t('Creating the folder failed'),
    },
    'berth.volume.renameFile': { run: renameFile(roots), failure: () => vscode.l10n.t('Renaming failed') },
    'berth.volume.deleteFile': { run: deleteFile(roots), failure: () => vscode.l10n.t('Deleting failed') },
    'berth.volume.upload': { run: uploadFiles(roots), failure: () => vscode.l10n.t('Uploading failed') },
    'berth.volume.download': {
      run: downloadFiles(roots),
      failure: () => vscode.l10n.t('Downloading failed'),
    },
  };
}
