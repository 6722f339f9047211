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

/** The stages of a file and the ARGs before its first FROM. */
export class StageTable {
  readonly stages: Stage[] = [];
  /** ARGs before the first FROM: the only ones a FROM line sees. */
  readonly globalArgs: Instruction[] = [];
  /** The first stage of each name. */
  private readonly byName = new Map<string, Stage>();

  constructor(file: Dockerfile) {
    let current: Stage | undefined;
    for (const ins of file.instructions) {
      if (ins.name === 'FROM') {
        current = this.newStage(ins);
        this.stages.push(current);
        if (current.name !== undefined && !this.byName.has(current.name))
          this.byName.set(current.name, current);
      } else if (current) current.instructions.push(ins);
      else if (ins.name === 'ARG') this.globalArgs.push(ins);
    }
    const last = this.stages[this.stages.length - 1];
    for (let s: Stage | undefined = last; s; s = s.parent) s.inFinalImage = true;
  }

  /**
   * A stage by index or (case-insensitively) by name, as `FROM x` and `COPY --from=x` resolve
   * them; the first stage of a name when several share it. While the table is being built (for
   * a FROM) only the earlier stages are in it.
   */
  stageNamed(ref: string): Stage | undefined {
    if (/^\d+$/.test(ref)) return this.stages[Number(ref)];
    return this.byName.get(ref.toLowerCase());
  }

  private newStage(from: Instruction): Stage {
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
