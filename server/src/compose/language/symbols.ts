// The outline: services, networks and volumes, each under its top-level key.
import { isMap } from 'yaml';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type { ComposeFile } from '../parse/model';
import { entry } from '../parse/yamlNodes';

const sections = [
  { key: 'services', kind: SymbolKind.Module, child: SymbolKind.Class },
  { key: 'networks', kind: SymbolKind.Module, child: SymbolKind.Interface },
  { key: 'volumes', kind: SymbolKind.Module, child: SymbolKind.Struct },
] as const;

export function composeSymbols(file: ComposeFile): DocumentSymbol[] {
  const root = isMap(file.doc.contents) ? file.doc.contents : null;
  const out: DocumentSymbol[] = [];
  for (const section of sections) {
    const e = entry(file.doc, root, section.key);
    if (!e || e.merged) continue;
    const decls =
      section.key === 'services' ? file.services : section.key === 'networks' ? file.networks : file.volumes;
    const keyRange = file.lines.range(...((e.keyNode.range ?? [0, 0]) as [number, number]));
    const end = e.value?.range ? e.value.range[1] : (e.keyNode.range?.[1] ?? 0);
    out.push({
      name: section.key,
      kind: section.kind,
      range: { start: keyRange.start, end: file.lines.position(Math.max(end, e.keyNode.range?.[1] ?? 0)) },
      selectionRange: keyRange,
      children: decls.map((d) => ({
        name: d.name,
        kind: section.child,
        range: d.range,
        selectionRange: d.keyRange,
      })),
    });
  }
  return out;
}
