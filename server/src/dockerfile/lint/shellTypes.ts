// What the shell reader makes of a RUN's scripts, as LintContext serves it to the rules.
import type { Instruction, Range } from '../parser';

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

/** A shell script inside a RUN (its shell form text, or a heredoc fed to the shell). */
export interface Script {
  ins: Instruction;
  text: string;
  /** Its simple commands; each is also its own CommandRef. */
  readonly commands: readonly ScriptCommand[];
  locate(start: number, end: number): Range;
}

/** A simple command of a RUN, the script it is in, and its place among the RUN's commands. */
export interface CommandRef {
  readonly cmd: ShellCommand;
  readonly script: Script;
  readonly at: number;
}

/**
 * A simple command as the shell reader makes it: its own CommandRef (one object per command, for a
 * heredoc of 30k), whose place among the RUN's commands LintContext sets.
 */
export interface ScriptCommand extends ShellCommand, CommandRef {
  at: number;
}
