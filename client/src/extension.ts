import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { log, disposeLog } from './log';
import { startLanguageClient } from './lsp/languageClient';

let languageClient: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  watchForDockerfiles(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('berth.showOutput', () => log().show()),
    vscode.commands.registerCommand('berth.restartLanguageServer', async () => {
      if (languageClient) await languageClient.restart();
      else await ensureLanguageClient(context);
    }),
  );
}

/** The language server is a separate process; start it only once a Dockerfile is open. */
function watchForDockerfiles(context: vscode.ExtensionContext): void {
  const isDockerfile = (doc: vscode.TextDocument) => doc.languageId === 'dockerfile';
  if (vscode.workspace.textDocuments.some(isDockerfile)) {
    void ensureLanguageClient(context);
    return;
  }
  const listener = vscode.workspace.onDidOpenTextDocument((doc) => {
    if (!isDockerfile(doc)) return;
    listener.dispose();
    void ensureLanguageClient(context);
  });
  context.subscriptions.push(listener);
}

async function ensureLanguageClient(context: vscode.ExtensionContext): Promise<void> {
  if (languageClient) return;
  try {
    languageClient = await startLanguageClient(context);
  } catch (error) {
    log().error('The Dockerfile language server did not start:', error);
  }
}

export async function deactivate(): Promise<void> {
  await languageClient?.stop();
  languageClient = undefined;
  disposeLog();
}
