import type { Dockerfile, Instruction, Range } from '../parser';
import { semanticsOf, type DockerfileSemantics, type Stage } from '../semantics';
import { parseShell, type ParsedCommand, type ShellCommand } from './shell';
import type { Fix, Localized, Report } from './types';

/** A shell script inside a RUN (its shell form text, or a heredoc fed to the shell). */
export interface Script {
  ins: Instruction;
  text: string;
  /** Its simple commands; each is also its own CommandRef. */
  readonly commands: readonly ParsedCommand[];
  locate(start: number, end: number): Range;
}

/** A simple command of a RUN, the script it is in, and its place among the RUN's commands. */
export interface CommandRef {
  readonly cmd: ShellCommand;
  readonly script: Script;
  readonly at: number;
}

/** A RUN's commands by program name, and the two lists no name selects. */
interface CommandIndex {
  byName: Map<string, CommandRef[]>;
  sudo: CommandRef[];
  redirecting: CommandRef[];
}

const noCommands: readonly CommandRef[] = [];

/** What the linter knows about the surroundings; `undefined` means unknown (rules then stay quiet). */
export interface LintEnvironment {
  /** Whether a `.dockerignore` sits beside the Dockerfile. */
  hasDockerignore?: boolean;
}

const shellNames = /^(?:\/bin\/|\/usr\/bin\/)?(?:sh|bash|ash|dash|zsh)$/;

/**
 * Findings one rule reports in one file before it is stopped. Only machine-made files get near
 * it (a 1 MB file of `ENV a b` lines), and building tens of thousands of findings kept the editor
 * waiting for seconds; past the limit one more finding says the rule stopped.
 */
export const reportLimit = 1000;

/** One shared instance: no stack to capture when a rule is stopped. */
const limitReached = new Error('report limit reached');

export class LintContext {
  /** Stages, variables and workdirs with Docker's scoping: what the language features read too. */
  readonly semantics: DockerfileSemantics;
  readonly stages: readonly Stage[];
  /** Every instruction of every stage, paired with its stage, in order. */
  readonly stageInstructions: ReadonlyArray<readonly [Instruction, Stage]>;
  /** ARGs before the first FROM. */
  readonly globalArgs: readonly Instruction[];
  private readonly scriptCache = new Map<Instruction, Script[]>();
  private readonly commandCache = new Map<Instruction, CommandRef[]>();
  private readonly commandIndexes = new Map<Instruction, CommandIndex>();
  /** Stage instructions by keyword (and by keyword list), built on first use. */
  private kinds: Map<string, Array<readonly [Instruction, Stage]>> | undefined;
  private readonly sink: Report[] = [];
  /** Whether the last `collect` stopped its rule at `reportLimit`. */
  truncated = false;

  constructor(
    readonly file: Dockerfile,
    readonly env: LintEnvironment,
  ) {
    this.semantics = semanticsOf(file);
    this.stages = this.semantics.stages;
    this.globalArgs = this.semantics.globalArgs;
    const pairs: Array<readonly [Instruction, Stage]> = [];
    for (const s of this.stages) for (const i of s.instructions) pairs.push([i, s]);
    this.stageInstructions = pairs;
  }

  /**
   * The stage instructions with one of these keywords, in order. Most rules read one or two
   * kinds: walking only those, rather than every instruction in every rule, is what keeps a file
   * of 100k WORKDIRs from costing every RUN rule a pass of its own.
   */
  ofKind(...names: string[]): ReadonlyArray<readonly [Instruction, Stage]> {
    let kinds = this.kinds;
    if (!kinds) {
      kinds = new Map();
      for (const pair of this.stageInstructions) {
        const list = kinds.get(pair[0].name);
        if (list) list.push(pair);
        else kinds.set(pair[0].name, [pair]);
      }
      this.kinds = kinds;
    }
    const key = names.length === 1 ? names[0] : names.join(' ');
    let list = kinds.get(key);
    if (!list) {
      list = names.length === 1 ? [] : this.stageInstructions.filter(([ins]) => names.includes(ins.name));
      kinds.set(key, list);
    }
    return list;
  }

  /** An earlier stage by name or index, as `FROM x` and `COPY --from=x` resolve them. */
  stageNamed(ref: string): Stage | undefined {
    return this.semantics.stageNamed(ref);
  }

  /** The directory WORKDIR leaves the stage in before `ins` ("/" when unknown), computed once. */
  workdir(ins: Instruction): string {
    return this.semantics.workdirs.before(ins);
  }

  /** The shell scripts a RUN executes, parsed once. Exec form is read when it is `sh -c`. */
  scripts(ins: Instruction): Script[] {
    let scripts = this.scriptCache.get(ins);
    if (scripts) return scripts;
    // Array literals rather than pushes: a pushed-to array keeps room for 17 items, and a large
    // file holds one of these per RUN until the lint ends.
    if (ins.json === undefined) {
      const own = new ArgsScript(ins);
      const head = ins.heredocs.length > 0 ? ins.argsText.trimStart() : '';
      const feedsShell = head.startsWith('<<') || /^(?:\S*\/)?(?:sh|bash|ash|dash)\b[^<]*<</.test(head);
      if (feedsShell) {
        const doc = ins.heredocs[0];
        scripts = [own, new TextScript(ins, doc.content, heredocLocator(doc.content, doc.range.start.line))];
      } else scripts = [own];
    } else if (ins.json.length >= 3 && shellNames.test(ins.json[0]) && ins.json[1] === '-c') {
      const range = ins.args[2].range;
      scripts = [new TextScript(ins, ins.json[2], () => range)];
    } else scripts = [];
    this.scriptCache.set(ins, scripts);
    return scripts;
  }

  /** All simple commands of a RUN, across its scripts. */
  commands(ins: Instruction): readonly CommandRef[] {
    return this.commandCache.get(ins) ?? this.readCommands(ins).all;
  }

  /**
   * The commands of a RUN running one of these programs, in order. Rules read a few programs
   * (apt-get, rm, chmod…): asking by name, rather than each rule walking every command, is what
   * keeps a script of 30k `echo` lines from costing every rule a pass of its own.
   */
  commandsNamed(ins: Instruction, names: ReadonlySet<string>): readonly CommandRef[] {
    const byName = this.commandIndex(ins).byName;
    // Merged as found: a RUN has one of the names or none, and then nothing is allocated.
    let found: readonly CommandRef[] = noCommands;
    for (const name of names) {
      const list = byName.get(name);
      if (list) found = mergeTwo(found, list);
    }
    return found;
  }

  /** The commands whose program name passes `test` (asked once per distinct name), in order. */
  commandsWhere(ins: Instruction, test: (name: string) => boolean): readonly CommandRef[] {
    let found: readonly CommandRef[] = noCommands;
    for (const [name, list] of this.commandIndex(ins).byName) if (test(name)) found = mergeTwo(found, list);
    return found;
  }

  /** The commands `sudo` runs. */
  sudoCommands(ins: Instruction): readonly CommandRef[] {
    return this.commandIndex(ins).sudo;
  }

  /** The commands with a redirect (`> file`, `2>&1`…). */
  redirectingCommands(ins: Instruction): readonly CommandRef[] {
    return this.commandIndex(ins).redirecting;
  }

  private commandIndex(ins: Instruction): CommandIndex {
    return this.commandIndexes.get(ins) ?? this.readCommands(ins).index;
  }

  /** A RUN's commands in order and by name, made in one pass (a script may have 30k). */
  private readCommands(ins: Instruction): { all: CommandRef[]; index: CommandIndex } {
    const scripts = this.scripts(ins);
    let total = 0;
    for (let s = 0; s < scripts.length; s++) total += scripts[s].commands.length;
    // Exact size, and indexed loops: a list grown by push, and for-of before the loop is
    // optimized, each made garbage per command that a 30k-command heredoc paid for.
    const all = new Array<CommandRef>(total);
    const index: CommandIndex = { byName: new Map(), sudo: [], redirecting: [] };
    let at = 0;
    for (let s = 0; s < scripts.length; s++) {
      const script = scripts[s];
      const commands = script.commands;
      for (let c = 0; c < commands.length; c++) {
        const cmd = commands[c];
        cmd.at = at;
        all[at++] = cmd;
        const named = index.byName.get(cmd.name);
        if (named) named.push(cmd);
        else index.byName.set(cmd.name, [cmd]);
        if (cmd.sudo) index.sudo.push(cmd);
        if (cmd.hasRedirects) index.redirecting.push(cmd);
      }
    }
    this.commandCache.set(ins, all);
    this.commandIndexes.set(ins, index);
    return { all, index };
  }

  report(range: Range, message: Localized, fix?: Fix): void {
    if (this.sink.length >= reportLimit) throw limitReached;
    this.sink.push(fix ? { range, message, fix } : { range, message });
  }

  /**
   * Runs one rule and returns what it reported; `truncated` tells whether it reached
   * `reportLimit` and was stopped. The list is reused by the next rule: copy what you keep.
   */
  collect(rule: { check(ctx: LintContext): void }): Report[] {
    this.sink.length = 0;
    this.truncated = false;
    try {
      rule.check(this);
    } catch (error) {
      if (error !== limitReached) throw error;
      this.truncated = true;
    }
    return this.sink;
  }
}

/** Ordered command lists merged into one ordered list, each command once. */
export function inOrder(lists: ReadonlyArray<readonly CommandRef[]>): readonly CommandRef[] {
  if (lists.length === 0) return noCommands;
  let merged = lists[0];
  for (let k = 1; k < lists.length; k++) merged = mergeTwo(merged, lists[k]);
  return merged;
}

function mergeTwo(a: readonly CommandRef[], b: readonly CommandRef[]): readonly CommandRef[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: CommandRef[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x.at < y.at) {
      out.push(x);
      i++;
    } else if (y.at < x.at) {
      out.push(y);
      j++;
    } else {
      out.push(x);
      i++;
      j++;
    }
  }
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

/** The shell form text of a RUN: located through the instruction, with no closure per RUN. */
class ArgsScript implements Script {
  readonly text: string;
  readonly commands: ParsedCommand[];

  constructor(readonly ins: Instruction) {
    this.text = ins.argsText;
    this.commands = parseShell(this.text, this);
  }

  locate(start: number, end: number): Range {
    return this.ins.locate(start, end);
  }
}

/** A heredoc fed to the shell, or the script of an exec-form `sh -c`. */
class TextScript implements Script {
  readonly commands: ParsedCommand[];

  constructor(
    readonly ins: Instruction,
    readonly text: string,
    readonly locate: (start: number, end: number) => Range,
  ) {
    this.commands = parseShell(text, this);
  }
}

function heredocLocator(content: string, firstLine: number): (s: number, e: number) => Range {
  // Line starts are found when the first finding is placed: most scripts report nothing.
  let starts: Int32Array | undefined;
  const lineStarts = (): Int32Array => {
    let count = 1;
    for (let i = content.indexOf('\n'); i >= 0; i = content.indexOf('\n', i + 1)) count++;
    const found = new Int32Array(count);
    let k = 1;
    for (let i = content.indexOf('\n'); i >= 0; i = content.indexOf('\n', i + 1)) found[k++] = i + 1;
    return found;
  };
  const at = (offset: number): { line: number; character: number } => {
    starts ??= lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: firstLine + lo, character: offset - starts[lo] };
  };
  return (s, e) => ({ start: at(s), end: at(Math.max(s, e)) });
}
