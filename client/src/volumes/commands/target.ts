// Which volume a command acts on: the clicked tree node, a name, or a pick from the snapshot.
// The data commands (browse, back up, restore, clone) also take a name or `{ volume }` from other
// callers and pick by name; the tree's commands pick with the tree's own labels.
import * as vscode from 'vscode';
import type { Snapshot, Volume } from '../../engine/model/snapshot';
import type { EngineSession } from '../../engine/live/contract';
import { byName } from '../../commands/targets';
import type { BerthNode } from '../../shared/nodes';
import { pickOne, type PickItem } from '../../ui/pick';
import { usageSummary, volumeLabel } from '../tree/present';

/** The volume a command was given: a tree node (`volumeName`), a name, or `{ volume }`. */
export function volumeNameOf(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument;
  if (typeof argument !== 'object' || argument === null) return undefined;
  const named = argument as { volumeName?: unknown; volume?: { name?: unknown } };
  if (typeof named.volumeName === 'string') return named.volumeName;
  if (typeof named.volume?.name === 'string') return named.volume.name;
  return undefined;
}

/** The snapshot's volumes, starting the session if a command runs before any view was shown. */
export async function knownVolumes(session: EngineSession): Promise<Volume[]> {
  if (!session.snapshot) {
    session.start();
    await session.refresh();
  }
  return [...(session.snapshot?.volumes.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name));
}

export async function chooseVolume(
  session: EngineSession,
  argument: unknown,
  placeHolder: string,
): Promise<string | undefined> {
  const named = volumeNameOf(argument);
  if (named !== undefined) return named;
  const volumes = await knownVolumes(session);
  if (volumes.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no volumes on this engine.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    volumes.map((volume) => ({
      label: volume.name,
      description: [volume.driver, volume.usedBy.map((use) => use.containerName).join(', ')]
        .filter(Boolean)
        .join(' · '),
      name: volume.name,
    })),
    { placeHolder, matchOnDescription: true },
  );
  return picked?.name;
}

function nodeVolumeName(node: BerthNode): string | undefined {
  return node.kind === 'volume' || node.kind === 'usage' ? node.volumeName : undefined;
}

function volumeItem(volume: Volume): PickItem<Volume> {
  return {
    label: volumeLabel(volume),
    description: `${volume.driver} · ${usageSummary(volume)}`,
    value: volume,
  };
}

async function pickVolume(
  snapshot: Snapshot,
  placeHolder: string,
  filter: (volume: Volume) => boolean = () => true,
): Promise<Volume | undefined> {
  const items = [...snapshot.volumes.values()].filter(filter).sort(byName).map(volumeItem);
  return pickOne(items, placeHolder, vscode.l10n.t('There is no volume to choose from.'));
}

export async function volumeFor(
  snapshot: Snapshot,
  node: BerthNode | undefined,
  placeHolder: string,
  filter?: (volume: Volume) => boolean,
): Promise<Volume | undefined> {
  const name = node && nodeVolumeName(node);
  if (name) return snapshot.volumes.get(name);
  return pickVolume(snapshot, placeHolder, filter);
}
