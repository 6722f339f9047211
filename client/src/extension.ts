// First, so that its clock starts before the rest of the bundle is evaluated.
import { startup } from './perf';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { fileCommands } from './archiveFiles/commands';
import { uploadSources } from './archiveFiles/commands/transfer';
import { appCommands } from './commands/appCommands';
import type { CommandContext } from './commands/context';
import { runGuarded } from './commands/guard';
import { crossEngineProblem } from './commands/engineRouting';
import { routedAs } from './commands/engineRouting';
import { contextOn, registerCommands } from './commands/registry';
import { registerCompose } from './compose';
import { connectionCommands } from './connection/commands';
import { askSshPassphrase } from './connection/passphrase';
import { affectsEngineSettings, readEngineEntries } from './connection/settings';
import { createStatusBars } from './connection/statusBar';
import { containerCommands } from './containers/commands';
import { listContainerFolder } from './containers/files/listing';
import { registerFleetFiles } from './engineFiles';
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
  dockerfiles = new DockerfileLanguage(context, fleet);
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
      askPassphrase: askSshPassphrase,
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
  const session = fleet.primary.session;
  startup.countEngineRequests(() => session.stats.requests);
  startup.observeFirstLoad(() => session.firstLoad);
  const inspect = new InspectDocuments(fleet);
  const map = new NetworkMap(context);
  // Each engine has its own helpers and caches, so nothing loads or connects twice, nor crosses engines.
  const files = registerFleetFiles(fleet);
  context.subscriptions.push(
    inspect,
    vscode.workspace.registerTextDocumentContentProvider(inspectScheme, inspect),
    files,
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
        const { tools, containers, decorations } = files.on(engine);
        return root === 'volume'
          ? tools.list(key, path)
          : listContainerFolder(containers.files(), (id) => decorations.changesOf(id), key, path);
      },
      upload: (target, sources) =>
        runGuarded(vscode.l10n.t('Uploading failed'), async () => {
          const scoped = contextOn(ctx, target.engine);
          if (scoped) await uploadSources(scoped, files.roots, target, sources);
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
      volumeCommands((scoped) => files.on(scoped.engine)),
      fileCommands(files.roots),
      mapCommands(map),
      reachCommands,
      routedAs('optional', lspCommands(language)),
      routedAs('optional', registerCompose(fleet, language, context.subscriptions)),
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
