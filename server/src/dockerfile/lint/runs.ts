import type { Instruction, Range } from '../parser';
import type { CommandRef, LintContext, Script, Stage } from './context';
import type { ShellWord } from './shell';
import type { Fix, Localized } from './types';

export interface ShellRun {
  /** The RUN itself: for `ONBUILD RUN`, the RUN ONBUILD wraps. */
  ins: Instruction;
  stage: Stage;
  /** Registered by ONBUILD: it runs in the builds FROM this image. */
  onbuild: boolean;
}

const cache = new WeakMap<LintContext, readonly ShellRun[]>();

/**
 * Every stage's RUNs and the RUNs its ONBUILDs register, in file order. hadolint checks the
 * shell of both, and the rules that carry its codes do the same.
 */
export function shellRuns(ctx: LintContext): readonly ShellRun[] {
  let runs = cache.get(ctx);
  if (runs) return runs;
  const found: ShellRun[] = [];
  for (const [ins, stage] of ctx.ofKind('RUN', 'ONBUILD')) {
    if (ins.name === 'RUN') found.push({ ins, stage, onbuild: false });
    else if (ins.sub?.name === 'RUN') found.push({ ins: ins.sub, stage, onbuild: true });
  }
  runs = found;
  cache.set(ctx, runs);
  return runs;
}

/** Where a command is, from its program on (the reader's command also holds a leading `do`, `then`…). */
export function commandRange({ cmd, script }: CommandRef): Range {
  return script.locate(cmd.nameWord?.start ?? cmd.start, cmd.end);
}

/**
 * A fix that inserts `text` right after `word`, offered only where the script's offsets map
 * straight onto the file (shell form or a heredoc, not the one string of an exec-form `sh -c`).
 */
export function insertAfter(
  script: Script,
  word: ShellWord,
  text: string,
  title: Localized,
): Fix | undefined {
  if (script.ins.json !== undefined) return undefined;
  const at = script.locate(word.end, word.end);
  return { title, edits: [{ range: at, newText: text }] };
}

/**
 * A fix that appends `&& <command>` to a shell-form RUN, offered only when its script ends with
 * a plain command (nothing after it that the appended text could land inside).
 */
export function appendCommand(
  ctx: LintContext,
  ins: Instruction,
  command: string,
  title: Localized,
): Fix | undefined {
  if (ins.json !== undefined || ins.heredocs.length > 0) return undefined;
  const all = ctx.commands(ins);
  const last: CommandRef | undefined = all[all.length - 1];
  if (!last || last.cmd.operator !== 'end' || last.script.text.slice(last.cmd.end).trim() !== '')
    return undefined;
  const at = last.script.locate(last.cmd.end, last.cmd.end);
  return { title, edits: [{ range: at, newText: ` && ${command}` }] };
}
