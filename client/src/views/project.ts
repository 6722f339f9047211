// One entry point per question a tree asks: its children, how a node looks, and which nodes a
// snapshot delta touches. The vscode glue in tree.ts only forwards to these.
import type { Snapshot, SnapshotDelta } from '../engine/model/snapshot';
import {
  containerChildren,
  containerRoots,
  groupChildren,
  presentContainer,
  presentGroup,
  presentMount,
} from '../containers/tree/present';
import {
  joinedContainers,
  networkChildren,
  networkRoots,
  presentEndpoint,
  presentJoined,
  presentNetwork,
} from '../networks/tree/present';
import { findService, presentService, presentTask, taskChildren } from '../networks/tree/swarm';
import { presentAction, presentHint } from './hintsAndActions';
import { keys, type BerthNode, type Presentation, type ViewId } from '../shared/nodes';
import { presentUsage, presentVolume, volumeChildren, volumeRoots } from '../volumes/tree/present';
import { presentFile } from '../archiveFiles/tree/files';

export function childrenOf(view: ViewId, snapshot: Snapshot, node: BerthNode | undefined): BerthNode[] {
  if (!node) {
    if (view === 'networks') return networkRoots(snapshot);
    if (view === 'volumes') return volumeRoots(snapshot);
    return containerRoots(snapshot);
  }
  switch (node.kind) {
    case 'network':
      return networkChildren(snapshot, node);
    case 'service': {
      const network = snapshot.networks.get(node.networkId);
      return network ? taskChildren(network, node) : [];
    }
    case 'volume':
      return volumeChildren(snapshot, node);
    case 'group':
      return groupChildren(snapshot, node);
    case 'container':
      return containerChildren(snapshot, node);
    default:
      return [];
  }
}

/** How a node looks now, or undefined when what it stands for is gone from the snapshot. */
export function present(snapshot: Snapshot, node: BerthNode): Presentation | undefined {
  switch (node.kind) {
    case 'network': {
      const network = snapshot.networks.get(node.networkId);
      return network && presentNetwork(network, joinedContainers(snapshot, network).length);
    }
    case 'endpoint': {
      const container = snapshot.containers.get(node.containerId);
      const endpoint = (container?.endpoints ?? snapshot.networks.get(node.networkId)?.endpoints)?.find(
        (candidate) => candidate.networkId === node.networkId && candidate.containerId === node.containerId,
      );
      return endpoint && presentEndpoint(endpoint, container, node.view);
    }
    case 'joined': {
      const joined = snapshot.containers.get(node.containerId);
      const host = snapshot.containers.get(node.hostContainerId);
      return joined && host && presentJoined(joined, host);
    }
    case 'service': {
      const network = snapshot.networks.get(node.networkId);
      const service = findService(network, node.serviceId);
      return network && service && presentService(network, service);
    }
    case 'task': {
      const network = snapshot.networks.get(node.networkId);
      const task = findService(network, node.serviceId)?.tasks.find((x) => x.taskId === node.taskId);
      return network && task && presentTask(network, task);
    }
    case 'volume': {
      const volume = snapshot.volumes.get(node.volumeName);
      return volume && presentVolume(volume);
    }
    case 'usage':
      return presentUsage(snapshot, node);
    case 'group':
      return presentGroup(snapshot, node);
    case 'container': {
      const container = snapshot.containers.get(node.containerId);
      return container && presentContainer(container, node.parentKey !== undefined);
    }
    case 'mount': {
      const mount = snapshot.containers
        .get(node.containerId)
        ?.mounts.find((m) => m.destination === node.destination);
      return mount && presentMount(mount);
    }
    case 'file':
      return presentFile(node);
    case 'hint':
      return presentHint(node);
    case 'action':
      return presentAction(node);
    case 'engine':
      // The tree presents engine roots from the fleet, not from one engine's snapshot.
      return undefined;
  }
}

/** `root` when the top level itself changed; otherwise the keys of the nodes to refresh. */
export type Affected = { root: true } | { root: false; keys: Set<string> };

function networksOf(snapshot: Snapshot | undefined, containerId: string): string[] {
  const container = snapshot?.containers.get(containerId);
  if (!container) return [];
  const ids = container.endpoints.map((endpoint) => endpoint.networkId);
  const mode = container.networkMode;
  if (mode.kind === 'container') {
    for (const host of snapshot!.containers.values())
      if (host.id === mode.containerId || host.id.startsWith(mode.containerId))
        ids.push(...host.endpoints.map((endpoint) => endpoint.networkId));
  }
  return ids;
}

function addedOrRemoved<T>(
  ids: Set<string>,
  before: Map<string, T> | undefined,
  after: Map<string, T>,
): boolean {
  for (const id of ids) if (!before?.has(id) || !after.has(id)) return true;
  return false;
}

export function affectedNodes(
  view: ViewId,
  before: Snapshot | undefined,
  after: Snapshot,
  delta: SnapshotDelta,
): Affected {
  const touched = new Set<string>();
  if (view === 'networks') {
    if (addedOrRemoved(delta.networks, before?.networks, after.networks)) return { root: true };
    for (const id of delta.networks) touched.add(keys.network(id));
    for (const id of delta.containers)
      for (const networkId of [...networksOf(before, id), ...networksOf(after, id)])
        touched.add(keys.network(networkId));
  } else if (view === 'volumes') {
    if (addedOrRemoved(delta.volumes, before?.volumes, after.volumes)) return { root: true };
    for (const name of delta.volumes) touched.add(keys.volume(name));
    for (const id of delta.containers)
      for (const snapshot of [before, after])
        for (const mount of snapshot?.containers.get(id)?.mounts ?? [])
          if (mount.type === 'volume') touched.add(keys.volume(mount.source));
  } else {
    if (addedOrRemoved(delta.containers, before?.containers, after.containers)) return { root: true };
    for (const id of delta.containers) {
      touched.add(keys.container(id));
      const project = after.containers.get(id)?.composeProject;
      if (project) touched.add(keys.group(project));
    }
  }
  return { root: false, keys: touched };
}
