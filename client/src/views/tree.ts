import * as vscode from 'vscode';
import type { EngineSession } from '../engine/live/contract';
import type { Snapshot } from '../engine/model/snapshot';
import type { EngineStatus } from './engineStatus';
import type { BerthNode, FileNode, Presentation, ViewId } from '../shared/nodes';
import { presentAction } from './hintsAndActions';
import { affectedNodes, childrenOf, present } from './project';
import { folderChildren, type FolderLister } from '../archiveFiles/tree/files';
import { fileNodeUri } from '../archiveFiles/uri';

/**
 * Projects the session's snapshot into one view. Nodes are interned by key so the tree keeps the
 * same element objects across reloads: that is what lets a delta refresh only the nodes it touched.
 */
export class BerthTreeProvider implements vscode.TreeDataProvider<BerthNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<BerthNode | BerthNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly nodes = new Map<string, BerthNode>();
  private shown: Snapshot | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    readonly view: ViewId,
    private readonly session: EngineSession,
    private readonly status: EngineStatus,
    private readonly listFolder: FolderLister,
  ) {
    this.subscriptions.push(
      this.changed,
      session.onDidChangeSnapshot((delta) => {
        const before = this.shown;
        const after = session.snapshot;
        if (!after || !before) return this.refreshAll();
        this.shown = after;
        const affected = affectedNodes(view, before, after, delta);
        if (affected.root) return this.refreshAll();
        const nodes = [...affected.keys].flatMap((key) => this.nodes.get(key) ?? []);
        if (nodes.length > 0) this.changed.fire(nodes);
      }),
      status.onDidChange(() => this.refreshAll()),
    );
  }

  /** The snapshot the tree shows: none while the engine is unreachable (the problem shows instead). */
  private visibleSnapshot(): Snapshot | undefined {
    return this.status.problem ? undefined : this.session.snapshot;
  }

  refreshAll(): void {
    // The tree asks for every node again after a root refresh, so nodes of removed objects can go.
    this.nodes.clear();
    this.shown = this.visibleSnapshot();
    this.changed.fire(undefined);
  }

  getTreeItem(node: BerthNode): vscode.TreeItem {
    const snapshot = this.session.snapshot;
    const look = node.kind === 'action' ? presentAction(node) : snapshot && present(snapshot, node);
    return look ? toTreeItem(node, look) : new vscode.TreeItem(vscode.l10n.t('(gone)'));
  }

  getChildren(node?: BerthNode): BerthNode[] | Promise<BerthNode[]> {
    if (node?.kind === 'file') return this.fileChildren(node);
    return this.snapshotChildren(node);
  }

  private snapshotChildren(node?: BerthNode): BerthNode[] {
    const snapshot = this.visibleSnapshot();
    if (!snapshot) return node ? [] : this.status.rootsWithoutSnapshot().map((fresh) => this.intern(fresh));
    this.shown ??= snapshot;
    return childrenOf(this.view, snapshot, node).map((fresh) => this.intern(fresh));
  }

  /** A folder's entries, listed from the engine when the user expands it. */
  private async fileChildren(node: FileNode): Promise<BerthNode[]> {
    const children = await folderChildren(this.listFolder, node);
    return children.map((fresh) => this.intern(fresh));
  }

  getParent(node: BerthNode): BerthNode | undefined {
    return node.parentKey === undefined ? undefined : this.nodes.get(node.parentKey);
  }

  /**
   * The node for `key`, walking down from the root: keys nest as `parent/child`, except that a
   * container inside a compose group keeps its own top-level key.
   */
  resolve(key: string): BerthNode | undefined {
    let level = this.snapshotChildren();
    for (;;) {
      const exact = level.find((node) => node.key === key);
      if (exact) return exact;
      const parent = level.find((node) => key.startsWith(`${node.key}/`));
      if (parent) {
        level = this.snapshotChildren(parent);
        continue;
      }
      const groups = level.filter((node) => node.kind === 'group');
      if (groups.length === 0) return undefined;
      level = groups.flatMap((group) => this.snapshotChildren(group));
    }
  }

  private intern(fresh: BerthNode): BerthNode {
    const known = this.nodes.get(fresh.key);
    if (!known) {
      this.nodes.set(fresh.key, fresh);
      return fresh;
    }
    Object.assign(known, fresh);
    return known;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function toTreeItem(node: BerthNode, look: Presentation): vscode.TreeItem {
  const collapsible = {
    none: vscode.TreeItemCollapsibleState.None,
    collapsed: vscode.TreeItemCollapsibleState.Collapsed,
    expanded: vscode.TreeItemCollapsibleState.Expanded,
  }[look.collapsible];
  const item = new vscode.TreeItem(look.label, collapsible);
  item.id = node.key;
  item.description = look.description;
  if (look.tooltip) item.tooltip = new vscode.MarkdownString(look.tooltip);
  item.iconPath = new vscode.ThemeIcon(
    look.icon.id,
    look.icon.color ? new vscode.ThemeColor(look.icon.color) : undefined,
  );
  item.contextValue = look.contextValue;
  if (look.command) item.command = { command: look.command, title: look.label };
  if (node.kind === 'file' && node.entry) {
    const uri = fileNodeUri(node);
    // Decorations (a container's A, C and D) find the row by its resource.
    item.resourceUri = uri;
    if (node.entry.kind === 'directory') item.iconPath = vscode.ThemeIcon.Folder;
    else if (!node.entry.deleted) {
      // The file icon theme picks the icon from the name, as in the Explorer.
      item.iconPath = vscode.ThemeIcon.File;
      item.command = { command: 'vscode.open', title: look.label, arguments: [uri, { preview: true }] };
    }
  }
  return item;
}
