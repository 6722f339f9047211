// Which Compose project and key an engine object came from, and the files that project was
// started from, read from the labels Compose sets. No vscode import.
import type { Snapshot } from '../engine/model/snapshot';

export interface ComposeOrigin {
  kind: 'network' | 'volume';
  project: string;
  key: string;
}

export function composeOrigin(
  kind: 'network' | 'volume',
  labels: Record<string, string>,
): ComposeOrigin | undefined {
  const project = labels['com.docker.compose.project'];
  const key = labels[kind === 'network' ? 'com.docker.compose.network' : 'com.docker.compose.volume'];
  return project && key ? { kind, project, key } : undefined;
}

/** The files the project was started from, as its containers recorded them. */
export function projectFiles(snapshot: Snapshot, project: string): string[] {
  const files = new Set<string>();
  for (const c of snapshot.containers.values()) {
    if (c.labels['com.docker.compose.project'] !== project) continue;
    for (const f of (c.labels['com.docker.compose.project.config_files'] ?? '').split(','))
      if (f) files.add(f);
  }
  return [...files];
}
