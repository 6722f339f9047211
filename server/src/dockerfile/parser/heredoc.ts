import { isSpace } from './chars';
import { none, type ParsedInstruction } from './parsedInstruction';
import type { SourceLines } from './sourceLines';
import type { Heredoc, Instruction, ParseError, Range } from './types';

export interface HeredocStart {
  name: string;
  chomp: boolean;
  expand: boolean;
}

const heredocWord = /^(\d*)<<(-?)([^<]*)$/;

/** Words split on unquoted white space, quotes and escapes kept, like BuildKit's raw lexer. */
function rawWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote !== '') {
      word += ch;
      if (ch === quote) quote = '';
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      continue;
    }
    if (isSpace(ch.charCodeAt(0))) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    word += ch;
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '\\' && i + 1 < line.length) word += line[++i];
  }
  if (inWord) words.push(word);
  return words;
}

/** The delimiter with its quoting removed; `quoted` tells whether any quote was present. */
function unquote(raw: string): { value: string; quoted: boolean } {
  let value = '';
  let quoted = false;
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (quote !== '') {
      if (ch === quote) quote = '';
      else if (ch === '\\' && quote === '"' && i + 1 < raw.length) value += raw[++i];
      else value += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      quoted = true;
    } else if (ch === '\\' && i + 1 < raw.length) {
      value += raw[++i];
    } else {
      value += ch;
    }
  }
  return { value, quoted };
}

/** The heredocs a RUN/COPY/ADD line opens, in order (`<<EOF`, `<<-EOF`, `<<"EOF"`, `3<<EOF`). */
export function heredocsInLine(line: string): HeredocStart[] {
  if (!line.includes('<<')) return [];
  const out: HeredocStart[] = [];
  for (const word of rawWords(line)) {
    const match = heredocWord.exec(word);
    if (!match || match[3] === '') continue;
    const { value, quoted } = unquote(match[3]);
    if (value === '') continue;
    out.push({ name: value, chomp: match[2] === '-', expand: !quoted });
  }
  return out;
}

/**
 * Reads the heredoc bodies the instruction's line opens, from line `from`, into `target`;
 * returns the line after the last. Apart from the parser's line loop for the reason given at
 * readContinuation.
 */
export function readHeredocs(
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
