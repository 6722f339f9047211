import { trimNewline, leadingSpace, lineRange } from './lineText';
import { withRoom } from './offsets';
import type { SourceLines } from './sourceLines';
import type { Comment, Range } from './types';

/** A comment line; its range is made when asked for (most never are). */
class LineComment implements Comment {
  constructor(
    readonly text: string,
    private readonly line: number,
    private readonly from: number,
    private readonly to: number,
  ) {}

  get range(): Range {
    return lineRange(this.line, this.from, this.to);
  }
}

/**
 * The line of each comment, in a typed buffer. A comment becomes an object only when the list is
 * first read: the linter reads it only when the file mentions `ignore` at all, and a 1 MB
 * continuation with comments inside has 100k of them.
 */
export class CommentSpots {
  private lineNumbers = new Int32Array(16);
  private count = 0;

  add(line: number): void {
    this.lineNumbers = withRoom(this.lineNumbers, this.count + 1);
    this.lineNumbers[this.count++] = line;
  }

  toLazyList(lines: SourceLines): () => Comment[] {
    const lineNumbers = this.lineNumbers;
    const count = this.count;
    return () => {
      const list: Comment[] = [];
      for (let k = 0; k < count; k++) {
        const line = lineNumbers[k];
        let raw = trimNewline(lines.at(line));
        // The '#' and the end, in the line as the source has it (a BOM before line 0 counted).
        const offset = line === 0 && raw.charCodeAt(0) === 0xfeff ? 1 : 0;
        if (offset === 1) raw = raw.slice(1);
        const lead = leadingSpace(raw);
        list.push(new LineComment(raw.slice(lead + 1).trim(), line, offset + lead, offset + raw.length));
      }
      return list;
    };
  }
}
