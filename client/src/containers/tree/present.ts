import { filesRoot } from '../../archiveFiles/tree/files';
import type { Container, Mount, Snapshot } from '../../engine/model/snapshot';
import {
  formatPorts,
  healthWord,
  isRunning,
  publishedPorts,
  stateIcon,
  timelessStatus,
} from '../../shared/containerState';
import {
  keys,
  type BerthNode,
  type ContainerNode,
  type GroupNode,
  type HintNode,
  type Presentation,
} from '../../shared/nodes';
import { code, escapeMarkdown, keyValueLines, shortId, t } from '../../shared/text';

/** `container.running|stopped[.published]`: package.json menus match these. */
export function containerContextValue(container: Container): string {
  const parts = ['container', isRunning(container) ? 'running' : 'stopped'];
  if (container.state === 'paused') parts.push('paused');
  if (publishedPorts(container).length > 0) parts.push('published');
  return parts.join('.');
}

export function networkModeText(container: Container): string {
  const mode = container.networkMode;
  switch (mode.kind) {
    case 'container':
      return `container:${mode.containerName ?? shortId(mode.containerId)}`;
    case 'bridge':
    case 'user':
      return container.endpoints.map((endpoint) => endpoint.networkName).join(', ') || mode.kind;
    default:
      return mode.kind;
  }
}

export function presentContainer(container: Container, inGroup: boolean): Presentation {
  const parts = [container.image, timelessStatus(container.status) || container.state];
  const health = healthWord(container);
  if (health) parts.push(health);
  const ports = formatPorts(container);
  if (ports) parts.push(ports);
  if (inGroup && container.composeService && container.composeService !== container.name)
    parts.unshift(container.composeService);
  return {
    label: container.name,
    description: parts.join(' · '),
    tooltip: containerTooltip(container),
    icon: stateIcon(container),
    contextValue: containerContextValue(container),
    collapsible: 'collapsed',
  };
}

export function containerTooltip(container: Container): string {
  const heading = `**${escapeMarkdown(container.name)}**`;
  const facts = keyValueLines([
    [t('ID'), code(container.id)],
    [t('Image'), code(container.image)],
    [t('Command'), container.command ? code(container.command) : undefined],
    [t('Created'), new Date(container.created * 1000).toISOString()],
    [t('State'), escapeMarkdown(`${container.state} — ${container.status}`)],
    [t('Health'), healthWord(container)],
    [t('Network mode'), code(networkModeText(container))],
    [t('Published ports'), formatPorts(container) || undefined],
    [t('Compose project'), container.composeProject ? escapeMarkdown(container.composeProject) : undefined],
    [t('Compose service'), container.composeService ? escapeMarkdown(container.composeService) : undefined],
    [t('Links'), container.links.length > 0 ? container.links.map(code).join(', ') : undefined],
  ]);
  return `${heading}\n\n${facts}`;
}

export function groupContainers(snapshot: Snapshot): {
  groups: Map<string, Container[]>;
  loose: Container[];
} {
  const groups = new Map<string, Container[]>();
  const loose: Container[] = [];
  for (const container of snapshot.containers.values()) {
    if (container.composeProject) {
      const members = groups.get(container.composeProject) ?? [];
      members.push(container);
      groups.set(container.composeProject, members);
    } else loose.push(container);
  }
  return { groups, loose };
}

const byName = (a: Container, b: Container) => a.name.localeCompare(b.name);

function containerNode(container: Container, parentKey?: string): ContainerNode {
  return { kind: 'container', key: keys.container(container.id), parentKey, containerId: container.id };
}

/** Compose projects first, then containers that belong to none. */
export function containerRoots(snapshot: Snapshot): (GroupNode | ContainerNode)[] {
  const { groups, loose } = groupContainers(snapshot);
  const groupNodes: GroupNode[] = [...groups.keys()]
    .sort((a, b) => a.localeCompare(b))
    .map((project) => ({ kind: 'group', key: keys.group(project), project }));
  return [...groupNodes, ...loose.sort(byName).map((container) => containerNode(container))];
}

export function groupChildren(snapshot: Snapshot, node: GroupNode): ContainerNode[] {
  return [...snapshot.containers.values()]
    .filter((container) => container.composeProject === node.project)
    .sort(byName)
    .map((container) => containerNode(container, node.key));
}

export function presentGroup(snapshot: Snapshot, node: GroupNode): Presentation {
  const members = groupChildren(snapshot, node).map((child) => snapshot.containers.get(child.containerId)!);
  const running = members.filter(isRunning).length;
  return {
    label: node.project,
    description: t('compose · {0} running of {1}', running, members.length),
    tooltip: t('Compose project **{0}**', escapeMarkdown(node.project)),
    icon: { id: 'layers' },
    contextValue: 'composeProject',
    collapsible: 'expanded',
  };
}

type Hint = Omit<HintNode, 'key' | 'parentKey'>;

/** The notes' pitfalls about how this container is wired, shown as its first children. */
export function containerHints(snapshot: Snapshot, container: Container): Hint[] {
  const hints: Hint[] = [];
  const mode = container.networkMode;
  if (mode.kind === 'host') {
    hints.push({
      kind: 'hint',
      hint: 'mode-host',
      label: '--network host',
      detail: t("Uses the host's network stack: no own IP address and no isolation from the host's ports."),
      tone: 'info',
    });
    if (container.ports.length > 0)
      hints.push({
        kind: 'hint',
        hint: 'host-ports-ignored',
        label: t('Port bindings (-p) are ignored with --network host'),
        detail: t(
          "This container asks for port bindings, but with host networking the engine ignores -p: the process listens on the host's ports directly.",
        ),
        tone: 'warning',
      });
  } else if (mode.kind === 'none') {
    hints.push({
      kind: 'hint',
      hint: 'mode-none',
      label: '--network none',
      detail: t('No network: only a loopback interface (lo).'),
      tone: 'info',
    });
  } else if (mode.kind === 'container') {
    const host = [...snapshot.containers.values()].find(
      (candidate) => candidate.id === mode.containerId || candidate.id.startsWith(mode.containerId),
    );
    const name = host?.name ?? mode.containerName ?? shortId(mode.containerId);
    hints.push({
      kind: 'hint',
      hint: 'mode-container',
      label: `--network container:${name}`,
      detail: t(
        "Shares {0}'s network stack: same addresses and ports. It loses its network when {0} stops.",
        name,
      ),
      tone: host && !isRunning(host) ? 'warning' : 'info',
    });
  }
  if (container.links.length > 0)
    hints.push({
      kind: 'hint',
      hint: 'legacy-link',
      label: t('--link is legacy'),
      detail: t(
        'Links only work on the default bridge and are kept for compatibility. Put the containers on a user-defined network: they find each other by name there.',
      ),
      tone: 'info',
    });
  return hints;
}

export function containerChildren(snapshot: Snapshot, node: ContainerNode): BerthNode[] {
  const container = snapshot.containers.get(node.containerId);
  if (!container) return [];
  const parentKey = node.key;
  const children: BerthNode[] = containerHints(snapshot, container).map((hint) => ({
    ...hint,
    key: keys.hint(parentKey, hint.hint),
    parentKey,
  }));
  const kind = container.networkMode.kind;
  if (kind !== 'host' && kind !== 'none')
    for (const endpoint of [...container.endpoints].sort((a, b) =>
      a.networkName.localeCompare(b.networkName),
    ))
      children.push({
        kind: 'endpoint',
        view: 'containers',
        key: keys.endpoint('containers', endpoint.networkId, container.id),
        parentKey,
        networkId: endpoint.networkId,
        containerId: container.id,
      });
  for (const mount of container.mounts)
    children.push({
      kind: 'mount',
      key: keys.mount(container.id, mount.destination),
      parentKey,
      containerId: container.id,
      destination: mount.destination,
    });
  children.push(filesRoot('container', container.id, parentKey));
  return children;
}

function mountSource(mount: Mount): string {
  if (mount.type === 'tmpfs') return 'tmpfs';
  if (mount.type === 'volume' && /^[0-9a-f]{64}$/.test(mount.source))
    return `${mount.source.slice(0, 12)} (${t('anonymous')})`;
  return mount.source;
}

const mountIcons: Record<Mount['type'], string> = {
  volume: 'database',
  bind: 'folder',
  tmpfs: 'zap',
  npipe: 'debug-disconnect',
  cluster: 'server',
};

export function presentMount(mount: Mount): Presentation {
  const access = mount.readOnly ? 'ro' : 'rw';
  return {
    label: `${mountSource(mount)} → ${mount.destination}`,
    description: `${mount.type} · ${access}`,
    tooltip: keyValueLines([
      [t('Type'), mount.type],
      [t('Source'), mount.source ? code(mount.source) : undefined],
      [t('Destination'), code(mount.destination)],
      [t('Access'), mount.readOnly ? t('read-only') : t('read-write')],
      [t('Driver'), mount.driver ? code(mount.driver) : undefined],
    ]),
    icon: { id: mountIcons[mount.type] },
    contextValue: `mount.${mount.type}`,
    collapsible: 'none',
  };
}
