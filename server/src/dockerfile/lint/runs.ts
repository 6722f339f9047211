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
const byProgram = new WeakMap<LintContext, Map<string, ShellRun[]>>();
const none: readonly ShellRun[] = [];

/**
 * Every stage's RUNs and the RUNs its ONBUILDs register, in file order. hadolint checks the
 * shell of both, and the rules that carry its codes do the same.
 */
export function shellRuns(ctx: LintContext): readonly ShellRun[] {
  let runs = cache.get(ctx);
  if (runs) return runs;
  const found: ShellRun[] = [];
  // Most files have no ONBUILD: then the RUNs are already in order and no merge is needed.
  const onbuilds = ctx.ofKind('ONBUILD');
  const pairs = onbuilds.length === 0 ? ctx.ofKind('RUN') : ctx.ofKind('RUN', 'ONBUILD');
  for (const [ins, stage] of pairs) {
    if (ins.name === 'RUN') found.push({ ins, stage, onbuild: false });
    else if (ins.sub?.name === 'RUN') found.push({ ins: ins.sub, stage, onbuild: true });
  }
  runs = found;
  cache.set(ctx, runs);
  return runs;
}

/**
 * The shell RUNs (as `shellRuns`) that run one of these programs, in file order. A rule about
 * yum asks for the RUNs with yum and, in the many files with none, walks nothing.
 */
export function runsRunning(ctx: LintContext, programs: ReadonlySet<string>): readonly ShellRun[] {
  let index = byProgram.get(ctx);
  if (!index) {
    index = new Map();
    for (const run of shellRuns(ctx))
      for (const name of ctx.programsOf(run.ins)) {
        const list = index.get(name);
        if (list) list.push(run);
        else index.set(name, [run]);
      }
    byProgram.set(ctx, index);
  }
  let found: readonly ShellRun[] = none;
  let several = false;
  for (const name of programs) {
    const list = index.get(name);
    if (!list) continue;
    several = found !== none;
    found = several ? found.concat(list) : list;
  }
  if (!several) return found;
  const wanted = new Set(found);
  return shellRuns(ctx).filter((run) => wanted.has(run));
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
