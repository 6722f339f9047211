// The files of one engine: its volume tools, its containers' files, the questions before either is
// first changed and the A, C and D on its containers' files. One per engine of the fleet (see
// PerEngine) behind one volume and one container file system, so that every volume and file
// action goes to the engine of the item it started on.
import * as vscode from 'vscode';
import type { WriteConsent } from './archiveFiles/consent';
import type { ArchiveFileSystem, EngineRoots } from './archiveFiles/provider';
import type { FileRoots } from './archiveFiles/roots';
import { parseRootUri } from './archiveFiles/uri';
import { ContainerChangeDecorations } from './containers/files/decorations';
import {
  containerRoots,
  containerWriteConsent,
  registerContainerFileSystem,
  SessionContainerFiles,
} from './containers/files/fileSystem';
import type { FleetView } from './engine/fleet/fleet';
import { PerEngine } from './engine/fleet/perEngine';
import type { EngineSession } from './engine/live/contract';
import { UserError } from './shared/failures';
import type { EngineVolumes } from './volumes/commands';
import { registerVolumeFileSystem, volumeRoots, volumeWriteConsent } from './volumes/files/fileSystem';
import { SessionVolumeTools } from './volumes/tools';

export class EngineFiles implements EngineVolumes, vscode.Disposable {
  readonly tools: SessionVolumeTools;
  readonly consent: WriteConsent;
  readonly containers: SessionContainerFiles;
  readonly decorations: ContainerChangeDecorations;
  readonly roots: { volume: EngineRoots; container: EngineRoots };
  private readonly registration: vscode.Disposable;

  /** `owns` tells the container URIs of this engine from those of the other engines shown. */
  constructor(session: EngineSession, containerFiles: ArchiveFileSystem, owns: (uri: vscode.Uri) => boolean) {
    this.tools = new SessionVolumeTools(session);
    this.consent = volumeWriteConsent(session);
    this.containers = new SessionContainerFiles(session);
    this.decorations = new ContainerChangeDecorations(session, containerFiles, owns);
    this.roots = {
      volume: volumeRoots(this.tools, this.consent),
      container: containerRoots(this.containers, containerWriteConsent(session)),
    };
    this.registration = vscode.window.registerFileDecorationProvider(this.decorations);
  }

  dispose(): void {
    this.registration.dispose();
    this.decorations.dispose();
    this.tools.dispose();
  }
}

export interface FleetFiles extends vscode.Disposable {
  /** The files of the engine a URI, tree node or command names (undefined: the first engine). */
  on(engine: string | undefined): EngineFiles;
  /** The volume and container file systems, which serve every engine. */
  roots: FileRoots;
}

/** Registers the volume and container file systems over the engines of `fleet`, each with its own tools. */
export function registerFleetFiles(fleet: FleetView<EngineSession>): FleetFiles {
  const on = (engine: string | undefined): EngineFiles => {
    const files = perEngine.of(engine);
    if (!files)
      throw new UserError(
        vscode.l10n.t(
          'The engine {0} is no longer in berth.engines. Refresh the view and try again.',
          engine ?? '',
        ),
      );
    return files;
  };
  const volumes = registerVolumeFileSystem((engine) => on(engine).roots.volume);
  const containers = registerContainerFileSystem((engine) => on(engine).roots.container);
  const sessionOf = (engine: string | undefined) =>
    (engine === undefined ? fleet.primary : fleet.get(engine))?.session;
  const perEngine = new PerEngine(
    fleet,
    (engine) =>
      new EngineFiles(
        engine.session,
        containers.provider,
        (uri) => sessionOf(parseRootUri(uri).engine) === engine.session,
      ),
  );
  return {
    on,
    roots: { volume: volumes.scheme, container: containers.scheme },
    dispose: () => {
      perEngine.dispose();
      volumes.registration.dispose();
      containers.registration.dispose();
    },
  };
}
