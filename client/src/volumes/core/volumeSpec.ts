// What it takes to remove a volume and create it again as it was, and when that is not allowed.
import * as l10n from '@vscode/l10n';
import type Docker from 'dockerode';

export interface VolumeSpec {
  name: string;
  driver: string;
  options: Record<string, string>;
  labels: Record<string, string>;
}

export async function inspectSpec(docker: Docker, name: string): Promise<VolumeSpec> {
  const info = await docker.getVolume(name).inspect();
  return { name, driver: info.Driver, options: info.Options ?? {}, labels: info.Labels ?? {} };
}

export async function createFromSpec(docker: Docker, spec: VolumeSpec): Promise<void> {
  await docker.createVolume({
    Name: spec.name,
    Driver: spec.driver,
    DriverOpts: spec.options,
    Labels: spec.labels,
  });
}

/**
 * True when the data lives elsewhere (a bind, NFS or other device): creating the volume again
 * would point at the same data rather than start empty, and cloning the options would share it.
 */
export function storesDataElsewhere(spec: VolumeSpec): boolean {
  if (spec.driver !== 'local') return true;
  const device = spec.options.device;
  return device !== undefined && spec.options.type !== 'tmpfs';
}

/** Why the volume's contents cannot be replaced (removed and created again), or undefined. */
export async function replaceBlocker(docker: Docker, spec: VolumeSpec): Promise<string | undefined> {
  if (storesDataElsewhere(spec)) {
    return l10n.t(
      'Volume "{0}" keeps its data outside the engine (driver "{1}", device "{2}"), so Berth cannot empty it. Restore with Merge instead.',
      spec.name,
      spec.driver,
      spec.options.device ?? '',
    );
  }
  const users = await docker.listContainers({ all: true, filters: { volume: [spec.name] } });
  if (users.length > 0) {
    const names = users.map((c) => (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, '')).join(', ');
    return l10n.t(
      'Volume "{0}" is used by {1}. Replacing its contents means creating it again, which the engine allows only when no container (running or stopped) uses it. Remove those containers first, or restore with Merge.',
      spec.name,
      names,
    );
  }
  return undefined;
}
