// The Dockerfile language server: a separate process, started only once a Dockerfile is open,
// and the command that restarts it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CommandTable } from '../commands/registry';
import type { FleetView } from '../engine/fleet/fleet';
import type { EngineSession } from '../engine/live/contract';
import { isComposeDocument } from '../compose/documents';
import { log } from '../log';

export class DockerfileLanguage {
  private client: LanguageClient | undefined;
  private readonly startListeners: Array<(client: LanguageClient) => void> = [];

  /** The engines answer the server's requests for their images (FROM completion). */
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly engines: FleetView<EngineSession>,
  ) {}

  /** Called each time the server (re)starts, e.g. to send it what the engine has. */
  onStarted(listener: (client: LanguageClient) => void): void {
    this.startListeners.push(listener);
    if (this.client) listener(this.client);
  }

  /** The running client, starting the server if it is not yet running. */
  async ensureClient(): Promise<LanguageClient | undefined> {
    await this.ensureStarted();
    return this.client;
  }

  /** Starts the server now if a Dockerfile or Compose file is open, else when the first one opens. */
  watchForDockerfiles(): void {
    const isDockerfile = (doc: vscode.TextDocument) =>
      doc.languageId === 'dockerfile' || isComposeDocument(doc);
    if (vscode.workspace.textDocuments.some(isDockerfile)) {
      void this.ensureStarted();
      return;
    }
    const listener = vscode.workspace.onDidOpenTextDocument((doc) => {
      if (!isDockerfile(doc)) return;
      listener.dispose();
      void this.ensureStarted();
    });
    this.context.subscriptions.push(listener);
  }

  async restart(): Promise<void> {
    if (!this.client) return this.ensureStarted();
    await this.client.restart();
    const client = this.client;
    this.startListeners.forEach((listener) => listener(client));
  }

  async stop(): Promise<void> {
    await this.client?.stop();
    this.client = undefined;
    this.starting = undefined;
  }

  private starting: Promise<void> | undefined;

  /** One start at a time: a command and an opened file may both ask for the server at once. */
  private ensureStarted(): Promise<void> {
    this.starting ??= this.start();
    return this.starting;
  }

  private async start(): Promise<void> {
    if (this.client) return;
    try {
      // vscode-languageclient is evaluated only once a Dockerfile is open.
      const { startLanguageClient } = await import('./languageClient');
      const client = await startLanguageClient(this.context, () => this.engines.engines);
      this.client = client;
      this.startListeners.forEach((listener) => listener(client));
    } catch (error) {
      this.starting = undefined;
      log().error('The Dockerfile language server did not start:', error);
    }
  }
}

export function lspCommands(language: DockerfileLanguage): CommandTable {
  return {
    'berth.restartLanguageServer': {
      run: () => language.restart(),
      failure: () => vscode.l10n.t('Restarting the Dockerfile language server failed'),
    },
  };
}
