import { CommentSpots } from './comments';
import { continuationCut, readContinuation } from './continuation';
import { DirectiveReader } from './directives';
import { readHeredocs } from './heredoc';
import { buildInstruction } from './instruction';
import { leadingSpace, lineRange, trimNewline } from './lineText';
import { LogicalLine } from './logicalLine';
import { copyOffsets } from './offsets';
import { none } from './parsedInstruction';
import { SourceLines } from './sourceLines';
import type { Comment, Directive, Dockerfile, Instruction, ParseError } from './types';

const heredocInstructions = new Set(['RUN', 'COPY', 'ADD']);
/**
 * BuildKit reads a Dockerfile with a bufio.Scanner of 64 KiB: a longer line fails the whole
 * parse with this limit in its message, so nothing from that line on is ever built.
 */
export const maxLineBytes = 65535;

class ParsedDockerfile implements Dockerfile {
  private commentList: Comment[] | undefined;

  constructor(
    readonly instructions: Instruction[],
    private readonly makeComments: () => Comment[],
    readonly directives: Directive[],
    readonly escapeToken: '\\' | '`',
    readonly errors: ParseError[],
    readonly lineCount: number,
    readonly stoppedAt: number | undefined,
    readonly overlongLine: number | undefined,
    readonly emptyContinuationLines: readonly number[],
  ) {}

  get comments(): Comment[] {
    return (this.commentList ??= this.makeComments());
  }
}

export interface ParseOptions {
  /**
   * Stop before the instruction after this many: the rest of a machine-made file of 100k lines
   * is not read at all. `Dockerfile.stoppedAt` then says where.
   */
  maxInstructions?: number;
}

/**
 * Parses a Dockerfile exactly as BuildKit's parser does (parser directives, escape token,
 * continuations with comments and blank lines inside, heredocs), keeping source ranges, and
 * collecting errors instead of stopping at the first one.
 */
export function parseDockerfile(source: string, options: ParseOptions = {}): Dockerfile {
  const lines = new SourceLines(source, maxLineBytes);
  const overlong = lines.firstOverlong;
  // The lines BuildKit reads: all of them, or those before the first it refuses.
  const end = overlong ?? lines.length;
  const maxInstructions = options.maxInstructions ?? Infinity;
  let stoppedAt: number | undefined;
  const blanks: number[] = [];
  const errors: ParseError[] = [];
  const comments = new CommentSpots();
  const instructions: Instruction[] = [];
  const directives = new DirectiveReader(errors);
  let pending: string[] = none;

  // One builder for the file, pointed at each instruction's line in turn.
  const builder = { line: new LogicalLine('', 0, 0, undefined), escape: '\\', errors };
  // Where each continuation piece of the instruction being read starts (offset and line; it
  // starts at character 0), reused across instructions and copied at its exact size. A typed
  // buffer: stores into a plain array grown to 200k entries were most of the time on a 1 MB
  // continuation.
  let pieces = new Int32Array(64);
  let n = 0;
  while (n < end) {
    const lineNo = n;
    let raw = trimNewline(lines.at(n++));
    let offset = 0;
    if (lineNo === 0 && raw.charCodeAt(0) === 0xfeff) {
      raw = raw.slice(1);
      offset = 1;
    }
    if (n === end && raw === '') break;
    const lead = leadingSpace(raw);
    if (raw[lead] === '#') {
      const text = raw.slice(lead + 1).trim();
      comments.add(lineNo);
      if (pending === none) pending = [text];
      else pending.push(text);
    }
    if (!directives.done) directives.read(raw.slice(lead), lineNo);
    if (raw[lead] === '#' || lead === raw.length) continue;
    if (instructions.length >= maxInstructions) {
      stoppedAt = lineNo;
      break;
    }

    const escape = directives.escape;
    const escapeCode = escape.charCodeAt(0);
    const cut = continuationCut(raw, lead, raw.length, escapeCode);
    let text = raw.slice(lead, cut < 0 ? raw.length : cut);
    let pieceCount = 0;
    let lastLine = lineNo;
    if (cut >= 0) {
      const more = readContinuation(
        source,
        lines,
        n,
        end,
        lineNo,
        text,
        escapeCode,
        comments,
        blanks,
        pieces,
      );
      ({ text, pieces, pieceCount, lastLine } = more);
      n = more.next;
    }
    const logical = new LogicalLine(
      text,
      lineNo,
      offset + lead,
      pieceCount === 0 ? undefined : copyOffsets(pieces, pieceCount),
    );
    builder.line = logical;
    builder.escape = escape;
    const ins = buildInstruction(builder, 0, pending);
    pending = none;
    ins.endAt(lastLine, lines.contentLength(lastLine));
    const target = ins.name === 'ONBUILD' && ins.sub ? ins.sub : ins;
    if (heredocInstructions.has(target.name) && target.json === undefined)
      n = readHeredocs(lines, n, end, logical.text, ins, target, overlong === undefined, errors);
    instructions.push(ins);
  }
  if (overlong !== undefined) {
    const length = lines.contentLength(overlong);
    errors.push({
      message: `dockerfile line greater than max allowed size of ${maxLineBytes}`,
      range: lineRange(overlong, 0, length),
      overlongLine: true,
    });
  } else if (instructions.length === 0) {
    const last = Math.max(0, lines.length - 1);
    errors.push({ message: 'file with no instructions', range: lineRange(last, 0, 0) });
  }
  return new ParsedDockerfile(
    instructions,
    comments.toLazyList(lines),
    directives.directives,
    directives.escape,
    errors,
    lines.length,
    stoppedAt,
    overlong,
    blanks,
  );
}
