/**
 * The lines of a source, cut out only when read. `split('\n')` made a string for every line up
 * front: on a 1 MB file that is 100k strings the parser holds on to, and a parser that stops
 * early (see ParseOptions.maxInstructions) never needs most of them.
 */
export class SourceLines {
  /** Where each line starts; one more entry than there are lines, for the end of the last. */
  private readonly starts: Int32Array;
  readonly length: number;
  /** The first line longer than `maxBytes` in UTF-8 (its '\n' not counted), if any. */
  readonly firstOverlong: number | undefined;

  constructor(
    private readonly source: string,
    maxBytes = Infinity,
  ) {
    // Two passes with indexOf, which skips a line in one call: count the lines (and look for one
    // too long), then fill a buffer of the exact size. Growing a buffer by doubling touched
    // twice the memory, and fresh memory is what a 1 MB file's lines cost most.
    // A line of at most a third as many UTF-16 units fits whatever it holds (3 bytes a unit at most).
    const fitsAnyway = maxBytes / 3;
    let count = 1;
    let overlong: number | undefined;
    let lineStart = 0;
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) {
      if (overlong === undefined && i - lineStart > fitsAnyway && utf8Length(source, lineStart, i) > maxBytes)
        overlong = count - 1;
      count++;
      lineStart = i + 1;
    }
    const last = source.length;
    if (
      overlong === undefined &&
      last - lineStart > fitsAnyway &&
      utf8Length(source, lineStart, last) > maxBytes
    )
      overlong = count - 1;
    const starts = new Int32Array(count + 1);
    let k = 1;
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts[k++] = i + 1;
    // The last line has no '\n' of its own; +1 makes every line's end `next start - 1`.
    starts[count] = last + 1;
    this.starts = starts;
    this.length = count;
    this.firstOverlong = overlong;
  }

  /** Where line `n` starts in the source. */
  start(n: number): number {
    return this.starts[n];
  }

  /** Where line `n` ends in the source, before its '\n' and any CRs before that. */
  contentEnd(n: number): number {
    const source = this.source;
    const start = this.starts[n];
    let end = Math.min(this.starts[n + 1] - 1, source.length);
    while (end > start && source.charCodeAt(end - 1) === 0x0d) end--;
    return end;
  }

  /** The length of line `n` without its line end (its '\n' and any CRs before that). */
  contentLength(n: number): number {
    return this.contentEnd(n) - this.starts[n];
  }

  /** Line `n` without its '\n' (a CR before it stays, as `split('\n')` keeps it). */
  at(n: number): string {
    return this.source.slice(this.starts[n], this.starts[n + 1] - 1);
  }

  isEmpty(n: number): boolean {
    return this.starts[n + 1] - 1 === this.starts[n];
  }

  /** Lines `from` up to (not including) `to`, each with its '\n': one slice of the source. */
  text(from: number, to: number): string {
    return this.source.slice(this.starts[from], Math.min(this.starts[to], this.source.length));
  }

  /**
   * Whether line `n`, without its line end (and with `stripTabs`, its leading tabs), is exactly
   * `word`: a heredoc's terminator, found without cutting out each body line.
   */
  isExactly(n: number, word: string, stripTabs: boolean): boolean {
    const source = this.source;
    let start = this.starts[n];
    const end = this.contentEnd(n);
    if (stripTabs) while (start < end && source.charCodeAt(start) === 0x09) start++;
    return end - start === word.length && source.startsWith(word, start);
  }
}

/** The UTF-8 length of `text.slice(start, end)` (a lone surrogate as U+FFFD, three bytes). */
function utf8Length(text: string, start: number, end: number): number {
  let bytes = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < end) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
