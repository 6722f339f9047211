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
    let count = 1;
    for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) count++;
    const starts = new Int32Array(count + 1);
    let line = 1;
    for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) starts[line++] = at + 1;
    // The last line has no '\n' of its own; +1 makes every line's end `next start - 1`.
    starts[count] = source.length + 1;
    this.starts = starts;
    this.length = count;
  }

  /** Line `n` without its '\n' (a CR before it stays, as `split('\n')` keeps it). */
  at(n: number): string {
    return this.source.slice(this.starts[n], this.starts[n + 1] - 1);
  }
}
