// Walking a YAML tree the way Compose reads it: aliases resolve to their anchors and `<<` merge
// keys bring in the entries of the maps they name, while every value remembers the place in the
// text where it belongs to the service (the alias, not the anchor far above).
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

export type AnyDocument = Document.Parsed | Document;

/** A value in the tree and the node whose range stands for it in diagnostics. */
export interface Found {
  node: Node | null;
  site: Node;
}

export interface Entry {
  key: string;
  keyNode: Node;
  value: Node | null;
  /** The key, or the `<<` alias that brought the entry in. */
  site: Node;
  merged: boolean;
}

/** Follows aliases to the node they name (bounded, so a cycle cannot hang the server). */
export function resolve(doc: AnyDocument, node: unknown): Node | null {
  let current = node;
  for (let hops = 0; hops < 32 && isAlias(current); hops++) current = current.resolve(doc);
  return current && !isAlias(current) ? (current as Node) : null;
}

function isMergeKey(pair: Pair): boolean {
  const key = pair.key;
  return isScalar(key) && (typeof key.value === 'symbol' || key.value === '<<');
}

/** A scalar value as Compose reads it into a string: numbers and booleans in their YAML spelling. */
function asString(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return undefined;
}

export function keyText(key: unknown): string | undefined {
  return isScalar(key) ? (asString(key.value) ?? '') : undefined;
}

/** The map's entries: its own first, then those merged in with `<<` that it does not override. */
export function entries(doc: AnyDocument, map: YAMLMap, depth = 0): Entry[] {
  const own: Entry[] = [];
  const merges: Entry[] = [];
  for (const pair of map.items) {
    if (isMergeKey(pair)) {
      if (depth > 8) continue;
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const source of sources) {
        const target = resolve(doc, source);
        if (!isMap(target)) continue;
        const site = (source as Node | null) ?? (pair.key as Node);
        for (const entry of entries(doc, target, depth + 1)) merges.push({ ...entry, site, merged: true });
      }
      continue;
    }
    const key = keyText(pair.key);
    if (key === undefined) continue;
    const keyNode = pair.key as Node;
    own.push({ key, keyNode, value: resolve(doc, pair.value), site: keyNode, merged: false });
  }
  const seen = new Set(own.map((e) => e.key));
  for (const entry of merges) {
    if (seen.has(entry.key)) continue;
    seen.add(entry.key);
    own.push(entry);
  }
  return own;
}

export function entry(doc: AnyDocument, map: Node | null, key: string): Entry | undefined {
  return isMap(map) ? entries(doc, map).find((e) => e.key === key) : undefined;
}

/** The items of a sequence with aliases resolved; each item is its own site unless it is an alias. */
export function items(doc: AnyDocument, seq: Node | null): Found[] {
  if (!isSeq(seq)) return [];
  return seq.items.map((item) => ({ node: resolve(doc, item), site: item as Node }));
}

/** A scalar's value as Compose would read it into a string field, or undefined for maps and lists. */
export function scalarText(node: Node | null): string | undefined {
  return isScalar(node) ? asString(node.value) : undefined;
}

export function isTrue(node: Node | null): boolean {
  return isScalar(node) && (node.value === true || node.value === 'true');
}

/** Start and end offset of a node's value in the source. */
export function span(node: Node): [number, number] {
  const [start, valueEnd] = node.range ?? [0, 0];
  return [start, valueEnd];
}

/** Where `value` sits inside a plain or quoted scalar's source, when it is written there verbatim. */
export function substringSpan(
  source: string,
  node: Node,
  from: number,
  length: number,
): [number, number] | undefined {
  if (!isScalar(node)) return undefined;
  const [start, end] = span(node);
  const raw = source.slice(start, end);
  const text = scalarText(node) ?? '';
  const quote = raw.startsWith('"') || raw.startsWith("'") ? 1 : 0;
  if (raw.slice(quote, quote + text.length) !== text) return undefined;
  return [start + quote + from, start + quote + from + length];
}
