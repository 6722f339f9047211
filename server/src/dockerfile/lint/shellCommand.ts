// One simple command of a script: its program found past keywords, assignments and wrappers
// (sudo, env…), and its words read only when a rule asks for them.
import type { Script, ScriptCommand, ShellCommand, ShellWord } from './shellTypes';
import { wordValue } from './shellWords';

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
/** Shared by the commands without redirects (most of them); never written to. */
const noRedirects: ShellWord[] = [];
const assignment = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Where a script's commands' words are: one table for them all, so a command holds no list. */
export interface SpanTable {
  readonly src: string;
  /**
   * Start and end of each word of each command, then of its redirect targets, flattened, in
   * command order. Filled while the script is read, then copied at its exact size.
   */
  spans: ArrayLike<number>;
}

/** The command whose words are `table.spans[first …)`, `wordCount` of them. */
export function finishCommand(
  table: SpanTable,
  first: number,
  wordCount: number,
  last: number,
  operator: string,
  previous: ShellCommand | undefined,
  script: Script,
): ScriptCommand {
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
class ParsedCommand implements ScriptCommand {
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
