// berth-inspect:/<kind>/<name>.json?id=<id> — the name makes the tab readable, the id is what
// the engine is asked about (names can be reused after a removal).
export const inspectScheme = 'berth-inspect';

export type InspectKind = 'container' | 'network' | 'volume' | 'service' | 'task';

export interface InspectTarget {
  kind: InspectKind;
  id: string;
  name: string;
}

export function inspectPath(target: InspectTarget): { path: string; query: string } {
  return {
    path: `/${target.kind}/${target.name.replace(/[/\\]/g, '_')}.json`,
    query: `id=${encodeURIComponent(target.id)}`,
  };
}

export function parseInspectPath(path: string, query: string): InspectTarget | undefined {
  const match = /^\/(container|network|volume|service|task)\/(.+)\.json$/.exec(path);
  const id = new URLSearchParams(query).get('id');
  if (!match || !id) return undefined;
  return { kind: match[1] as InspectKind, name: match[2], id };
}
