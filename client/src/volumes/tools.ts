// The volume tools of one engine session: a VolumeTools for the session's current client, made
// anew when a reconnect brings a new client. Each session owns its own, so engines side by side
// never share helpers.
import * as vscode from 'vscode';
import { UserError } from '../shared/failures';
import type { EngineSession } from '../engine/live/contract';
import { log } from '../log';
import type { FolderListing } from '../archiveFiles/core/read';
import { VolumeTools } from './core/tools';

export class SessionVolumeTools implements vscode.Disposable {
  private current: VolumeTools | undefined;
  private readonly subscription: { dispose(): void };

  constructor(private readonly session: EngineSession) {
    this.subscription = session.onDidChangeState((state) => {
      if (state.kind === 'connected' && session.docker) this.tools();
    });
  }

  /** The tools for the session's current engine client; throws a UserError when not connected. */
  tools(): VolumeTools {
    const docker = this.session.docker;
    if (!docker) {
      throw new UserError(
        vscode.l10n.t(
          'Berth is not connected to the Docker engine. Use "Retry Connecting to Docker" or switch the Docker context.',
        ),
      );
    }
    if (this.current?.docker !== docker) {
      void this.current?.dispose().catch(() => undefined);
      this.current = new VolumeTools(docker);
      void sweep(this.current);
    }
    return this.current;
  }

  /**
   * One folder of a volume, for tree children under a volume node: direct entries only, sorted by
   * name, at most `limit` (then `truncated`). `path` is inside the volume, '' for its root.
   */
  list(volume: string, path: string, limit?: number): Promise<FolderListing> {
    return this.tools().list(volume, path, limit);
  }

  /**
   * Drops the helper container that browsing keeps for a short while; call it before removing a
   * volume, since the engine refuses to remove a volume that a container (even ours) uses.
   */
  async release(volume: string): Promise<void> {
    await this.current?.release(volume);
  }

  dispose(): void {
    this.subscription.dispose();
    void this.current?.dispose().catch(() => undefined);
    this.current = undefined;
  }
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
