import type { Flag, Instruction, Range } from '../parser';
import { isBuildStage, type BuildStage, type Stage, type StageTable } from './stages';

/**
 * A place that names a stage: `FROM builder` (a stage built on another), `COPY --from=builder`
 * and `RUN --mount=from=builder`. ONBUILD bodies name stages of another build and are left out.
 */
export interface StageReference {
  readonly kind: 'from' | 'copy' | 'mount';
  /** The name or index as BuildKit reads it (quotes removed). */
  readonly text: string;
  readonly instruction: Instruction;
  /** The stage the instruction is in. */
  readonly stage: Stage;
  /** The stage it names, if any: for `FROM` an earlier one, for flags the first of that name. */
  readonly target: BuildStage | undefined;
  /** Where the name is written; undefined when quotes or a line break make the spot inexact. */
  readonly range: Range | undefined;
  /** The flag the name is in (copy and mount). */
  readonly flag: Flag | undefined;
}

/** The range of `value` written right after `prefix` in a flag, when the flag is written plainly. */
function valueRange(flag: Flag, offset: number, length: number, written: number): Range | undefined {
  const { start, end } = flag.range;
  if (start.line !== end.line || end.character - start.character !== written) return undefined;
  const from = start.character + offset;
  return {
    start: { line: start.line, character: from },
    end: { line: start.line, character: from + length },
  };
}

/** `from=` in a `--mount` value: where its value starts in the value, and the value. */
function mountFrom(value: string): { at: number; text: string } | undefined {
  let at = 0;
  for (const part of value.split(',')) {
    if (part.startsWith('from=')) return { at: at + 5, text: part.slice(5) };
    at += part.length + 1;
  }
  return undefined;
}

export function findStageReferences(table: StageTable): StageReference[] {
  const refs: StageReference[] = [];
  for (const stage of table.allStages) {
    const first = stage.from?.args[0];
    if (isBuildStage(stage) && stage.parent && first) {
      refs.push({
        kind: 'from',
        text: first.value,
        instruction: stage.from,
        stage,
        target: stage.parent,
        range: first.range,
        flag: undefined,
      });
    }
    for (const ins of stage.instructions) {
      if (ins.flags.length === 0) continue;
      if (ins.name === 'COPY' || ins.name === 'ADD') {
        const flag = ins.flags.find((f) => f.name === 'from');
        if (flag?.value === undefined) continue;
        const text = flag.value;
        refs.push({
          kind: 'copy',
          text,
          instruction: ins,
          stage,
          target: text.includes('$') ? undefined : table.stageNamed(text),
          range: valueRange(flag, 7, text.length, 7 + text.length),
          flag,
        });
      } else if (ins.name === 'RUN') {
        for (const flag of ins.flags) {
          if (flag.name !== 'mount' || flag.value === undefined) continue;
          const found = mountFrom(flag.value);
          if (!found || found.text === '') continue;
          refs.push({
            kind: 'mount',
            text: found.text,
            instruction: ins,
            stage,
            target: found.text.includes('$') ? undefined : table.stageNamed(found.text),
            range: valueRange(flag, 8 + found.at, found.text.length, 8 + flag.value.length),
            flag,
          });
        }
      }
    }
  }
  return refs;
}
