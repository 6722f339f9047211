import type { Position, Range } from './types';

/**
 * One instruction's text with its continuation lines joined, as BuildKit builds it, plus the map
 * back to the source so that any slice of it can be reported where the user wrote it.
 *
 * Most instructions fit on one line: the first piece's position is kept in fields and only
 * continuation pieces get an array (two numbers each), made at its exact size by the parser:
 * an array grown by `push` keeps room for 17 and was a large share of what a file holds on to.
 */
export class LogicalLine {
  constructor(
    readonly text: string,
    private readonly firstLine: number,
    private readonly firstCharacter: number,
    /** Offset and line of each piece after the first (which start at character 0), flattened. */
    private readonly more: ArrayLike<number> | undefined,
  ) {}

  positionAt(offset: number): Position {
    const more = this.more;
    if (more !== undefined && more[0] <= offset) {
      // The last piece starting at or before `offset` (binary search over the flattened pairs).
      let lo = 0;
      let hi = more.length / 2 - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (more[mid * 2] <= offset) lo = mid;
        else hi = mid - 1;
      }
      const at = lo * 2;
      return { line: more[at + 1], character: offset - more[at] };
    }
    return { line: this.firstLine, character: this.firstCharacter + offset };
  }

  /** The end of a slice ending at `offset`: stays on the line of the slice's last character. */
  endPositionAt(offset: number): Position {
    if (offset <= 0) return this.positionAt(0);
    const prev = this.positionAt(offset - 1);
    return { line: prev.line, character: prev.character + 1 };
  }

  rangeOf(start: number, end: number): Range {
    const startPos = this.positionAt(start);
    return { start: startPos, end: end > start ? this.endPositionAt(end) : startPos };
  }
}
