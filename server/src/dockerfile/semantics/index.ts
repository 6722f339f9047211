// What a Dockerfile means beyond its syntax, with Docker's scoping: its stages and what refers to
// them, the ARG and ENV declarations and which one each `$VAR` reads, and the directory each
// instruction runs in. The lint, completion, definition, rename and inlay hints all read it.
import type { Dockerfile, Instruction } from '../parser';
import { findStageReferences, type StageReference } from './stageReferences';
import { StageTable, type BuildStage, type Stage } from './stages';
import { VariableIndex } from './variableIndex';
import { Declarations, walkScopes, type ScopeVisitor, type VariableDeclaration } from './variables';
import { Workdirs } from './workdirs';

export { platformArgs, predefinedVariable, predefinedVariables, type PredefinedVariable } from './predefined';
export type { StageReference } from './stageReferences';
export type { BuildStage, Stage } from './stages';
export type { VariableIndex, VariableUse } from './variableIndex';
export { useContextOf } from './variables';
export type { ScopeVisitor, UseContext, VariableDeclaration, VariableScope } from './variables';

export class DockerfileSemantics {
  private readonly table: StageTable;
  private workdirTable: Workdirs | undefined;
  private declarationTable: Declarations | undefined;
  private stageRefs: StageReference[] | undefined;
  private variableIndex: VariableIndex | undefined;

  constructor(readonly file: Dockerfile) {
    this.table = new StageTable(file);
  }

  /** The stages a FROM starts. */
  get stages(): readonly BuildStage[] {
    return this.table.stages;
  }

  /** The instructions before any FROM (see StageTable.headless). */
  get headless(): Stage | undefined {
    return this.table.headless;
  }

  /** The headless stage (when there is one) and then every stage. */
  get allStages(): readonly Stage[] {
    return this.table.allStages;
  }

  /** The RUNs ONBUILD registers (see StageTable.triggers). */
  get triggers(): Stage | undefined {
    return this.table.triggers;
  }

  /** Every instruction of every stage, headless ones first, paired with its stage, in order. */
  get stageInstructions(): ReadonlyArray<readonly [Instruction, Stage]> {
    return this.table.stageInstructions;
  }

  /** stageInstructions with the ONBUILD triggers merged in at their place in the file. */
  withTriggers(): ReadonlyArray<readonly [Instruction, Stage]> {
    return this.table.withTriggers();
  }

  /** ARGs before the first FROM, in a file that has one. */
  get globalArgs(): readonly Instruction[] {
    return this.table.globalArgs;
  }

  /** A stage by index or name, as `FROM x` and `COPY --from=x` resolve them. */
  stageNamed(ref: string): BuildStage | undefined {
    return this.table.stageNamed(ref);
  }

  /** Every place that names a stage, in file order. */
  get stageReferences(): readonly StageReference[] {
    return (this.stageRefs ??= findStageReferences(this.table));
  }

  /** The ARG and ENV declarations, made when first asked for. */
  get declarations(): Declarations {
    return (this.declarationTable ??= new Declarations(this.table.globalArgs));
  }

  /** Walks the stages with the ARG and ENV declarations each instruction sees (see walkScopes). */
  walkScopes(visitor: ScopeVisitor): void {
    walkScopes(this.table.allStages, this.declarations, visitor);
  }

  /** Every `$VAR` with the declaration it reads, made when first asked for. */
  get variables(): VariableIndex {
    return (this.variableIndex ??= new VariableIndex(
      this.table.globalArgs,
      this.declarations,
      (visitor) => this.walkScopes(visitor),
      this.file.escapeToken,
    ));
  }

  /**
   * The ARG and ENV declarations a stage instruction sees, by name (ENV over ARG); for an
   * instruction outside any stage, the global ARGs.
   */
  visibleBefore(target: Instruction): Map<string, VariableDeclaration> {
    const visible = new Map<string, VariableDeclaration>();
    let found = false;
    this.walkScopes({
      instruction(ins, _stage, scope) {
        if (ins !== target || found) return;
        found = true;
        for (const name of scope.names()) {
          const decl = scope.resolve(name, 'build');
          if (decl) visible.set(name, decl);
        }
      },
    });
    if (!found) for (const [name, decl] of this.declarations.globals) visible.set(name, decl);
    return visible;
  }

  /** Where each instruction runs, worked out when first asked for. */
  get workdirs(): Workdirs {
    return (this.workdirTable ??= new Workdirs(this.table.allStages));
  }
}

const known = new WeakMap<Dockerfile, DockerfileSemantics>();

/** The one analysis of a parsed file: the lint and every language feature share it. */
export function semanticsOf(file: Dockerfile): DockerfileSemantics {
  let semantics = known.get(file);
  if (!semantics) known.set(file, (semantics = new DockerfileSemantics(file)));
  return semantics;
}
