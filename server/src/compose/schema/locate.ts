// From a JSON pointer into the merged value back to the text: the key or value it names, or the
// alias that brought it in from an anchor.
import { isMap, isSeq, type Node } from 'yaml';
import { entries, resolve, type AnyDocument } from '../parse/yamlNodes';

export interface Located {
  /** The value at the pointer (null for an empty value). */
  node: Node | null;
  /** The key it sits under, when it is a map entry written in this place. */
  key: Node | undefined;
  /** Where to report: the first alias on the way, else the key, else the value. */
  site: Node | undefined;
}

export function pointerSegments(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function locate(doc: AnyDocument, segments: readonly string[]): Located {
  let node: Node | null = resolve(doc, doc.contents);
  let key: Node | undefined;
  let alias: Node | undefined;
  for (const segment of segments) {
    if (isMap(node)) {
      const found = entries(doc, node).find((e) => e.key === segment);
      if (!found) return { node: null, key: undefined, site: alias ?? key };
      if (found.merged) alias ??= found.site;
      key = found.keyNode;
      node = found.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (item === undefined) return { node: null, key: undefined, site: alias ?? key };
      if (item !== resolve(doc, item)) alias ??= item;
      key = undefined;
      node = resolve(doc, item);
    } else {
      return { node: null, key: undefined, site: alias ?? key };
    }
  }
  return { node, key, site: alias ?? (node?.range ? node : key) };
}
