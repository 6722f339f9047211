// The stages of a Dockerfile as the rules see them: the FROM stages, the instructions written
// before any FROM, and the RUNs ONBUILD registers for the images built on this one.
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

/** The stages of one file: the FROM stages, the headless stage, the ONBUILD triggers, the global ARGs. */
export interface StageTable {
  stages: BuildStage[];
  /**
   * The instructions written before any FROM (a file being started, a snippet): BuildKit refuses
   * them, but the rules that need no FROM still check them, as hadolint does. In a file with a
   * FROM the ARGs before it are global instead; in a file without one they belong here too.
   */
  headless: Stage | undefined;
  /** The headless stage (when there is one) and then every stage. */
  allStages: readonly Stage[];
  /**
   * The RUNs ONBUILD registers: they run in the images built FROM this one, whose layers they
   * end up in. ONBUILD COPY and ADD read that build's context, which this file knows nothing
   * of, so they are not among them.
   */
  triggers: Stage | undefined;
  /** Every instruction of every stage, headless ones first, paired with its stage, in order. */
  stageInstructions: ReadonlyArray<readonly [Instruction, Stage]>;
  /** ARGs before the first FROM. */
  globalArgs: Instruction[];
  /** The first stage of each name. */
  byName: Map<string, BuildStage>;
}

export function readStages(file: Dockerfile): StageTable {
  const stages: BuildStage[] = [];
  const globalArgs: Instruction[] = [];
  const byName = new Map<string, BuildStage>();
  const hasFrom = file.instructions.some((i) => i.name === 'FROM');
  const before: Instruction[] = [];
  let current: BuildStage | undefined;
  for (const ins of file.instructions) {
    if (ins.name === 'FROM') {
      current = newStage(ins, stages, byName);
      stages.push(current);
      if (current.name !== undefined && !byName.has(current.name)) byName.set(current.name, current);
    } else if (current) current.instructions.push(ins);
    else if (ins.name === 'ARG' && hasFrom) globalArgs.push(ins);
    else before.push(ins);
  }
  const headless = before.length > 0 ? stageWithoutFrom(before, !hasFrom) : undefined;
  const allStages = headless ? [headless, ...stages] : stages;
  const pairs: Array<readonly [Instruction, Stage]> = [];
  for (const s of allStages) for (const i of s.instructions) pairs.push([i, s]);
  const subs: Instruction[] = [];
  for (const [ins] of pairs) if (ins.sub?.name === 'RUN') subs.push(ins.sub);
  const triggers = subs.length > 0 ? stageWithoutFrom(subs, true) : undefined;
  const last = stages[stages.length - 1];
  for (let s: BuildStage | undefined = last; s; s = s.parent) s.inFinalImage = true;
  return { stages, headless, allStages, triggers, stageInstructions: pairs, globalArgs, byName };
}

/** An earlier stage by name or index, as `FROM x` and `COPY --from=x` resolve them. */
export function stageNamed(
  stages: readonly BuildStage[],
  byName: ReadonlyMap<string, BuildStage>,
  ref: string,
): BuildStage | undefined {
  if (/^\d+$/.test(ref)) return stages[Number(ref)];
  return byName.get(ref.toLowerCase());
}

function newStage(
  from: Instruction,
  earlier: readonly BuildStage[],
  byName: ReadonlyMap<string, BuildStage>,
): BuildStage {
  const args = from.args;
  const image = args[0]?.value ?? '';
  const hasName = args.length >= 3 && args[1].value.toLowerCase() === 'as';
  return {
    index: earlier.length,
    name: hasName ? args[2].value.toLowerCase() : undefined,
    nameRange: hasName ? args[2].range : undefined,
    from,
    image,
    instructions: [],
    parent: stageNamed(earlier, byName, image),
    inFinalImage: false,
  };
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

/** stageInstructions with the ONBUILD triggers merged in at their place in the file. */
export function withTriggers(model: StageTable): ReadonlyArray<readonly [Instruction, Stage]> {
  const triggers = model.triggers;
  if (!triggers) return model.stageInstructions;
  const all = [...model.stageInstructions, ...triggers.instructions.map((i) => [i, triggers] as const)];
  const start = (i: Instruction): Position => i.range.start;
  return all.sort(([a], [b]) => start(a).line - start(b).line || start(a).character - start(b).character);
}

const pathMax = 4096;

/**
 * The directory WORKDIR leaves each instruction's stage in before it, for the instructions where
 * that is not "/".
 */
export function workdirsOf(stages: readonly Stage[]): Map<Instruction, string> {
  const workdirs = new Map<Instruction, string>();
  const finalDir = new Map<Stage, string>();
  for (const stage of stages) {
    let dir = stage.parent ? (finalDir.get(stage.parent) ?? '/') : '/';
    for (const ins of stage.instructions) {
      // "/" is what a lookup answers by default: most files never leave it, and their
      // instructions need no entry at all.
      if (dir !== '/') workdirs.set(ins, dir);
      if (ins.name !== 'WORKDIR' || ins.args.length === 0) continue;
      const path = ins.argsText.replace(/^(["'])(.*)\1$/, '$2');
      // Linux refuses longer paths (PATH_MAX); stopping there keeps a flood of relative
      // WORKDIRs from growing one string per instruction without bound.
      if (!path.startsWith('/') && dir.length + path.length > pathMax) continue;
      dir = normalize(path.startsWith('/') ? path : `${dir}/${path}`);
    }
    finalDir.set(stage, dir);
  }
  return workdirs;
}

function normalize(path: string): string {
  const trimmed = path.replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}
