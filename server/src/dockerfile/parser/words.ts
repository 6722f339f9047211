import { isSpace } from './chars';

/** A slice of a logical line: `value` as BuildKit builds it, `start`/`end` offsets in the line. */
export interface Token {
  value: string;
  start: number;
  end: number;
}

/** Characters the flag reader must look at one by one: spaces, quotes and backslashes. */
function stopsFlagRun(code: number, quote: string): boolean {
  if (code === 0x5c) return true;
  if (quote === '') return isSpace(code) || code === 0x27 || code === 0x22;
  return code === quote.charCodeAt(0);
}

/**
 * BuildKit's extractBuilderFlags: leading `--words` (quotes and backslashes processed), a bare
 * `--` ending them. Returns the flags and the offset where the arguments start.
 */
export function extractFlags(line: string, from: number): { flags: Token[]; rest: number } {
  const flags: Token[] = [];
  let inWord = false;
  let quote = '';
  let word = '';
  let blankOK = false;
  let start = from;
  const finish = (end: number): void => {
    if (word !== '--' && (blankOK || word.length > 0)) flags.push({ value: word, start, end });
  };
  for (let pos = from; pos <= line.length; pos++) {
    const atEnd = pos === line.length;
    const ch = atEnd ? '' : line[pos];
    if (!inWord) {
      if (atEnd) break;
      if (isSpace(ch.charCodeAt(0))) continue;
      if (ch !== '-' || line[pos + 1] !== '-') return { flags, rest: pos };
      inWord = true;
      start = pos;
    }
    if (atEnd) {
      finish(pos);
      break;
    }
    if (quote === '') {
      if (isSpace(ch.charCodeAt(0))) {
        inWord = false;
        if (word === '--') return { flags, rest: pos };
        finish(pos);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        continue;
      }
    } else if (ch === quote) {
      quote = '';
      continue;
    }
    if (ch === '\\') {
      if (pos + 1 === line.length) {
        quote = '';
        continue;
      }
      pos++;
      word += line[pos];
      continue;
    }
    // The plain characters up to the next one that matters, appended as one slice rather than
    // a string per character (a line of 50k flags built 600k strings).
    let run = pos + 1;
    while (run < line.length && !stopsFlagRun(line.charCodeAt(run), quote)) run++;
    word += run === pos + 1 ? ch : line.slice(pos, run);
    pos = run - 1;
  }
  return { flags, rest: line.length };
}

/** A character parseWords appends as it is inside an unquoted word. */
function plainInWord(code: number, escape: string): boolean {
  return !isSpace(code) && code !== 0x27 && code !== 0x22 && code !== escape.charCodeAt(0);
}

/** A character parseWords appends as it is inside quotes. */
function plainInQuote(code: number, quote: string, escape: string): boolean {
  return code !== quote.charCodeAt(0) && (quote === "'" || code !== escape.charCodeAt(0));
}

/**
 * BuildKit's parseWords, used by ENV, LABEL and ARG: words split on unquoted white space,
 * quotes and escapes kept in the value.
 */
export function parseWords(text: string, from: number, to: number, escape: string): Token[] {
  const words: Token[] = [];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let quote = '';
  let word = '';
  let blankOK = false;
  let start = from;
  for (let pos = from; pos <= to; pos++) {
    const atEnd = pos === to;
    let ch = atEnd ? '' : text[pos];
    if (phase === 'spaces') {
      if (atEnd) break;
      if (isSpace(ch.charCodeAt(0))) continue;
      phase = 'word';
      start = pos;
    }
    if (atEnd) {
      if (blankOK || word.length > 0) words.push({ value: word, start, end: pos });
      break;
    }
    if (phase === 'word') {
      if (isSpace(ch.charCodeAt(0))) {
        phase = 'spaces';
        if (blankOK || word.length > 0) words.push({ value: word, start, end: pos });
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 'quote';
      }
      if (ch === escape) {
        if (pos + 1 === to) continue;
        word += ch;
        pos++;
        ch = text[pos];
      } else if (phase === 'word') {
        // A run of plain characters as one slice, not a string per character.
        let run = pos + 1;
        while (run < to && plainInWord(text.charCodeAt(run), escape)) run++;
        word += run === pos + 1 ? ch : text.slice(pos, run);
        pos = run - 1;
        continue;
      }
      word += ch;
      continue;
    }
    if (ch === quote) phase = 'word';
    if (ch === escape && quote !== "'") {
      if (pos + 1 === to) {
        phase = 'word';
        continue;
      }
      pos++;
      word += ch;
      ch = text[pos];
    } else if (phase === 'quote') {
      let run = pos + 1;
      while (run < to && plainInQuote(text.charCodeAt(run), quote, escape)) run++;
      word += run === pos + 1 ? ch : text.slice(pos, run);
      pos = run - 1;
      continue;
    }
    word += ch;
  }
  return words;
}
