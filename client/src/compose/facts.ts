// What the language server needs to know about the engine for Compose files, taken from the
// snapshot. No vscode import: unit tests and the engine tests call it directly.
import type { EngineFacts, EnginePortFact, EngineProjectFact } from '../../../common/compose';
import type { Snapshot } from '../engine/model/snapshot';

const project = 'com.docker.compose.project';

export function engineFacts(snapshot: Snapshot): EngineFacts {
  const networks = [...snapshot.networks.values()].map((n) => ({
    id: n.id,
    name: n.name,
    driver: n.driver,
    subnets: n.ipam.flatMap((c) => (c.subnet ? [c.subnet] : [])),
    containers: new Set(n.endpoints.map((e) => e.containerId)).size,
    ...(n.labels[project] ? { project: n.labels[project] } : {}),
    ...(n.labels['com.docker.compose.network'] ? { composeKey: n.labels['com.docker.compose.network'] } : {}),
  }));
  const volumes = [...snapshot.volumes.values()].map((v) => ({
    name: v.name,
    driver: v.driver,
    containers: new Set(v.usedBy.map((u) => u.containerId)).size,
    ...(v.labels[project] ? { project: v.labels[project] } : {}),
    ...(v.labels['com.docker.compose.volume'] ? { composeKey: v.labels['com.docker.compose.volume'] } : {}),
  }));
  const ports: EnginePortFact[] = [];
  const projects = new Map<string, EngineProjectFact>();
  for (const c of snapshot.containers.values()) {
    const name = c.labels[project];
    const files = c.labels['com.docker.compose.project.config_files'];
    if (name && files && !projects.has(name)) {
      const workingDir = c.labels['com.docker.compose.project.working_dir'];
      projects.set(name, { name, configFiles: files.split(','), ...(workingDir ? { workingDir } : {}) });
    }
    if (c.state !== 'running') continue;
    for (const p of c.ports) {
      if (p.hostPort === undefined) continue;
      ports.push({
        hostIp: p.hostIp ?? '',
        hostPort: p.hostPort,
        protocol: p.protocol,
        container: c.name,
        ...(name ? { project: name } : {}),
        ...(c.composeService ? { service: c.composeService } : {}),
      });
    }
  }
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  return {
    networks: networks.sort(byName),
    volumes: volumes.sort(byName),
    ports,
    projects: [...projects.values()].sort(byName),
  };
}
