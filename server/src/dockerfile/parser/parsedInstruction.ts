import type { LogicalLine } from './logicalLine';
import { splitWords } from './lazyParts';
import type { Flag, Heredoc, Instruction, KeyValue, Position, Range, Word } from './types';

/**
 * Shared by every instruction that has none: most have no flags, pairs, heredocs or comments,
 * and an empty array each was a large share of what a parsed file holds on to. The parser
 * replaces them instead of pushing into them; nothing else writes to them.
 */
export const none: never[] = [];

/**
 * An instruction whose source ranges are worked out on demand: most are never reported, and
 * keeping three ranges of three objects each per instruction dominated the parser's garbage.
 */
export class ParsedInstruction implements Instruction {
  json: string[] | undefined = undefined;
  jsonError: string | undefined = undefined;
  pairs: KeyValue[] = none;
  heredocs: Heredoc[] = none;
  sub: Instruction | undefined = undefined;
  private argsCache: Word[] | undefined;
  /** The span `args` is split from when first asked for; -1 when there is none. */
  private argsSpanStart = -1;
  private argsSpanEnd = -1;
  private rangeCache: Range | undefined;
  /** Where the last source line ends; -1 until the parser says. */
  private endLine = -1;
  private endCharacter = 0;
  private fullEnd: Position | undefined;
  private fullCache: Range | undefined;

  constructor(
    readonly keyword: string,
    readonly name: string,
    private readonly line: LogicalLine,
    // Offsets in the line, kept as fields rather than a tuple: one array fewer per instruction.
    private readonly keywordStart: number,
    private readonly keywordEnd: number,
    private readonly argsStart: number,
    private readonly argsEnd: number,
    private readonly textEnd: number,
    readonly flags: Flag[],
    readonly argsText: string,
    readonly comments: string[],
  ) {}

  /** Whitespace-separated words, split when first asked for (RUN's rarely are). */
  get args(): Word[] {
    if (!this.argsCache) {
      this.argsCache =
        this.argsSpanStart >= 0 ? splitWords(this.line, this.argsSpanStart, this.argsSpanEnd) : [];
    }
    return this.argsCache;
  }

  set args(words: Word[]) {
    this.argsCache = words;
  }

  splitArgsLater(start: number, end: number): void {
    this.argsSpanStart = start;
    this.argsSpanEnd = end;
    this.argsCache = undefined;
  }

  get keywordRange(): Range {
    return this.line.rangeOf(this.keywordStart, this.keywordEnd);
  }

  get range(): Range {
    if (!this.rangeCache) {
      const start = this.line.positionAt(this.keywordStart);
      const end =
        this.endLine >= 0
          ? { line: this.endLine, character: this.endCharacter }
          : this.line.rangeOf(this.keywordStart, this.textEnd).end;
      this.rangeCache = { start, end };
    }
    return this.rangeCache;
  }

  get fullRange(): Range {
    if (!this.fullEnd) return this.range;
    this.fullCache ??= { start: this.range.start, end: this.fullEnd };
    return this.fullCache;
  }

  get argsRange(): Range {
    return this.line.rangeOf(this.argsStart, this.argsEnd);
  }

  locate(start: number, end: number): Range {
    return this.line.rangeOf(this.argsStart + start, this.argsStart + end);
  }

  /** Where the instruction's last source line ends (its line continuations included). */
  endAt(line: number, character: number): void {
    this.endLine = line;
    this.endCharacter = character;
    this.rangeCache = undefined;
    this.fullCache = undefined;
  }

  /** Where its last heredoc ends. */
  fullEndAt(end: Position): void {
    this.fullEnd = end;
    this.fullCache = undefined;
  }
}
