import * as vscode from 'vscode';
import type { ViewEngines } from './viewEngines';
import type { UploadSource } from '../archiveFiles/core/upload';
import type { BerthNode, FileNode } from '../shared/nodes';

/** Our own mime type: the value is JSON `{ engine, ids }`, the containers' engine and ids. */
export const containerIdsMime = 'application/vnd.berth.container-ids';

function containerIdOf(node: BerthNode): string | undefined {
  return node.kind === 'container' || node.kind === 'endpoint' ? node.containerId : undefined;
}

/** What a drag of containers or network endpoints carries: the containers and their engine. */
function dragContainers(source: readonly BerthNode[], data: vscode.DataTransfer): void {
  const containers = source.filter((node) => containerIdOf(node) !== undefined);
  const ids = [...new Set(containers.flatMap((node) => containerIdOf(node) ?? []))];
  const engines = new Set(containers.map((node) => node.engine));
  // Containers of several engines cannot go to one network together: drag nothing.
  if (ids.length === 0 || engines.size > 1) return;
  const dragged: DraggedContainers = { engine: containers[0].engine, ids };
  data.set(containerIdsMime, new vscode.DataTransferItem(JSON.stringify(dragged)));
}

/** From the Explorer files come as `text/uri-list`; from the OS as `files`. */
const fileDropMimeTypes = ['text/uri-list', 'files'];

export interface DraggedContainers {
  engine: string | undefined;
  ids: string[];
}

/** Containers dropped on a network; the engines of both go along so that a mismatch is refused. */
export type ConnectRequest = (
  dropped: DraggedContainers,
  network: { engine: string | undefined; networkId: string },
) => Promise<void>;

/** Networks view: drop containers on a network (or on one of its children) to connect them. */
export class NetworkDropController implements vscode.TreeDragAndDropController<BerthNode> {
  readonly dragMimeTypes = [containerIdsMime];
  readonly dropMimeTypes = [containerIdsMime];

  constructor(
    private readonly engines: ViewEngines,
    private readonly connect: ConnectRequest,
  ) {}

  handleDrag(source: readonly BerthNode[], data: vscode.DataTransfer): void {
    dragContainers(source, data);
  }

  async handleDrop(target: BerthNode | undefined, data: vscode.DataTransfer): Promise<void> {
    const networkId = target && 'networkId' in target ? target.networkId : undefined;
    if (!target || !networkId) return;
    const dropped = await droppedContainers(data);
    if (!dropped) return;
    const engine = this.engines.of(target.engine);
    const network =
      engine?.id === (dropped.engine ?? this.engines.primary.id)
        ? engine.session.snapshot?.networks.get(networkId)
        : undefined;
    const onIt = new Set(network?.endpoints.map((endpoint) => endpoint.containerId));
    const ids = dropped.ids.filter((id) => !onIt.has(id));
    if (ids.length > 0) await this.connect({ ...dropped, ids }, { engine: target.engine, networkId });
  }
}

/**
 * From another view VS Code hands over the page's placeholder for our mime type (the empty
 * string it sets when the drag starts) before the value handleDrag set, and `get` returns the
 * first item of a type: read every item of it and skip the empty one.
 */
async function droppedContainers(data: vscode.DataTransfer): Promise<DraggedContainers | undefined> {
  const items: vscode.DataTransferItem[] = [];
  data.forEach((item, mime) => {
    if (mime === containerIdsMime) items.push(item);
  });
  for (const item of items) {
    const text = await item.asString();
    if (!text) continue;
    const parsed = JSON.parse(text) as { engine?: unknown; ids?: unknown };
    if (!Array.isArray(parsed.ids)) continue;
    return {
      engine: typeof parsed.engine === 'string' ? parsed.engine : undefined,
      ids: parsed.ids.filter((id): id is string => typeof id === 'string'),
    };
  }
  return undefined;
}

export type UploadRequest = (target: FileNode, sources: UploadSource[]) => Promise<void>;

/**
 * Volumes view: files and folders dropped on a volume's folder (or file) are uploaded there.
 * Dropped from the OS, VS Code hands over their bytes without a path.
 */
export class VolumeDropController implements vscode.TreeDragAndDropController<BerthNode> {
  readonly dragMimeTypes: string[] = [];
  readonly dropMimeTypes = fileDropMimeTypes;

  constructor(private readonly upload: UploadRequest) {}

  handleDrop(target: BerthNode | undefined, data: vscode.DataTransfer): Promise<void> {
    return uploadDropped(this.upload, target, data);
  }
}

/**
 * Containers view: its rows drag as containers (onto a network), and files dropped on a
 * container's folder are uploaded there, as on a volume's.
 */
export class ContainerDragController implements vscode.TreeDragAndDropController<BerthNode> {
  readonly dragMimeTypes = [containerIdsMime];
  readonly dropMimeTypes = fileDropMimeTypes;

  constructor(private readonly upload: UploadRequest) {}

  handleDrag(source: readonly BerthNode[], data: vscode.DataTransfer): void {
    dragContainers(source, data);
  }

  handleDrop(target: BerthNode | undefined, data: vscode.DataTransfer): Promise<void> {
    return uploadDropped(this.upload, target, data);
  }
}

async function uploadDropped(
  upload: UploadRequest,
  target: BerthNode | undefined,
  data: vscode.DataTransfer,
): Promise<void> {
  // A deleted path has no folder to upload into.
  if (target?.kind !== 'file' || target.entry?.deleted) return;
  const sources = await droppedSources(data);
  if (sources.length > 0) await upload(target, sources);
}

async function droppedSources(data: vscode.DataTransfer): Promise<UploadSource[]> {
  const list = await data.get('text/uri-list')?.asString();
  const uris = (list ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => vscode.Uri.parse(line));
  if (uris.length > 0) return Promise.all(uris.map(sourceOf));
  const sources: UploadSource[] = [];
  const files: vscode.DataTransferFile[] = [];
  data.forEach((item) => {
    const file = item.asFile();
    if (file) files.push(file);
  });
  for (const file of files) {
    if (file.uri?.scheme === 'file') sources.push({ path: file.uri.fsPath });
    else sources.push({ name: file.name, data: await file.data() });
  }
  return sources;
}

/** A local path when the extension host can read it directly, else the file's bytes. */
async function sourceOf(uri: vscode.Uri): Promise<UploadSource> {
  if (uri.scheme === 'file') return { path: uri.fsPath };
  const name = uri.path.split('/').pop() ?? '';
  return { name, data: await vscode.workspace.fs.readFile(uri) };
}
