// Every `$VAR` of a file with the declaration it reads and, when the defaults tell it, its value:
// what definition, references, rename, semantic tokens and inlay hints ask about variables.
import type { Flag, Heredoc, Instruction, Range } from '../parser';
import { evaluateWord, type Lookup } from './evaluate';
import { predefinedVariable, type PredefinedVariable } from './predefined';
import type { Stage } from './stages';
import { varRefs } from './varRefs';
import {
  useContextOf,
  type Declarations,
  type UseContext,
  type VariableDeclaration,
  type VariableScope,
} from './variables';

export interface VariableUse {
  readonly name: string;
  readonly instruction: Instruction;
  /** Undefined in the value of a global ARG. */
  readonly stage: Stage | undefined;
  readonly context: UseContext;
  /** `$NAME` or the whole `${NAME…}`. */
  readonly range: Range;
  readonly nameRange: Range;
  /** The reference as written, e.g. `${NAME:-x}`. */
  readonly text: string;
  readonly declaration: VariableDeclaration | undefined;
  /** What BuildKit or Docker provides when no declaration is read. */
  readonly predefined: PredefinedVariable | undefined;
  /** What it expands to there, when the ARG and ENV defaults tell it. */
  readonly value: string | undefined;
}

/** Text that holds `$VAR`s and the way back from its offsets to the source. */
interface Source {
  text: string;
  locate(start: number, end: number): Range | undefined;
}

/** A flag's value, when the flag is written on one line without quotes or escapes. */
function flagSource(flag: Flag): Source | undefined {
  const value = flag.value;
  if (value === undefined || !value.includes('$')) return undefined;
  const { start, end } = flag.range;
  const prefix = flag.name.length + 3;
  if (start.line !== end.line || end.character - start.character !== prefix + value.length) return undefined;
  return {
    text: value,
    locate: (s, e) => ({
      start: { line: start.line, character: start.character + prefix + s },
      end: { line: start.line, character: start.character + prefix + e },
    }),
  };
}

function heredocSource(doc: Heredoc): Source {
  const text = doc.content;
  const firstLine = doc.range.start.line;
  const at = (offset: number): { line: number; character: number } => {
    let line = firstLine;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { line, character: offset - lineStart };
  };
  return { text, locate: (s, e) => ({ start: at(s), end: at(e) }) };
}

/** Where the name sits inside a reference that starts at `start` (`$NAME` or `${NAME…`). */
function nameOffset(text: string, start: number): number {
  return text[start + 1] === '{' ? start + 2 : start + 1;
}

export class VariableIndex {
  readonly declarations: VariableDeclaration[] = [];
  readonly uses: VariableUse[] = [];
  private readonly values = new Map<VariableDeclaration, string | undefined>();

  constructor(
    globalArgs: readonly Instruction[],
    declarations: Declarations,
    walk: (visitor: {
      stage(stage: Stage): void;
      instruction(ins: Instruction, stage: Stage, scope: VariableScope): void;
    }) => void,
    private readonly escape: string,
  ) {
    // Global ARGs: each value sees the global ARGs above it.
    const globals = new Map<string, VariableDeclaration>();
    const fromGlobals: Lookup = (name) => {
      const decl = globals.get(name);
      return decl ? this.values.get(decl) : undefined;
    };
    for (const ins of globalArgs) {
      this.collect(ins, undefined, 'from', (name) => globals.get(name));
      for (const decl of declarations.of(ins, undefined)) {
        this.declare(decl, fromGlobals);
        globals.set(decl.name, decl);
      }
    }
    const lastGlobal = declarations.globals;
    walk({
      stage: (stage) => {
        if (stage.from) this.collect(stage.from, stage, 'from', (name) => lastGlobal.get(name));
      },
      instruction: (ins, stage, scope) => {
        const context = useContextOf(ins);
        const lookup: Lookup = (name) => {
          const decl = scope.resolve(name, 'build');
          return decl ? this.values.get(decl) : undefined;
        };
        if (context !== undefined || ins.flags.length > 0)
          this.collect(ins, stage, context, (name, ctx) => scope.resolve(name, ctx));
        if (ins.name === 'ARG' || ins.name === 'ENV')
          for (const decl of declarations.of(ins, stage)) this.declare(decl, lookup);
      },
    });
    const byPosition = (a: Range, b: Range): number =>
      a.start.line - b.start.line || a.start.character - b.start.character;
    this.declarations.sort((a, b) => byPosition(a.pair.keyRange, b.pair.keyRange));
    this.uses.sort((a, b) => byPosition(a.range, b.range));
  }

  /** The value a declaration gives, when its default (and what that reads) is known. */
  valueOf(decl: VariableDeclaration): string | undefined {
    return this.values.get(decl);
  }

  /**
   * The declarations and uses that name one variable: `decl`, the global ARG it takes its default
   * from or the stage ARGs that take theirs from it, and every use that reads one of them. Rename
   * changes them together, so that no use ends up reading another declaration.
   */
  related(decl: VariableDeclaration): { declarations: VariableDeclaration[]; uses: VariableUse[] } {
    const root = decl.inherits ?? decl;
    const group = new Set<VariableDeclaration>([root, decl]);
    if (root.stage === undefined) for (const d of this.declarations) if (d.inherits === root) group.add(d);
    return {
      declarations: this.declarations.filter((d) => group.has(d)),
      uses: this.uses.filter((u) => u.declaration !== undefined && group.has(u.declaration)),
    };
  }

  private declare(decl: VariableDeclaration, lookup: Lookup): void {
    this.declarations.push(decl);
    const raw = decl.pair.value;
    const value =
      raw === undefined
        ? decl.inherits && this.values.get(decl.inherits)
        : evaluateWord(raw, lookup, this.escape);
    this.values.set(decl, value);
  }

  /** The uses in an instruction's arguments, flags and heredocs. */
  private collect(
    ins: Instruction,
    stage: Stage | undefined,
    context: UseContext | undefined,
    resolve: (name: string, context: UseContext) => VariableDeclaration | undefined,
  ): void {
    const add = (source: Source, ctx: UseContext): void => {
      if (!source.text.includes('$')) return;
      for (const ref of varRefs(source.text)) {
        const range = source.locate(ref.start, ref.end);
        const at = nameOffset(source.text, ref.start);
        const nameRange = source.locate(at, at + ref.name.length);
        if (!range || !nameRange) continue;
        const declaration = resolve(ref.name, ctx);
        const text = source.text.slice(ref.start, ref.end);
        const valueLookup: Lookup = (name) => {
          const d = resolve(name, ctx);
          return d ? this.values.get(d) : undefined;
        };
        this.uses.push({
          name: ref.name,
          instruction: ins,
          stage,
          context: ctx,
          range,
          nameRange,
          text,
          declaration,
          predefined: declaration ? undefined : visiblePredefined(ref.name, ctx),
          value: declaration || ref.guarded ? evaluateWord(text, valueLookup, this.escape) : undefined,
        });
      }
    };
    if (context !== undefined) add({ text: ins.argsText, locate: (s, e) => ins.locate(s, e) }, context);
    for (const flag of ins.flags) {
      const source = flagSource(flag);
      if (source) add(source, context === 'from' ? 'from' : 'build');
    }
    for (const doc of ins.heredocs) {
      if (ins.name === 'RUN') add(heredocSource(doc), 'shell');
      else if (doc.expand && (ins.name === 'COPY' || ins.name === 'ADD')) add(heredocSource(doc), 'build');
    }
  }
}

/** What Docker provides for an undeclared name in this context, if anything. */
function visiblePredefined(name: string, context: UseContext): PredefinedVariable | undefined {
  const predefined = predefinedVariable(name);
  if (!predefined) return undefined;
  switch (predefined.kind) {
    case 'platform':
      return context === 'from' ? predefined : undefined;
    case 'proxy':
      return context === 'shell' ? predefined : undefined;
    case 'environment':
      return context === 'from' ? undefined : predefined;
    default:
      return undefined;
  }
}
