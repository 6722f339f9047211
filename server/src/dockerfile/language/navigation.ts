// textDocument/definition, references and documentHighlight for stages, ARG and ENV variables
// and heredoc delimiters.
import {
  DocumentHighlightKind,
  type DocumentHighlight,
  type Location,
  type Position,
} from 'vscode-languageserver/node';
import type { DockerfileDocument } from './document';
import { occurrencesOf, targetAt } from './occurrences';

/**
 * Where the thing under the cursor is declared: a stage's `AS name` (or its FROM when unnamed);
 * the ARG or ENV a `$VAR` reads, and for a stage `ARG NAME` also the global ARG it takes its
 * default from; a heredoc's opener. Nothing for a variable this file does not declare.
 */
export function definition(doc: DockerfileDocument, pos: Position): Location[] {
  const target = targetAt(doc, pos);
  if (!target) return [];
  const at = (range: Location['range']): Location => ({ uri: doc.uri, range });
  switch (target.kind) {
    case 'stage':
    case 'stage-index': {
      const stage = target.stage;
      return stage ? [at(stage.nameRange ?? stage.from.keywordRange)] : [];
    }
    case 'variable': {
      const decl = target.declaration;
      return decl.inherits
        ? [at(decl.pair.keyRange), at(decl.inherits.pair.keyRange)]
        : [at(decl.pair.keyRange)];
    }
    case 'heredoc':
      return [at(target.opener)];
    case 'unknown-variable':
      return [];
  }
}

export function references(doc: DockerfileDocument, pos: Position, includeDeclaration: boolean): Location[] {
  const target = targetAt(doc, pos);
  if (!target) return [];
  return occurrencesOf(doc, target)
    .filter((o) => includeDeclaration || !o.declaration)
    .map((o) => ({ uri: doc.uri, range: o.range }));
}

export function highlights(doc: DockerfileDocument, pos: Position): DocumentHighlight[] {
  const target = targetAt(doc, pos);
  if (!target) return [];
  return occurrencesOf(doc, target).map((o) => ({
    range: o.range,
    kind: o.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
