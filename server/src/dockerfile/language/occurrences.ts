// What the cursor is on when the user asks for a definition, the references, highlights or a
// rename: a stage, an ARG or ENV variable, or a heredoc delimiter, and every place that names the
// same thing (by Docker's scoping, from the semantics module).
import type { Position, Range } from 'vscode-languageserver/node';
import type { Heredoc, Instruction } from '../parser';
import type { BuildStage, StageReference, VariableDeclaration, VariableUse } from '../semantics';
import { contains, type DockerfileDocument } from './document';

export interface Occurrence {
  range: Range;
  /** Where the thing is declared (FROM … AS name, the ARG or ENV key, the heredoc's opener). */
  declaration: boolean;
}

export type Target =
  | { kind: 'stage'; stage: BuildStage; range: Range }
  /** `--from=0`: a stage named by its index. */
  | { kind: 'stage-index'; stage: BuildStage | undefined; range: Range; text: string }
  | { kind: 'variable'; declaration: VariableDeclaration; range: Range }
  /** A `$VAR` no ARG or ENV of this file declares: predefined, or from the base image. */
  | { kind: 'unknown-variable'; use: VariableUse; range: Range }
  | {
      kind: 'heredoc';
      ins: Instruction;
      heredoc: Heredoc;
      opener: Range;
      terminator: Range | undefined;
      range: Range;
    };

function stageReferenceAt(refs: readonly StageReference[], pos: Position): StageReference | undefined {
  return refs.find((r) => r.range !== undefined && contains(r.range, pos));
}

export function targetAt(doc: DockerfileDocument, pos: Position): Target | undefined {
  const semantics = doc.semantics;
  for (const stage of semantics.stages) {
    if (stage.nameRange && contains(stage.nameRange, pos))
      return { kind: 'stage', stage, range: stage.nameRange };
  }
  const ref = stageReferenceAt(semantics.stageReferences, pos);
  if (ref?.range) {
    if (/^\d+$/.test(ref.text))
      return { kind: 'stage-index', stage: ref.target, range: ref.range, text: ref.text };
    if (ref.target) return { kind: 'stage', stage: ref.target, range: ref.range };
  }
  const variables = semantics.variables;
  const decl = variables.declarations.find((d) => contains(d.pair.keyRange, pos));
  if (decl) return { kind: 'variable', declaration: decl, range: decl.pair.keyRange };
  const use = variables.uses.find((u) => contains(u.nameRange, pos));
  if (use) {
    return use.declaration
      ? { kind: 'variable', declaration: use.declaration, range: use.nameRange }
      : { kind: 'unknown-variable', use, range: use.nameRange };
  }
  return heredocAt(doc, pos);
}

/** Where each heredoc's delimiter is written in its opener (`<<EOF`, `<<-"EOF"`). */
export function heredocOpeners(doc: DockerfileDocument, ins: Instruction): Range[] {
  const ranges: Range[] = [];
  let line = ins.range.start.line;
  let from = 0;
  const target = ins.sub ?? ins;
  for (const heredoc of target.heredocs) {
    const pattern = new RegExp(
      `\\d*<<-?(["']?)(${heredoc.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})\\1`,
      'g',
    );
    for (; line <= ins.range.end.line; line++, from = 0) {
      pattern.lastIndex = from;
      const match = pattern.exec(doc.line(line));
      if (!match) continue;
      const start = match.index + match[0].indexOf(heredoc.name, match[0].indexOf('<<'));
      ranges.push({
        start: { line, character: start },
        end: { line, character: start + heredoc.name.length },
      });
      from = start + heredoc.name.length;
      break;
    }
  }
  return ranges;
}

/** The terminator line of a heredoc, when it has one. */
function terminatorOf(doc: DockerfileDocument, heredoc: Heredoc): Range | undefined {
  const line = heredoc.range.end.line;
  const text = doc.line(line);
  const start = heredoc.chomp ? text.length - text.replace(/^\t+/, '').length : 0;
  if (text.slice(start) !== heredoc.name) return undefined;
  return { start: { line, character: start }, end: { line, character: start + heredoc.name.length } };
}

function heredocAt(doc: DockerfileDocument, pos: Position): Target | undefined {
  const ins = doc.instructionAt(pos.line);
  const heredocs = (ins?.sub ?? ins)?.heredocs ?? [];
  if (!ins || heredocs.length === 0) return undefined;
  const openers = heredocOpeners(doc, ins);
  for (let i = 0; i < heredocs.length; i++) {
    const opener = openers[i];
    if (!opener) continue;
    const terminator = terminatorOf(doc, heredocs[i]);
    const at = contains(opener, pos)
      ? opener
      : terminator && contains(terminator, pos)
        ? terminator
        : undefined;
    if (at) return { kind: 'heredoc', ins, heredoc: heredocs[i], opener, terminator, range: at };
  }
  return undefined;
}

/** Every place that names the target, its declaration first. */
export function occurrencesOf(doc: DockerfileDocument, target: Target): Occurrence[] {
  switch (target.kind) {
    case 'stage': {
      const { stage } = target;
      const list: Occurrence[] = stage.nameRange ? [{ range: stage.nameRange, declaration: true }] : [];
      for (const ref of doc.semantics.stageReferences) {
        if (ref.target === stage && ref.range && !/^\d+$/.test(ref.text))
          list.push({ range: ref.range, declaration: false });
      }
      return list;
    }
    case 'variable': {
      const related = doc.semantics.variables.related(target.declaration);
      return [
        ...related.declarations.map((d) => ({ range: d.pair.keyRange, declaration: true })),
        ...related.uses.map((u) => ({ range: u.nameRange, declaration: false })),
      ];
    }
    case 'heredoc':
      return [
        { range: target.opener, declaration: true },
        ...(target.terminator ? [{ range: target.terminator, declaration: false }] : []),
      ];
    case 'stage-index':
      return target.stage
        ? occurrencesOf(doc, { kind: 'stage', stage: target.stage, range: target.range })
        : [];
    case 'unknown-variable': {
      // The same undeclared name read in the same way: useful to highlight, never renamed.
      const { use } = target;
      return doc.semantics.variables.uses
        .filter((u) => u.name === use.name && !u.declaration && u.stage === use.stage)
        .map((u) => ({ range: u.nameRange, declaration: false }));
    }
  }
}
