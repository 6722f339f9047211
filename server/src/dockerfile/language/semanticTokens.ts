// textDocument/semanticTokens/full: what the TextMate grammar cannot know. Variables (declared
// in ARG or ENV, read, or provided by BuildKit), stage names (declared with AS, or named by FROM,
// `--from=` and `from=`), and flags.
import {
  SemanticTokensBuilder,
  type Range,
  type SemanticTokens,
  type SemanticTokensLegend,
} from 'vscode-languageserver/node';
import type { Instruction } from '../parser';
import type { DockerfileDocument } from './document';

export const tokenLegend: SemanticTokensLegend = {
  tokenTypes: ['variable', 'namespace', 'parameter'],
  tokenModifiers: ['declaration', 'defaultLibrary'],
};

const variable = 0;
const namespace = 1;
const parameter = 2;
const declaration = 1;
const defaultLibrary = 2;

interface Token {
  line: number;
  character: number;
  length: number;
  type: number;
  modifiers: number;
}

function token(range: Range, type: number, modifiers = 0): Token | undefined {
  const { start, end } = range;
  // Tokens on one line only: most clients take no multi-line tokens.
  if (start.line !== end.line || end.character <= start.character) return undefined;
  return {
    line: start.line,
    character: start.character,
    length: end.character - start.character,
    type,
    modifiers,
  };
}

function flagTokens(ins: Instruction, into: Array<Token | undefined>): void {
  for (const flag of ins.flags) {
    const { start } = flag.range;
    const name = { start, end: { line: start.line, character: start.character + flag.name.length + 2 } };
    if (flag.range.end.line === start.line) into.push(token(name, parameter));
  }
  if (ins.sub) flagTokens(ins.sub, into);
}

export function semanticTokens(doc: DockerfileDocument): SemanticTokens {
  const { semantics } = doc;
  const found: Array<Token | undefined> = [];
  for (const decl of semantics.variables.declarations)
    found.push(token(decl.pair.keyRange, variable, declaration));
  for (const use of semantics.variables.uses)
    found.push(token(use.nameRange, variable, use.predefined ? defaultLibrary : 0));
  for (const stage of semantics.stages)
    if (stage.nameRange) found.push(token(stage.nameRange, namespace, declaration));
  for (const ref of semantics.stageReferences)
    if (ref.range && ref.target) found.push(token(ref.range, namespace));
  for (const ins of doc.file.instructions) flagTokens(ins, found);
  const tokens = found.filter((t): t is Token => t !== undefined);
  tokens.sort((a, b) => a.line - b.line || a.character - b.character);
  const builder = new SemanticTokensBuilder();
  let last: Token | undefined;
  for (const t of tokens) {
    // Overlapping tokens are not allowed: keep the first of any that start inside another.
    if (last && last.line === t.line && t.character < last.character + last.length) continue;
    builder.push(t.line, t.character, t.length, t.type, t.modifiers);
    last = t;
  }
  return builder.build();
}
