import type { Instruction, Range } from '../parser';
import type { LintContext, Stage } from './context';
import type { CommandRef, Script, ShellWord } from './shellTypes';
import type { Fix, Localized } from './report';

/** A RUN and its stage; ONBUILD's RUNs are in the context's trigger stage. */
export type ShellRun = readonly [Instruction, Stage];

const byProgram = new WeakMap<LintContext, Map<string, ShellRun[]>>();
const none: readonly ShellRun[] = [];

/**
 * The RUNs that run one of these programs, in file order: ONBUILD's RUNs included, which
 * hadolint checks too. A rule about yum asks for the RUNs with yum and, in the many files with
 * none, walks nothing.
 */
export function runsRunning(ctx: LintContext, programs: ReadonlySet<string>): readonly ShellRun[] {
  let index = byProgram.get(ctx);
  if (!index) {
    index = new Map();
    // Indexed loops: for-of makes an object per step until V8 optimizes it, which a short run never sees.
    const runs = ctx.ofKind('RUN');
    for (let r = 0; r < runs.length; r++) {
      const names = ctx.programNames(runs[r][0]);
      for (let k = 0; k < names.length; k++) {
        const list = index.get(names[k]);
        if (list) list.push(runs[r]);
        else index.set(names[k], [runs[r]]);
      }
    }
    byProgram.set(ctx, index);
  }
  let found: readonly ShellRun[] = none;
  let several = false;
  programs.forEach((name) => {
    const list = index.get(name);
    if (!list) return;
    several = found !== none;
    found = several ? found.concat(list) : list;
  });
  if (!several) return found;
  const wanted = new Set(found);
  return ctx.ofKind('RUN').filter((run) => wanted.has(run));
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
