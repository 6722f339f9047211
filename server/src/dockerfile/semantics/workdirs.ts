import type { Instruction } from '../parser';
import type { Stage } from './stages';

/** Linux refuses longer paths (PATH_MAX). */
const pathMax = 4096;

/**
 * The directory each instruction runs in, as WORKDIR leaves it: a relative WORKDIR is resolved
 * against the one before, and a stage built on another starts where that one ended. Paths are
 * taken as written (a `$VAR` stays in them).
 */
export class Workdirs {
  /** The directory before each instruction that is not "/": most files never leave it. */
  private readonly dirs = new Map<Instruction, string>();

  constructor(stages: readonly Stage[]) {
    const finalDir = new Map<Stage, string>();
    for (const stage of stages) {
      let dir = stage.parent ? (finalDir.get(stage.parent) ?? '/') : '/';
      for (const ins of stage.instructions) {
        if (dir !== '/') this.dirs.set(ins, dir);
        if (ins.name === 'WORKDIR') dir = applyWorkdir(ins, dir);
      }
      finalDir.set(stage, dir);
    }
  }

  /** The directory `ins` runs in ("/" when no WORKDIR says otherwise). */
  before(ins: Instruction): string {
    return this.dirs.get(ins) ?? '/';
  }
}

function applyWorkdir(ins: Instruction, dir: string): string {
  if (ins.args.length === 0) return dir;
  const path = ins.argsText.replace(/^(["'])(.*)\1$/, '$2');
  // Stopping at PATH_MAX keeps a flood of relative WORKDIRs from growing one string per
  // instruction without bound.
  if (!path.startsWith('/') && dir.length + path.length > pathMax) return dir;
  return normalize(path.startsWith('/') ? path : `${dir}/${path}`);
}

function normalize(path: string): string {
  const trimmed = path.replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}
