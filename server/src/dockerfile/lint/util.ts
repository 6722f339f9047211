import type { Instruction, Range } from '../parser';
import type { Stage } from '../semantics';
import type { LintContext } from './context';
import type { Fix, Localized, TextEdit } from './report';
import type { ShellCommand } from './shellTypes';

export function edit(range: Range, newText: string): TextEdit {
  return { range, newText };
}

export function fix(title: Localized, ...edits: TextEdit[]): Fix {
  return { title, edits };
}

/** Every instruction of every stage with its stage (ONBUILD bodies excluded: they run elsewhere). */
export function stageInstructions(ctx: LintContext): ReadonlyArray<readonly [Instruction, Stage]> {
  return ctx.stageInstructions;
}

/** The value with one level of matching outer quotes removed. */
export function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) {
    return value.slice(1, -1);
  }
  return value;
}

export function normalizePath(path: string): string {
  if (path.length > 1 && !path.endsWith('/') && !path.includes('//')) return path;
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed.replace(/\/{2,}/g, '/');
}

/** `child` is `parent` or below it. */
export function isUnder(child: string, parent: string): boolean {
  const c = normalizePath(child);
  const p = normalizePath(parent);
  return p === '/' ? c.startsWith('/') : c === p || c.startsWith(p + '/');
}

export function isApt(cmd: ShellCommand): boolean {
  return cmd.name === 'apt-get' || cmd.name === 'apt';
}

/** The programs `isApt` accepts, for LintContext.commandsNamed. */
export const aptNames: ReadonlySet<string> = new Set(['apt-get', 'apt']);

// Plain loops: these run for every command of every RUN in many rules, and a callback per call
// was a large share of the linter's garbage.
export function hasArg(cmd: ShellCommand, ...values: string[]): boolean {
  const args = cmd.args;
  for (let k = 0; k < args.length; k++) if (values.includes(args[k].value)) return true;
  return false;
}

/** The targets of a RUN's cache and tmpfs mounts: what is written there never reaches the layer. */
export function mountTargets(ins: Instruction): string[] {
  const targets: string[] = [];
  for (const f of ins.flags) {
    const value = f.value ?? '';
    if (f.name !== 'mount' || !/(?:^|,)type=(?:cache|tmpfs)(?:,|$)/.test(value)) continue;
    const target = /(?:^|,)(?:target|dst|destination)=([^,]+)/.exec(value)?.[1];
    if (target !== undefined) targets.push(target);
  }
  return targets;
}

/** A RUN cache or tmpfs mount covering `path`. */
export function mountedOver(ins: Instruction, path: string): boolean {
  return mountTargets(ins).some((target) => isUnder(path, target));
}

/** Resolves a path written in an instruction against the stage's WORKDIR. */
export function absolute(path: string, workdir: string): string {
  const p = unquote(path);
  return p.startsWith('/') ? normalizePath(p) : normalizePath(`${workdir}/${p}`);
}

/** COPY/ADD sources and destination (exec or shell form). */
export function copyParts(ins: Instruction): { sources: string[]; dest: string | undefined } {
  const values = ins.args.map((a) => (ins.json ? a.value : unquote(a.value)));
  if (ins.heredocs.length > 0 || values.length < 2)
    return { sources: values.slice(0, -1), dest: values.at(-1) };
  return { sources: values.slice(0, -1), dest: values[values.length - 1] };
}

export function flag(ins: Instruction, name: string): string | undefined {
  return ins.flags.find((f) => f.name === name)?.value;
}

/**
 * Edit distance for "did you mean" hints, a swap of two neighbours counting as one edit (optimal
 * string alignment): `PAHT` is one typo away from `PATH`, not two.
 */
export function distance(a: string, b: string): number {
  // Three rows: the one two back is what a transposition builds on.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1);
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, before[j - 2] + 1);
      row[j] = best;
    }
    before = previous;
    previous = row;
  }
  return previous[b.length];
}
