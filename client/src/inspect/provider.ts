import type Docker from 'dockerode';
import * as vscode from 'vscode';
import type { SnapshotDelta } from '../engine/model/snapshot';
import type { EngineSession } from '../engine/live/contract';
import type { FleetView } from '../engine/fleet/fleet';
import { engineMessage } from '../ui/errors';
import { inspectPath, inspectScheme, parseInspectPath, type InspectKind, type InspectTarget } from './uri';

function inspectOnEngine(docker: Docker, target: InspectTarget): Promise<unknown> {
  switch (target.kind) {
    case 'container':
      return docker.getContainer(target.id).inspect();
    case 'network':
      return docker.getNetwork(target.id).inspect();
    case 'volume':
      return docker.getVolume(target.id).inspect();
    case 'service':
      return docker.getService(target.id).inspect();
    case 'task':
      return docker.getTask(target.id).inspect();
  }
}

/** Services and tasks reach the snapshot through the overlays that carry them, so any network change may be theirs. */
function changedIn(delta: SnapshotDelta, target: InspectTarget): boolean {
  switch (target.kind) {
    case 'container':
      return delta.containers.has(target.id);
    case 'network':
      return delta.networks.has(target.id);
    case 'volume':
      return delta.volumes.has(target.id);
    case 'service':
    case 'task':
      return delta.networks.size > 0;
  }
}

export function inspectUri(target: InspectTarget): vscode.Uri {
  return vscode.Uri.from({ scheme: inspectScheme, ...inspectPath(target) });
}

/**
 * Read-only JSON of the engine's inspect answer. Documents re-read themselves when their object
 * appears in a snapshot delta, so an open tab follows connects, restarts and removals.
 */
export class InspectDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private subscriptions: { dispose(): void }[] = [];
  private readonly membership: { dispose(): void };

  constructor(private readonly engines: FleetView<EngineSession>) {
    this.follow();
    this.membership = engines.onDidChange(() => this.follow());
  }

  /** Each engine's deltas re-read that engine's open documents. */
  private follow(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    this.subscriptions = this.engines.engines.map((engine) =>
      engine.session.onDidChangeSnapshot((delta) => this.followChanges(engine.id, delta)),
    );
  }

  /** The session a document asks; undefined for an engine no longer listed. */
  private sessionOf(engine: string | undefined): EngineSession | undefined {
    return engine === undefined ? this.engines.primary.session : this.engines.get(engine)?.session;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const target = parseInspectPath(uri.path, uri.query);
    if (!target)
      return JSON.stringify(
        { error: vscode.l10n.t('Not a Berth inspect address: {0}', uri.toString()) },
        null,
        2,
      );
    const docker = this.sessionOf(target.engine)?.docker;
    if (!docker)
      return JSON.stringify(
        { error: vscode.l10n.t('Berth is not connected to the Docker engine.') },
        null,
        2,
      );
    try {
      const data: unknown = await inspectOnEngine(docker, target);
      return JSON.stringify(data, null, 2) + '\n';
    } catch (error) {
      // The object is gone or unreachable: say so in the document instead of leaving stale JSON.
      return JSON.stringify({ error: engineMessage(error) }, null, 2) + '\n';
    }
  }

  async open(kind: InspectKind, id: string, name: string, engine?: string): Promise<void> {
    const document = await vscode.workspace.openTextDocument(inspectUri({ kind, id, name, engine }));
    const json =
      document.languageId === 'json'
        ? document
        : await vscode.languages.setTextDocumentLanguage(document, 'json');
    await vscode.window.showTextDocument(json, { preview: true });
  }

  private followChanges(engine: string, delta: SnapshotDelta): void {
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme !== inspectScheme || document.isClosed) continue;
      const target = parseInspectPath(document.uri.path, document.uri.query);
      if (!target || (target.engine ?? this.engines.primary.id) !== engine) continue;
      if (changedIn(delta, target)) this.changed.fire(document.uri);
    }
  }

  dispose(): void {
    this.membership.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
