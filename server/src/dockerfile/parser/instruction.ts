import { isSpace, isTokenSpace } from './chars';
import { parseJsonArray } from './jsonArray';
import type { LogicalLine } from './logicalLine';
import type { Flag, Heredoc, Instruction, KeyValue, ParseError, Position, Range, Word } from './types';
import { extractFlags, parseWords, type Token } from './words';

const maxOnbuildDepth = 8;
const shellOrExec = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL']);
const listOrExec = new Set(['ADD', 'COPY', 'VOLUME']);
const whitespaceList = new Set(['FROM', 'EXPOSE']);
const singleString = new Set(['MAINTAINER', 'STOPSIGNAL', 'USER', 'WORKDIR']);
const nameValue = new Set(['ENV', 'LABEL']);

/** Instructions BuildKit knows; anything else parses but is ignored by the builder. */
export const knownInstructions = new Set([
  ...shellOrExec,
  ...listOrExec,
  ...whitespaceList,
  ...singleString,
  ...nameValue,
  'ARG',
  'HEALTHCHECK',
  'ONBUILD',
]);

/**
 * Shared by every instruction that has none: most have no flags, pairs, heredocs or comments,
 * and an empty array each was a large share of what a parsed file holds on to. The parser
 * replaces them instead of pushing into them; nothing else writes to them.
 */
export const none: never[] = [];

interface Builder {
  line: LogicalLine;
  escape: string;
  errors: ParseError[];
}

/** Parses one logical line (continuations joined) starting at `from`, the way BuildKit does. */
export function buildInstruction(b: Builder, from: number, comments: string[], depth = 0): ParsedInstruction {
  const text = b.line.text;
  let start = from;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  let kwEnd = start;
  while (kwEnd < end && !isTokenSpace(text.charCodeAt(kwEnd))) kwEnd++;
  let restStart = kwEnd;
  while (restStart < end && isTokenSpace(text.charCodeAt(restStart))) restStart++;
  const keyword = text.slice(start, kwEnd);
  const name = keyword.toUpperCase();
  let flags: Flag[] = none;
  let rest = end;
  if (restStart < end) {
    rest = restStart;
    // Most instructions have no flags: only a `--` (or a space extractFlags would skip) can start one.
    const code = text.charCodeAt(restStart);
    if (isSpace(code) || (code === 0x2d && text.charCodeAt(restStart + 1) === 0x2d)) {
      const found = extractFlags(text.slice(0, end), restStart);
      rest = found.rest;
      if (found.flags.length > 0) flags = found.flags.map((f) => toFlag(b, f));
    }
  }
  let argStart = rest;
  let argEnd = end;
  while (argStart < argEnd && isSpace(text.charCodeAt(argStart))) argStart++;
  while (argEnd > argStart && isSpace(text.charCodeAt(argEnd - 1))) argEnd--;
  const ins = new ParsedInstruction(
    keyword,
    name,
    b.line,
    start,
    kwEnd,
    argStart,
    argEnd,
    end,
    flags,
    text.slice(argStart, argEnd),
    comments,
  );

  if (shellOrExec.has(name) || listOrExec.has(name)) maybeJson(b, ins, argStart, argEnd, true);
  else if (whitespaceList.has(name)) ins.args = splitWords(b.line, argStart, argEnd);
  else if (singleString.has(name))
    ins.args = argStart < argEnd ? [word(b, ins.argsText, argStart, argEnd)] : [];
  else if (nameValue.has(name)) parseNameValue(b, ins, argStart, argEnd);
  else if (name === 'ARG') parseArg(b, ins, argStart, argEnd);
  else if (name === 'HEALTHCHECK') parseHealthcheck(b, ins, argStart, argEnd);
  // BuildKit rejects `ONBUILD ONBUILD`; one level is all a valid file has, a few keep the
  // dump faithful, and the cap keeps a line of 100k ONBUILDs from exhausting the stack.
  else if (name === 'ONBUILD' && argStart < argEnd && depth < maxOnbuildDepth)
    ins.sub = buildInstruction(b, argStart, none, depth + 1);
  return ins;
}

function fail(b: Builder, ins: Instruction, message: string): void {
  b.errors.push({ message, range: ins.range });
}

/** Exec form when the text is a JSON string array; otherwise shell form (split or whole). */
function maybeJson(b: Builder, ins: ParsedInstruction, s: number, e: number, toList: boolean): void {
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

/**
 * An instruction whose source ranges are worked out on demand: most are never reported, and
 * keeping three ranges of three objects each per instruction dominated the parser's garbage.
 */
class ParsedInstruction implements Instruction {
  json: string[] | undefined = undefined;
  jsonError: string | undefined = undefined;
  pairs: KeyValue[] = none;
  heredocs: Heredoc[] = none;
  sub: Instruction | undefined = undefined;
  private argsCache: Word[] | undefined;
  /** The span `args` is split from when first asked for; -1 when there is none. */
  private argsSpanStart = -1;
  private argsSpanEnd = -1;
  private rangeCache: Range | undefined;
  /** Where the last source line ends; -1 until the parser says. */
  private endLine = -1;
  private endCharacter = 0;
  private fullEnd: Position | undefined;
  private fullCache: Range | undefined;

  constructor(
    readonly keyword: string,
    readonly name: string,
    private readonly line: LogicalLine,
    // Offsets in the line, kept as fields rather than a tuple: one array fewer per instruction.
    private readonly keywordStart: number,
    private readonly keywordEnd: number,
    private readonly argsStart: number,
    private readonly argsEnd: number,
    private readonly textEnd: number,
    readonly flags: Flag[],
    readonly argsText: string,
    readonly comments: string[],
  ) {}

  /** Whitespace-separated words, split when first asked for (RUN's rarely are). */
  get args(): Word[] {
    if (!this.argsCache) {
      this.argsCache =
        this.argsSpanStart >= 0 ? splitWords(this.line, this.argsSpanStart, this.argsSpanEnd) : [];
    }
    return this.argsCache;
  }

  set args(words: Word[]) {
    this.argsCache = words;
  }

  splitArgsLater(start: number, end: number): void {
    this.argsSpanStart = start;
    this.argsSpanEnd = end;
    this.argsCache = undefined;
  }

  get keywordRange(): Range {
    return this.line.rangeOf(this.keywordStart, this.keywordEnd);
  }

  get range(): Range {
    if (!this.rangeCache) {
      const start = this.line.positionAt(this.keywordStart);
      const end =
        this.endLine >= 0
          ? { line: this.endLine, character: this.endCharacter }
          : this.line.rangeOf(this.keywordStart, this.textEnd).end;
      this.rangeCache = { start, end };
    }
    return this.rangeCache;
  }

  get fullRange(): Range {
    if (!this.fullEnd) return this.range;
    this.fullCache ??= { start: this.range.start, end: this.fullEnd };
    return this.fullCache;
  }

  get argsRange(): Range {
    return this.line.rangeOf(this.argsStart, this.argsEnd);
  }

  locate(start: number, end: number): Range {
    return this.line.rangeOf(this.argsStart + start, this.argsStart + end);
  }

  /** Where the instruction's last source line ends (its line continuations included). */
  endAt(line: number, character: number): void {
    this.endLine = line;
    this.endCharacter = character;
    this.rangeCache = undefined;
    this.fullCache = undefined;
  }

  /** Where its last heredoc ends. */
  fullEndAt(end: Position): void {
    this.fullEnd = end;
    this.fullCache = undefined;
  }
}

export type { ParsedInstruction };

/** Ranges are computed on demand: most words are never reported, and the corpus has many. */
class LazyWord implements Word {
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

class LazyPair implements KeyValue {
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

function splitWords(line: LogicalLine, start: number, end: number): Word[] {
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

function word(b: Builder, value: string, start: number, end: number): Word {
  return new LazyWord(value, b.line, start, end);
}

function toFlag(b: Builder, t: Token): Flag {
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

class LazyFlag implements Flag {
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

function parseNameValue(b: Builder, ins: Instruction, start: number, end: number): void {
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

function parseArg(b: Builder, ins: Instruction, start: number, end: number): void {
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

function parseHealthcheck(b: Builder, ins: ParsedInstruction, start: number, end: number): void {
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
