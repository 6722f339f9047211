// textDocument/documentSymbol: one symbol per stage, named by its alias (or its index) with the
// base image beside it, and its instructions as children; ARG and ENV list their variables.
// Global ARGs and parser directives sit at the top level, before the stages.
import { SymbolKind, SymbolTag, type DocumentSymbol, type Range } from 'vscode-languageserver/node';
import type { Instruction } from '../parser';
import type { DockerfileDocument } from './document';

/** Beyond this the detail is cut: the Outline shows one line. */
const maxDetail = 60;

function detailOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > maxDetail ? `${flat.slice(0, maxDetail - 1)}…` : flat;
}

function kindOf(ins: Instruction): SymbolKind {
  switch (ins.name) {
    case 'ARG':
    case 'ENV':
      return SymbolKind.Variable;
    case 'LABEL':
      return SymbolKind.Property;
    case 'EXPOSE':
      return SymbolKind.Interface;
    case 'CMD':
    case 'ENTRYPOINT':
      return SymbolKind.Event;
    default:
      return SymbolKind.Function;
  }
}

function instructionSymbol(ins: Instruction): DocumentSymbol {
  const symbol: DocumentSymbol = {
    name: ins.keyword.toUpperCase(),
    detail: detailOf(
      [
        ...ins.flags.map((f) => (f.value === undefined ? `--${f.name}` : `--${f.name}=${f.value}`)),
        ins.argsText,
      ].join(' '),
    ),
    kind: kindOf(ins),
    range: ins.fullRange,
    selectionRange: ins.keywordRange,
  };
  if (ins.name === 'MAINTAINER') symbol.tags = [SymbolTag.Deprecated];
  if ((ins.name === 'ARG' || ins.name === 'ENV') && ins.pairs.length > 0) {
    symbol.children = ins.pairs
      .filter((p) => p.key !== '')
      .map((p) => ({
        name: p.key,
        detail: p.value === undefined ? undefined : detailOf(p.value),
        kind: ins.name === 'ENV' ? SymbolKind.Constant : SymbolKind.Variable,
        range: p.range,
        selectionRange: p.keyRange,
      }));
  }
  return symbol;
}

function span(first: Range, last: Range): Range {
  return { start: first.start, end: last.end };
}

export function documentSymbols(doc: DockerfileDocument): DocumentSymbol[] {
  const { file, semantics } = doc;
  const symbols: DocumentSymbol[] = file.directives.map((d) => ({
    name: `# ${d.name}`,
    detail: d.value,
    kind: SymbolKind.Property,
    range: d.range,
    selectionRange: d.range,
  }));
  // A file without FROM keeps its ARGs in the headless stage: the outline lists them all the same.
  const headlessArgs = semantics.headless?.instructions.filter((ins) => ins.name === 'ARG') ?? [];
  for (const ins of [...semantics.globalArgs, ...headlessArgs]) symbols.push(instructionSymbol(ins));
  for (const stage of semantics.stages) {
    const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
    const image = stage.from.args[0]?.value ?? '';
    symbols.push({
      name: stage.name ?? `stage ${stage.index}`,
      detail: stage.parent ? `FROM ${image} (stage)` : `FROM ${image}`,
      kind: SymbolKind.Class,
      range: span(stage.from.fullRange, last.fullRange),
      selectionRange: stage.nameRange ?? stage.from.keywordRange,
      children: [stage.from, ...stage.instructions].map(instructionSymbol),
    });
  }
  return symbols;
}
