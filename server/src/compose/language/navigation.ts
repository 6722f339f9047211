// Definition, references and rename for service, network and volume names, across the files of
// one project.
import {
  ResponseError,
  type Location,
  type Position,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { containsPosition } from '../parse/lines';
import type { ComposeFile, SymbolRef } from '../parse/model';

export interface Project {
  file: ComposeFile;
  siblings: readonly ComposeFile[];
}

export function symbolAt(file: ComposeFile, pos: Position): SymbolRef | undefined {
  return file.symbols.find((s) => containsPosition(s.range, pos));
}

function same(a: SymbolRef, b: SymbolRef): boolean {
  return a.kind === b.kind && a.name === b.name;
}

function occurrences(project: Project, target: SymbolRef): Array<{ file: ComposeFile; ref: SymbolRef }> {
  return [project.file, ...project.siblings].flatMap((file) =>
    file.symbols.filter((s) => same(s, target)).map((ref) => ({ file, ref })),
  );
}

export function definition(project: Project, pos: Position): Location[] {
  const target = symbolAt(project.file, pos);
  if (!target) return [];
  return occurrences(project, target)
    .filter((o) => o.ref.declaration)
    .map((o) => ({ uri: o.file.uri, range: o.ref.range }));
}

export function references(project: Project, pos: Position, includeDeclaration: boolean): Location[] {
  const target = symbolAt(project.file, pos);
  if (!target) return [];
  return occurrences(project, target)
    .filter((o) => includeDeclaration || !o.ref.declaration)
    .map((o) => ({ uri: o.file.uri, range: o.ref.range }));
}

const validName = /^[a-zA-Z0-9._-]+$/;

export function prepareRename(project: Project, pos: Position): { range: Range; placeholder: string } | null {
  const target = symbolAt(project.file, pos);
  if (!target) return null;
  if (!occurrences(project, target).some((o) => o.ref.declaration))
    throw new ResponseError(
      0,
      `\`${target.name}\` is not declared in this project, so there is nothing to rename.`,
    );
  return { range: target.range, placeholder: target.name };
}

export function rename(project: Project, pos: Position, newName: string): WorkspaceEdit | null {
  const target = symbolAt(project.file, pos);
  if (!target) return null;
  if (!validName.test(newName))
    throw new ResponseError(
      0,
      `"${newName}" is not a valid ${target.kind} name: use letters, digits, ".", "_" and "-".`,
    );
  const changes: WorkspaceEdit['changes'] = {};
  for (const { file, ref } of occurrences(project, target)) {
    const written = file.source.slice(file.lines.offset(ref.range.start), file.lines.offset(ref.range.end));
    const quote = written.length === ref.name.length + 2 ? written[0] : '';
    if (written !== ref.name && !(quote && /["']/.test(quote) && written === `${quote}${ref.name}${quote}`))
      throw new ResponseError(
        0,
        `\`${ref.name}\` at line ${ref.range.start.line + 1} of ${file.uri} is written in a form Berth cannot edit safely; nothing was renamed.`,
      );
    (changes[file.uri] ??= []).push({ range: ref.range, newText: `${quote}${newName}${quote}` });
  }
  return { changes };
}
