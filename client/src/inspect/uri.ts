// berth-inspect:/<kind>/<name>.json?id=<id>[&engine=<engine>] — the name makes the tab readable,
// the id is what the engine is asked about (names can be reused after a removal), and with
// several engines shown the engine says which one (else the first).
export const inspectScheme = 'berth-inspect';

export type InspectKind = 'container' | 'network' | 'volume' | 'service' | 'task';

export interface InspectTarget {
  kind: InspectKind;
  id: string;
  name: string;
  /** The engine's id in berth.engines; absent with one engine. */
  engine?: string;
}

export function inspectPath(target: InspectTarget): { path: string; query: string } {
  return {
    path: `/${target.kind}/${target.name.replace(/[/\\]/g, '_')}.json`,
    query: `id=${encodeURIComponent(target.id)}${target.engine === undefined ? '' : `&engine=${encodeURIComponent(target.engine)}`}`,
  };
}

export function parseInspectPath(path: string, query: string): InspectTarget | undefined {
  const match = /^\/(container|network|volume|service|task)\/(.+)\.json$/.exec(path);
  const params = new URLSearchParams(query);
  const id = params.get('id');
  const engine = params.get('engine');
  if (!match || !id) return undefined;
  const target: InspectTarget = { kind: match[1] as InspectKind, name: match[2], id };
  if (engine !== null) target.engine = engine;
  return target;
}
