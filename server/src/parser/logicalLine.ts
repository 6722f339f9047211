import type { Position, Range } from './types';

/**
 * One instruction's text with its continuation lines joined, as BuildKit builds it, plus the map
 * back to the source so that any slice of it can be reported where the user wrote it.
 *
 * Most instructions fit on one line: the first piece's position is kept in fields and only
 * continuation pieces get an array (three numbers each), because a one-element array grown by
 * `push` keeps room for 17 and was a large share of what a parsed file holds on to.
 */
export class LogicalLine {
  text = '';
  private started = false;
  private firstLine = 0;
  private firstCharacter = 0;
  /** Offset, line and character of each piece after the first, flattened. */
  private more: number[] | undefined = undefined;

  append(piece: string, line: number, character: number): void {
    if (!this.started) {
      this.started = true;
      this.firstLine = line;
      this.firstCharacter = character;
    } else if (this.more === undefined) this.more = [this.text.length, line, character];
    else this.more.push(this.text.length, line, character);
    this.text += piece;
  }

  positionAt(offset: number): Position {
    const more = this.more;
    if (more !== undefined && more[0] <= offset) {
      // The last piece starting at or before `offset` (binary search over the flattened triples).
      let lo = 0;
      let hi = more.length / 3 - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (more[mid * 3] <= offset) lo = mid;
        else hi = mid - 1;
      }
      const at = lo * 3;
      return { line: more[at + 1], character: more[at + 2] + offset - more[at] };
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
