// The engine Compose files are checked against and their quick fixes act on, kept in step with
// `berth.compose.engine` and `berth.engines`.
import * as vscode from 'vscode';
import type { FleetEngine, FleetView } from '../engine/fleet/fleet';
import type { EngineSession } from '../engine/live/contract';
import { chooseComposeEngine } from './engineChoice';

/** The setting's value; a workspace's is ignored until the workspace is trusted, as berth.engines is. */
function wantedEngine(): string {
  const config = vscode.workspace.getConfiguration('berth.compose');
  const value = vscode.workspace.isTrusted
    ? config.get<string>('engine')
    : config.inspect<string>('engine')?.globalValue;
  return typeof value === 'string' ? value : '';
}

export class ComposeEngine implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when Compose moves to another engine or session, or its engine's name comes or goes. */
  readonly onDidChange = this.changed.event;
  private id: string;
  private session: EngineSession;
  private reported = '';
  private readonly subscriptions: Array<{ dispose(): void }>;

  constructor(private readonly fleet: FleetView<EngineSession>) {
    this.id = this.choose();
    this.session = this.current.session;
    let named = this.named;
    // Reordering berth.engines can give the same id another session, and going from several
    // engines to one drops the name findings carry: each counts as a change.
    const update = () => {
      this.id = this.choose();
      const session = this.current.session;
      if (session === this.session && this.named === named) return;
      this.session = session;
      named = this.named;
      this.changed.fire();
    };
    this.subscriptions = [
      this.changed,
      fleet.onDidChange(update),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('berth.compose.engine')) update();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(update),
    ];
  }

  get current(): FleetEngine<EngineSession> {
    return this.fleet.get(this.id) ?? this.fleet.primary;
  }

  /** The engine's id (its name) when there are several, to say which one a finding is about. */
  get named(): string | undefined {
    return this.fleet.several ? this.current.id : undefined;
  }

  private choose(): string {
    const { id, problem } = chooseComposeEngine(this.fleet.engines, wantedEngine());
    // Each problem once, not on every unrelated change of the fleet.
    if (problem && problem !== this.reported) void vscode.window.showWarningMessage(problem);
    this.reported = problem ?? '';
    return id;
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
