import { isSpace, isTokenSpace } from './chars';
import {
  maybeJson,
  parseArg,
  parseHealthcheck,
  parseNameValue,
  toFlag,
  word,
  type Builder,
} from './instructionArgs';
import { splitWords } from './lazyParts';
import { none, ParsedInstruction } from './parsedInstruction';
import type { Flag } from './types';
import { extractFlags } from './words';

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
