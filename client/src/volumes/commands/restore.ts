// Restore Volume…: pick an archive and a target (new or existing), confirm in a modal what
// happens to what is there, then restore with cancellable progress.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { BerthCommand } from '../../commands/context';
import type { EngineSession } from '../../engine/live/contract';
import type { SessionVolumeTools } from '../tools';
import { formatBytes } from '../../shared/text';
import { chooseModal, confirmModal } from '../../ui/confirm';
import type { RestoreMode, RestorePhase } from '../core/restore';
import { newVolumeNameProblem } from './clone';
import { knownVolumes, volumeNameOf } from './target';
import { cancellableProgress } from '../../ui/progress';

function phaseText(phase: RestorePhase): string {
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

async function chooseTarget(
  session: EngineSession,
  argument: unknown,
  archive: string,
): Promise<{ volume: string; isNew: boolean } | undefined> {
  const named = volumeNameOf(argument);
  if (named !== undefined) return { volume: named, isNew: false };
  const volumes = await knownVolumes(session);
  const fresh = { label: vscode.l10n.t('$(add) New volume…'), name: undefined as string | undefined };
  const picked = await vscode.window.showQuickPick(
    [
      fresh,
      ...volumes.map((volume) => ({ label: volume.name, description: volume.driver, name: volume.name })),
    ],
    { placeHolder: vscode.l10n.t('Restore {0} into…', basename(archive)) },
  );
  if (!picked) return undefined;
  if (picked.name !== undefined) return { volume: picked.name, isNew: false };
  const taken = new Set(volumes.map((volume) => volume.name));
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Restore into a new volume'),
    prompt: vscode.l10n.t('Name of the new volume'),
    value: nameFromArchive(archive),
    ignoreFocusOut: true,
    validateInput: (value) => newVolumeNameProblem(value.trim(), taken),
  });
  return name === undefined ? undefined : { volume: name.trim(), isNew: true };
}

/** The modal for an existing volume: says whether it is empty and what each choice does to it. */
async function chooseMode(
  volumes: SessionVolumeTools,
  volume: string,
  archive: string,
): Promise<RestoreMode | undefined> {
  const [empty, blocker] = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Looking at volume {0}…', volume),
    },
    async () => {
      const isEmpty = await volumes.tools().isEmpty(volume);
      return [isEmpty, isEmpty ? undefined : await volumes.tools().replaceBlocker(volume)] as const;
    },
  );
  const safety = vscode.l10n.t(
    'The archive is checked completely first. If the restore fails or is cancelled, the volume is left as it was.',
  );
  if (empty) {
    const restore = vscode.l10n.t('Restore');
    const ok = await confirmModal(
      vscode.l10n.t('Restore {0} into the empty volume {1}?', basename(archive), volume),
      safety,
      restore,
    );
    return ok ? 'merge' : undefined;
  }
  const merge = vscode.l10n.t('Merge');
  const replace = vscode.l10n.t('Replace');
  const lines = [
    vscode.l10n.t(
      'Merge: files in the archive overwrite the files at the same paths; everything else in the volume stays.',
    ),
    blocker ??
      vscode.l10n.t(
        "Replace: the volume's current contents are deleted; afterwards it holds exactly what the archive holds.",
      ),
    safety,
  ];
  const choices = blocker ? [merge] : [merge, replace];
  const answer = await chooseModal(
    vscode.l10n.t('Volume {0} is not empty. How should {1} be restored into it?', volume, basename(archive)),
    lines.join('\n\n'),
    ...choices,
  );
  if (answer === merge) return 'merge';
  if (answer === replace) return 'replace';
  return undefined;
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
    const target = await chooseTarget(ctx.session, argument, archive);
    if (!target) return;
    const mode = target.isNew ? 'new' : await chooseMode(volumes, target.volume, archive);
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
