import type { Snapshot, Volume, VolumeUsage } from '../../engine/model/snapshot';
import { filesRoot } from '../../archiveFiles/tree/files';
import { keys, type BerthNode, type VolumeNode, type Presentation } from '../../shared/nodes';
import { code, escapeMarkdown, formatBytes, keyValueLines, recordLines, t } from '../../shared/text';

/** Anonymous volumes carry a 64-hex name; 12 characters tell them apart, like `docker ps`. */
export function volumeLabel(volume: Volume): string {
  return volume.anonymous ? volume.name.slice(0, 12) : volume.name;
}

/** `volume[.anonymous].used|unused`: package.json menus match `^volume\b`. */
export function volumeContextValue(volume: Volume): string {
  return [
    'volume',
    ...(volume.anonymous ? ['anonymous'] : []),
    volume.usedBy.length > 0 ? 'used' : 'unused',
    // `.compose` offers "Go to Compose Declaration".
    ...(volume.labels['com.docker.compose.volume'] ? ['compose'] : []),
  ].join('.');
}

function distinctContainers(usage: VolumeUsage[]): number {
  return new Set(usage.map((use) => use.containerId)).size;
}

export function usageSummary(volume: Volume): string {
  const count = distinctContainers(volume.usedBy);
  if (count === 0) return t('unused');
  return count === 1 ? t('1 container') : t('{0} containers', count);
}

export function presentVolume(volume: Volume): Presentation {
  const parts: string[] = [];
  if (volume.anonymous) parts.push(t('anonymous'));
  parts.push(volume.driver);
  if (volume.scope !== 'local') parts.push(volume.scope);
  parts.push(usageSummary(volume));
  if (volume.size !== undefined && volume.size >= 0) parts.push(formatBytes(volume.size));
  const unused = volume.usedBy.length === 0;
  return {
    label: volumeLabel(volume),
    description: parts.join(' · '),
    tooltip: volumeTooltip(volume),
    icon: { id: 'database', color: unused ? 'disabledForeground' : undefined },
    contextValue: volumeContextValue(volume),
    // Every volume has at least its "Files" folder.
    collapsible: 'collapsed',
  };
}

export function volumeTooltip(volume: Volume): string {
  const heading = `**${escapeMarkdown(volumeLabel(volume))}**${volume.anonymous ? ` — ${t('anonymous')}` : ''}`;
  const facts = keyValueLines([
    [t('Name'), code(volume.name)],
    [t('Driver'), code(volume.driver)],
    [t('Scope'), escapeMarkdown(volume.scope)],
    [t('Created'), volume.created ? escapeMarkdown(volume.created) : undefined],
    [t('Mountpoint'), code(volume.mountpoint)],
    [t('Size'), volume.size !== undefined && volume.size >= 0 ? formatBytes(volume.size) : undefined],
    [t('Used by'), usageSummary(volume)],
  ]);
  const sections = [heading, facts];
  if (volume.usedBy.length > 0)
    sections.push(
      volume.usedBy
        .map(
          (use) =>
            `- ${escapeMarkdown(use.containerName)} → ${code(use.destination)} (${use.readOnly ? 'ro' : 'rw'})`,
        )
        .join('\n'),
    );
  if (Object.keys(volume.options).length > 0)
    sections.push(`**${t('Driver options')}**\n\n${recordLines(volume.options).join('\n')}`);
  if (Object.keys(volume.labels).length > 0)
    sections.push(`**${t('Labels')}**\n\n${recordLines(volume.labels).join('\n')}`);
  return sections.join('\n\n');
}

/** Named volumes first (by name), anonymous ones after, so the ones people chose stay on top. */
export function volumeRoots(snapshot: Snapshot): VolumeNode[] {
  return [...snapshot.volumes.values()]
    .sort((a, b) => Number(a.anonymous) - Number(b.anonymous) || a.name.localeCompare(b.name))
    .map((volume) => ({ kind: 'volume', key: keys.volume(volume.name), volumeName: volume.name }));
}

export function volumeChildren(snapshot: Snapshot, node: VolumeNode): BerthNode[] {
  const volume = snapshot.volumes.get(node.volumeName);
  if (!volume) return [];
  const parentKey = node.key;
  const children: BerthNode[] = [filesRoot('volume', volume.name, parentKey)];
  if (volume.anonymous)
    children.push({
      kind: 'hint',
      hint: 'anonymous',
      key: keys.hint(parentKey, 'anonymous'),
      parentKey,
      label: t('Anonymous volume'),
      detail: t(
        'Made by a VOLUME instruction or `-v /path` without a name: every `docker run` creates a new one, so they pile up and are hard to reuse. Name the volume (`-v name:/path`) to keep and share the data.',
      ),
      tone: 'info',
    });
  for (const use of [...volume.usedBy].sort((a, b) => a.containerName.localeCompare(b.containerName)))
    children.push({
      kind: 'usage',
      key: keys.usage(volume.name, use.containerId, use.destination),
      parentKey,
      volumeName: volume.name,
      containerId: use.containerId,
      destination: use.destination,
    });
  return children;
}

export function presentUsage(
  snapshot: Snapshot,
  node: { containerId: string; volumeName: string; destination: string },
): Presentation | undefined {
  const volume = snapshot.volumes.get(node.volumeName);
  const use = volume?.usedBy.find(
    (u) => u.containerId === node.containerId && u.destination === node.destination,
  );
  if (!use) return undefined;
  const container = snapshot.containers.get(use.containerId);
  return {
    label: use.containerName,
    description: `→ ${use.destination} · ${use.readOnly ? 'ro' : 'rw'}`,
    tooltip: t(
      '**{0}** mounts this volume at {1}, {2}.',
      escapeMarkdown(use.containerName),
      code(use.destination),
      use.readOnly ? t('read-only') : t('read-write'),
    ),
    icon:
      container && container.state === 'running'
        ? { id: 'vm-running', color: 'charts.green' }
        : { id: 'vm-outline' },
    contextValue: 'mounter',
    collapsible: 'none',
  };
}
