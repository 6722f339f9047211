// Argument parsing per instruction family, the way BuildKit reads each: exec or shell form (RUN,
// CMD, ENTRYPOINT, SHELL, ADD, COPY, VOLUME), name=value pairs (ENV, LABEL), ARG and HEALTHCHECK.
import { isSpace, isTokenSpace } from './chars';
import { parseJsonArray } from './jsonArray';
import { LazyFlag, LazyPair, LazyWord } from './lazyParts';
import type { LogicalLine } from './logicalLine';
import type { ParsedInstruction } from './parsedInstruction';
import type { Flag, Instruction, KeyValue, ParseError, Word } from './types';
import { parseWords, type Token } from './words';

/** What parsing one logical line needs: the line, the escape character, and where errors go. */
export interface Builder {
  line: LogicalLine;
  escape: string;
  errors: ParseError[];
}

function fail(b: Builder, ins: Instruction, message: string): void {
  b.errors.push({ message, range: ins.range });
}

/** Exec form when the text is a JSON string array; otherwise shell form (split or whole). */
export function maybeJson(b: Builder, ins: ParsedInstruction, s: number, e: number, toList: boolean): void {
  const text = b.line.text;
  const result = text.charCodeAt(s) === 0x5b ? parseJsonArray(text, s, e) : undefined;
  if (result?.kind === 'array') {
    ins.json = result.items.map((t) => t.value);
    ins.args = result.items.map((t) => word(b, t.value, t.start, t.end));
    return;
  }
  if (result?.kind === 'not-strings') {
    fail(b, ins, 'when using JSON array syntax, arrays must be comprised of strings only');
    return;
  }
  if (result?.kind === 'invalid') ins.jsonError = result.message;
  if (toList) ins.splitArgsLater(s, e);
  else ins.args = s >= e ? [] : [word(b, text.slice(s, e), s, e)];
}

export function word(b: Builder, value: string, start: number, end: number): Word {
  return new LazyWord(value, b.line, start, end);
}

export function toFlag(b: Builder, t: Token): Flag {
  const body = t.value.startsWith('--') ? t.value.slice(2) : t.value;
  const eq = body.indexOf('=');
  return new LazyFlag(
    eq < 0 ? body : body.slice(0, eq),
    eq < 0 ? undefined : body.slice(eq + 1),
    b.line,
    t.start,
    t.end,
  );
}

export function parseNameValue(b: Builder, ins: Instruction, start: number, end: number): void {
  const text = b.line.text;
  const tokens = parseWords(text, start, end, b.escape);
  if (tokens.length === 0) return;
  if (!tokens[0].value.includes('=')) {
    let keyEnd = start;
    while (keyEnd < end && !isTokenSpace(text.charCodeAt(keyEnd))) keyEnd++;
    let valueStart = keyEnd;
    while (valueStart < end && isTokenSpace(text.charCodeAt(valueStart))) valueStart++;
    if (keyEnd >= end) {
      fail(b, ins, `${ins.name} must have two arguments`);
      ins.pairs = [pair(b, text.slice(start, keyEnd), undefined, start, keyEnd, keyEnd, true)];
      return;
    }
    ins.pairs = [pair(b, text.slice(start, keyEnd), text.slice(valueStart, end), start, keyEnd, end, true)];
    return;
  }
  const pairs: KeyValue[] = [];
  for (const t of tokens) {
    const eq = t.value.indexOf('=');
    if (eq < 0) {
      fail(b, ins, `Syntax error - can't find = in "${t.value}". Must be of the form: name=value`);
      continue;
    }
    pairs.push(pair(b, t.value.slice(0, eq), t.value.slice(eq + 1), t.start, t.start + eq, t.end, false));
  }
  if (pairs.length > 0) ins.pairs = pairs;
}

export function parseArg(b: Builder, ins: Instruction, start: number, end: number): void {
  const words = parseWords(b.line.text, start, end, b.escape);
  if (words.length === 0) return;
  ins.pairs = words.map((t) => {
    const eq = t.value.indexOf('=');
    const key = eq < 0 ? t.value : t.value.slice(0, eq);
    return pair(
      b,
      key,
      eq < 0 ? undefined : t.value.slice(eq + 1),
      t.start,
      t.start + key.length,
      t.end,
      false,
    );
  });
}

function pair(
  b: Builder,
  key: string,
  value: string | undefined,
  start: number,
  keyEnd: number,
  end: number,
  legacy: boolean,
): KeyValue {
  return new LazyPair(key, value, legacy, b.line, start, keyEnd, end);
}

export function parseHealthcheck(b: Builder, ins: ParsedInstruction, start: number, end: number): void {
  const text = b.line.text;
  let sep = start;
  while (sep < end && !isSpace(text.charCodeAt(sep))) sep++;
  if (sep === start) return;
  let next = sep;
  while (next < end && isSpace(text.charCodeAt(next))) next++;
  const type = word(b, text.slice(start, sep), start, sep);
  if (next < end) maybeJson(b, ins, next, end, false);
  ins.args = [type, ...ins.args];
}
