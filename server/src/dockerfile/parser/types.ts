// The syntax tree the rules work on. Positions are 0-based like LSP; every piece of an
// instruction keeps the range it was written at, even across line continuations.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A word of an instruction: `value` is the text as written (quotes kept), `range` where it is. */
export interface Word {
  readonly value: string;
  readonly range: Range;
}

/** `--name=value` (or `--name value`, or a bare `--name`) before the arguments. */
export interface Flag {
  readonly name: string;
  readonly value: string | undefined;
  readonly range: Range;
}

/** One `key=value` (or legacy `key value`) of ENV, LABEL or ARG. */
export interface KeyValue {
  readonly key: string;
  readonly value: string | undefined;
  readonly keyRange: Range;
  readonly range: Range;
  /** True for the legacy `ENV key value` form. */
  legacy: boolean;
}

export interface Heredoc {
  name: string;
  /** `<<-`: leading tabs are stripped from the body and the terminator. */
  chomp: boolean;
  /** False when the delimiter was quoted: the body is not expanded. */
  expand: boolean;
  content: string;
  /** The body lines and the terminator line (when there is one). */
  range: Range;
}

export interface Instruction {
  /** The keyword as written, e.g. `From`. */
  keyword: string;
  /** The keyword in upper case, e.g. `FROM`. */
  name: string;
  readonly keywordRange: Range;
  /** From the keyword to the end of the last continuation line (heredoc bodies excluded). */
  readonly range: Range;
  /** From the keyword to the end of the last heredoc terminator. */
  readonly fullRange: Range;
  flags: Flag[];
  /** The arguments after the flags, continuations joined, as BuildKit sees them. */
  argsText: string;
  readonly argsRange: Range;
  /** The source range of `argsText.slice(start, end)`. */
  locate(start: number, end: number): Range;
  /** Whitespace-separated arguments (or the JSON array's strings in exec form). */
  args: Word[];
  /** Exec (JSON) form: the array's strings. */
  json: string[] | undefined;
  /** The arguments start with `[` but are not a valid JSON string array. */
  jsonError: string | undefined;
  /** ENV, LABEL and ARG pairs. */
  pairs: KeyValue[];
  heredocs: Heredoc[];
  /** The instruction ONBUILD wraps. */
  sub: Instruction | undefined;
  /** Comment lines directly above, without the `#`. */
  comments: string[];
}

export interface ParseError {
  /** BuildKit's own words. */
  message: string;
  range: Range;
  /** Set on the error for a line longer than BuildKit reads, which the linter explains. */
  overlongLine?: true;
}

export interface Comment {
  text: string;
  range: Range;
}

export interface Directive {
  name: string;
  value: string;
  range: Range;
}

export interface Dockerfile {
  instructions: Instruction[];
  /** Every comment line, in order (made when first read). */
  readonly comments: Comment[];
  directives: Directive[];
  escapeToken: '\\' | '`';
  errors: ParseError[];
  lineCount: number;
  /**
   * Blank lines inside an instruction's line continuation, in order: BuildKit reads past them
   * and warns (NoEmptyContinuation), and says a future release will refuse them.
   */
  readonly emptyContinuationLines: readonly number[];
  /** The line of the first instruction left unread under `ParseOptions.maxInstructions`. */
  stoppedAt?: number;
  /**
   * The first line longer than BuildKit reads (65,535 bytes): its parser fails there, so the
   * file is read up to that line and an error marks it.
   */
  overlongLine?: number;
}
