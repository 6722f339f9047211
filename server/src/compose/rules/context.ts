// What a Compose rule reads: the file, the other files of its project, the files beside it on
// disk (when there is a disk) and what the engine has (when one is connected).
import * as path from 'node:path';
import type { EngineFacts } from '../../../../common/compose';
import type { ComposeFile, ResourceDecl, ServiceDecl } from '../parse/model';
import { engineName } from '../project';
import type { RuleMeta } from '../../../../common/rules';
import type { ComposeReport } from './types';

/** Reads the disk around the file; absent for untitled documents. */
export interface HostFiles {
  exists(file: string): boolean;
  readText(file: string): string | undefined;
}

export interface ComposeRule extends RuleMeta {
  /** Reads the engine facts the client sent; the CLI never runs it. */
  live?: true;
  check(ctx: ComposeContext): void;
}

export class ComposeContext {
  readonly reports: Array<{ rule: ComposeRule; report: ComposeReport }> = [];
  private rule: ComposeRule | undefined;
  private readonly memos = new Map<string, unknown>();

  constructor(
    readonly file: ComposeFile,
    /** The other Compose files of the project (same folder, and `include`d ones). */
    readonly siblings: readonly ComposeFile[],
    readonly projectName: string,
    readonly facts: EngineFacts | undefined,
    readonly host: HostFiles | undefined,
  ) {}

  /** The folder relative paths in the file start from. */
  get dir(): string | undefined {
    return this.file.path ? path.dirname(this.file.path) : undefined;
  }

  get allFiles(): readonly ComposeFile[] {
    return [this.file, ...this.siblings];
  }

  get allServices(): ServiceDecl[] {
    return this.allFiles.flatMap((f) => f.services);
  }

  /** Names declared under the top-level key in any file of the project. */
  declared(kind: 'network' | 'volume'): Set<string> {
    return new Set(
      this.allFiles.flatMap((f) => (kind === 'network' ? f.networks : f.volumes).map((d) => d.name)),
    );
  }

  /** The name Compose gives the engine object, or undefined when it depends on interpolation. */
  engineName(decl: ResourceDecl): string | undefined {
    return engineName(decl, this.projectName);
  }

  /** Work several rules share (the schema check, parsed Dockerfiles), done once per lint. */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  run(rule: ComposeRule): void {
    this.rule = rule;
    rule.check(this);
    this.rule = undefined;
  }

  report(report: ComposeReport): void {
    if (this.rule) this.reports.push({ rule: this.rule, report });
  }
}
