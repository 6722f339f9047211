// A, C and D on the files a container added, changed and deleted relative to its image, in the
// colours source control uses. The engine's list is read once per container and read again only
// when something may have changed it: a write through Berth, or the container starting, stopping
// or finishing an exec. The tree lists deleted paths from the same list, so their D has a row.
// Each engine has its own, answering for the URIs that name it.
import * as vscode from 'vscode';
import type { ArchiveFileSystem } from '../../archiveFiles/provider';
import type { EngineSession } from '../../engine/live/contract';
import { log } from '../../log';
import { changeMap, decorationOf, type ChangeBadge, type EngineChange } from '../core/changes';
import { fileSchemes, parseRootUri } from '../../archiveFiles/uri';

/** Container actions after which its files may differ from what was last read. */
const changingActions = new Set(['start', 'die', 'exec_die']);

const looks: Record<ChangeBadge, { color: string; tooltip: () => string }> = {
  A: {
    color: 'gitDecoration.addedResourceForeground',
    tooltip: () => vscode.l10n.t('Added in the container'),
  },
  C: {
    color: 'gitDecoration.modifiedResourceForeground',
    tooltip: () => vscode.l10n.t('Changed in the container, relative to its image'),
  },
  D: {
    color: 'gitDecoration.deletedResourceForeground',
    tooltip: () => vscode.l10n.t('Deleted by the container since it was created from its image'),
  },
};

export class ContainerChangeDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly known = new Map<string, Promise<Map<string, ChangeBadge>>>();
  private readonly subscriptions: { dispose(): unknown }[] = [this.changed];

  /** `owns` tells this engine's container URIs from those of the other engines shown. */
  constructor(
    private readonly session: EngineSession,
    fileSystem: ArchiveFileSystem,
    private readonly owns: (uri: vscode.Uri) => boolean,
  ) {
    this.subscriptions.push(
      session.onDidReceiveEvent((event) => {
        if (event.Type === 'container' && changingActions.has(event.Action.split(':')[0]))
          this.forget(event.Actor.ID);
      }),
      session.onDidChangeState(() => this.forget()),
      fileSystem.onDidChangeFile((events) => {
        for (const { uri } of events)
          if (uri.scheme === fileSchemes.container && owns(uri)) this.forget(parseRootUri(uri).key);
      }),
    );
  }

  async provideFileDecoration(uri: vscode.Uri): Promise<vscode.FileDecoration | undefined> {
    if (uri.scheme !== fileSchemes.container || !this.owns(uri)) return undefined;
    const { key: containerId, path } = parseRootUri(uri);
    if (path === '') return undefined;
    const decoration = decorationOf(await this.changesOf(containerId), path);
    if (decoration.badge) {
      const look = looks[decoration.badge];
      return new vscode.FileDecoration(decoration.badge, look.tooltip(), new vscode.ThemeColor(look.color));
    }
    if (decoration.holdsChanges)
      return new vscode.FileDecoration(
        '•',
        vscode.l10n.t('Holds files the container changed'),
        new vscode.ThemeColor(looks.C.color),
      );
    return undefined;
  }

  /** The container's changes by path, read once and shared with the tree's listings. */
  changesOf(containerId: string): Promise<Map<string, ChangeBadge>> {
    let known = this.known.get(containerId);
    if (!known) {
      known = this.read(containerId);
      this.known.set(containerId, known);
    }
    return known;
  }

  private async read(containerId: string): Promise<Map<string, ChangeBadge>> {
    const docker = this.session.docker;
    if (!docker) return new Map();
    try {
      const changes = (await docker.getContainer(containerId).changes()) as EngineChange[] | null;
      return changeMap(changes);
    } catch (error) {
      log().warn(`Reading the changes of container ${containerId} failed: ${String(error)}`);
      return new Map();
    }
  }

  /** Drops what is known of one container (or all) and asks VS Code for the decorations again. */
  private forget(containerId?: string): void {
    if (containerId === undefined) this.known.clear();
    else if (!this.known.delete(containerId)) return;
    this.changed.fire(undefined);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
