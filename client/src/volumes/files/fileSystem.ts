// The `berth-volume` file system: a volume's files open, save, rename and delete in ordinary
// editors without the volume becoming a workspace folder. Before the first change to a volume
// that running containers mount read-write, Berth names them and the user may cancel.
import * as vscode from 'vscode';
import { ArchiveFileSystem, type FileScheme } from '../../archiveFiles/provider';
import type { EngineSession } from '../../engine/live/contract';
import { CancelledError } from '../../shared/failures';
import { confirmModal } from '../../ui/confirm';
import { runningWriters } from '../core/writers';
import type { SessionVolumeTools } from '../tools';
import { parseVolumeUri, volumeScheme, volumeUri } from './uri';

/** Asks once per volume and set of running writers; a new writer is asked about again. */
export class WriteConsent {
  private readonly agreed = new Map<string, Set<string>>();

  constructor(private readonly session: EngineSession) {}

  async check(volume: string): Promise<void> {
    const writers = runningWriters(this.session.snapshot, volume);
    const agreed = this.agreed.get(volume) ?? new Set<string>();
    const fresh = writers.filter((use) => !agreed.has(use.containerId));
    if (fresh.length === 0) return;
    const names = writers.map((use) => `${use.containerName} (${use.destination})`).join(', ');
    const write = vscode.l10n.t('Write Anyway');
    const yes = await confirmModal(
      vscode.l10n.t('Volume "{0}" is mounted read-write by running containers: {1}', volume, names),
      vscode.l10n.t(
        'They may be writing the same files right now, and a program that keeps a file open will not see the change until it reads it again. Berth replaces each file whole, never half.',
      ),
      write,
    );
    if (!yes) throw new CancelledError();
    this.agreed.set(volume, new Set([...agreed, ...writers.map((use) => use.containerId)]));
  }
}

/** Registers the `berth-volume` file system over the session's volumes. */
export function registerVolumeFileSystem(
  volumes: SessionVolumeTools,
  consent: WriteConsent,
): { provider: ArchiveFileSystem; registration: vscode.Disposable } {
  const scheme: FileScheme = {
    scheme: volumeScheme,
    parse: (uri) => {
      const { volume, path } = parseVolumeUri(uri);
      return { key: volume, path };
    },
    uri: (key, path) => volumeUri(key, path),
    files: () => volumes.tools().files,
    beforeWrite: (volume) => consent.check(volume),
  };
  const provider = new ArchiveFileSystem(scheme);
  const registration = vscode.workspace.registerFileSystemProvider(volumeScheme, provider, {
    isCaseSensitive: true,
  });
  return { provider, registration: vscode.Disposable.from(registration, provider) };
}
