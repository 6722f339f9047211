// The elements of the three trees. A node is only a key into the snapshot (plus, for hints, the
// text to show), so the same object can stay in the tree while the snapshot under it changes.

export type ViewId = 'networks' | 'volumes' | 'containers';

export type HintTone = 'info' | 'warning';

interface NodeBase {
  /** Unique within its view; also the TreeItem id, so expansion survives refreshes. */
  key: string;
  parentKey?: string;
  /** The id of the engine the node shows (set by the tree); actions on it go to that engine. */
  engine?: string;
}

/** One root per engine, when the views show several engines side by side. */
export interface EngineNode extends NodeBase {
  kind: 'engine';
  engine: string;
}

export interface NetworkNode extends NodeBase {
  kind: 'network';
  networkId: string;
}

/** A container on a network: a child of a network, or of a container in the Containers view. */
export interface EndpointNode extends NodeBase {
  kind: 'endpoint';
  view: 'networks' | 'containers';
  networkId: string;
  containerId: string;
}

/** A container in `container:X` mode, listed under the networks of X whose stack it shares. */
export interface JoinedNode extends NodeBase {
  kind: 'joined';
  networkId: string;
  containerId: string;
  hostContainerId: string;
}

/** A Swarm service on an overlay network (Networks view, on a manager). */
export interface ServiceNode extends NodeBase {
  kind: 'service';
  networkId: string;
  serviceId: string;
}

/** One task of a service on an overlay, with the node it runs on and its address there. */
export interface TaskNode extends NodeBase {
  kind: 'task';
  networkId: string;
  serviceId: string;
  taskId: string;
}

export interface VolumeNode extends NodeBase {
  kind: 'volume';
  volumeName: string;
}

export interface VolumeUsageNode extends NodeBase {
  kind: 'usage';
  volumeName: string;
  containerId: string;
  destination: string;
}

/** What a folder listing says of one entry; `undefined` on the "Files" root of a volume or container. */
export interface FileEntry {
  name: string;
  kind: 'file' | 'directory' | 'symlink' | 'other';
  size: number;
  mode: number;
  uid: number;
  gid: number;
  linkTarget?: string;
  /** Deleted by its container relative to the image: shown so the user sees what went. */
  deleted?: true;
}

/** What holds a file node's files: a volume (by name) or a container (by id). */
export type FileRootKind = 'volume' | 'container';

/** The "Files" folder under a volume or a container (path ''), and the files and folders inside it. */
export interface FileNode extends NodeBase {
  kind: 'file';
  root: FileRootKind;
  rootKey: string;
  path: string;
  entry?: FileEntry;
}

export interface GroupNode extends NodeBase {
  kind: 'group';
  project: string;
}

export interface ContainerNode extends NodeBase {
  kind: 'container';
  containerId: string;
}

export interface MountNode extends NodeBase {
  kind: 'mount';
  containerId: string;
  destination: string;
}

/** A lesson from the user's notes, shown in place (e.g. no DNS on the default bridge). */
export interface HintNode extends NodeBase {
  kind: 'hint';
  hint: string;
  label: string;
  detail: string;
  tone: HintTone;
}

/** A button-like item, shown while the engine is unreachable. */
export interface ActionNode extends NodeBase {
  kind: 'action';
  command: string;
  label: string;
  icon: string;
}

export type BerthNode =
  | NetworkNode
  | EndpointNode
  | JoinedNode
  | ServiceNode
  | TaskNode
  | VolumeNode
  | VolumeUsageNode
  | FileNode
  | GroupNode
  | ContainerNode
  | MountNode
  | HintNode
  | ActionNode
  | EngineNode;

/** What a TreeItem shows, without vscode types: the glue turns it into a TreeItem. */
export interface Presentation {
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  icon: { id: string; color?: string };
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  /** Runs on click (action items only). */
  command?: string;
}

export const keys = {
  network: (id: string) => `net:${id}`,
  endpoint: (view: EndpointNode['view'], networkId: string, containerId: string) =>
    view === 'networks' ? `net:${networkId}/ep:${containerId}` : `ctr:${containerId}/ep:${networkId}`,
  joined: (networkId: string, containerId: string) => `net:${networkId}/joined:${containerId}`,
  service: (networkId: string, serviceId: string) => `net:${networkId}/svc:${serviceId}`,
  task: (networkId: string, serviceId: string, taskId: string) =>
    `net:${networkId}/svc:${serviceId}/task:${taskId}`,
  volume: (name: string) => `vol:${name}`,
  usage: (name: string, containerId: string, destination: string) =>
    `vol:${name}/use:${containerId}:${destination}`,
  file: (root: FileRootKind, key: string, path: string) =>
    `${root === 'volume' ? 'vol' : 'ctr'}:${key}/files:${path}`,
  group: (project: string) => `grp:${project}`,
  container: (id: string) => `ctr:${id}`,
  mount: (containerId: string, destination: string) => `ctr:${containerId}/mnt:${destination}`,
  hint: (parentKey: string, hint: string) => `${parentKey}/hint:${hint}`,
};
