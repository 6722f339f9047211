// The parts of an instruction (words, flags, key=value pairs), whose source ranges are worked out
// only when a rule or feature asks: most are never reported.
import { isTokenSpace } from './chars';
import type { LogicalLine } from './logicalLine';
import type { Flag, KeyValue, Range, Word } from './types';

/** Ranges are computed on demand: most words are never reported, and the corpus has many. */
export class LazyWord implements Word {
  constructor(
    readonly value: string,
    private readonly line: LogicalLine,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get range(): Range {
    return this.line.rangeOf(this.start, this.end);
  }
}

export class LazyPair implements KeyValue {
  constructor(
    readonly key: string,
    readonly value: string | undefined,
    readonly legacy: boolean,
    private readonly line: LogicalLine,
    private readonly start: number,
    private readonly keyEnd: number,
    private readonly end: number,
  ) {}

  get keyRange(): Range {
    return this.line.rangeOf(this.start, this.keyEnd);
  }

  get range(): Range {
    return this.line.rangeOf(this.start, this.end);
  }
}

export function splitWords(line: LogicalLine, start: number, end: number): Word[] {
  if (start >= end) return [];
  const text = line.text;
  // The maximal runs of non-`[\t\v\f\r ]` characters, as `regexp.Split` cuts them (an empty word
  // where a space leads or trails), made into words as found: no offset pair per word.
  const words: Word[] = [];
  let from = start;
  let i = start;
  while (i < end) {
    if (isTokenSpace(text.charCodeAt(i))) {
      words.push(new LazyWord(text.slice(from, i), line, from, i));
      while (i < end && isTokenSpace(text.charCodeAt(i))) i++;
      from = i;
    } else {
      i++;
    }
  }
  words.push(new LazyWord(text.slice(from, end), line, from, end));
  return words;
}

export class LazyFlag implements Flag {
  constructor(
    readonly name: string,
    readonly value: string | undefined,
    private readonly line: LogicalLine,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get range(): Range {
    return this.line.rangeOf(this.start, this.end);
  }
}
