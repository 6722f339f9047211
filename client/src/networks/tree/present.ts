import type { Container, Endpoint, Network, Snapshot } from '../../engine/model/snapshot';
import { formatEndpointAddresses, userAliases } from '../../shared/endpoints';
import { isRunning, stateIcon } from '../../shared/containerState';
import {
  keys,
  type BerthNode,
  type HintNode,
  type JoinedNode,
  type NetworkNode,
  type Presentation,
} from '../../shared/nodes';
import { code, escapeMarkdown, keyValueLines, recordLines, shortId, t } from '../../shared/text';
import { isEncryptedOverlay } from '../../engine/model/swarm';
import { isTaskContainerShown, overlayFacts, serviceChildren } from './swarm';

export type BuiltinNetwork = 'bridge' | 'host' | 'none';

export function builtinKind(network: Network): BuiltinNetwork | undefined {
  if (!network.builtin) return undefined;
  if (network.name === 'bridge' || network.name === 'host' || network.name === 'none') return network.name;
  return undefined;
}

/** `network.builtin.bridge|host|none` or `network.user[.inuse]`: package.json menus match these. */
export function networkContextValue(network: Network): string {
  const builtin = builtinKind(network);
  if (builtin) return `network.builtin.${builtin}`;
  const base = network.endpoints.length > 0 ? 'network.user.inuse' : 'network.user';
  // `.compose` offers "Go to Compose Declaration".
  return network.labels['com.docker.compose.network'] ? `${base}.compose` : base;
}

export function networkIcon(network: Network): string {
  switch (network.driver) {
    case 'bridge':
      return 'type-hierarchy-sub';
    case 'host':
      return 'home';
    case 'null':
      return 'circle-slash';
    case 'overlay':
      return 'cloud';
    case 'macvlan':
      return 'radio-tower';
    case 'ipvlan':
      return 'broadcast';
    default:
      return 'symbol-namespace';
  }
}

export function subnets(network: Network): string[] {
  return network.ipam.flatMap((config) => (config.subnet ? [config.subnet] : []));
}

export function presentNetwork(network: Network, joinedCount: number): Presentation {
  const parts = [network.driver, network.scope, ...subnets(network)];
  if (network.builtin) parts.push(t('built-in'));
  if (network.internal) parts.push(t('internal'));
  parts.push(...overlayFacts(network));
  const count = network.endpoints.length + joinedCount;
  if (count > 0) parts.push(count === 1 ? t('1 container') : t('{0} containers', count));
  const services = network.services?.length ?? 0;
  return {
    label: network.name,
    description: parts.join(' · '),
    tooltip: networkTooltip(network),
    icon: { id: networkIcon(network) },
    contextValue: networkContextValue(network),
    collapsible: count + services > 0 || networkHints(network).length > 0 ? 'collapsed' : 'none',
  };
}

function yesNo(value: boolean): string {
  return value ? t('yes') : t('no');
}

export function networkTooltip(network: Network): string {
  const heading = `**${escapeMarkdown(network.name)}**${network.builtin ? ` — ${t('built-in')}` : ''}`;
  const facts = keyValueLines([
    [t('ID'), code(network.id)],
    [t('Created'), escapeMarkdown(network.created)],
    [t('Driver'), code(network.driver)],
    [t('Scope'), escapeMarkdown(network.scope)],
    [t('IPAM driver'), code(network.ipamDriver)],
    [t('Internal'), yesNo(network.internal)],
    [t('Attachable'), yesNo(network.attachable)],
    [t('Encrypted'), network.driver === 'overlay' ? yesNo(isEncryptedOverlay(network)) : undefined],
    [t('Ingress'), network.ingress ? yesNo(true) : undefined],
    [t('IPv6'), yesNo(network.enableIPv6)],
  ]);
  const sections = [heading, facts];
  const ipam = network.ipam.map((config) =>
    keyValueLines([
      [t('Subnet'), config.subnet ? code(config.subnet) : undefined],
      [t('Gateway'), config.gateway ? code(config.gateway) : undefined],
      [t('IP range'), config.ipRange ? code(config.ipRange) : undefined],
    ]),
  );
  if (ipam.some((block) => block !== ''))
    sections.push(`**${t('IPAM')}**  \n${ipam.filter(Boolean).join('  \n')}`);
  if (Object.keys(network.options).length > 0)
    sections.push(`**${t('Driver options')}**\n\n${recordLines(network.options).join('\n')}`);
  if (Object.keys(network.labels).length > 0)
    sections.push(`**${t('Labels')}**\n\n${recordLines(network.labels).join('\n')}`);
  return sections.join('\n\n');
}

/** The lessons of the notes that belong on this network, shown as its first children. */
export function networkHints(network: Network): Omit<HintNode, 'key' | 'parentKey'>[] {
  const hints: Omit<HintNode, 'key' | 'parentKey'>[] = [];
  switch (builtinKind(network)) {
    case 'bridge':
      hints.push({
        kind: 'hint',
        hint: 'bridge-dns',
        label: t('No name resolution on the default bridge'),
        detail: t(
          'Containers on the default bridge network reach each other only by IP address. Connect them to a user-defined network instead: its embedded DNS resolves container names.',
        ),
        tone: 'info',
      });
      break;
    case 'host':
      hints.push({
        kind: 'hint',
        hint: 'host-stack',
        label: t("Shares the host's network stack"),
        detail: t(
          "Containers here use the host's interfaces and ports directly: no own IP address, no isolation, and published ports (-p) are ignored.",
        ),
        tone: 'info',
      });
      break;
    case 'none':
      hints.push({
        kind: 'hint',
        hint: 'none-loopback',
        label: t('Loopback only'),
        detail: t('Containers here have only a loopback interface (lo) and no network access at all.'),
        tone: 'info',
      });
      break;
    default:
      if (network.ingress)
        hints.push({
          kind: 'hint',
          hint: 'routing-mesh',
          label: t("The swarm's routing mesh"),
          detail: t(
            'A port a service publishes is open on every node of the swarm: the ingress network carries a connection that arrives at any node to a task of the service, wherever that task runs. Containers never join it; services join it by publishing ports.',
          ),
          tone: 'info',
        });
      else if (network.scope === 'swarm' && !network.attachable)
        hints.push({
          kind: 'hint',
          hint: 'services-only',
          label: t('Only swarm services can join'),
          detail: t(
            'This overlay network is not attachable: standalone containers cannot connect to it. Create an overlay with "attachable" on to connect containers across nodes.',
          ),
          tone: 'info',
        });
      if (network.internal)
        hints.push({
          kind: 'hint',
          hint: 'internal',
          label: t('Internal: no outside access'),
          detail: t('Containers on an internal network reach each other but nothing outside it.'),
          tone: 'info',
        });
  }
  return hints;
}

/**
 * Containers in `container:X` mode, found once per snapshot: every network row asks, and looking
 * through all containers for each endpoint cost tens of ms per render on a 1000-container engine.
 */
const stackSharers = new WeakMap<Snapshot, Container[]>();

function sharersOf(snapshot: Snapshot): Container[] {
  let sharers = stackSharers.get(snapshot);
  if (!sharers) {
    sharers = [...snapshot.containers.values()].filter((c) => c.networkMode.kind === 'container');
    stackSharers.set(snapshot, sharers);
  }
  return sharers;
}

/** Containers in `container:X` mode whose X is on this network: they share X's address here. */
export function joinedContainers(
  snapshot: Snapshot,
  network: Network,
): { joined: Container; host: Container }[] {
  const result: { joined: Container; host: Container }[] = [];
  const sharers = sharersOf(snapshot);
  if (sharers.length === 0) return result;
  for (const endpoint of network.endpoints) {
    const host = snapshot.containers.get(endpoint.containerId);
    if (!host) continue;
    for (const container of sharers) {
      const mode = container.networkMode;
      if (mode.kind === 'container' && (mode.containerId === host.id || host.id.startsWith(mode.containerId)))
        result.push({ joined: container, host });
    }
  }
  return result.sort((a, b) => a.joined.name.localeCompare(b.joined.name));
}

export function networkRoots(snapshot: Snapshot): NetworkNode[] {
  return [...snapshot.networks.values()]
    .sort((a, b) => Number(b.builtin) - Number(a.builtin) || a.name.localeCompare(b.name))
    .map((network) => ({ kind: 'network', key: keys.network(network.id), networkId: network.id }));
}

export function networkChildren(snapshot: Snapshot, node: NetworkNode): BerthNode[] {
  const network = snapshot.networks.get(node.networkId);
  if (!network) return [];
  const parentKey = node.key;
  const hints: BerthNode[] = networkHints(network).map((hint) => ({
    ...hint,
    key: keys.hint(parentKey, hint.hint),
    parentKey,
  }));
  const shown = network.endpoints.filter((endpoint) => !isTaskContainerShown(network, endpoint.containerId));
  const endpoints: BerthNode[] = shown.map((endpoint) => ({
    kind: 'endpoint',
    view: 'networks',
    key: keys.endpoint('networks', network.id, endpoint.containerId),
    parentKey,
    networkId: network.id,
    containerId: endpoint.containerId,
  }));
  const joined: JoinedNode[] = joinedContainers(snapshot, network).map(({ joined, host }) => ({
    kind: 'joined',
    key: keys.joined(network.id, joined.id),
    parentKey,
    networkId: network.id,
    containerId: joined.id,
    hostContainerId: host.id,
  }));
  return [...hints, ...serviceChildren(network), ...endpoints, ...joined];
}

export function presentJoined(joined: Container, host: Container): Presentation {
  return {
    label: joined.name,
    description: t("shares {0}'s network stack", host.name),
    tooltip: t(
      "**{0}** runs with `--network container:{1}`: it has no interface of its own and uses {1}'s addresses and ports. It loses its network when {1} stops.",
      escapeMarkdown(joined.name),
      escapeMarkdown(host.name),
    ),
    icon: { id: 'link', color: stateIcon(joined).color },
    contextValue: isRunning(joined) ? 'joined.running' : 'joined.stopped',
    collapsible: 'none',
  };
}

/** A container on a network; the label is the other side (container here, network in Containers). */
export function presentEndpoint(
  endpoint: Endpoint,
  container: Container | undefined,
  view: 'networks' | 'containers',
): Presentation {
  const running = container ? isRunning(container) : false;
  const addresses = formatEndpointAddresses(endpoint);
  const aliases = userAliases(endpoint);
  const parts: string[] = [];
  if (addresses) parts.push(addresses);
  else if (endpoint.networkName === 'host') parts.push(t("host's network stack"));
  else if (!running) parts.push(t('no address while stopped'));
  if (view === 'networks' && endpoint.mac) parts.push(endpoint.mac);
  if (aliases.length > 0) parts.push(t('aliases: {0}', aliases.join(', ')));
  if (endpoint.engineManaged) parts.push(t("the swarm's way out"));
  const state = running ? 'running' : 'stopped';
  return {
    label: view === 'networks' ? endpoint.containerName : endpoint.networkName,
    description: parts.join(' · '),
    tooltip: endpointTooltip(endpoint, container),
    icon: view === 'networks' && container ? stateIcon(container) : { id: 'plug' },
    // Not `endpoint…`: the menus that disconnect match that, and the engine owns this one.
    contextValue: endpoint.engineManaged ? `managedEndpoint.${state}` : `endpoint.${state}`,
    collapsible: 'none',
  };
}

function endpointTooltip(endpoint: Endpoint, container: Container | undefined): string {
  const heading = t(
    '**{0}** on network **{1}**',
    escapeMarkdown(endpoint.containerName),
    escapeMarkdown(endpoint.networkName),
  );
  const facts = keyValueLines([
    [t('State'), container ? escapeMarkdown(container.status || container.state) : undefined],
    [
      t('IPv4'),
      endpoint.ipv4
        ? code(`${endpoint.ipv4}${endpoint.ipv4Prefix !== undefined ? `/${endpoint.ipv4Prefix}` : ''}`)
        : undefined,
    ],
    [t('IPv6'), endpoint.ipv6 ? code(endpoint.ipv6) : undefined],
    [t('MAC'), endpoint.mac ? code(endpoint.mac) : undefined],
    [t('Gateway'), endpoint.gateway ? code(endpoint.gateway) : undefined],
    [t('Static IPv4'), endpoint.staticIpv4 ? code(endpoint.staticIpv4) : undefined],
    [t('Static IPv6'), endpoint.staticIpv6 ? code(endpoint.staticIpv6) : undefined],
    [t('Aliases'), endpoint.aliases.length > 0 ? endpoint.aliases.map(code).join(', ') : undefined],
    [t('Endpoint ID'), endpoint.endpointId ? code(shortId(endpoint.endpointId)) : undefined],
  ]);
  const managed = endpoint.engineManaged
    ? `\n\n${t(
        'The swarm gives each task, and each container on an overlay network, this endpoint on {0} as its way out to the host and beyond. The engine adds and removes it with the container; it is not connected or disconnected by hand.',
        escapeMarkdown(endpoint.networkName),
      )}`
    : '';
  return `${heading}\n\n${facts}${managed}`;
}
