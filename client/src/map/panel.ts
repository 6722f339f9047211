// The network map's one webview panel: it sends the graph model on every snapshot change and
// acts on what the webview asks for (reveal, connect after a confirmation, export as SVG).
import * as vscode from 'vscode';
import type { EngineSession } from '../engine/live/contract';
import { validateConnect } from '../engine/operations/networks';
import { connectToNetwork } from '../reach/engineActions';
import { withoutEmptyBuiltins } from './builtins';
import { buildGraph } from './graphModel';
import { mapHtml } from './html';
import { parseFromWebview, type FromWebview, type RevealKind, type ToWebview } from './protocol';
import { webviewStrings } from './strings';
import { colorsFrom, renderSvg, type Point } from './svg';
import { swarmRowOf } from './swarmGraph';

const viewType = 'berth.networkMap';
/** The webview's scripts in load order: each adds to `berthMap`, map.js starts it all. */
const mapScripts = ['style.js', 'zoom.js', 'layout.js', 'focus.js', 'connect.js', 'map.js'];

/** Which engine a map shows, named in its title when several engines are shown. */
export interface MapEngine {
  id: string;
  label: string;
}

/** One map panel per engine: opened on first use, brought back on the next. */
export class NetworkMap implements vscode.Disposable {
  private readonly panels = new Map<EngineSession, NetworkMapPanel>();

  constructor(private readonly context: vscode.ExtensionContext) {}

  /** `engine` is set when several engines are shown. */
  show(session: EngineSession, engine?: MapEngine): void {
    const open = this.panels.get(session);
    if (open) {
      open.panel.reveal();
      return;
    }
    const panel = NetworkMapPanel.open(this.context, session, engine, (closed) => {
      if (this.panels.get(session) === closed) this.panels.delete(session);
    });
    this.panels.set(session, panel);
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
  }
}

class NetworkMapPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** Whether the empty built-in networks are drawn; the webview keeps the choice in its state. */
  private showBuiltins = false;

  static open(
    context: vscode.ExtensionContext,
    session: EngineSession,
    engine: MapEngine | undefined,
    onDispose: (panel: NetworkMapPanel) => void,
  ): NetworkMapPanel {
    const roots = [
      vscode.Uri.joinPath(context.extensionUri, 'media', 'map'),
      vscode.Uri.joinPath(context.extensionUri, 'media', 'vendor'),
    ];
    const panel = vscode.window.createWebviewPanel(
      viewType,
      engine ? vscode.l10n.t('Network Map: {0}', engine.label) : vscode.l10n.t('Network Map'),
      vscode.ViewColumn.Active,
      {
        enableScripts: true,
        localResourceRoots: roots,
        retainContextWhenHidden: false,
      },
    );
    return new NetworkMapPanel(panel, context, session, engine?.id, onDispose);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    private readonly session: EngineSession,
    /** Set when several engines are shown: where the views reveal what the map points at. */
    private readonly engine: string | undefined,
    private readonly onDispose: (panel: NetworkMapPanel) => void,
  ) {
    const webview = panel.webview;
    const media = (...parts: string[]) =>
      webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'media', ...parts)).toString();
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'berth.svg');
    webview.html = mapHtml({
      cspSource: webview.cspSource,
      cytoscapeUri: media('vendor', 'cytoscape.min.js'),
      layoutUri: media('vendor', 'cytoscape-elk.min.js'),
      scriptUris: mapScripts.map((name) => media('map', name)),
      styleUri: media('map', 'map.css'),
      language: vscode.env.language,
      strings: webviewStrings(),
    });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseFromWebview(raw);
        if (message) void this.handle(message);
      }),
      session.onDidChangeSnapshot(() => this.postGraph()),
      session.onDidChangeState(() => this.postGraph()),
    );
    session.start();
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private postGraph(): void {
    const state = this.session.state;
    if (state.kind === 'unreachable') {
      // The last map stays up, marked as stale, with the engine's own words.
      const text = vscode.l10n.t('The Docker engine is not available: {0}', state.problem.message);
      this.post({ type: 'status', text });
      return;
    }
    const snapshot = this.session.snapshot;
    if (!snapshot) {
      this.post({ type: 'status', text: vscode.l10n.t('Waiting for the Docker engine…') });
      return;
    }
    const { model } = withoutEmptyBuiltins(buildGraph(snapshot), this.showBuiltins);
    this.post({ type: 'graph', model });
  }

  private async handle(message: FromWebview): Promise<void> {
    try {
      if (message.type === 'ready' || message.type === 'builtins') {
        this.showBuiltins = message.type === 'ready' ? message.showBuiltins : message.show;
        this.postGraph();
      } else if (message.type === 'reveal') await this.reveal(message.kind, message.id);
      else if (message.type === 'connect') await this.connect(message.containerId, message.networkId);
      else await this.exportSvg(message.positions, message.colors);
    } catch (error) {
      void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    }
  }

  private async connect(containerId: string, networkId: string): Promise<void> {
    const snapshot = this.session.snapshot;
    const container = snapshot?.containers.get(containerId);
    const network = snapshot?.networks.get(networkId);
    const docker = this.session.docker;
    if (!snapshot || !container || !network || !docker) return;
    // Say what is wrong (already on it, host/none/container mode) before asking anything.
    const problem = validateConnect(snapshot, { containerId, networkId });
    if (!problem.ok) {
      void vscode.window.showWarningMessage(vscode.l10n.t(problem.template, ...problem.args));
      return;
    }
    const yes = vscode.l10n.t('Connect');
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('Connect container {0} to network {1}?', container.name, network.name),
      { modal: true },
      yes,
    );
    if (answer !== yes) return;
    await connectToNetwork(docker, snapshot, networkId, containerId);
    await this.session.refresh();
  }

  private async exportSvg(positions: Record<string, Point>, raw: Record<string, string>): Promise<void> {
    const snapshot = this.session.snapshot;
    if (!snapshot) return;
    const colors = colorsFrom(raw);
    const target = await vscode.window.showSaveDialog({
      filters: { SVG: ['svg'] },
      defaultUri: vscode.Uri.joinPath(
        vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(process.cwd()),
        'network-map.svg',
      ),
      saveLabel: vscode.l10n.t('Export'),
    });
    if (!target) return;
    const svg = renderSvg(buildGraph(snapshot), positions, colors);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(svg));
    void vscode.window.showInformationMessage(vscode.l10n.t('Network map saved to {0}.', target.fsPath));
  }

  /** Uses the views' `berth.reveal` when it exists; otherwise at least brings the right view up. */
  private async reveal(kind: RevealKind, id: string): Promise<void> {
    const commands = await vscode.commands.getCommands(true);
    if (!commands.includes('berth.reveal')) {
      await vscode.commands.executeCommand(`berth.${viewOf(kind)}.focus`);
      return;
    }
    const engine = this.engine;
    if (kind !== 'service' && kind !== 'task') {
      await vscode.commands.executeCommand('berth.reveal', { kind, id, engine });
      return;
    }
    const row = this.session.snapshot && swarmRowOf(this.session.snapshot.networks.values(), kind, id);
    if (row) await vscode.commands.executeCommand('berth.reveal', { kind, id, engine, ...row });
  }

  dispose(): void {
    this.onDispose(this);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

/** The view that shows an object of this kind: services and tasks are rows under their overlay. */
function viewOf(kind: RevealKind): 'networks' | 'containers' | 'volumes' {
  return kind === 'service' || kind === 'task' ? 'networks' : `${kind}s`;
}
