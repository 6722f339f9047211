import * as vscode from 'vscode';
import type { Snapshot } from '../engine/model/snapshot';
import type { BerthNode, EngineNode, FileNode, HintNode, Presentation, ViewId } from '../shared/nodes';
import { presentAction } from './hintsAndActions';
import { affectedNodes, childrenOf, present } from './project';
import { folderChildren, type FolderLister } from '../archiveFiles/tree/files';
import { fileNodeUri } from '../archiveFiles/uri';
import { engineNode, intoScope, outOfScope, presentEngine, scopedKey, uriEngine } from './engineScope';
import type { ViewEngine, ViewEngines } from './viewEngines';

/**
 * One engine's part of a view. Nodes are interned by key so the tree keeps the same element
 * objects across reloads: that is what lets a delta refresh only the nodes it touched.
 */
class EngineBranch implements vscode.Disposable {
  readonly nodes = new Map<string, BerthNode>();
  private shown: Snapshot | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly view: ViewId,
    readonly engine: ViewEngine,
    private readonly listFolder: FolderLister,
    /** Redraws this engine's part: its root when several engines are shown, else the whole view. */
    private readonly redraw: (nodes: BerthNode[] | undefined) => void,
  ) {
    const { session, status } = engine;
    this.subscriptions.push(
      session.onDidChangeSnapshot((delta) => {
        const before = this.shown;
        const after = session.snapshot;
        if (!after || !before) return this.refreshAll();
        this.shown = after;
        const affected = affectedNodes(view, before, after, delta);
        if (affected.root) return this.refreshAll();
        const nodes = [...affected.keys].flatMap((key) => this.nodes.get(scopedKey(engine.scope, key)) ?? []);
        if (nodes.length > 0) this.redraw(nodes);
      }),
      status.onDidChange(() => this.refreshAll()),
    );
  }

  /** The snapshot the tree shows: none while the engine is unreachable (the problem shows instead). */
  private visibleSnapshot(): Snapshot | undefined {
    return this.engine.status.problem ? undefined : this.engine.session.snapshot;
  }

  refreshAll(): void {
    // The tree asks for every node again after a refresh, so nodes of removed objects can go.
    this.nodes.clear();
    this.shown = this.visibleSnapshot();
    this.redraw(undefined);
  }

  present(node: BerthNode): Presentation | undefined {
    const snapshot = this.engine.session.snapshot;
    const local = outOfScope(this.engine.scope, node);
    return local.kind === 'action' ? presentAction(local) : snapshot && present(snapshot, local);
  }

  /** Children that come from the snapshot alone (no I/O): everything but a folder's files. */
  snapshotChildren(node?: BerthNode): BerthNode[] {
    const snapshot = this.visibleSnapshot();
    if (!snapshot) return node ? [] : this.withoutSnapshot().map((fresh) => this.intern(fresh));
    this.shown ??= snapshot;
    const local = node && outOfScope(this.engine.scope, node);
    return childrenOf(this.view, snapshot, local).map((fresh) => this.intern(fresh));
  }

  /** While unreachable: the buttons, and under an engine's root (no view message) also the problem. */
  private withoutSnapshot(): BerthNode[] {
    const { status, scope } = this.engine;
    const problem = status.problem;
    if (!problem || !scope.root) return status.rootsWithoutSnapshot();
    // berth.engines, not the Docker context, says where each of several engines is.
    const actions = status
      .rootsWithoutSnapshot()
      .filter((node) => node.kind !== 'action' || node.command !== 'berth.switchContext');
    const shown: HintNode = {
      kind: 'hint',
      key: 'hint:problem',
      hint: 'engine-problem',
      label: problem.message,
      detail: problem.fix,
      tone: 'warning',
    };
    return [shown, ...actions];
  }

  /** A folder's entries, listed from the engine when the user expands it. */
  async fileChildren(node: FileNode): Promise<BerthNode[]> {
    const children = await folderChildren(this.listFolder, outOfScope(this.engine.scope, node));
    return children.map((fresh) => this.intern(fresh));
  }

  private intern(local: BerthNode): BerthNode {
    const fresh = intoScope(this.engine.scope, local);
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

/**
 * Projects the engines' snapshots into one view: with one engine its objects are the roots, as
 * they always were; with several, each engine is a root with its objects under it.
 */
export class BerthTreeProvider implements vscode.TreeDataProvider<BerthNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<BerthNode | BerthNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private branches: EngineBranch[] = [];
  private readonly roots = new Map<string, EngineNode>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    readonly view: ViewId,
    private readonly engines: ViewEngines,
    private readonly listFolder: FolderLister,
  ) {
    this.rebuild();
    this.subscriptions.push(
      this.changed,
      engines.onDidChange(() => {
        this.rebuild();
        this.changed.fire(undefined);
      }),
    );
  }

  private rebuild(): void {
    for (const branch of this.branches) branch.dispose();
    this.roots.clear();
    this.branches = this.engines.all.map(
      (engine) =>
        new EngineBranch(this.view, engine, this.listFolder, (nodes) => {
          const root = this.roots.get(engine.id);
          if (this.engines.several && root) this.changed.fire(nodes ?? root);
          else if (!this.engines.several) this.changed.fire(nodes);
        }),
    );
  }

  private branch(engine: string | undefined): EngineBranch | undefined {
    const target = this.engines.of(engine);
    return this.branches.find((branch) => branch.engine === target);
  }

  private engineRoot(engine: ViewEngine): EngineNode {
    let root = this.roots.get(engine.id);
    if (!root) {
      root = engineNode(engine.id);
      this.roots.set(engine.id, root);
    }
    return root;
  }

  refreshAll(): void {
    for (const branch of this.branches) branch.refreshAll();
  }

  getTreeItem(node: BerthNode): vscode.TreeItem {
    const branch = this.branch(node.engine);
    if (node.kind === 'engine' && branch) {
      const { label, session, status } = branch.engine;
      return toTreeItem(
        node,
        presentEngine(label, session.state, status.problem, session.snapshot?.info.version),
      );
    }
    const look = branch?.present(node);
    return look && branch
      ? toTreeItem(node, look, uriEngine(branch.engine.scope))
      : new vscode.TreeItem(vscode.l10n.t('(gone)'));
  }

  getChildren(node?: BerthNode): BerthNode[] | Promise<BerthNode[]> {
    if (node?.kind === 'file') return this.branch(node.engine)?.fileChildren(node) ?? [];
    return this.snapshotChildren(node);
  }

  private snapshotChildren(node?: BerthNode): BerthNode[] {
    if (!node && this.engines.several) return this.engines.all.map((engine) => this.engineRoot(engine));
    const branch = this.branch(node?.engine);
    if (!branch) return [];
    return branch.snapshotChildren(node?.kind === 'engine' ? undefined : node);
  }

  getParent(node: BerthNode): BerthNode | undefined {
    if (node.kind === 'engine' || node.parentKey === undefined) return undefined;
    const root = node.engine === undefined ? undefined : this.roots.get(node.engine);
    if (root && root.key === node.parentKey) return root;
    return this.branch(node.engine)?.nodes.get(node.parentKey);
  }

  /**
   * The node for `key` (as a feature builds it) on `engine`, walking down from the root: keys nest
   * as `parent/child`, except that a container inside a compose group keeps its own top-level key.
   */
  resolve(localKey: string, engine?: string): BerthNode | undefined {
    const target = this.engines.of(engine);
    if (!target) return undefined;
    const key = scopedKey(target.scope, localKey);
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

  dispose(): void {
    for (const branch of this.branches) branch.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** `engine`: the engine its file URIs name, set only when several engines are shown. */
function toTreeItem(node: BerthNode, look: Presentation, engine?: string): vscode.TreeItem {
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
  // The node goes along so that the command acts on the engine it belongs to.
  if (look.command) item.command = { command: look.command, title: look.label, arguments: [node] };
  if (node.kind === 'file' && node.entry) {
    const uri = fileNodeUri(node, engine);
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
