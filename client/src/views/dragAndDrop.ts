import * as vscode from 'vscode';
import type { EngineSession } from '../engine/live/contract';
import type { UploadSource } from '../archiveFiles/core/upload';
import type { BerthNode, FileNode } from '../shared/nodes';

/** Our own mime type: the value is a JSON array of container ids. */
export const containerIdsMime = 'application/vnd.berth.container-ids';

function containerIdOf(node: BerthNode): string | undefined {
  return node.kind === 'container' || node.kind === 'endpoint' ? node.containerId : undefined;
}

/** What a drag of containers or network endpoints carries: the containers. */
function dragContainers(source: readonly BerthNode[], data: vscode.DataTransfer): void {
  const ids = [...new Set(source.flatMap((node) => containerIdOf(node) ?? []))];
  if (ids.length > 0) data.set(containerIdsMime, new vscode.DataTransferItem(JSON.stringify(ids)));
}

/** From the Explorer files come as `text/uri-list`; from the OS as `files`. */
const fileDropMimeTypes = ['text/uri-list', 'files'];

export type ConnectRequest = (containerIds: string[], networkId: string) => Promise<void>;

/** Networks view: drop containers on a network (or on one of its children) to connect them. */
export class NetworkDropController implements vscode.TreeDragAndDropController<BerthNode> {
  readonly dragMimeTypes = [containerIdsMime];
  readonly dropMimeTypes = [containerIdsMime];

  constructor(
    private readonly session: EngineSession,
    private readonly connect: ConnectRequest,
  ) {}

  handleDrag(source: readonly BerthNode[], data: vscode.DataTransfer): void {
    dragContainers(source, data);
  }

  async handleDrop(target: BerthNode | undefined, data: vscode.DataTransfer): Promise<void> {
    const networkId = target && 'networkId' in target ? target.networkId : undefined;
    if (!networkId) return;
    const network = this.session.snapshot?.networks.get(networkId);
    const onIt = new Set(network?.endpoints.map((endpoint) => endpoint.containerId));
    const ids = (await droppedContainerIds(data)).filter((id) => !onIt.has(id));
    if (ids.length > 0) await this.connect(ids, networkId);
  }
}

/**
 * From another view VS Code hands over the page's placeholder for our mime type (the empty
 * string it sets when the drag starts) before the value handleDrag set, and `get` returns the
 * first item of a type: read every item of it and skip the empty one.
 */
async function droppedContainerIds(data: vscode.DataTransfer): Promise<string[]> {
  const items: vscode.DataTransferItem[] = [];
  data.forEach((item, mime) => {
    if (mime === containerIdsMime) items.push(item);
  });
  for (const item of items) {
    const text = await item.asString();
    if (!text) continue;
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) return parsed.filter((id): id is string => typeof id === 'string');
  }
  return [];
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
