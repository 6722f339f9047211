import { withRoom } from './offsets';

/**
 * The lines of a source, cut out only when read. `split('\n')` made a string for every line up
 * front: on a 1 MB file that is 100k strings the parser holds on to, and a parser that stops
 * early (see ParseOptions.maxInstructions) never needs most of them.
 */
export class SourceLines {
  /** Where each line starts; one more entry than there are lines, for the end of the last. */
  private readonly starts: Int32Array;
  readonly length: number;

  constructor(private readonly source: string) {
    // One pass, growing the buffer by doubling: two indexOf passes (count, then fill) cost about
    // 50 ns a line each in calls alone, which a file of 300k short lines noticed.
    let starts = new Int32Array(256);
    let count = 1;
    const length = source.length;
    for (let i = 0; i < length; i++) {
      if (source.charCodeAt(i) !== 0x0a) continue;
      starts = withRoom(starts, count + 2);
      starts[count++] = i + 1;
    }
    // The last line has no '\n' of its own; +1 makes every line's end `next start - 1`.
    starts[count] = length + 1;
    this.starts = starts;
    this.length = count;
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
    let end = this.starts[n + 1] - 1;
    while (end > start && (source.charCodeAt(end - 1) === 0x0d || source.charCodeAt(end - 1) === 0x0a)) end--;
    if (stripTabs) while (start < end && source.charCodeAt(start) === 0x09) start++;
    return end - start === word.length && source.startsWith(word, start);
  }
}
