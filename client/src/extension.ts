// First, so that its clock starts before the rest of the bundle is evaluated.
import { startup } from './perf';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { fileCommands } from './archiveFiles/commands';
import { uploadSources } from './archiveFiles/commands/transfer';
import type { FileRoots } from './archiveFiles/roots';
import { parseRootUri } from './archiveFiles/uri';
import { appCommands } from './commands/appCommands';
import type { CommandContext } from './commands/context';
import { runGuarded } from './commands/guard';
import { crossEngineProblem } from './commands/engineRouting';
import { contextOn, registerCommands, routedAs } from './commands/registry';
import { registerCompose } from './compose';
import { connectionCommands } from './connection/commands';
import { affectsEngineSettings, readEngineEntries } from './connection/settings';
import { createStatusBars } from './connection/statusBar';
import { containerCommands } from './containers/commands';
import { listContainerFolder } from './containers/files/listing';
import { registerContainerFileSystem } from './containers/files/fileSystem';
import { EngineFiles } from './engineFiles';
import type { EngineSession } from './engine/live/contract';
import { EngineFleet } from './engine/fleet/fleet';
import { PerEngine } from './engine/fleet/perEngine';
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
import { ViewEngines } from './views/viewEngines';
import { UserError } from './shared/failures';
import { volumeCommands } from './volumes/commands';
import { registerVolumeFileSystem } from './volumes/files/fileSystem';
import { loadSizesWhenShown } from './volumes/sizes';

let dockerfiles: DockerfileLanguage | undefined;
// Module bodies run after their imports: the whole bundle has been evaluated by now.
startup.bundleEvaluated();

/** What the in-editor test suite reaches through `extension.exports`. */
export interface BerthApi {
  /** The first engine's session. */
  session: EngineSession;
  engines: EngineFleet<LiveEngineSession>;
  views: BerthViews;
}

export function activate(context: vscode.ExtensionContext): BerthApi {
  startup.activationStarted();
  // Presentation modules are vscode-free and translate through @vscode/l10n: hand it our bundle.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const fleet = createFleet(context);
  dockerfiles = new DockerfileLanguage(context, fleet.primary.session);
  dockerfiles.watchForDockerfiles();
  const api = activateEngineViews(context, fleet, dockerfiles);
  startup.activationFinished();
  return api;
}

/** One session per engine of `berth.engines` (or the one engine of dockerHost/dockerContext), kept in step with the settings. */
function createFleet(context: vscode.ExtensionContext): EngineFleet<LiveEngineSession> {
  let reported = '';
  const read = () => {
    const { entries, problems } = readEngineEntries();
    // Each problem once, not on every unrelated settings change.
    const text = problems.join(' ');
    if (text !== '' && text !== reported) void vscode.window.showWarningMessage(text);
    reported = text;
    return entries;
  };
  const entries = read();
  const fleet: EngineFleet<LiveEngineSession> = new EngineFleet(entries[0], (settings) =>
    createSession({
      settings,
      // With several engines, say which one a line is about.
      log: (message) => {
        const { dockerHost, dockerContext } = settings();
        log().info(fleet.several ? `[${dockerHost || dockerContext}] ${message}` : message);
      },
    }),
  );
  fleet.reconcile(entries);
  context.subscriptions.push(
    fleet,
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsEngineSettings(event)) fleet.reconcile(read());
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      // Workspace values count from now on; reconnect what was running with the user's values.
      fleet.reconcile(read());
      for (const { session } of fleet.engines) if (session.state.kind !== 'idle') session.reconnect();
    }),
  );
  return fleet;
}

/** The views, their commands, inspect documents and the status bar; no engine I/O until a view shows. */
function activateEngineViews(
  context: vscode.ExtensionContext,
  fleet: EngineFleet<LiveEngineSession>,
  language: DockerfileLanguage,
): BerthApi {
  // Compose serves the first engine (README "Known limits").
  const session = fleet.primary.session;
  startup.countEngineRequests(() => session.stats.requests);
  startup.observeFirstLoad(() => session.firstLoad);
  const inspect = new InspectDocuments(fleet);
  const map = new NetworkMap(context);
  /** The files of the engine a URI or a tree node names (undefined: the first engine). */
  const filesOn = (engine: string | undefined): EngineFiles => {
    const files = engineFiles.of(engine);
    if (!files)
      throw new UserError(
        vscode.l10n.t(
          'The engine {0} is no longer in berth.engines. Refresh the view and try again.',
          engine ?? '',
        ),
      );
    return files;
  };
  const volumeFiles = registerVolumeFileSystem((engine) => filesOn(engine).roots.volume);
  const containerFileSystem = registerContainerFileSystem((engine) => filesOn(engine).roots.container);
  const sessionOf = (engine: string | undefined) =>
    (engine === undefined ? fleet.primary : fleet.get(engine))?.session;
  // Each engine has its own helpers and caches, so nothing loads or connects twice, nor crosses engines.
  const engineFiles: PerEngine<LiveEngineSession, EngineFiles> = new PerEngine(
    fleet,
    (engine) =>
      new EngineFiles(
        engine.session,
        containerFileSystem.provider,
        (uri) => sessionOf(parseRootUri(uri).engine) === engine.session,
      ),
  );
  const fileRoots: FileRoots = { volume: volumeFiles.scheme, container: containerFileSystem.scheme };
  context.subscriptions.push(
    inspect,
    vscode.workspace.registerTextDocumentContentProvider(inspectScheme, inspect),
    engineFiles,
    volumeFiles.registration,
    containerFileSystem.registration,
    map,
  );
  const openInspect: CommandContext['openInspect'] = (kind, id, name, engine) =>
    inspect.open(kind, id, name, engine);
  const engines = new ViewEngines(fleet);
  const views = registerViews(
    engines,
    {
      // Drops (containers on a network, files on a volume folder) start outside the command tables.
      connect: (dropped, network) =>
        runGuarded(vscode.l10n.t('Connecting the container failed'), async () => {
          const problem = crossEngineProblem(engines.of(dropped.engine), engines.of(network.engine));
          if (problem) throw new UserError(problem);
          const scoped = contextOn(ctx, network.engine);
          if (scoped) await connectDropped(scoped, dropped.ids, network.networkId);
        }),
      listFolder: (engine, root, key, path) => {
        const files = filesOn(engine);
        return root === 'volume'
          ? files.tools.list(key, path)
          : listContainerFolder(files.containers.files(), (id) => files.decorations.changesOf(id), key, path);
      },
      upload: (target, sources) =>
        runGuarded(vscode.l10n.t('Uploading failed'), async () => {
          const scoped = contextOn(ctx, target.engine);
          if (scoped) await uploadSources(scoped, fileRoots, target, sources);
        }),
    },
    context.subscriptions,
  );
  const ctx: CommandContext = { session, engines: fleet, views, openInspect };
  context.subscriptions.push(
    ...registerCommands(ctx, [
      routedAs('optional', appCommands),
      connectionCommands,
      containerCommands,
      networkCommands,
      volumeCommands((scoped) => filesOn(scoped.engine)),
      fileCommands(fileRoots),
      mapCommands(map),
      reachCommands,
      routedAs('optional', lspCommands(language)),
      routedAs('first', registerCompose(session, language, context.subscriptions)),
    ]),
    createStatusBars(fleet),
    // Sizes come per engine, each when its session is connected and the Volumes view shows.
    new PerEngine(fleet, (engine) => loadSizesWhenShown(engine.session, views.treeViews.volumes)),
  );
  return { session, engines: fleet, views };
}

export async function deactivate(): Promise<void> {
  await dockerfiles?.stop();
  dockerfiles = undefined;
  disposeLog();
}
