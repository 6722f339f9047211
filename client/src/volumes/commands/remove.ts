// Remove Volume and Prune Unused Volumes: each names exactly what goes, with sizes for a prune.
import * as vscode from 'vscode';
import type { Volume } from '../../engine/model/snapshot';
import { confirmModal } from '../../ui/confirm';
import type { SessionVolumeTools } from '../tools';
import { formatBytes } from '../../shared/text';
import { volumeLabel } from '../tree/present';
import type { SizedSession } from '../sizes';
import {
  changing,
  dockerOf,
  snapshotOf,
  targetsOf,
  withProgress,
  type BerthCommand,
} from '../../commands/context';
import { UserError } from '../../shared/failures';
import { batchFailures, removeEach } from '../../commands/removeEach';
import {
  pruneVolumes as pruneVolumesOnEngine,
  removeVolume as removeVolumeOnEngine,
} from '../../engine/operations/volumes';
import { volumeFor } from './target';

function users(volume: Volume): string {
  return [...new Set(volume.usedBy.map((use) => use.containerName))].join(', ');
}

export const removeVolume =
  (tools: SessionVolumeTools): BerthCommand =>
  async (ctx, node, selection) => {
    const snapshot = await snapshotOf(ctx);
    const names = [
      ...new Set(
        targetsOf(node, selection).flatMap((target) => (target.kind === 'volume' ? [target.volumeName] : [])),
      ),
    ];
    const volumes =
      names.length > 0
        ? names.flatMap((name) => snapshot.volumes.get(name) ?? [])
        : [await volumeFor(snapshot, undefined, vscode.l10n.t('Volume to remove'))].flatMap((v) => v ?? []);
    if (volumes.length === 0) return;
    const inUse = volumes.filter((volume) => volume.usedBy.length > 0);
    if (inUse.length > 0)
      throw new UserError(
        inUse
          .map((volume) =>
            vscode.l10n.t(
              'Volume "{0}" is used by {1}: remove those containers first.',
              volumeLabel(volume),
              users(volume),
            ),
          )
          .join(' '),
      );
    const list = volumes.map((volume) => volume.name).join(', ');
    const message =
      volumes.length === 1
        ? vscode.l10n.t('Remove volume "{0}"?', volumeLabel(volumes[0]))
        : vscode.l10n.t('Remove {0} volumes: {1}?', volumes.length, volumes.map(volumeLabel).join(', '));
    if (
      !(await confirmModal(
        message,
        vscode.l10n.t('All data in {0} is deleted permanently.', list),
        vscode.l10n.t('Remove'),
      ))
    )
      return;
    const docker = dockerOf(ctx);
    const failed = await removeEach(
      ctx,
      vscode.l10n.t('Removing {0}…', list),
      volumes,
      volumeLabel,
      async (volume) => {
        // Browsing keeps a helper container on the volume for a moment; the engine would refuse.
        await tools.release(volume.name);
        await removeVolumeOnEngine(docker, snapshot, volume.name);
      },
    );
    if (failed.length > 0)
      throw new UserError(vscode.l10n.t('Some volumes were not removed — {0}', failed.join('; ')));
  };

/**
 * Removes exactly the volumes shown, with their sizes, one by one: the engine's own prune would
 * also take a volume that became unused after the preview.
 */
export const pruneVolumes =
  (tools: SessionVolumeTools): BerthCommand =>
  async (ctx) => {
    await ctx.session.refresh();
    const snapshot = await snapshotOf(ctx);
    const unused = [...snapshot.volumes.values()]
      .filter((volume) => volume.usedBy.length === 0)
      .sort((a, b) => a.name.localeCompare(b.name));
    if (unused.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There are no unused volumes to prune.'));
      return;
    }
    const docker = dockerOf(ctx);
    const session: SizedSession = ctx.session;
    await withProgress(vscode.l10n.t('Measuring unused volumes…'), async () =>
      session.loadVolumeSizes?.(),
    ).catch(() => undefined);
    const sizes = new Map(
      [...(ctx.session.snapshot?.volumes.values() ?? [])].flatMap((v) =>
        v.size !== undefined ? [[v.name, v.size] as const] : [],
      ),
    );
    const total = unused.reduce((sum, volume) => sum + (sizes.get(volume.name) ?? 0), 0);
    const list = unused
      .map((volume) => {
        const size = sizes.get(volume.name);
        const kind = volume.anonymous ? ` (${vscode.l10n.t('anonymous')})` : '';
        return `• ${volumeLabel(volume)}${kind} — ${size === undefined ? vscode.l10n.t('size unknown') : formatBytes(size)}`;
      })
      .join('\n');
    const ok = await confirmModal(
      vscode.l10n.t('Delete {0} unused volumes ({1})?', unused.length, formatBytes(total)),
      vscode.l10n.t('No container uses these volumes. Their data is deleted permanently:\n{0}', list),
      vscode.l10n.t('Delete Volumes'),
    );
    if (!ok) return;
    const result = await changing(ctx, vscode.l10n.t('Pruning volumes…'), async () => {
      for (const volume of unused) await tools.release(volume.name);
      return pruneVolumesOnEngine(docker, unused);
    });
    if (result.failed.length > 0)
      throw new UserError(vscode.l10n.t('Some volumes were not removed — {0}', batchFailures(result)));
    void vscode.window.showInformationMessage(vscode.l10n.t('Deleted {0} volumes.', result.removed.length));
  };
