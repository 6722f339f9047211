// A command's words read the way hadolint reads them (its Shell.hs): every word that starts with
// `-` holds flags, `--name=value` the flag `name`, `-abc` the flags `a`, `b` and `c`; the other
// words are operands. The rules that carry a hadolint code use these so that they agree with it
// on which flags a command has.

import type { Instruction } from '../parser';
import type { ShellWord } from './shellTypes';

/** What these read of a command: the words after the program. */
export interface CommandWords {
  readonly args: ReadonlyArray<{ readonly value: string }>;
}

function isFlagWord(value: string): boolean {
  return value.length > 1 && value.startsWith('-') && value !== '--';
}

/** True when one of `names` is among the command's flags (`y` matches `-y`, `-qy`, `--y`). */
export function hasAnyFlag(cmd: CommandWords, names: readonly string[]): boolean {
  for (const { value } of cmd.args) {
    if (!isFlagWord(value)) continue;
    if (value.startsWith('--')) {
      const eq = value.indexOf('=');
      if (names.includes(eq < 0 ? value.slice(2) : value.slice(2, eq))) return true;
    } else {
      for (let k = 1; k < value.length; k++) if (names.includes(value[k])) return true;
    }
  }
  return false;
}

/** How often the flag occurs (`-qq` holds `q` twice). */
export function countFlag(cmd: CommandWords, name: string): number {
  let count = 0;
  for (const { value } of cmd.args) {
    if (!isFlagWord(value)) continue;
    if (value.startsWith('--')) {
      const eq = value.indexOf('=');
      if ((eq < 0 ? value.slice(2) : value.slice(2, eq)) === name) count++;
    } else {
      for (let k = 1; k < value.length; k++) if (value[k] === name) count++;
    }
  }
  return count;
}

/** True when a word of the command (after the program) is one of `values`. */
export function hasWord(cmd: CommandWords, values: readonly string[]): boolean {
  for (const { value } of cmd.args) if (values.includes(value)) return true;
  return false;
}

/**
 * The operands: the words that hold no flag. The word after a flag in `takesValue` written
 * without `=` (`--virtual .deps`, `-X url`) is that flag's value and is left out too.
 */
export function operands(
  cmd: { readonly args: readonly ShellWord[] },
  takesValue: readonly string[] = [],
): ShellWord[] {
  const out: ShellWord[] = [];
  const args = cmd.args;
  let skipNext = false;
  for (const word of args) {
    const value = word.value;
    if (isFlagWord(value)) {
      skipNext = takesValue.length > 0 && !value.includes('=') && hasAnyFlagIn(value, takesValue);
      continue;
    }
    if (skipNext) {
      skipNext = false;
      continue;
    }
    out.push(word);
  }
  return out;
}

function hasAnyFlagIn(value: string, names: readonly string[]): boolean {
  if (value.startsWith('--')) return names.includes(value.slice(2));
  for (let k = 1; k < value.length; k++) if (names.includes(value[k])) return true;
  return false;
}

/** The words that follow a word holding the short flag (`-u 12345` gives `12345`). */
export function flagValues(cmd: CommandWords, name: string): string[] {
  const out: string[] = [];
  const args = cmd.args;
  for (let k = 0; k + 1 < args.length; k++) {
    const value = args[k].value;
    if (isFlagWord(value) && !value.startsWith('--') && value.includes(name, 1)) out.push(args[k + 1].value);
  }
  return out;
}

/** A RUN cache or tmpfs mount whose target contains `fragment` (as hadolint matches them). */
export function cacheOrTmpfsMount(ins: Instruction, fragment: string): boolean {
  for (const f of ins.flags) {
    if (f.name !== 'mount' || f.value === undefined) continue;
    if (!/(?:^|,)type=(?:cache|tmpfs)(?:,|$)/.test(f.value)) continue;
    const target = /(?:^|,)(?:target|dst|destination)=([^,]+)/.exec(f.value)?.[1];
    if (target !== undefined && target.includes(fragment)) return true;
  }
  return false;
}
