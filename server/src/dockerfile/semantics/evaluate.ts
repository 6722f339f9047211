// The value of a word as BuildKit's shell lexer makes it: quotes removed, escapes applied and
// `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME:+word}` (and the forms without `:`) expanded.

/** A variable's value, or undefined when it cannot be known here (then neither can the word). */
export type Lookup = (name: string) => string | undefined;

const nameStart = /[A-Za-z_]/;
const nameChar = /[A-Za-z0-9_]/;
/** Words nested deeper than this in `${A:-${B:-…}}` are not worked out. */
const maxDepth = 8;

class Unknown extends Error {}
const unknown = new Unknown();

/** The word's value, or undefined when a variable in it (or an operator) cannot be worked out. */
export function evaluateWord(raw: string, lookup: Lookup, escape = '\\'): string | undefined {
  try {
    return new Evaluator(raw, lookup, escape).word(0, raw.length, 0);
  } catch (error) {
    if (error === unknown) return undefined;
    throw error;
  }
}

class Evaluator {
  constructor(
    private readonly text: string,
    private readonly lookup: Lookup,
    private readonly escape: string,
  ) {}

  word(from: number, to: number, depth: number): string {
    const text = this.text;
    let out = '';
    let i = from;
    let quote = '';
    while (i < to) {
      const ch = text[i];
      if (quote === "'") {
        if (ch === "'") quote = '';
        else out += ch;
        i++;
      } else if (ch === this.escape && (quote === '' || '"$`\\'.includes(text[i + 1] ?? ''))) {
        if (i + 1 < to) out += text[i + 1];
        i += 2;
      } else if (ch === '"' || (ch === "'" && quote === '')) {
        quote = quote === ch ? '' : ch;
        i++;
      } else if (ch === '$') {
        const expanded = this.dollar(i, to, depth);
        out += expanded.value;
        i = expanded.end;
      } else {
        out += ch;
        i++;
      }
    }
    return out;
  }

  private dollar(at: number, to: number, depth: number): { value: string; end: number } {
    const text = this.text;
    if (text[at + 1] !== '{') {
      let j = at + 1;
      if (!nameStart.test(text[j] ?? '')) return { value: '$', end: at + 1 };
      while (j < to && nameChar.test(text[j])) j++;
      return { value: this.read(text.slice(at + 1, j)), end: j };
    }
    let j = at + 2;
    while (j < to && nameChar.test(text[j])) j++;
    const name = text.slice(at + 2, j);
    const close = this.closingBrace(j, to);
    if (name === '' || close < 0 || depth >= maxDepth) throw unknown;
    if (j === close) return { value: this.read(name), end: close + 1 };
    const colon = text[j] === ':';
    const op = text[colon ? j + 1 : j];
    const wordStart = colon ? j + 2 : j + 1;
    if (op !== '-' && op !== '+') throw unknown;
    const value = this.lookup(name);
    if (value === undefined) throw unknown;
    const set = colon ? value !== '' : true;
    const word = (): string => this.word(wordStart, close, depth + 1);
    if (op === '-') return { value: set ? value : word(), end: close + 1 };
    return { value: set ? word() : '', end: close + 1 };
  }

  private read(name: string): string {
    const value = this.lookup(name);
    if (value === undefined) throw unknown;
    return value;
  }

  private closingBrace(from: number, to: number): number {
    let level = 1;
    for (let k = from; k < to; k++) {
      if (this.text[k] === '{') level++;
      else if (this.text[k] === '}' && --level === 0) return k;
    }
    return -1;
  }
}
