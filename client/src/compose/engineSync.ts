// Keeps the language server's view of the engine current: the facts go out when the client
// starts, and again whenever the snapshot or the connection changes them.
import type { LanguageClient } from 'vscode-languageclient/node';
import { ComposeEngineNotification, type EngineFacts } from '../../../common/compose';
import type { EngineSession } from '../engine/live/contract';
import { engineFacts } from './facts';

export class ComposeEngineSync {
  private client: LanguageClient | undefined;
  private lastSent: string | undefined;
  private readonly subscriptions: Array<{ dispose(): void }>;

  constructor(private readonly session: EngineSession) {
    this.subscriptions = [
      session.onDidChangeSnapshot(() => this.send()),
      session.onDidChangeState(() => this.send()),
    ];
  }

  attach(client: LanguageClient): void {
    this.client = client;
    this.lastSent = undefined;
    this.send();
  }

  private send(): void {
    if (!this.client) return;
    const snapshot = this.session.snapshot;
    const facts: EngineFacts | null =
      this.session.state.kind === 'connected' && snapshot ? engineFacts(snapshot) : null;
    const text = JSON.stringify(facts);
    // A reload that changed nothing a Compose rule reads is not worth a re-lint.
    if (text === this.lastSent) return;
    this.lastSent = text;
    void this.client.sendNotification(ComposeEngineNotification.method, { facts });
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
