// What the readers of services and top-level resources share: the document, the line index and
// the list that collects every name as it is met.
import type { Node } from 'yaml';
import type { LineIndex, Range } from './lines';
import type { Located, SymbolKind, SymbolRef } from './model';
import { scalarText, span, substringSpan, type AnyDocument, type Entry } from './yamlNodes';

export class Reader {
  readonly symbols: SymbolRef[] = [];

  constructor(
    readonly doc: AnyDocument,
    readonly lines: LineIndex,
  ) {}

  range(node: Node): Range {
    const [start, end] = span(node);
    return this.lines.range(start, end);
  }

  /** From a key to the end of its value: what an ignore comment above the key covers. */
  pairRange(key: Node, value: Node | null): Range {
    const [start] = span(key);
    const end = value?.range ? value.range[1] : span(key)[1];
    return this.lines.range(start, Math.max(end, span(key)[1]));
  }

  /** Where an entry's value stands in the text: the value itself, or the alias that merged it in. */
  valueSite(e: Entry): Node {
    return e.merged ? e.site : (e.value ?? e.keyNode);
  }

  located(node: Node | null, site?: Node): Located | undefined {
    const text = scalarText(node);
    if (text === undefined || !node) return undefined;
    return { text, range: this.range(site ?? node) };
  }

  /** The range of `length` characters at `from` inside a scalar, or the whole site when quoted oddly. */
  inner(node: Node, site: Node, from: number, length: number): Range {
    if (node !== site) return this.range(site);
    const at = substringSpan(this.lines.source, node, from, length);
    return at ? this.lines.range(at[0], at[1]) : this.range(node);
  }

  symbol(kind: SymbolKind, name: string, range: Range, declaration = false): void {
    this.symbols.push({ kind, name, range, declaration });
  }
}
