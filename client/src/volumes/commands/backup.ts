// Back Up Volume…: save dialog, cancellable progress in bytes, then the verified counts.
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { BerthCommand } from '../../commands/context';
import type { SessionVolumeTools } from '../tools';
import { formatBytes } from '../../shared/text';
import { chooseVolume } from './target';
import { byteProgress, cancellableProgress } from '../../ui/progress';

function defaultName(volume: string): string {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `${volume}-${stamp}.tar.gz`;
}

export function backupVolume(volumes: SessionVolumeTools): BerthCommand {
  return async (ctx, _node, _selection, argument) => {
    const volume = await chooseVolume(ctx.session, argument, vscode.l10n.t('Volume to back up'));
    if (volume === undefined) return;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? homedir();
    const target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Back Up Volume {0}', volume),
      defaultUri: vscode.Uri.file(join(folder, defaultName(volume))),
      // VS Code's own save dialog (web, remote) compares only the last extension with the
      // filters and appends `.tar.gz` to a name ending in `.tar.gz` unless `gz` is listed.
      filters: { [vscode.l10n.t('Tar archives')]: ['tar.gz', 'tgz', 'tar', 'gz'] },
      saveLabel: vscode.l10n.t('Back Up'),
    });
    if (!target) return;
    if (!/\.(tar|tar\.gz|tgz)$/i.test(target.fsPath)) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          'Choose a file name that ends in .tar, .tar.gz or .tgz: "{0}" does not.',
          target.fsPath,
        ),
      );
      return;
    }
    const expected = ctx.session.snapshot?.volumes.get(volume)?.size;
    const result = await cancellableProgress(
      vscode.l10n.t('Backing up volume {0}', volume),
      (progress, signal) =>
        volumes.tools().backup({
          volume,
          destination: target.fsPath,
          signal,
          onProgress: byteProgress(progress, expected),
        }),
    );
    const reveal = vscode.l10n.t('Reveal in File Explorer');
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Backed up {0} files and {1} folders ({2}) of volume {3} to {4}; verified: the archive holds exactly what the volume sent.',
        result.counts.files.toLocaleString(),
        result.counts.directories.toLocaleString(),
        formatBytes(result.counts.bytes),
        volume,
        target.fsPath,
      ),
      reveal,
    );
    if (answer === reveal) {
      await vscode.commands.executeCommand('revealFileInOS', target);
    }
  };
}
