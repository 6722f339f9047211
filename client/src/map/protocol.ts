// Messages between the map webview and the extension. What the webview sends is checked here,
// field by field, before anything acts on it.
import type { GraphModel } from './graphTypes';
import type { Point } from './svg';

export type ToWebview = { type: 'graph'; model: GraphModel } | { type: 'status'; text: string };

export type RevealKind = 'network' | 'container' | 'volume' | 'service' | 'task';
const revealKinds: readonly unknown[] = [
  'network',
  'container',
  'volume',
  'service',
  'task',
] satisfies RevealKind[];

export type FromWebview =
  | { type: 'ready'; showBuiltins: boolean }
  | { type: 'builtins'; show: boolean }
  | { type: 'reveal'; kind: RevealKind; id: string }
  | { type: 'connect'; containerId: string; networkId: string }
  | { type: 'export'; positions: Record<string, Point>; colors: Record<string, string> };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 512;
}

function positionsOf(value: unknown): Record<string, Point> | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, Point> = {};
  for (const [id, p] of Object.entries(value)) {
    if (!isRecord(p) || typeof p.x !== 'number' || typeof p.y !== 'number') continue;
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    out[id] = { x: p.x, y: p.y };
  }
  return out;
}

function colorsOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [key, color] of Object.entries(value)) if (typeof color === 'string') out[key] = color;
  return out;
}

export function parseFromWebview(value: unknown): FromWebview | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'ready':
      return { type: 'ready', showBuiltins: value.showBuiltins === true };
    case 'builtins':
      return typeof value.show === 'boolean' ? { type: 'builtins', show: value.show } : undefined;
    case 'reveal':
      if (revealKinds.includes(value.kind) && isId(value.id)) {
        return { type: 'reveal', kind: value.kind as RevealKind, id: value.id };
      }
      return undefined;
    case 'connect':
      if (isId(value.containerId) && isId(value.networkId)) {
        return { type: 'connect', containerId: value.containerId, networkId: value.networkId };
      }
      return undefined;
    case 'export': {
      const positions = positionsOf(value.positions);
      return positions ? { type: 'export', positions, colors: colorsOf(value.colors) } : undefined;
    }
    default:
      return undefined;
  }
}
