// A small shell reader for RUN scripts: enough to find the simple commands, their words and
// redirect targets, with offsets, without ever executing or fully parsing POSIX sh.

import { copyOffsets, withRoom } from '../parser/offsets';
import { finishCommand, type SpanTable } from './shellCommand';
import type { Script, ScriptCommand, ShellCommand, ShellWord } from './shellTypes';
import { scanWord, wordValue } from './shellWords';

const shortCluster = /^-[A-Za-z]+$/;
/** ASCII characters that start a word wherever they are (`#` and `\\` depend on what follows). */
const startsWordAlways = new Uint8Array(128).fill(1);
for (const ch of ' \t\r\n\\#;()&|<>') startsWordAlways[ch.charCodeAt(0)] = 0;

/**
 * Word spans of the script being read, and the current command's redirect targets, shared by
 * every call (the reader never re-enters). Typed arrays: stores into a plain array that had
 * grown to 600k entries cost a third of a microsecond each.
 */
let scratchSpans = new Int32Array(256);
let scratchTargets = new Int32Array(64);

/**
 * Splits a script into its simple commands (pipelines, lists and compound bodies flattened);
 * `script` is the script they are in, for the rules.
 */
export function parseShell(src: string, script: Script): ScriptCommand[] {
  const commands: ScriptCommand[] = [];
  const table: SpanTable = { src, spans: scratchSpans };
  // Every command's word spans, then its redirect targets', one command after another; the
  // buffer doubles when full and is trimmed to `used` at the end.
  let spans = scratchSpans;
  let used = 0;
  // Where the command being read starts in `spans`, and how many of its word offsets are in.
  let first = 0;
  let count = 0;
  // Redirect targets' spans, kept apart until the command ends, then put after its words.
  let targets = scratchTargets;
  let targetCount = 0;
  let redirectNext = false;
  const length = src.length;
  let i = 0;
  let operator = '';
  while (i <= length) {
    if (i === length) operator = 'end';
    else {
      const code = src.charCodeAt(i);
      // Most positions start a word: one table lookup says so, where the comparisons below
      // each cost a call of their own before V8 optimizes anything.
      let word = code >= 0x80 || startsWordAlways[code] === 1;
      if (!word) {
        if (code === 0x20 || code === 0x09 || code === 0x0d) {
          i++;
          continue;
        }
        if (code === 0x5c && src.charCodeAt(i + 1) === 0x0a) {
          i += 2;
          continue;
        }
        if (code === 0x23 && count === 0 && !redirectNext) {
          const newline = src.indexOf('\n', i);
          i = newline < 0 ? length : newline;
          continue;
        }
        const ch = src[i];
        if (ch === '\n' || ch === ';' || ch === '(' || ch === ')') {
          operator = ch === '\n' ? 'newline' : ch;
          i++;
        } else if (ch === '&' || ch === '|') {
          const next = src[i + 1];
          if (next === ch) {
            operator = ch === '&' ? '&&' : '||';
            i += 2;
          } else if (ch === '&' && next === '>') {
            redirectNext = true;
            i += src[i + 2] === '>' ? 3 : 2;
            continue;
          } else {
            operator = ch;
            i++;
          }
        } else if (ch === '>' || ch === '<') {
          const start = i;
          i++;
          while (src[i] === '>' || src[i] === '<' || src[i] === '&' || src[i] === '|' || src[i] === '-') i++;
          const before = src.charCodeAt(start - 1);
          if (before >= 0x30 && before <= 0x39 && count > 0) {
            if (spans[used - 1] === start && /^\d+$/.test(wordValue(src, spans[used - 2]))) {
              used -= 2;
              count -= 2;
            }
          }
          redirectNext = true;
          continue;
        } else word = true;
      }
      if (word) {
        const end = scanWord(src, i, false);
        if (redirectNext) {
          targets = withRoom(targets, targetCount + 2);
          targets[targetCount++] = i;
          targets[targetCount++] = end;
          redirectNext = false;
        } else {
          spans = withRoom(spans, used + 2);
          spans[used++] = i;
          spans[used++] = end;
          count += 2;
        }
        i = end > i ? end : i + 1;
        continue;
      }
    }
    // An operator (or the end) ends the command being read.
    if (count > 0) {
      spans = withRoom(spans, used + targetCount);
      // Copied by hand: a subarray view to copy from was an object per command.
      for (let k = 0; k < targetCount; k++) spans[used++] = targets[k];
      table.spans = spans;
      commands.push(
        finishCommand(table, first, count / 2, used, operator, commands[commands.length - 1], script),
      );
    } else used = first;
    first = used;
    count = 0;
    targetCount = 0;
    redirectNext = false;
    if (i === length) break;
  }
  // Most scripts are short, and a small typed array costs more than its contents.
  table.spans = copyOffsets(spans, used);
  // A machine-made script of many thousand words must not keep its storage for good.
  scratchSpans = spans.length > 4096 ? new Int32Array(256) : spans;
  scratchTargets = targets.length > 4096 ? new Int32Array(64) : targets;
  // Kept per RUN until the lint ends: exact size rather than the room `push` left.
  return commands.slice();
}

/** True when `args` holds the flag, long (`--no-cache`) or short inside a cluster (`-y` in `-qy`). */
export function hasFlag(args: readonly ShellWord[], long: string, short?: string): boolean {
  const withValue = long + '=';
  for (const { value } of args) {
    if (value === long || value.startsWith(withValue)) return true;
    if (short !== undefined && shortCluster.test(value) && value.slice(1).includes(short)) return true;
  }
  return false;
}

/** The first non-option argument (the sub-command for apt-get, apk, pip, npm…). */
export function subcommand(cmd: ShellCommand): ShellWord | undefined {
  for (const a of cmd.args) if (!a.value.startsWith('-')) return a;
  return undefined;
}
