import * as vscode from 'vscode';
import type { EngineSession } from '../engine/session';
import type { BerthNode } from './present/nodes';

/** Our own mime type: the value is a JSON array of container ids. */
export const containerIdsMime = 'application/vnd.berth.container-ids';

function containerIdOf(node: BerthNode): string | undefined {
  return node.kind === 'container' || node.kind === 'endpoint' ? node.containerId : undefined;
}

/** Containers view and network endpoints: what they drag is the containers. */
export class ContainerDragController implements vscode.TreeDragAndDropController<BerthNode> {
  readonly dragMimeTypes = [containerIdsMime];
  readonly dropMimeTypes: string[] = [];

  handleDrag(source: readonly BerthNode[], data: vscode.DataTransfer): void {
    const ids = [...new Set(source.flatMap((node) => containerIdOf(node) ?? []))];
    if (ids.length > 0) data.set(containerIdsMime, new vscode.DataTransferItem(JSON.stringify(ids)));
  }
}

export type ConnectRequest = (containerIds: string[], networkId: string) => Promise<void>;

/** Networks view: drop containers on a network (or on one of its children) to connect them. */
export class NetworkDropController implements vscode.TreeDragAndDropController<BerthNode> {
  readonly dragMimeTypes = [containerIdsMime];
  readonly dropMimeTypes = [containerIdsMime];
  private readonly drag = new ContainerDragController();

  constructor(
    private readonly session: EngineSession,
    private readonly connect: ConnectRequest,
  ) {}

  handleDrag(source: readonly BerthNode[], data: vscode.DataTransfer): void {
    this.drag.handleDrag(source, data);
  }

  async handleDrop(target: BerthNode | undefined, data: vscode.DataTransfer): Promise<void> {
    const networkId = target && 'networkId' in target ? target.networkId : undefined;
    const item = data.get(containerIdsMime);
    if (!networkId || !item) return;
    const parsed: unknown = JSON.parse(await item.asString());
    if (!Array.isArray(parsed)) return;
    const network = this.session.snapshot?.networks.get(networkId);
    const onIt = new Set(network?.endpoints.map((endpoint) => endpoint.containerId));
    const ids = parsed.filter((id): id is string => typeof id === 'string' && !onIt.has(id));
    if (ids.length > 0) await this.connect(ids, networkId);
  }
}
