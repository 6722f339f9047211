// Compose files in the editor and the engine's objects in the views, pointing at each other.
import * as vscode from 'vscode';
import type { CommandTable } from '../commands/registry';
import type { EngineSession } from '../engine/live/contract';
import type { DockerfileLanguage } from '../lsp';
import { composeCommandTable } from './commands';
import { isComposeDocument } from './documents';
import { ComposeEngineSync } from './engineSync';

/**
 * The live Compose rules need the engine: opening a Compose file starts the session, as showing
 * a Berth view does.
 */
export function registerCompose(
  session: EngineSession,
  language: DockerfileLanguage,
  subscriptions: vscode.Disposable[],
): CommandTable {
  const sync = new ComposeEngineSync(session);
  language.onStarted((client) => sync.attach(client));
  const startFor = (doc: vscode.TextDocument) => {
    if (isComposeDocument(doc)) session.start();
  };
  vscode.workspace.textDocuments.forEach(startFor);
  subscriptions.push(sync, vscode.workspace.onDidOpenTextDocument(startFor));
  return composeCommandTable(() => language.ensureClient());
}
