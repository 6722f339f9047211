// A small shell reader for RUN scripts: enough to find the simple commands, their words and
// redirect targets, with offsets, without ever executing or fully parsing POSIX sh.

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
  redirects: ShellWord[];
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

/** Reads one word starting at `i`; the word's `end` is where reading continues. */
function readWord(src: string, i: number): ShellWord {
  const start = i;
  const length = src.length;
  let value = '';
  let depth = 0;
  while (i < length) {
    let run = i;
    while (run < length && isPlain(src.charCodeAt(run))) run++;
    if (run > i) {
      value += src.slice(i, run);
      i = run;
      continue;
    }
    const code = src.charCodeAt(i);
    if (depth === 0 && operators[code] === 1) break;
    const ch = src[i];
    if (ch === '\\') {
      if (src[i + 1] === '\n') i += 2;
      else {
        value += src[i + 1] ?? '';
        i += 2;
      }
      continue;
    }
    if (ch === "'") {
      const close = src.indexOf("'", i + 1);
      const end = close < 0 ? length : close;
      value += src.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      i++;
      while (i < length) {
        let run = i;
        while (run < length && src.charCodeAt(run) !== 0x22 && src.charCodeAt(run) !== 0x5c) run++;
        if (run > i) value += src.slice(i, run);
        i = run;
        if (i >= length || src.charCodeAt(i) === 0x22) break;
        const escaped = i + 1 < length && '"\\$`\n'.includes(src[i + 1]);
        value += escaped ? src[i + 1] : '\\';
        i += escaped ? 2 : 1;
      }
      i++;
      continue;
    }
    if (ch === '$' && src[i + 1] === '(' && depth < maxNesting) {
      depth++;
      value += '$(';
      i += 2;
      continue;
    }
    if (ch === ')' && depth > 0) depth--;
    value += ch;
    i++;
  }
  return { value, start, end: Math.min(i, length) };
}

function finishCommand(
  words: ShellWord[],
  redirects: ShellWord[],
  operator: string,
): ShellCommand | undefined {
  if (words.length === 0) return undefined;
  let k = 0;
  let sudo = false;
  while (k < words.length) {
    const v = words[k].value;
    if ((v.length <= longestKeyword && keywords.has(v)) || (v.indexOf('=') > 0 && assignment.test(v))) k++;
    else if (wrappers.has(v)) {
      if (v === 'sudo') sudo = true;
      k++;
      while (k < words.length && words[k].value.startsWith('-')) k++;
    } else break;
  }
  return new ParsedCommand(words, redirects, k, sudo, operator);
}

/**
 * A command whose `args` list is cut from its words when first read: most commands are ruled
 * out by name (`rm`, `echo`…) before any rule looks at their arguments, and a large file holds
 * every command until the lint ends.
 */
class ParsedCommand implements ShellCommand {
  readonly name: string;
  readonly nameWord: ShellWord | undefined;
  readonly start: number;
  readonly end: number;
  private argsCache: ShellWord[] | undefined = undefined;

  constructor(
    readonly words: ShellWord[],
    readonly redirects: ShellWord[],
    /** Index of the program among the words. */
    private readonly program: number,
    readonly sudo: boolean,
    readonly operator: string,
  ) {
    const nameWord = words[program];
    this.nameWord = nameWord;
    this.name = nameWord ? nameWord.value.slice(nameWord.value.lastIndexOf('/') + 1) : '';
    this.start = words[0].start;
    this.end = words[words.length - 1].end;
  }

  get args(): ShellWord[] {
    return (this.argsCache ??= this.words.slice(this.program + 1));
  }
}

/** Splits a script into its simple commands (pipelines, lists and compound bodies flattened). */
export function parseShell(src: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  // Scratch lists, copied to exact size when a command ends: a list grown by `push` keeps room
  // for 17 words, and a large file holds every command until the lint ends.
  const words: ShellWord[] = [];
  const redirects: ShellWord[] = [];
  let redirectNext = false;
  const end = (operator: string): void => {
    if (words.length > 0) {
      const cmd = finishCommand(
        words.slice(),
        redirects.length === 0 ? noRedirects : redirects.slice(),
        operator,
      );
      if (cmd) commands.push(cmd);
      words.length = 0;
    }
    redirects.length = 0;
    redirectNext = false;
  };
  const length = src.length;
  let i = 0;
  while (i < length) {
    const code = src.charCodeAt(i);
    if (code === 0x20 || code === 0x09 || code === 0x0d) {
      i++;
      continue;
    }
    if (code === 0x5c && src.charCodeAt(i + 1) === 0x0a) {
      i += 2;
      continue;
    }
    if (code === 0x23 && words.length === 0 && !redirectNext) {
      const newline = src.indexOf('\n', i);
      i = newline < 0 ? length : newline;
      continue;
    }
    const ch = src[i];
    if (ch === '\n' || ch === ';' || ch === '(' || ch === ')') {
      end(ch === '\n' ? 'newline' : ch);
      i++;
      continue;
    }
    if (ch === '&' || ch === '|') {
      const next = src[i + 1];
      if (next === ch) {
        end(ch === '&' ? '&&' : '||');
        i += 2;
      } else if (ch === '&' && next === '>') {
        redirectNext = true;
        i += src[i + 2] === '>' ? 3 : 2;
      } else {
        end(ch);
        i++;
      }
      continue;
    }
    if (ch === '>' || ch === '<') {
      const start = i;
      i++;
      while (src[i] === '>' || src[i] === '<' || src[i] === '&' || src[i] === '|' || src[i] === '-') i++;
      const before = src.charCodeAt(start - 1);
      if (before >= 0x30 && before <= 0x39 && words.length > 0) {
        const last = words[words.length - 1];
        if (last.end === start && /^\d+$/.test(last.value)) words.pop();
      }
      redirectNext = true;
      continue;
    }
    const word = readWord(src, i);
    const next = word.end;
    i = next > i ? next : i + 1;
    if (redirectNext) {
      redirects.push(word);
      redirectNext = false;
    } else {
      words.push(word);
    }
  }
  end('end');
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
