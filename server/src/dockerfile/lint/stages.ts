// A file's stages as its FROM lines open them: what each builds on, and what reaches the final image.
import type { Dockerfile, Instruction, Range } from '../parser';

export interface Stage {
  index: number;
  /** The `AS name`, lower-cased as BuildKit compares it. */
  name: string | undefined;
  nameRange: Range | undefined;
  from: Instruction;
  /** The image reference as written (may hold `$VARS`). */
  image: string;
  /** The instructions after FROM, up to the next FROM. */
  instructions: Instruction[];
  /** The earlier stage this one is built FROM, if any. */
  parent: Stage | undefined;
  /** Part of the image the build produces by default (the last stage and its ancestors). */
  inFinalImage: boolean;
}

/** The stages of one file, and the ARGs before the first FROM. */
export interface StageTable {
  stages: Stage[];
  /** Every instruction of every stage, paired with its stage, in order. */
  stageInstructions: ReadonlyArray<readonly [Instruction, Stage]>;
  globalArgs: Instruction[];
  /** The first stage of each name. */
  byName: Map<string, Stage>;
}

const pathMax = 4096;

export function readStages(file: Dockerfile): StageTable {
  const stages: Stage[] = [];
  const globalArgs: Instruction[] = [];
  const byName = new Map<string, Stage>();
  let current: Stage | undefined;
  for (const ins of file.instructions) {
    if (ins.name === 'FROM') {
      current = newStage(ins, stages, byName);
      stages.push(current);
      if (current.name !== undefined && !byName.has(current.name)) byName.set(current.name, current);
    } else if (current) current.instructions.push(ins);
    else if (ins.name === 'ARG') globalArgs.push(ins);
  }
  const pairs: Array<readonly [Instruction, Stage]> = [];
  for (const s of stages) for (const i of s.instructions) pairs.push([i, s]);
  const last = stages[stages.length - 1];
  for (let s: Stage | undefined = last; s; s = s.parent) s.inFinalImage = true;
  return { stages, stageInstructions: pairs, globalArgs, byName };
}

function newStage(from: Instruction, stages: readonly Stage[], byName: ReadonlyMap<string, Stage>): Stage {
  const args = from.args;
  const image = args[0]?.value ?? '';
  const hasName = args.length >= 3 && args[1].value.toLowerCase() === 'as';
  const parent = stageNamed(stages, byName, image);
  return {
    index: stages.length,
    name: hasName ? args[2].value.toLowerCase() : undefined,
    nameRange: hasName ? args[2].range : undefined,
    from,
    image,
    instructions: [],
    parent,
    inFinalImage: false,
  };
}

/** An earlier stage by name or index, as `FROM x` and `COPY --from=x` resolve them. */
export function stageNamed(
  stages: readonly Stage[],
  byName: ReadonlyMap<string, Stage>,
  ref: string,
): Stage | undefined {
  if (/^\d+$/.test(ref)) return stages[Number(ref)];
  return byName.get(ref.toLowerCase());
}

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
