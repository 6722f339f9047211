import { isSpace } from './chars';
import { heredocsInLine } from './heredoc';
import { buildInstruction, none, type ParsedInstruction } from './instruction';
import { LogicalLine } from './logicalLine';
import { copyOffsets, withRoom } from './offsets';
import { SourceLines } from './sourceLines';
import type { Comment, Directive, Dockerfile, Heredoc, Instruction, ParseError, Range } from './types';

const directivePattern = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const knownDirectives = new Set(['syntax', 'escape', 'check']);
const heredocInstructions = new Set(['RUN', 'COPY', 'ADD']);
/**
 * BuildKit reads a Dockerfile with a bufio.Scanner of 64 KiB: a longer line fails the whole
 * parse with this limit in its message, so nothing from that line on is ever built.
 */
export const maxLineBytes = 65535;

/** The length of the line without its trailing CR/LF characters. */
function trimmedLength(line: string): number {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 0x0d || line.charCodeAt(end - 1) === 0x0a)) end--;
  return end;
}

function trimNewline(line: string): string {
  const end = trimmedLength(line);
  return end === line.length ? line : line.slice(0, end);
}

function leadingSpace(line: string): number {
  let i = 0;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  return i;
}

/**
 * Where the text from `from` to `to` ends when it ends with a line continuation, or -1 when it
 * does not.
 */
function continuationCut(text: string, from: number, to: number, escape: number): number {
  let end = to;
  while (end > from && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) end--;
  if (end === from || text.charCodeAt(end - 1) !== escape) return -1;
  if (end === from + 1) return from;
  return text.charCodeAt(end - 2) === escape ? -1 : end - 1;
}

function lineRange(line: number, from: number, to: number): Range {
  return { start: { line, character: from }, end: { line, character: to } };
}

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
class CommentSpots {
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
  const errors: ParseError[] = [];
  const comments = new CommentSpots();
  const directives: Directive[] = [];
  const instructions: Instruction[] = [];
  let escape: '\\' | '`' = '\\';
  let directivesDone = false;
  let pending: string[] = none;

  const lookForDirective = (text: string, lineNo: number): void => {
    if (directivesDone) return;
    const match = directivePattern.exec(text);
    const key = match?.[1].toLowerCase();
    if (!match || key === undefined || !knownDirectives.has(key)) {
      directivesDone = true;
      return;
    }
    const range = lineRange(lineNo, 0, text.length);
    if (directives.some((d) => d.name === key)) {
      errors.push({ message: `only one ${key} parser directive can be used`, range });
      return;
    }
    directives.push({ name: key, value: match[2], range });
    if (key !== 'escape') return;
    if (match[2] === '`' || match[2] === '\\') escape = match[2];
    else errors.push({ message: `invalid escape token '${match[2]}' does not match \` or \\`, range });
  };

  // One builder for the file, pointed at each instruction's line in turn.
  const builder = { line: new LogicalLine('', 0, 0, undefined), escape: escape as string, errors };
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
    if (!directivesDone) lookForDirective(raw.slice(lead), lineNo);
    if (raw[lead] === '#' || lead === raw.length) continue;
    if (instructions.length >= maxInstructions) {
      stoppedAt = lineNo;
      break;
    }

    const escapeCode = escape.charCodeAt(0);
    const cut = continuationCut(raw, lead, raw.length, escapeCode);
    let text = raw.slice(lead, cut < 0 ? raw.length : cut);
    let pieceCount = 0;
    let lastLine = lineNo;
    if (cut >= 0) {
      const more = readContinuation(source, lines, n, end, lineNo, text, escapeCode, comments, pieces);
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
    directives,
    escape,
    errors,
    lines.length,
    stoppedAt,
    overlong,
  );
}

interface Continued {
  text: string;
  pieces: Int32Array<ArrayBuffer>;
  pieceCount: number;
  lastLine: number;
  next: number;
}

/**
 * Reads the continuation lines of the instruction on line `lineNo`, from line `from`, adding
 * their text to `text`; `pieces` is the scratch buffer of piece starts, returned grown if it had
 * to grow. Lines are read where they sit in the source: only the text they add is cut out, not a
 * string per line (a 1 MB continuation has 300k lines, a third of them comments).
 *
 * A function of its own, with no loop inside its loop: V8 compiles a long-running loop on the
 * fly, and a loop nested in the parser's line loop was compiled alone and thrown away on every
 * exit, 7,755 times (440 ms) on such a continuation.
 */
function readContinuation(
  source: string,
  lines: SourceLines,
  from: number,
  end: number,
  lineNo: number,
  text: string,
  escape: number,
  comments: CommentSpots,
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
    if (first === stop) continue;
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

function skipSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Reads the heredoc bodies the instruction's line opens, from line `from`, into `target`;
 * returns the line after the last. Apart from the parser's line loop for the reason given at
 * readContinuation.
 */
function readHeredocs(
  lines: SourceLines,
  from: number,
  end: number,
  lineText: string,
  ins: ParsedInstruction,
  target: Instruction,
  reportUnterminated: boolean,
  errors: ParseError[],
): number {
  let n = from;
  for (const start of heredocsInLine(lineText)) {
    const doc = readHeredoc(lines, n, end, start.name, start.chomp);
    const heredoc: Heredoc = { ...start, content: doc.content, range: doc.range };
    n = doc.next;
    if (target.heredocs === none) target.heredocs = [heredoc];
    else target.heredocs.push(heredoc);
    ins.fullEndAt(doc.range.end);
    if (!doc.terminated) {
      // Cut off by an overlong line, its end is unknown: that line's error is the one to fix.
      if (reportUnterminated)
        errors.push({ message: `unterminated heredoc ${start.name}`, range: ins.fullRange });
      break;
    }
  }
  return n;
}

function readHeredoc(
  lines: SourceLines,
  from: number,
  end: number,
  name: string,
  chomp: boolean,
): { content: string; range: Range; next: number; terminated: boolean } {
  // The body is the source between the heredoc's line and its terminator, taken as one slice:
  // appending it line by line made a string per line of a 30k-line script.
  let n = from;
  while (n < end) {
    if (n === lines.length - 1 && lines.isEmpty(n)) break;
    const terminator = lines.isExactly(n, name, chomp);
    n++;
    if (terminator) {
      return {
        content: lines.text(from, n - 1),
        range: spanLines(lines, from, n - 1),
        next: n,
        terminated: true,
      };
    }
  }
  return {
    content: lines.text(from, n),
    range: spanLines(lines, from, Math.max(from, n - 1)),
    next: n,
    terminated: false,
  };
}

function spanLines(lines: SourceLines, first: number, last: number): Range {
  const length = lines.contentLength(Math.min(last, lines.length - 1));
  return { start: { line: first, character: 0 }, end: { line: last, character: length } };
}
