// Compose files in the editor and the engine's objects in the views, pointing at each other.
import * as vscode from 'vscode';
import type { CommandTable } from '../commands/registry';
import type { FleetView } from '../engine/fleet/fleet';
import type { EngineSession } from '../engine/live/contract';
import type { DockerfileLanguage } from '../lsp';
import { composeCommandTable } from './commands';
import { ComposeEngine } from './composeEngine';
import { isComposeDocument } from './documents';
import { ComposeEngineSync } from './engineSync';

/**
 * The live Compose rules need the engine: opening a Compose file starts the session of the
 * Compose engine, as showing a Berth view does.
 */
export function registerCompose(
  fleet: FleetView<EngineSession>,
  language: DockerfileLanguage,
  subscriptions: vscode.Disposable[],
): CommandTable {
  const engine = new ComposeEngine(fleet);
  const sync = new ComposeEngineSync(engine);
  language.onStarted((client) => sync.attach(client));
  const startFor = (doc: vscode.TextDocument) => {
    if (isComposeDocument(doc)) engine.current.session.start();
  };
  vscode.workspace.textDocuments.forEach(startFor);
  subscriptions.push(
    engine,
    sync,
    vscode.workspace.onDidOpenTextDocument(startFor),
    engine.onDidChange(() => vscode.workspace.textDocuments.forEach(startFor)),
  );
  return composeCommandTable(
    () => language.ensureClient(),
    () => engine.current.id,
  );
}
