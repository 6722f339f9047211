// The files of one engine: its volume tools, its containers' files, the questions before either is
// first changed and the A, C and D on its containers' files. One per engine of the fleet (see
// PerEngine), so that every volume and file action goes to the engine of the item it started on.
import * as vscode from 'vscode';
import type { WriteConsent } from './archiveFiles/consent';
import type { ArchiveFileSystem, EngineRoots } from './archiveFiles/provider';
import { ContainerChangeDecorations } from './containers/files/decorations';
import { containerRoots, containerWriteConsent, SessionContainerFiles } from './containers/files/fileSystem';
import type { EngineSession } from './engine/live/contract';
import type { EngineVolumes } from './volumes/commands';
import { volumeRoots, volumeWriteConsent } from './volumes/files/fileSystem';
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
