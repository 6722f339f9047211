// Volume files, backup, restore and clone in the editor: the `berth-volume` file system and the
// four commands. The engine work is in ./core; this is the thin layer that talks to the user.
import * as vscode from 'vscode';
import type { EngineSession } from '../engine/live/contract';
import { log } from '../log';
import { backupVolume } from './backupCommand';
import { browseVolume, openVolumeFile } from './browseCommand';
import { cloneVolume } from './cloneCommand';
import type { VolumeDirListing } from './core/browse';
import { VolumeTools } from './core/tools';
import { VolumeFileSystem } from './fileSystem';
import { restoreVolume } from './restoreCommand';
import { VolumeUserError, type VolumeCommandContext } from './run';
import { volumeScheme, volumeUri } from './uri';

export { openVolumeFile, volumeUri };

let current: VolumeTools | undefined;
let currentSession: EngineSession | undefined;

/** The tools for the session's current engine client; a reconnect brings a new client. */
function toolsFor(session: EngineSession): VolumeTools {
  const docker = session.docker;
  if (!docker) {
    throw new VolumeUserError(
      vscode.l10n.t(
        'Berth is not connected to the Docker engine. Use "Retry Connecting to Docker" or switch the Docker context.',
      ),
    );
  }
  if (current?.docker !== docker) {
    void current?.dispose().catch(() => undefined);
    current = new VolumeTools(docker);
    void sweep(current);
  }
  return current;
}

/** Removes helpers that crashed Berth windows left behind; says where interrupted restores kept data. */
async function sweep(tools: VolumeTools): Promise<void> {
  try {
    const result = await tools.sweep();
    if (result.containers + result.stagingVolumes > 0) {
      log().info(
        `Removed ${result.containers} stale helper containers and ${result.stagingVolumes} staging volumes.`,
      );
    }
    for (const name of result.rollbackVolumes) {
      log().warn(
        `Volume ${name} holds the contents saved before an interrupted restore; remove it when not needed.`,
      );
    }
  } catch (error) {
    log().warn(`Sweeping stale volume helpers failed: ${String(error)}`);
  }
}

/** Registers the `berth-volume` file system and the Browse, Back Up, Restore and Clone commands. */
export function registerVolumeTools(context: vscode.ExtensionContext, session: EngineSession): void {
  currentSession = session;
  const ctx: VolumeCommandContext = { session, tools: () => toolsFor(session) };
  const fileSystem = new VolumeFileSystem(() => ctx.tools());
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(volumeScheme, fileSystem, {
      isReadonly: true,
      isCaseSensitive: true,
    }),
    fileSystem,
    vscode.commands.registerCommand('berth.volume.browse', browseVolume(ctx)),
    vscode.commands.registerCommand('berth.volume.backup', backupVolume(ctx)),
    vscode.commands.registerCommand('berth.volume.restore', restoreVolume(ctx)),
    vscode.commands.registerCommand('berth.volume.clone', cloneVolume(ctx)),
    session.onDidChangeState((state) => {
      if (state.kind === 'connected' && session.docker) toolsFor(session);
    }),
    {
      dispose: () => {
        void current?.dispose().catch(() => undefined);
        current = undefined;
        currentSession = undefined;
      },
    },
  );
}

function registeredSession(): EngineSession {
  if (!currentSession) throw new Error('registerVolumeTools has not been called');
  return currentSession;
}

/**
 * One folder of a volume, for tree children under a volume node: direct entries only, sorted by
 * name, at most `limit` (then `truncated`). `path` is inside the volume, '' for its root.
 */
export function listVolumeDir(volume: string, path: string, limit?: number): Promise<VolumeDirListing> {
  return toolsFor(registeredSession()).list(volume, path, limit);
}

/**
 * Drops the helper container that browsing keeps for a short while; call it before removing a
 * volume, since the engine refuses to remove a volume that a container (even ours) uses.
 */
export async function releaseVolume(volume: string): Promise<void> {
  await current?.release(volume);
}

export type { VolumeDirEntry, VolumeDirListing } from './core/browse';
