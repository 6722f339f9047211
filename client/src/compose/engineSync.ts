// Keeps the language server's view of the engine current: the facts of the Compose engine go out
// when the client starts, and again whenever its snapshot or connection changes them, or Compose
// moves to another engine.
import type { LanguageClient } from 'vscode-languageclient/node';
import { ComposeEngineNotification, type EngineFacts } from '../../../common/compose';
import type { EngineSession } from '../engine/live/contract';
import { engineFacts } from './facts';

/** What the sync reads of the Compose engine (composeEngine.ts). */
export interface ComposeEngineSource {
  readonly current: { readonly session: EngineSession };
  readonly named: string | undefined;
  onDidChange(listener: () => void): { dispose(): void };
}

export class ComposeEngineSync {
  private client: LanguageClient | undefined;
  private lastSent: string | undefined;
  private session: EngineSession;
  private sessionEvents: Array<{ dispose(): void }> = [];
  private readonly engineChanged: { dispose(): void };

  constructor(private readonly engine: ComposeEngineSource) {
    this.session = engine.current.session;
    this.follow();
    this.engineChanged = engine.onDidChange(() => {
      this.session = engine.current.session;
      this.follow();
      this.send();
    });
  }

  attach(client: LanguageClient): void {
    this.client = client;
    this.lastSent = undefined;
    this.send();
  }

  private follow(): void {
    this.sessionEvents.forEach((s) => s.dispose());
    this.sessionEvents = [
      this.session.onDidChangeSnapshot(() => this.send()),
      this.session.onDidChangeState(() => this.send()),
    ];
  }

  private send(): void {
    if (!this.client) return;
    const snapshot = this.session.snapshot;
    const facts: EngineFacts | null =
      this.session.state.kind === 'connected' && snapshot ? engineFacts(snapshot) : null;
    const engine = this.engine.named;
    const params: ComposeEngineNotification.Params = engine === undefined ? { facts } : { facts, engine };
    const text = JSON.stringify(params);
    // A reload that changed nothing a Compose rule reads is not worth a re-lint.
    if (text === this.lastSent) return;
    this.lastSent = text;
    void this.client.sendNotification(ComposeEngineNotification.method, params);
  }

  dispose(): void {
    this.sessionEvents.forEach((s) => s.dispose());
    this.engineChanged.dispose();
  }
}
