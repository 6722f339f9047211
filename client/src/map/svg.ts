// "Export as SVG": the map drawn again from the graph model and the positions the webview
// reports, here in the extension host. Labels are engine strings, so every one is escaped; the
// webview's own numbers and colours are checked before they reach the file.
import type { GraphModel, NodeKind } from './graphTypes';

export interface Point {
  x: number;
  y: number;
}

export interface SvgColors {
  background: string;
  foreground: string;
  edge: string;
  network: string;
  container: string;
  port: string;
  volume: string;
  service: string;
}

export const defaultColors: SvgColors = {
  background: '#ffffff',
  foreground: '#1f1f1f',
  edge: '#8a8a8a',
  network: '#3794ff',
  container: '#388a34',
  port: '#d18616',
  volume: '#8e44ad',
  service: '#b89500',
};

const xmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text and attribute values; control characters are not allowed in XML 1.0 at all. */
export function escapeXml(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const allowed =
      code >= 0x20 ? code !== 0xfffe && code !== 0xffff : code === 0x9 || code === 0xa || code === 0xd;
    if (allowed) out += xmlEscapes[ch] ?? ch;
  }
  return out;
}

/** Only plain colour syntaxes: a value from the webview cannot smuggle markup or url() into the file. */
export function safeColor(value: unknown, fallback: string): string {
  if (typeof value !== 'string') return fallback;
  const v = value.trim();
  if (/^#[0-9a-fA-F]{3,8}$/.test(v)) return v;
  if (/^rgba?\(\s*[\d.]+%?\s*,\s*[\d.]+%?\s*,\s*[\d.]+%?\s*(,\s*[\d.]+%?\s*)?\)$/.test(v)) return v;
  return fallback;
}

/** The webview's theme colours, each checked; anything odd falls back to the default. */
export function colorsFrom(raw: Record<string, string>): SvgColors {
  const pick = (key: keyof SvgColors) => safeColor(raw[key], defaultColors[key]);
  return {
    background: pick('background'),
    foreground: pick('foreground'),
    edge: pick('edge'),
    network: pick('network'),
    container: pick('container'),
    port: pick('port'),
    volume: pick('volume'),
    service: pick('service'),
  };
}

const size: Record<NodeKind, { w: number; h: number }> = {
  network: { w: 160, h: 44 },
  container: { w: 180, h: 50 },
  port: { w: 120, h: 26 },
  volume: { w: 120, h: 32 },
  service: { w: 180, h: 50 },
  task: { w: 180, h: 50 },
};

/** A task is a container somewhere in the swarm: it takes the container colour. */
function colorOf(kind: NodeKind, colors: SvgColors): string {
  return kind === 'task' ? colors.container : colors[kind];
}

function nodeShape(kind: NodeKind, p: Point, fill: string, stroke: string): string {
  const { w, h } = size[kind];
  const x = p.x - w / 2;
  const y = p.y - h / 2;
  const common = `fill="${fill}" fill-opacity="0.18" stroke="${stroke}" stroke-width="2"`;
  if (kind === 'container' || kind === 'task')
    return `<ellipse cx="${p.x}" cy="${p.y}" rx="${w / 2}" ry="${h / 2}" ${common}/>`;
  const radius = kind === 'network' || kind === 'service' ? 10 : kind === 'volume' ? 14 : 3;
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${radius}" ${common}/>`;
}

function finite(p: Point | undefined): p is Point {
  return !!p && Number.isFinite(p.x) && Number.isFinite(p.y) && Math.abs(p.x) < 1e7 && Math.abs(p.y) < 1e7;
}

export function renderSvg(
  model: GraphModel,
  positions: Record<string, Point>,
  colors: SvgColors = defaultColors,
): string {
  const placed = model.nodes.filter((n) => finite(positions[n.id]));
  const at = (id: string): Point => positions[id] ?? { x: 0, y: 0 };
  const pad = 100;
  const xs = placed.map((n) => at(n.id).x);
  const ys = placed.map((n) => at(n.id).y);
  const minX = Math.min(0, ...xs) - pad;
  const minY = Math.min(0, ...ys) - pad;
  const width = Math.max(0, ...xs) - minX + pad;
  const height = Math.max(0, ...ys) - minY + pad;
  const ids = new Set(placed.map((n) => n.id));
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${width} ${height}" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="${colors.background}"/>`,
  ];
  for (const e of model.edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    const s = at(e.source);
    const t = at(e.target);
    const dash = e.kind === 'joined' ? ' stroke-dasharray="6 4"' : '';
    out.push(
      `<line x1="${s.x}" y1="${s.y}" x2="${t.x}" y2="${t.y}" stroke="${colors.edge}" stroke-width="1.5"${dash}/>`,
    );
    if (e.label) {
      const mx = (s.x + t.x) / 2;
      const my = (s.y + t.y) / 2;
      out.push(
        `<text x="${mx}" y="${my}" text-anchor="middle" fill="${colors.foreground}" font-size="10">${escapeXml(e.label)}</text>`,
      );
    }
  }
  for (const n of placed) {
    const p = at(n.id);
    out.push(`<g class="${n.kind}">`);
    out.push(`<title>${escapeXml(`${n.label}\n${n.detail}`)}</title>`);
    out.push(nodeShape(n.kind, p, colorOf(n.kind, colors), colorOf(n.kind, colors)));
    out.push(
      `<text x="${p.x}" y="${p.y + 4}" text-anchor="middle" fill="${colors.foreground}">${escapeXml(n.label)}</text>`,
    );
    out.push(`</g>`);
  }
  out.push(`</svg>`, '');
  return out.join('\n');
}
