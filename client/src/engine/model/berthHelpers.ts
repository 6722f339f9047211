// Berth's own helper containers (created, never started, to reach files through the archive API)
// and its scratch volumes carry `berth.helper`. They are tools, not the user's objects: the model
// leaves them out, so no view, count, network, map or reachability answer ever shows them.

/** The label every helper container, scratch volume and helper image carries; its value is the kind. */
export const helperLabel = 'berth.helper';

/** A rollback volume may hold the only copy of a volume whose restore was interrupted: it stays visible. */
const keptVolumeKinds: ReadonlySet<string> = new Set(['rollback']);

export function isHelperContainer(labels: Record<string, string> | null | undefined): boolean {
  return labels?.[helperLabel] !== undefined;
}

export function isHelperVolume(labels: Record<string, string> | null | undefined): boolean {
  const kind = labels?.[helperLabel];
  return kind !== undefined && !keptVolumeKinds.has(kind);
}
