// A small shell reader for RUN scripts: enough to find the simple commands, their words and
// redirect targets, with offsets, without ever executing or fully parsing POSIX sh.

import { copyOffsets, withRoom } from '../parser/offsets';
import type { CommandRef, Script } from './context';

export interface ShellWord {
  /** Quotes removed, escapes resolved, `$(…)` and variables kept as written. */
  value: string;
  start: number;
  end: number;
}

export interface ShellCommand {
  /** The program, e.g. `apt-get` (`sudo`, `env`, assignments and shell keywords skipped). */
  name: string;
  nameWord: ShellWord | undefined;
  /** Words after the program. */
  args: ShellWord[];
  /** Every word of the command, including the skipped prefix. */
  words: ShellWord[];
  /** Redirect targets (`> file`, `2>&1`'s `1`); made when read. */
  readonly redirects: ShellWord[];
  readonly hasRedirects: boolean;
  /** Whether `sudo` prefixed it. */
  sudo: boolean;
  start: number;
  end: number;
  /** The operator that ended it: `&&`, `||`, `;`, `|`, `&`, newline or end. */
  operator: string;
}

const keywords = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'while',
  'until',
  '!',
  '{',
  '}',
  'time',
]);
// Skips hashing long words (a Set lookup flattens and hashes the whole string).
const longestKeyword = 5;
const wrappers = new Set(['sudo', 'env', 'exec', 'nohup', 'command', 'xargs']);
const maxNesting = 64;
/** Shared by the commands without redirects (most of them); never written to. */
const noRedirects: ShellWord[] = [];
const shortCluster = /^-[A-Za-z]+$/;
const assignment = /^[A-Za-z_][A-Za-z0-9_]*=/;

// Characters that end a run of plain word characters (what needs quoting, escaping or expanding).
const special = new Uint8Array(128);
for (const ch of ' \t\r\n;&|<>()\\\'"$') special[ch.charCodeAt(0)] = 1;
const operators = new Uint8Array(128);
for (const ch of ' \t\r\n;&|<>()') operators[ch.charCodeAt(0)] = 1;

function isPlain(code: number): boolean {
  return code >= 128 || special[code] === 0;
}

/** The value of the word `scanWord` last read with `keep` set. */
let scanned = '';

/**
 * Reads one word starting at `i` and returns its end, where reading continues. With `keep` it
 * also builds the word's value into `scanned`; without, it only finds the end, which is all a
 * word needs until a rule reads it.
 */
function scanWord(src: string, i: number, keep: boolean): number {
  const length = src.length;
  let value = '';
  let depth = 0;
  while (i < length) {
    let run = i;
    while (run < length && isPlain(src.charCodeAt(run))) run++;
    if (run > i) {
      if (keep) value += src.slice(i, run);
      i = run;
      continue;
    }
    const code = src.charCodeAt(i);
    if (depth === 0 && operators[code] === 1) break;
    const ch = src[i];
    if (ch === '\\') {
      if (src[i + 1] === '\n') i += 2;
      else {
        if (keep) value += src[i + 1] ?? '';
        i += 2;
      }
      continue;
    }
    if (ch === "'") {
      const close = src.indexOf("'", i + 1);
      const end = close < 0 ? length : close;
      if (keep) value += src.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      i++;
      while (i < length) {
        let run = i;
        while (run < length && src.charCodeAt(run) !== 0x22 && src.charCodeAt(run) !== 0x5c) run++;
        if (run > i && keep) value += src.slice(i, run);
        i = run;
        if (i >= length || src.charCodeAt(i) === 0x22) break;
        const escaped = i + 1 < length && '"\\$`\n'.includes(src[i + 1]);
        if (keep) value += escaped ? src[i + 1] : '\\';
        i += escaped ? 2 : 1;
      }
      i++;
      continue;
    }
    if (ch === '$' && src[i + 1] === '(' && depth < maxNesting) {
      depth++;
      if (keep) value += '$(';
      i += 2;
      continue;
    }
    if (ch === ')' && depth > 0) depth--;
    if (keep) value += ch;
    i++;
  }
  if (keep) scanned = value;
  return Math.min(i, length);
}

/** The value of the word starting at `start`. */
function wordValue(src: string, start: number): string {
  scanWord(src, start, true);
  return scanned;
}

/** Where a script's commands' words are: one table for them all, so a command holds no list. */
interface SpanTable {
  readonly src: string;
  /**
   * Start and end of each word of each command, then of its redirect targets, flattened, in
   * command order. Filled while the script is read, then copied at its exact size.
   */
  spans: ArrayLike<number>;
}

/** The command whose words are `table.spans[first …)`, `wordCount` of them. */
function finishCommand(
  table: SpanTable,
  first: number,
  wordCount: number,
  last: number,
  operator: string,
  previous: ShellCommand | undefined,
  script: Script,
): ParsedCommand {
  const { src, spans } = table;
  let k = 0;
  let sudo = false;
  let name = '';
  while (k < wordCount) {
    const v = wordValue(src, spans[first + 2 * k]);
    if ((v.length <= longestKeyword && keywords.has(v)) || (v.indexOf('=') > 0 && assignment.test(v))) k++;
    else if (wrappers.has(v)) {
      if (v === 'sudo') sudo = true;
      k++;
      while (k < wordCount && wordValue(src, spans[first + 2 * k]).startsWith('-')) k++;
    } else {
      name = v.slice(v.lastIndexOf('/') + 1);
      break;
    }
  }
  // The previous command's name when equal: a machine-made script of 30k `echo` lines then
  // holds one string, not one per command.
  if (previous !== undefined && previous.name === name) name = previous.name;
  return new ParsedCommand(table, first, wordCount, last, k, name, sudo, operator, script);
}

/**
 * A command that keeps only where its words are, and reads their values when a rule first asks
 * for them: most commands are ruled out by name (`rm`, `echo`…) before any rule looks at their
 * words, and a large file holds every command until the lint ends.
 *
 * It is also the rules' CommandRef (`cmd` is itself): one object per command rather than two,
 * for a heredoc of 30k commands.
 */
export class ParsedCommand implements ShellCommand, CommandRef {
  /** Its place among its RUN's commands, across the RUN's scripts; set by LintContext. */
  at = -1;
  private wordsCache: ShellWord[] | undefined = undefined;
  private argsCache: ShellWord[] | undefined = undefined;

  constructor(
    private readonly table: SpanTable,
    /** Index of its first word's start in the table. */
    private readonly first: number,
    private readonly wordCount: number,
    /** Index just past its last redirect target's end (or its last word's). */
    private readonly last: number,
    /** Index of the program among the words. */
    private readonly program: number,
    readonly name: string,
    readonly sudo: boolean,
    readonly operator: string,
    readonly script: Script,
  ) {}

  get cmd(): ShellCommand {
    return this;
  }

  get start(): number {
    return this.table.spans[this.first];
  }

  get end(): number {
    return this.table.spans[this.first + 2 * this.wordCount - 1];
  }

  get hasRedirects(): boolean {
    return this.last > this.first + 2 * this.wordCount;
  }

  /** Made anew on each read: one rule reads them, and a script of 40k commands keeps none. */
  get redirects(): ShellWord[] {
    if (!this.hasRedirects) return noRedirects;
    const { src, spans } = this.table;
    const targets: ShellWord[] = [];
    for (let k = this.first + 2 * this.wordCount; k < this.last; k += 2)
      targets.push({ value: wordValue(src, spans[k]), start: spans[k], end: spans[k + 1] });
    return targets;
  }

  get words(): ShellWord[] {
    if (this.wordsCache === undefined) {
      const { src, spans } = this.table;
      const words: ShellWord[] = new Array<ShellWord>(this.wordCount);
      for (let k = 0; k < words.length; k++) {
        const at = this.first + 2 * k;
        words[k] = { value: wordValue(src, spans[at]), start: spans[at], end: spans[at + 1] };
      }
      this.wordsCache = words;
    }
    return this.wordsCache;
  }

  get nameWord(): ShellWord | undefined {
    return this.program < this.wordCount ? this.words[this.program] : undefined;
  }

  get args(): ShellWord[] {
    return (this.argsCache ??= this.words.slice(this.program + 1));
  }
}

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
export function parseShell(src: string, script: Script): ParsedCommand[] {
  const commands: ParsedCommand[] = [];
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
  let operator: string;
  while (i <= length) {
    if (i === length) operator = 'end';
    else {
      const code = src.charCodeAt(i);
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
      } else {
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
