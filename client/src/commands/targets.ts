// Turns a clicked node, or nothing (Command Palette), into the engine object a command acts on.
import * as vscode from 'vscode';
import type { Container, Network, Snapshot } from '../engine/model/snapshot';
import { pickOne, type PickItem } from '../ui/pick';
import { formatEndpointAddresses } from '../shared/endpoints';
import type { BerthNode } from '../shared/nodes';

export function containerIdOf(node: BerthNode): string | undefined {
  switch (node.kind) {
    case 'container':
    case 'endpoint':
    case 'joined':
    case 'usage':
    case 'mount':
      return node.containerId;
    default:
      return undefined;
  }
}

export function networkIdOf(node: BerthNode): string | undefined {
  return node.kind === 'network' || node.kind === 'endpoint' ? node.networkId : undefined;
}

export function containerItem(container: Container): PickItem<Container> {
  const addresses = container.endpoints
    .map((endpoint) => `${endpoint.networkName} ${formatEndpointAddresses(endpoint)}`.trim())
    .join(', ');
  return {
    label: container.name,
    description: `${container.image} · ${container.status || container.state}`,
    detail: addresses || undefined,
    value: container,
  };
}

export function networkItem(network: Network): PickItem<Network> {
  const subnet = network.ipam.flatMap((config) => (config.subnet ? [config.subnet] : [])).join(', ');
  return {
    label: network.name,
    description: [network.driver, subnet, network.builtin ? vscode.l10n.t('built-in') : '']
      .filter(Boolean)
      .join(' · '),
    detail:
      network.endpoints.length > 0
        ? network.endpoints.map((endpoint) => endpoint.containerName).join(', ')
        : vscode.l10n.t('no containers'),
    value: network,
  };
}

export const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

export async function pickContainer(
  snapshot: Snapshot,
  placeHolder: string,
  filter: (container: Container) => boolean = () => true,
): Promise<Container | undefined> {
  const items = [...snapshot.containers.values()].filter(filter).sort(byName).map(containerItem);
  return pickOne(items, placeHolder, vscode.l10n.t('There is no container to choose from.'));
}

export async function pickNetwork(
  snapshot: Snapshot,
  placeHolder: string,
  filter: (network: Network) => boolean = () => true,
): Promise<Network | undefined> {
  const items = [...snapshot.networks.values()].filter(filter).sort(byName).map(networkItem);
  return pickOne(items, placeHolder, vscode.l10n.t('There is no network to choose from.'));
}

/**
 * The live objects that the clicked nodes name, or, when they name none, the one the user picks;
 * empty when cancelled. Ids named twice count once, and ids gone from the engine are left out.
 */
export async function namedOrPicked<T>(
  nodes: readonly BerthNode[],
  idOf: (node: BerthNode) => string | undefined,
  live: ReadonlyMap<string, T>,
  pick: () => Promise<T | undefined>,
): Promise<T[]> {
  const ids = [...new Set(nodes.flatMap((node) => idOf(node) ?? []))];
  if (ids.length > 0) return ids.flatMap((id) => live.get(id) ?? []);
  const picked = await pick();
  return picked ? [picked] : [];
}

/** The container of a node, or one the user picks; undefined when cancelled. */
export async function containerFor(
  snapshot: Snapshot,
  node: BerthNode | undefined,
  placeHolder: string,
  filter?: (container: Container) => boolean,
): Promise<Container | undefined> {
  const id = node && containerIdOf(node);
  if (id) return snapshot.containers.get(id);
  return pickContainer(snapshot, placeHolder, filter);
}

export async function networkFor(
  snapshot: Snapshot,
  node: BerthNode | undefined,
  placeHolder: string,
  filter?: (network: Network) => boolean,
): Promise<Network | undefined> {
  const id = node && networkIdOf(node);
  if (id) return snapshot.networks.get(id);
  return pickNetwork(snapshot, placeHolder, filter);
}
