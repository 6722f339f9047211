import type { Dockerfile, Instruction, Range } from '../parser';
import { emptyConfig, type HadolintConfig } from './config';
import { indexCommands, selectNamed, selectWhere, type CommandIndex } from './commandIndex';
import type { Fix, Localized, Report } from './report';
import { scriptsOf } from './scripts';
import type { CommandRef, Script } from './shellTypes';
import { semanticsOf, type BuildStage, type DockerfileSemantics, type Stage } from '../semantics';

export type { BuildStage, Stage } from '../semantics';

/** What the linter knows about the surroundings; `undefined` means unknown (rules then stay quiet). */
export interface LintEnvironment {
  /** Whether a `.dockerignore` sits beside the Dockerfile. */
  hasDockerignore?: boolean;
  /** The text of that `.dockerignore` (`<name>.dockerignore` first, as BuildKit reads it). */
  dockerignore?: string;
}

/**
 * Findings one rule reports in one file before it is stopped. Only machine-made files get near
 * it (a 1 MB file of `ENV a b` lines), and building tens of thousands of findings kept the editor
 * waiting for seconds; past the limit one more finding says the rule stopped.
 */
export const reportLimit = 1000;

/** One shared instance: no stack to capture when a rule is stopped. */
const limitReached = new Error('report limit reached');

/**
 * What a rule reads a file through: its stages and their instructions, a RUN's commands by
 * program, and the sink its reports go to.
 */
export class LintContext {
  /** Stages, variables and workdirs with Docker's scoping: what the language features read too. */
  readonly semantics: DockerfileSemantics;
  readonly stages: readonly BuildStage[];
  /** The instructions before any FROM (see StageTable.headless). */
  readonly headless: Stage | undefined;
  /** The headless stage (when there is one) and then every stage. */
  readonly allStages: readonly Stage[];
  /** The RUNs ONBUILD registers (see StageTable.triggers); ofKind lists them too. */
  readonly triggers: Stage | undefined;
  /** Every instruction of every stage, headless ones first, paired with its stage, in order. */
  readonly stageInstructions: ReadonlyArray<readonly [Instruction, Stage]>;
  /** ARGs before the first FROM, in a file that has one. */
  readonly globalArgs: readonly Instruction[];
  private readonly scriptCache = new Map<Instruction, Script[]>();
  private readonly commandIndexes = new Map<Instruction, CommandIndex>();
  /** Stage instructions by keyword (and by keyword list), built on first use. */
  private kinds: Map<string, Array<readonly [Instruction, Stage]>> | undefined;
  private readonly sink: Report[] = [];
  /** Whether the last `collect` stopped its rule at `reportLimit`. */
  truncated = false;

  constructor(
    readonly file: Dockerfile,
    readonly env: LintEnvironment,
    /** The `.hadolint.yaml` that applies: a few rules read their settings from it. */
    readonly config: HadolintConfig = emptyConfig,
  ) {
    const semantics = semanticsOf(file);
    this.semantics = semantics;
    this.stages = semantics.stages;
    this.headless = semantics.headless;
    this.allStages = semantics.allStages;
    this.triggers = semantics.triggers;
    this.stageInstructions = semantics.stageInstructions;
    this.globalArgs = semantics.globalArgs;
  }

  /**
   * The stage instructions with one of these keywords, in order, ONBUILD's RUNs among them.
   * Most rules read one or two kinds: walking only those, rather than every instruction in
   * every rule, is what keeps a file of 100k WORKDIRs from costing every RUN rule a pass of
   * its own.
   */
  ofKind(...names: string[]): ReadonlyArray<readonly [Instruction, Stage]> {
    let kinds = this.kinds;
    if (!kinds) {
      kinds = new Map();
      const pairs = this.semantics.withTriggers();
      for (let k = 0; k < pairs.length; k++) {
        const pair = pairs[k];
        const list = kinds.get(pair[0].name);
        if (list) list.push(pair);
        else kinds.set(pair[0].name, [pair]);
      }
      this.kinds = kinds;
    }
    const key = names.length === 1 ? names[0] : names.join(' ');
    let list = kinds.get(key);
    if (!list) {
      list =
        names.length === 1 ? [] : this.semantics.withTriggers().filter(([ins]) => names.includes(ins.name));
      kinds.set(key, list);
    }
    return list;
  }

  /** An earlier stage by name or index, as `FROM x` and `COPY --from=x` resolve them. */
  stageNamed(ref: string): BuildStage | undefined {
    return this.semantics.stageNamed(ref);
  }

  /** The directory WORKDIR leaves the stage in before `ins` ("/" when unknown), computed once. */
  workdir(ins: Instruction): string {
    return this.semantics.workdirs.before(ins);
  }

  /** The shell scripts a RUN executes, parsed once. Exec form is read when it is `sh -c`. */
  scripts(ins: Instruction): Script[] {
    let scripts = this.scriptCache.get(ins);
    if (!scripts) this.scriptCache.set(ins, (scripts = scriptsOf(ins)));
    return scripts;
  }

  /** All simple commands of a RUN, across its scripts. */
  commands(ins: Instruction): readonly CommandRef[] {
    return this.commandIndex(ins).all;
  }

  /**
   * The commands of a RUN running one of these programs, in order. Rules read a few programs
   * (apt-get, rm, chmod…): asking by name, rather than each rule walking every command, is what
   * keeps a script of 30k `echo` lines from costing every rule a pass of its own.
   */
  commandsNamed(ins: Instruction, names: ReadonlySet<string>): readonly CommandRef[] {
    return selectNamed(this.commandIndex(ins), names);
  }

  /** The commands whose program name passes `test` (asked once per distinct name), in order. */
  commandsWhere(ins: Instruction, test: (name: string) => boolean): readonly CommandRef[] {
    return selectWhere(this.commandIndex(ins), test);
  }

  /** The commands `sudo` runs. */
  sudoCommands(ins: Instruction): readonly CommandRef[] {
    return this.commandIndex(ins).sudo;
  }

  /** The commands with a redirect (`> file`, `2>&1`…). */
  redirectingCommands(ins: Instruction): readonly CommandRef[] {
    return this.commandIndex(ins).redirecting;
  }

  /** The programs a RUN runs, each once. */
  programsOf(ins: Instruction): IterableIterator<string> {
    return this.commandIndex(ins).byName.keys();
  }

  /** The programs a RUN runs, each once, in order of first use. */
  programNames(ins: Instruction): readonly string[] {
    return this.commandIndex(ins).names;
  }

  /** The commands whose output a pipe (`|`) feeds to the next one. */
  pipedCommands(ins: Instruction): readonly CommandRef[] {
    return this.commandIndex(ins).piped;
  }

  private commandIndex(ins: Instruction): CommandIndex {
    let index = this.commandIndexes.get(ins);
    if (!index) this.commandIndexes.set(ins, (index = indexCommands(this.scripts(ins))));
    return index;
  }

  report(range: Range, message: Localized, fix?: Fix): void {
    if (this.sink.length >= reportLimit) throw limitReached;
    this.sink.push(fix ? { range, message, fix } : { range, message });
  }

  /**
   * A report of a rule that stands for several hadolint codes, as the one it is: `ignored:
   * [DL3007]` or `# hadolint ignore=DL3007` then silences only these, as in hadolint.
   */
  reportAs(code: string, range: Range, message: Localized, fix?: Fix): void {
    if (this.sink.length >= reportLimit) throw limitReached;
    this.sink.push(fix ? { range, message, fix, code } : { range, message, code });
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
