// The stages of a Dockerfile: the FROM stages, the instructions written before any FROM, and the
// RUNs ONBUILD registers for the images built on this one.
import type { Dockerfile, Instruction, Position, Range } from '../parser';

export interface Stage {
  /** Its place among the FROMs (what `--from=0` names); -1 for a stage that has no FROM. */
  index: number;
  /** The `AS name`, lower-cased as BuildKit compares it. */
  name: string | undefined;
  nameRange: Range | undefined;
  /** Undefined for the headless and the trigger stage. */
  from: Instruction | undefined;
  /** The image reference as written (may hold `$VARS`). */
  image: string;
  /** The instructions after FROM, up to the next FROM. */
  instructions: Instruction[];
  /** The earlier stage this one is built FROM, if any. */
  parent: Stage | undefined;
  /** Part of the image the build produces by default (the last stage and its ancestors). */
  inFinalImage: boolean;
}

/** A stage started by a FROM. */
export interface BuildStage extends Stage {
  from: Instruction;
  parent: BuildStage | undefined;
}

export function isBuildStage(stage: Stage): stage is BuildStage {
  return stage.from !== undefined;
}

/** The stages of a file, the instructions outside them, and the ARGs before its first FROM. */
export class StageTable {
  readonly stages: BuildStage[] = [];
  /**
   * The instructions written before any FROM (a file being started, a snippet): BuildKit refuses
   * them, but the rules that need no FROM still check them, as hadolint does. In a file with a
   * FROM the ARGs before it are global instead; in a file without one they belong here too.
   */
  readonly headless: Stage | undefined;
  /** The headless stage (when there is one) and then every stage. */
  readonly allStages: readonly Stage[];
  /**
   * The RUNs ONBUILD registers: they run in the images built FROM this one, whose layers they
   * end up in. ONBUILD COPY and ADD read that build's context, which this file knows nothing
   * of, so they are not among them.
   */
  readonly triggers: Stage | undefined;
  /** Every instruction of every stage, headless ones first, paired with its stage, in order. */
  readonly stageInstructions: ReadonlyArray<readonly [Instruction, Stage]>;
  /** ARGs before the first FROM: the only ones a FROM line sees. */
  readonly globalArgs: Instruction[] = [];
  /** The first stage of each name. */
  private readonly byName = new Map<string, BuildStage>();

  constructor(file: Dockerfile) {
    const hasFrom = file.instructions.some((i) => i.name === 'FROM');
    const before: Instruction[] = [];
    let current: BuildStage | undefined;
    for (const ins of file.instructions) {
      if (ins.name === 'FROM') {
        current = this.newStage(ins);
        this.stages.push(current);
        if (current.name !== undefined && !this.byName.has(current.name))
          this.byName.set(current.name, current);
      } else if (current) current.instructions.push(ins);
      else if (ins.name === 'ARG' && hasFrom) this.globalArgs.push(ins);
      else before.push(ins);
    }
    this.headless = before.length > 0 ? stageWithoutFrom(before, !hasFrom) : undefined;
    this.allStages = this.headless ? [this.headless, ...this.stages] : this.stages;
    const pairs: Array<readonly [Instruction, Stage]> = [];
    for (const s of this.allStages) for (const i of s.instructions) pairs.push([i, s]);
    this.stageInstructions = pairs;
    const subs: Instruction[] = [];
    for (const [ins] of pairs) if (ins.sub?.name === 'RUN') subs.push(ins.sub);
    this.triggers = subs.length > 0 ? stageWithoutFrom(subs, true) : undefined;
    const last = this.stages[this.stages.length - 1];
    for (let s: BuildStage | undefined = last; s; s = s.parent) s.inFinalImage = true;
  }

  /**
   * A stage by index or (case-insensitively) by name, as `FROM x` and `COPY --from=x` resolve
   * them; the first stage of a name when several share it. While the table is being built (for
   * a FROM) only the earlier stages are in it.
   */
  stageNamed(ref: string): BuildStage | undefined {
    if (/^\d+$/.test(ref)) return this.stages[Number(ref)];
    return this.byName.get(ref.toLowerCase());
  }

  /** stageInstructions with the ONBUILD triggers merged in at their place in the file. */
  withTriggers(): ReadonlyArray<readonly [Instruction, Stage]> {
    const triggers = this.triggers;
    if (!triggers) return this.stageInstructions;
    const all = [...this.stageInstructions, ...triggers.instructions.map((i) => [i, triggers] as const)];
    const start = (i: Instruction): Position => i.range.start;
    return all.sort(([a], [b]) => start(a).line - start(b).line || start(a).character - start(b).character);
  }

  private newStage(from: Instruction): BuildStage {
    const args = from.args;
    const image = args[0]?.value ?? '';
    const hasName = args.length >= 3 && args[1].value.toLowerCase() === 'as';
    return {
      index: this.stages.length,
      name: hasName ? args[2].value.toLowerCase() : undefined,
      nameRange: hasName ? args[2].range : undefined,
      from,
      image,
      instructions: [],
      parent: this.stageNamed(image),
      inFinalImage: false,
    };
  }
}

/** Instructions that belong to no FROM (the headless and the trigger stage) as a stage. */
function stageWithoutFrom(instructions: Instruction[], final: boolean): Stage {
  return {
    index: -1,
    name: undefined,
    nameRange: undefined,
    from: undefined,
    image: '',
    instructions,
    parent: undefined,
    inFinalImage: final,
  };
}
