// The Dockerfile language server: a separate process, started only once a Dockerfile is open,
// and the command that restarts it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CommandTable } from '../commands/registry';
import { log } from '../log';

export class DockerfileLanguage {
  private client: LanguageClient | undefined;

  constructor(private readonly context: vscode.ExtensionContext) {}

  /** Starts the server now if a Dockerfile is open, else when the first one opens. */
  watchForDockerfiles(): void {
    const isDockerfile = (doc: vscode.TextDocument) => doc.languageId === 'dockerfile';
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
    if (this.client) await this.client.restart();
    else await this.ensureStarted();
  }

  async stop(): Promise<void> {
    await this.client?.stop();
    this.client = undefined;
  }

  private async ensureStarted(): Promise<void> {
    if (this.client) return;
    try {
      // vscode-languageclient is evaluated only once a Dockerfile is open.
      const { startLanguageClient } = await import('./languageClient');
      this.client = await startLanguageClient(this.context);
    } catch (error) {
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
