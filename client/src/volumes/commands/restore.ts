// Restore Volume…: pick an archive and a target (new or existing), confirm in a modal what
// happens to what is there, then restore with cancellable progress.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { BerthCommand } from '../../commands/context';
import type { SessionVolumeTools } from '../tools';
import { formatBytes } from '../../shared/text';
import type { RestorePhase } from '../core/restore';
import { chooseMode, chooseTarget, type SourceWords } from './restoreChoices';
import { cancellableProgress } from '../../ui/progress';

export function phaseText(phase: RestorePhase): string {
  switch (phase) {
    case 'checking':
      return vscode.l10n.t('Checking every archive entry');
    case 'uploading':
      return vscode.l10n.t('Unpacking into a staging volume');
    case 'saving':
      return vscode.l10n.t('Saving the current contents for rollback');
    case 'applying':
      return vscode.l10n.t('Applying to the volume');
    case 'rolling back':
      return vscode.l10n.t('Putting the volume back as it was');
  }
}

/** `pgdata-20240101-120000.tar.gz` → `pgdata`, a starting point for a new volume's name. */
function nameFromArchive(path: string): string {
  const stem = basename(path)
    .replace(/\.(tar\.gz|tgz|tar)$/i, '')
    .replace(/-\d{8}-\d{6}$/, '');
  return stem.replace(/[^a-zA-Z0-9_.-]/g, '-').replace(/^[^a-zA-Z0-9]+/, '') || 'restored';
}

function archiveWords(archive: string): SourceWords {
  const source = basename(archive);
  return {
    into: vscode.l10n.t('Restore {0} into…', source),
    newTitle: vscode.l10n.t('Restore into a new volume'),
    action: vscode.l10n.t('Restore'),
    intoEmpty: (volume) => vscode.l10n.t('Restore {0} into the empty volume {1}?', source, volume),
    intoFull: (volume) =>
      vscode.l10n.t('Volume {0} is not empty. How should {1} be restored into it?', volume, source),
    merge: vscode.l10n.t(
      'Merge: files in the archive overwrite the files at the same paths; everything else in the volume stays.',
    ),
    replace: vscode.l10n.t(
      "Replace: the volume's current contents are deleted; afterwards it holds exactly what the archive holds.",
    ),
    safety: vscode.l10n.t(
      'The archive is checked completely first. If the restore fails or is cancelled, the volume is left as it was.',
    ),
  };
}

export function restoreVolume(volumes: SessionVolumeTools): BerthCommand {
  return async (ctx, _node, _selection, argument) => {
    const files = await vscode.window.showOpenDialog({
      title: vscode.l10n.t('Archive to restore'),
      canSelectMany: false,
      filters: { [vscode.l10n.t('Tar archives')]: ['tar.gz', 'tgz', 'tar'] },
      openLabel: vscode.l10n.t('Restore'),
    });
    const archive = files?.[0]?.fsPath;
    if (!archive) return;
    const words = archiveWords(archive);
    const target = await chooseTarget(ctx.session, argument, words, nameFromArchive(archive));
    if (!target) return;
    const mode = target.isNew ? 'new' : await chooseMode(volumes, target.volume, words);
    if (!mode) return;
    const result = await cancellableProgress(
      vscode.l10n.t('Restoring {0} into volume {1}', basename(archive), target.volume),
      (progress, signal) => {
        let shown = 0;
        return volumes.tools().restore({
          archive,
          volume: target.volume,
          mode,
          signal,
          onProgress: ({ phase, bytes, total }) => {
            const counted = phase === 'checking' || phase === 'uploading';
            // Checking and unpacking each read the whole file: half of the bar each.
            const percent =
              counted && total > 0 ? (phase === 'uploading' ? 50 : 0) + (bytes / total) * 50 : shown;
            const amount = counted ? ` (${formatBytes(bytes)} / ${formatBytes(total)})` : '';
            progress.report({
              message: phaseText(phase) + amount,
              increment: Math.max(0, percent - shown),
            });
            shown = Math.max(shown, percent);
          },
        });
      },
    );
    await ctx.session.refresh();
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Restored {0} files and {1} folders ({2}) into volume {3}.',
        result.counts.files.toLocaleString(),
        result.counts.directories.toLocaleString(),
        formatBytes(result.counts.bytes),
        target.volume,
      ),
    );
  };
}
