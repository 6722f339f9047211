// Docker's scoping of ARG and ENV. A global ARG (before the first FROM) is seen by FROM lines
// only, unless a stage declares `ARG NAME` again, which then takes the global default. Inside a
// stage an ARG or ENV is visible from the instruction after it to the end of the stage, and in
// the stages built FROM it. ENV wins over an ARG of the same name. CMD, ENTRYPOINT and
// HEALTHCHECK run in the container, where only ENV is left.
import type { Instruction, KeyValue } from '../parser';
import { ScopedMap, withInherited, type Undoable } from './scope';
import type { Stage } from './stages';

/** Who expands a `$VAR`, which decides what it can read. */
export type UseContext =
  /** A FROM line: global ARGs and BuildKit's platform ARGs. */
  | 'from'
  /** BuildKit, while it reads an instruction or a flag: ARG and ENV in scope. */
  | 'build'
  /** The shell of a RUN, at build time: ARG and ENV in scope, the proxy ARGs, the base image's ENV. */
  | 'shell'
  /** The container, at run time (CMD, ENTRYPOINT, HEALTHCHECK): only ENV. */
  | 'runtime';

export interface VariableDeclaration {
  readonly name: string;
  readonly kind: 'ARG' | 'ENV';
  readonly instruction: Instruction;
  readonly pair: KeyValue;
  /** Undefined for a global ARG. */
  readonly stage: Stage | undefined;
  /** A stage's `ARG NAME` without a value takes the default of the global ARG of that name. */
  readonly inherits: VariableDeclaration | undefined;
}

/** The ARG and ENV declarations visible at one point of a stage. */
export class VariableScope implements Undoable {
  private readonly map = new ScopedMap<string, VariableDeclaration>();

  declare(decl: VariableDeclaration): void {
    // An ENV always wins over an ARG of the same name, whichever comes first.
    if (decl.kind === 'ARG' && this.map.get(decl.name)?.kind === 'ENV') return;
    this.map.set(decl.name, decl);
  }

  /** The declaration `$name` reads, by the rules of `context` (never 'from'; see globalArg). */
  resolve(name: string, context: UseContext): VariableDeclaration | undefined {
    const decl = this.map.get(name);
    return context === 'runtime' && decl?.kind !== 'ENV' ? undefined : decl;
  }

  has(name: string): boolean {
    return this.map.has(name);
  }

  /** The visible names, in the order they were first declared. */
  names(): IterableIterator<string> {
    return this.map.keys();
  }

  get size(): number {
    return this.map.size;
  }

  mark(): number {
    return this.map.mark();
  }

  undo(mark: number): void {
    this.map.undo(mark);
  }
}

export interface ScopeVisitor {
  /** Each stage, when the walk reaches it (its FROM line sees the global ARGs only). */
  stage?(stage: Stage): void;
  /** Each instruction of a stage, with `scope` as it is before the instruction takes effect. */
  instruction(ins: Instruction, stage: Stage, scope: VariableScope): void;
}

/** The declarations of each ARG and ENV instruction, made once per file and shared. */
export class Declarations {
  private readonly made = new Map<Instruction, readonly VariableDeclaration[]>();
  /** The last global ARG of each name: what a FROM line and an inheriting stage ARG read. */
  readonly globals = new Map<string, VariableDeclaration>();

  constructor(globalArgs: readonly Instruction[]) {
    for (const ins of globalArgs)
      for (const decl of this.of(ins, undefined)) this.globals.set(decl.name, decl);
  }

  of(ins: Instruction, stage: Stage | undefined): readonly VariableDeclaration[] {
    let list = this.made.get(ins);
    if (!list) {
      const kind = ins.name === 'ENV' ? 'ENV' : 'ARG';
      list = ins.pairs.map((pair) => ({
        name: pair.key,
        kind,
        instruction: ins,
        pair,
        stage,
        inherits:
          stage !== undefined && kind === 'ARG' && pair.value === undefined
            ? this.globals.get(pair.key)
            : undefined,
      }));
      this.made.set(ins, list);
    }
    return list;
  }
}

/**
 * Visits every stage after the stage it is built on, and each instruction with the declarations
 * visible before it. One scope for the whole walk, rolled back as it leaves a stage, so a chain of
 * a thousand `FROM previous` stages stays linear.
 */
export function walkScopes(
  stages: readonly Stage[],
  declarations: Declarations,
  visitor: ScopeVisitor,
): void {
  const scope = new VariableScope();
  withInherited(stages, scope, (stage) => {
    visitor.stage?.(stage);
    for (const ins of stage.instructions) {
      visitor.instruction(ins, stage, scope);
      if (ins.name === 'ARG' || ins.name === 'ENV')
        for (const decl of declarations.of(ins, stage)) scope.declare(decl);
    }
  });
}

const contexts: Readonly<Record<string, UseContext>> = {
  RUN: 'shell',
  CMD: 'runtime',
  ENTRYPOINT: 'runtime',
  HEALTHCHECK: 'runtime',
  ADD: 'build',
  COPY: 'build',
  ENV: 'build',
  ARG: 'build',
  EXPOSE: 'build',
  LABEL: 'build',
  STOPSIGNAL: 'build',
  USER: 'build',
  VOLUME: 'build',
  WORKDIR: 'build',
};

/**
 * Who expands the `$VAR`s in an instruction's arguments, or undefined when nobody does (SHELL,
 * MAINTAINER, ONBUILD, whose instruction runs in another build). Flags are always BuildKit's.
 */
export function useContextOf(ins: Instruction): UseContext | undefined {
  return ins.name === 'FROM' ? 'from' : contexts[ins.name];
}
