// First, so that its clock starts before the rest of the bundle is evaluated.
import { startup } from './perf';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands, runGuarded } from './commands';
import { connectDropped } from './commands/connect';
import type { CommandContext } from './commands/context';
import { affectsEngineSettings, readEngineSettings } from './commands/engineSettings';
import { createSession } from './engine/engineSession';
import type { EngineSession } from './engine/session';
import { InspectDocuments } from './inspect/provider';
import { inspectScheme } from './inspect/uri';
import { log, disposeLog } from './log';
import { registerNetworkMap } from './map';
import { registerReachability } from './reach';
import { createStatusBar } from './statusBar';
import { registerViews, type BerthViews } from './views';
import type { ConnectRequest } from './views/dragAndDrop';
import { loadSizesWhenShown } from './views/volumeSizes';
import { registerVolumeTools } from './volumes';

let languageClient: LanguageClient | undefined;
// Module bodies run after their imports: the whole bundle has been evaluated by now.
startup.bundleEvaluated();

/** What the in-editor test suite reaches through `extension.exports`. */
export interface BerthApi {
  session: EngineSession;
  views: BerthViews;
}

export function activate(context: vscode.ExtensionContext): BerthApi {
  startup.activationStarted();
  // Presentation modules are vscode-free and translate through @vscode/l10n: hand it our bundle.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const api = activateEngineViews(context);
  watchForDockerfiles(context, api.session);
  context.subscriptions.push(
    vscode.commands.registerCommand('berth.showOutput', () => log().show()),
    vscode.commands.registerCommand('berth.restartLanguageServer', async () => {
      if (languageClient) await languageClient.restart();
      else await ensureLanguageClient(context, api.session);
    }),
  );
  startup.activationFinished();
  return api;
}

/** The views, their commands, inspect documents and the status bar; no engine I/O until a view shows. */
function activateEngineViews(context: vscode.ExtensionContext): BerthApi {
  const session = createSession({ settings: readEngineSettings, log: (message) => log().info(message) });
  startup.countEngineRequests(() => session.stats.requests);
  startup.observeFirstLoad(() => session.firstLoad);
  const inspect = new InspectDocuments(session);
  context.subscriptions.push(
    session,
    inspect,
    vscode.workspace.registerTextDocumentContentProvider(inspectScheme, inspect),
  );
  const openInspect: CommandContext['openInspect'] = (kind, id, name) => inspect.open(kind, id, name);
  // Dropping containers on a network is the one action that starts outside the command table.
  const connect: ConnectRequest = (containerIds, networkId) =>
    runGuarded(vscode.l10n.t('Connecting the container failed'), () =>
      connectDropped(ctx, containerIds, networkId),
    );
  const views = registerViews(session, connect, context.subscriptions);
  const ctx: CommandContext = { session, views, openInspect };
  context.subscriptions.push(
    ...registerCommands(ctx),
    createStatusBar(session),
    loadSizesWhenShown(session, views.treeViews.volumes),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsEngineSettings(event) && session.state.kind !== 'idle') session.reconnect();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (session.state.kind !== 'idle') session.reconnect();
    }),
  );
  // The other engine features share the one session, so nothing loads or connects twice.
  registerNetworkMap(context, session);
  registerReachability(context, session);
  registerVolumeTools(context, session);
  return { session, views };
}

/** The language server is a separate process; start it only once a Dockerfile is open. */
function watchForDockerfiles(context: vscode.ExtensionContext, session: EngineSession): void {
  const isDockerfile = (doc: vscode.TextDocument) => doc.languageId === 'dockerfile';
  if (vscode.workspace.textDocuments.some(isDockerfile)) {
    void ensureLanguageClient(context, session);
    return;
  }
  const listener = vscode.workspace.onDidOpenTextDocument((doc) => {
    if (!isDockerfile(doc)) return;
    listener.dispose();
    void ensureLanguageClient(context, session);
  });
  context.subscriptions.push(listener);
}

async function ensureLanguageClient(context: vscode.ExtensionContext, session: EngineSession): Promise<void> {
  if (languageClient) return;
  try {
    // vscode-languageclient is evaluated only once a Dockerfile is open.
    const { startLanguageClient } = await import('./lsp/languageClient');
    languageClient = await startLanguageClient(context, session);
  } catch (error) {
    log().error('The Dockerfile language server did not start:', error);
  }
}

export async function deactivate(): Promise<void> {
  await languageClient?.stop();
  languageClient = undefined;
  disposeLog();
}
