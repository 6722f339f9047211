// The one parsed document every language feature works on: the text, its parse, its semantics
// and its lines, each made once per version of the document.
import type { Position, Range } from 'vscode-languageserver';
import { parseDockerfile, type Dockerfile, type Instruction } from '../parser';
import { semanticsOf, type DockerfileSemantics } from '../semantics';

export class DockerfileDocument {
  readonly file: Dockerfile;
  private lineList: string[] | undefined;

  constructor(
    readonly uri: string,
    readonly text: string,
  ) {
    this.file = parseDockerfile(text);
  }

  get semantics(): DockerfileSemantics {
    return semanticsOf(this.file);
  }

  /** The source lines without their line ends. */
  get lines(): readonly string[] {
    return (this.lineList ??= this.text.split(/\r?\n/));
  }

  line(n: number): string {
    return this.lines[n] ?? '';
  }

  /** The instruction whose lines (heredoc bodies included) hold `line`, if any. */
  instructionAt(line: number): Instruction | undefined {
    return instructionAtLine(this.file, line);
  }

  /** The text of a range that lies on one line. */
  textOf(range: Range): string {
    return this.line(range.start.line).slice(range.start.character, range.end.character);
  }
}

/** The instruction whose lines (heredoc bodies included) hold `line`: instructions are in order. */
export function instructionAtLine(file: Dockerfile, line: number): Instruction | undefined {
  const list = file.instructions;
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (list[mid].fullRange.start.line <= line) lo = mid;
    else hi = mid - 1;
  }
  const ins = list[lo];
  return ins && ins.fullRange.start.line <= line && line <= ins.fullRange.end.line ? ins : undefined;
}

export function contains(range: Range, pos: Position): boolean {
  const { start, end } = range;
  if (pos.line < start.line || pos.line > end.line) return false;
  if (pos.line === start.line && pos.character < start.character) return false;
  return !(pos.line === end.line && pos.character > end.character);
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
