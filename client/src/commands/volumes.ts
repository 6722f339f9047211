import * as vscode from 'vscode';
import type { Volume } from '../engine/model/snapshot';
import { confirmModal } from '../ui/confirm';
import type { SessionVolumeTools } from '../volumes/tools';
import { askText } from '../ui/pick';
import { formatBytes } from '../shared/text';
import { keys } from '../shared/nodes';
import { volumeLabel } from '../views/present/volumes';
import type { SizedSession } from '../views/volumeSizes';
import { changing, dockerOf, snapshotOf, targetsOf, withProgress, type BerthCommand } from './context';
import { UserError } from './failures';
import { batchFailures, removeEach } from './removeEach';
import {
  pruneVolumes as pruneVolumesOnEngine,
  removeVolume as removeVolumeOnEngine,
} from '../engine/operations/volumes';
import { parseKeyValues } from './keyValues';
import { volumeNameProblem } from './validate';
import { volumeFor } from './targets';

export const inspectVolume: BerthCommand = async (ctx, node) => {
  const volume = await volumeFor(await snapshotOf(ctx), node, vscode.l10n.t('Volume to inspect'));
  if (volume) await ctx.openInspect('volume', volume.name, volumeLabel(volume));
};

export const createVolume: BerthCommand = async (ctx) => {
  const snapshot = await snapshotOf(ctx);
  const title = (step: number) => vscode.l10n.t('Create Volume ({0}/{1})', step, 4);
  const name = await askText({
    title: title(1),
    prompt: vscode.l10n.t('Volume name'),
    placeHolder: 'pgdata',
    validate: (value) => volumeNameProblem(snapshot, value.trim()),
  });
  if (name === undefined) return;
  const driver = await askText({
    title: title(2),
    prompt: vscode.l10n.t('Volume driver'),
    value: 'local',
    validate: (value) =>
      /^[\w.\-/:]+$/.test(value.trim()) ? undefined : vscode.l10n.t('Enter a driver name, e.g. local.'),
  });
  if (driver === undefined) return;
  const options = await askText({
    title: title(3),
    prompt: vscode.l10n.t('Driver options (optional), key=value separated by spaces'),
    placeHolder: 'type=tmpfs device=tmpfs o=size=100m',
    validate: (value) => parseKeyValues(value).problem,
  });
  if (options === undefined) return;
  const labels = await askText({
    title: title(4),
    prompt: vscode.l10n.t('Labels (optional), key=value separated by spaces'),
    placeHolder: 'team=web',
    validate: (value) => parseKeyValues(value).problem,
  });
  if (labels === undefined) return;
  const docker = dockerOf(ctx);
  await changing(ctx, vscode.l10n.t('Creating volume {0}…', name.trim()), () =>
    docker.createVolume({
      Name: name.trim(),
      Driver: driver.trim(),
      DriverOpts: parseKeyValues(options).values,
      Labels: parseKeyValues(labels).values,
    }),
  );
  await ctx.views.reveal('volumes', keys.volume(name.trim()));
};

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
