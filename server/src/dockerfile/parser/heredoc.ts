import { isSpace } from './chars';

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
