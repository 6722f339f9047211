// What a Dockerfile means beyond its syntax, with Docker's scoping: its stages and what refers to
// them, the ARG and ENV declarations and which one each `$VAR` reads, and the directory each
// instruction runs in. The lint, completion, definition, rename and inlay hints all read it.
import type { Dockerfile, Instruction } from '../parser';
import { findStageReferences, type StageReference } from './stageReferences';
import { StageTable, type Stage } from './stages';
import { Declarations, walkScopes, type ScopeVisitor } from './variables';
import { Workdirs } from './workdirs';

export { platformArgs, predefinedVariable, predefinedVariables, type PredefinedVariable } from './predefined';
export type { StageReference } from './stageReferences';
export type { Stage } from './stages';
export type { ScopeVisitor, UseContext, VariableDeclaration, VariableScope } from './variables';

export class DockerfileSemantics {
  private readonly table: StageTable;
  private workdirTable: Workdirs | undefined;
  private declarationTable: Declarations | undefined;
  private stageRefs: StageReference[] | undefined;

  constructor(readonly file: Dockerfile) {
    this.table = new StageTable(file);
  }

  get stages(): readonly Stage[] {
    return this.table.stages;
  }

  /** ARGs before the first FROM. */
  get globalArgs(): readonly Instruction[] {
    return this.table.globalArgs;
  }

  /** A stage by index or name, as `FROM x` and `COPY --from=x` resolve them. */
  stageNamed(ref: string): Stage | undefined {
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
    walkScopes(this.table.stages, this.declarations, visitor);
  }

  /** Where each instruction runs, worked out when first asked for. */
  get workdirs(): Workdirs {
    return (this.workdirTable ??= new Workdirs(this.table.stages));
  }
}

const known = new WeakMap<Dockerfile, DockerfileSemantics>();

/** The one analysis of a parsed file: the lint and every language feature share it. */
export function semanticsOf(file: Dockerfile): DockerfileSemantics {
  let semantics = known.get(file);
  if (!semantics) known.set(file, (semantics = new DockerfileSemantics(file)));
  return semantics;
}
