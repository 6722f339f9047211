// textDocument/foldingRange: each stage, each instruction over several lines (continuation lines
// and heredoc bodies), and each block of two or more comment lines.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver/node';
import type { DockerfileDocument } from './document';

export interface FoldingOptions {
  /** The client folds whole lines only (then no character positions are sent). */
  lineFoldingOnly: boolean;
  /** The most ranges the client wants. */
  rangeLimit: number;
}

export function foldingRanges(doc: DockerfileDocument, options: FoldingOptions): FoldingRange[] {
  const { file, semantics } = doc;
  const ranges: FoldingRange[] = [];
  const add = (startLine: number, endLine: number, kind?: FoldingRangeKind): void => {
    if (endLine <= startLine) return;
    const range: FoldingRange = { startLine, endLine };
    if (!options.lineFoldingOnly) {
      range.startCharacter = doc.line(startLine).length;
      range.endCharacter = doc.line(endLine).length;
    }
    if (kind) range.kind = kind;
    ranges.push(range);
  };
  // A stage and its FROM start on one line: editors keep one range per start line, the stage's.
  const stageStarts = new Set<number>();
  for (const stage of semantics.stages) {
    const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
    const startLine = stage.from.range.start.line;
    stageStarts.add(startLine);
    add(startLine, Math.max(last.fullRange.end.line, stage.from.fullRange.end.line));
  }
  for (const ins of file.instructions) {
    const startLine = ins.range.start.line;
    if (!stageStarts.has(startLine)) add(startLine, ins.fullRange.end.line);
  }
  // Blocks of comment lines; the parser directives above the first instruction are one too.
  let blockStart = -1;
  let previous = -2;
  for (const comment of file.comments) {
    const line = comment.range.start.line;
    if (line !== previous + 1) {
      if (blockStart >= 0) add(blockStart, previous, FoldingRangeKind.Comment);
      blockStart = line;
    }
    previous = line;
  }
  if (blockStart >= 0) add(blockStart, previous, FoldingRangeKind.Comment);
  ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return ranges.length > options.rangeLimit ? ranges.slice(0, options.rangeLimit) : ranges;
}
