// Who else may be writing a volume: running containers that mount it read-write. Berth names them
// before it first changes the volume's files. Read-only mounts do not count: the volume itself can
// still be written, and those containers only read.
import type { Snapshot, VolumeUsage } from '../../engine/model/snapshot';
import { isRunning } from '../../shared/containerState';

export function runningWriters(snapshot: Snapshot | undefined, volume: string): VolumeUsage[] {
  const usage = snapshot?.volumes.get(volume)?.usedBy ?? [];
  return usage.filter((use) => {
    const container = snapshot?.containers.get(use.containerId);
    return !use.readOnly && container !== undefined && isRunning(container);
  });
}
