// Line continuations: where a line ends with the escape character, and the lines that continue it
// (comment and blank lines inside skipped, as BuildKit does).
import type { CommentSpots } from './comments';
import { skipSpace } from './lineText';
import { withRoom } from './offsets';
import type { SourceLines } from './sourceLines';

/**
 * Where the text from `from` to `to` ends when it ends with a line continuation, or -1 when it
 * does not.
 */
export function continuationCut(text: string, from: number, to: number, escape: number): number {
  let end = to;
  while (end > from && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) end--;
  if (end === from || text.charCodeAt(end - 1) !== escape) return -1;
  if (end === from + 1) return from;
  return text.charCodeAt(end - 2) === escape ? -1 : end - 1;
}

export interface Continued {
  text: string;
  pieces: Int32Array<ArrayBuffer>;
  pieceCount: number;
  lastLine: number;
  next: number;
}

/**
 * Reads the continuation lines of the instruction on line `lineNo`, from line `from`, adding
 * their text to `text`; the blank lines among them go to `blanks`; `pieces` is the scratch buffer
 * of piece starts, returned grown if it had to grow. Lines are read where they sit in the source: only the text they add is cut out, not a
 * string per line (a 1 MB continuation has 300k lines, a third of them comments).
 *
 * A function of its own, with no loop inside its loop: V8 compiles a long-running loop on the
 * fly, and a loop nested in the parser's line loop was compiled alone and thrown away on every
 * exit, 7,755 times (440 ms) on such a continuation.
 */
export function readContinuation(
  source: string,
  lines: SourceLines,
  from: number,
  end: number,
  lineNo: number,
  text: string,
  escape: number,
  comments: CommentSpots,
  blanks: number[],
  pieces: Int32Array<ArrayBuffer>,
): Continued {
  let n = from;
  let pieceCount = 0;
  let lastLine = lineNo;
  let cut = 0;
  // Parser directives are over: the instruction's own line ended them.
  while (cut >= 0 && n < end) {
    const contNo = n++;
    const start = lines.start(contNo);
    const stop = lines.contentEnd(contNo);
    if (n === end && start === stop) break;
    const first = skipSpace(source, start, stop);
    if (first === stop) {
      blanks.push(contNo);
      continue;
    }
    if (source.charCodeAt(first) === 0x23) {
      comments.add(contNo);
      continue;
    }
    cut = continuationCut(source, start, stop, escape);
    pieces = withRoom(pieces, pieceCount + 2);
    pieces[pieceCount++] = text.length;
    pieces[pieceCount++] = contNo;
    text += source.slice(start, cut < 0 ? stop : cut);
    lastLine = contNo;
  }
  return { text, pieces, pieceCount, lastLine, next: n };
}
