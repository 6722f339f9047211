// First, so that its clock starts before the rest of the bundle is evaluated.
import { startup } from './perf';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { fileCommands } from './archiveFiles/commands';
import { uploadSources } from './archiveFiles/commands/transfer';
import type { FileRoots } from './archiveFiles/roots';
import { appCommands } from './commands/appCommands';
import type { CommandContext } from './commands/context';
import { runGuarded } from './commands/guard';
import { registerCommands } from './commands/registry';
import { registerCompose } from './compose';
import { connectionCommands } from './connection/commands';
import { affectsEngineSettings, readEngineSettings } from './connection/settings';
import { createStatusBar } from './connection/statusBar';
import { containerCommands } from './containers/commands';
import { ContainerChangeDecorations } from './containers/files/decorations';
import { listContainerFolder } from './containers/files/listing';
import {
  containerWriteConsent,
  registerContainerFileSystem,
  SessionContainerFiles,
} from './containers/files/fileSystem';
import type { EngineSession } from './engine/live/contract';
import { createSession, type LiveEngineSession } from './engine/live/liveSession';
import { InspectDocuments } from './inspect/provider';
import { inspectScheme } from './inspect/uri';
import { log, disposeLog } from './log';
import { DockerfileLanguage, lspCommands } from './lsp';
import { mapCommands } from './map';
import { NetworkMap } from './map/panel';
import { networkCommands } from './networks/commands';
import { connectDropped } from './networks/commands/connect';
import { reachCommands } from './reach';
import { registerViews, type BerthViews } from './views';
import { volumeCommands } from './volumes/commands';
import { registerVolumeFileSystem, volumeWriteConsent } from './volumes/files/fileSystem';
import { loadSizesWhenShown } from './volumes/sizes';
import { SessionVolumeTools } from './volumes/tools';

let dockerfiles: DockerfileLanguage | undefined;
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
  const session = createSession({ settings: readEngineSettings, log: (message) => log().info(message) });
  dockerfiles = new DockerfileLanguage(context, session);
  dockerfiles.watchForDockerfiles();
  const api = activateEngineViews(context, session, dockerfiles);
  startup.activationFinished();
  return api;
}

/** The views, their commands, inspect documents and the status bar; no engine I/O until a view shows. */
function activateEngineViews(
  context: vscode.ExtensionContext,
  session: LiveEngineSession,
  language: DockerfileLanguage,
): BerthApi {
  startup.countEngineRequests(() => session.stats.requests);
  startup.observeFirstLoad(() => session.firstLoad);
  const inspect = new InspectDocuments(session);
  // Every engine feature works on this one session, so nothing loads or connects twice.
  const volumes = new SessionVolumeTools(session);
  const map = new NetworkMap(context, session);
  const writeConsent = volumeWriteConsent(session);
  const volumeFiles = registerVolumeFileSystem(volumes, writeConsent);
  const containerFiles = new SessionContainerFiles(session);
  const containerFileSystem = registerContainerFileSystem(containerFiles, containerWriteConsent(session));
  const changeDecorations = new ContainerChangeDecorations(session, containerFileSystem.provider);
  const fileRoots: FileRoots = { volume: volumeFiles.scheme, container: containerFileSystem.scheme };
  context.subscriptions.push(
    session,
    inspect,
    vscode.workspace.registerTextDocumentContentProvider(inspectScheme, inspect),
    volumes,
    volumeFiles.registration,
    containerFileSystem.registration,
    changeDecorations,
    vscode.window.registerFileDecorationProvider(changeDecorations),
    map,
  );
  const openInspect: CommandContext['openInspect'] = (kind, id, name) => inspect.open(kind, id, name);
  const views = registerViews(
    session,
    {
      // Drops (containers on a network, files on a volume folder) start outside the command tables.
      connect: (containerIds, networkId) =>
        runGuarded(vscode.l10n.t('Connecting the container failed'), () =>
          connectDropped(ctx, containerIds, networkId),
        ),
      listFolder: (root, key, path) =>
        root === 'volume'
          ? volumes.list(key, path)
          : listContainerFolder(containerFiles.files(), (id) => changeDecorations.changesOf(id), key, path),
      upload: (target, sources) =>
        runGuarded(vscode.l10n.t('Uploading failed'), () => uploadSources(ctx, fileRoots, target, sources)),
    },
    context.subscriptions,
  );
  const ctx: CommandContext = { session, views, openInspect };
  context.subscriptions.push(
    ...registerCommands(ctx, [
      appCommands,
      connectionCommands,
      containerCommands,
      networkCommands,
      volumeCommands(volumes, writeConsent),
      fileCommands(fileRoots),
      mapCommands(map),
      reachCommands,
      lspCommands(language),
      registerCompose(session, language, context.subscriptions),
    ]),
    createStatusBar(session),
    loadSizesWhenShown(session, views.treeViews.volumes),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsEngineSettings(event) && session.state.kind !== 'idle') session.reconnect();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (session.state.kind !== 'idle') session.reconnect();
    }),
  );
  return { session, views };
}

export async function deactivate(): Promise<void> {
  await dockerfiles?.stop();
  dockerfiles = undefined;
  disposeLog();
}
