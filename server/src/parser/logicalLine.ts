import type { Position, Range } from './types';

interface Segment {
  offset: number;
  line: number;
  character: number;
}

/**
 * One instruction's text with its continuation lines joined, as BuildKit builds it, plus the map
 * back to the source so that any slice of it can be reported where the user wrote it.
 */
export class LogicalLine {
  text = '';
  private readonly segments: Segment[] = [];

  append(piece: string, line: number, character: number): void {
    this.segments.push({ offset: this.text.length, line, character });
    this.text += piece;
  }

  positionAt(offset: number): Position {
    const seg = this.segmentFor(offset);
    return { line: seg.line, character: seg.character + offset - seg.offset };
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

  private segmentFor(offset: number): Segment {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid].offset <= offset) lo = mid;
      else hi = mid - 1;
    }
    return segs[lo] ?? { offset: 0, line: 0, character: 0 };
  }
}
