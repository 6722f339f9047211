// Parser directives (`# syntax=`, `# escape=`, `# check=`): read from the top of the file until the
// first line that is not one; `escape` changes the continuation character for the whole file.
import { lineRange } from './lineText';
import type { Directive, ParseError } from './types';

const directivePattern = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const knownDirectives = new Set(['syntax', 'escape', 'check']);

export class DirectiveReader {
  readonly directives: Directive[] = [];
  escape: '\\' | '`' = '\\';
  /** Set at the first line that is not a directive: none may follow. */
  done = false;

  constructor(private readonly errors: ParseError[]) {}

  /** Reads one line's text (its leading space removed) as a directive, or ends the directives. */
  read(text: string, lineNo: number): void {
    if (this.done) return;
    const match = directivePattern.exec(text);
    const key = match?.[1].toLowerCase();
    if (!match || key === undefined || !knownDirectives.has(key)) {
      this.done = true;
      return;
    }
    const range = lineRange(lineNo, 0, text.length);
    if (this.directives.some((d) => d.name === key)) {
      this.errors.push({ message: `only one ${key} parser directive can be used`, range });
      return;
    }
    this.directives.push({ name: key, value: match[2], range });
    if (key !== 'escape') return;
    if (match[2] === '`' || match[2] === '\\') this.escape = match[2];
    else this.errors.push({ message: `invalid escape token '${match[2]}' does not match \` or \\`, range });
  }
}
