// Volume changes: create, remove and prune volumes.
import type Docker from 'dockerode';
import { loadVolumeSizes } from '../model/loader';
import type { Snapshot, Volume } from '../model/snapshot';
import { messages, problem } from '../validation/messages';
import { validateLabels, validateVolumeName } from '../validation/names';
import { call, check, quoteList, removeEachOf, ValidationError, type BatchResult } from './engineCall';

export interface VolumeCreateSpec {
  name: string;
  driver?: string;
  driverOpts?: Record<string, string>;
  labels?: Record<string, string>;
}

export async function createVolume(
  docker: Docker,
  snapshot: Snapshot,
  spec: VolumeCreateSpec,
): Promise<string> {
  check(validateVolumeName(spec.name, snapshot));
  check(validateLabels(spec.labels));
  await call(() =>
    docker.createVolume({
      Name: spec.name,
      Driver: spec.driver || 'local',
      DriverOpts: spec.driverOpts ?? {},
      Labels: spec.labels ?? {},
    }),
  );
  return spec.name;
}

export function volumeUsers(volume: Volume): string[] {
  return [...new Set(volume.usedBy.map((u) => u.containerName))];
}

/** Removes a volume; in use, it refuses and names the containers (stopped ones count too). */
export async function removeVolume(docker: Docker, snapshot: Snapshot, name: string): Promise<void> {
  const volume = snapshot.volumes.get(name);
  if (volume && volume.usedBy.length > 0) {
    throw new ValidationError(problem('volume', messages.volumeInUse, name, quoteList(volumeUsers(volume))));
  }
  await call(() => docker.getVolume(name).remove());
}

/**
 * The unused volumes, with sizes where the engine reports them. `anonymousOnly` matches what
 * `docker volume prune` removes on Docker 23 and later.
 */
export async function previewVolumePrune(
  docker: Docker,
  snapshot: Snapshot,
  options: { anonymousOnly?: boolean } = {},
): Promise<Volume[]> {
  const unused = [...snapshot.volumes.values()].filter(
    (v) => v.usedBy.length === 0 && (!options.anonymousOnly || v.anonymous),
  );
  const sizes = await loadVolumeSizes(docker).catch(() => new Map<string, number>());
  return unused.map((v) => ({ ...v, size: sizes.get(v.name) ?? v.size }));
}

/** Removes exactly the previewed volumes; the engine refuses any that came into use meanwhile. */
export async function pruneVolumes(docker: Docker, volumes: Volume[]): Promise<BatchResult> {
  return removeEachOf(
    volumes,
    (volume) => volume.name,
    (volume) => docker.getVolume(volume.name).remove(),
  );
}
