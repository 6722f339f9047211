// Empty Volume…: removes everything inside a volume and keeps the volume (its name, driver,
// labels and the mounts of its containers). The confirmation names the volume and what is in it.
import * as vscode from 'vscode';
import type { BerthCommand } from '../../commands/context';
import { confirmModal } from '../../ui/confirm';
import type { WriteConsent } from '../../archiveFiles/consent';
import type { SessionVolumeTools } from '../tools';
import { chooseVolume } from './target';

const shownNames = 8;

export const emptyVolume =
  (tools: SessionVolumeTools, consent: WriteConsent): BerthCommand =>
  async (ctx, _node, _selection, argument) => {
    const volume = await chooseVolume(ctx.session, argument, vscode.l10n.t('Volume to empty'));
    if (!volume) return;
    const { entries, truncated } = await tools.list(volume, '', shownNames + 1);
    if (entries.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Volume "{0}" is already empty.', volume));
      return;
    }
    const names = entries.slice(0, shownNames).map((entry) => entry.name);
    const more = truncated || entries.length > shownNames ? ', …' : '';
    const yes = await confirmModal(
      vscode.l10n.t('Delete everything in volume "{0}"?', volume),
      vscode.l10n.t('Deleted permanently: {0}{1}. The volume itself stays, empty.', names.join(', '), more),
      vscode.l10n.t('Empty Volume'),
    );
    if (!yes) return;
    await consent.check(volume);
    const removed = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Emptying volume "{0}"', volume),
      },
      () => tools.tools().files.empty(volume, ''),
    );
    ctx.views.providers.volumes.refreshAll();
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Emptied volume "{0}": {1} top-level entries removed.', volume, removed.length),
    );
  };
