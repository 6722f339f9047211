// Where the cursor is, as completion needs to know it: on a keyword, in a comment, in a heredoc
// body, or in an instruction's flags or arguments (continuation lines joined, as BuildKit reads).
import type { Position, Range } from 'vscode-languageserver/node';
import type { Instruction } from '../../parser';
import type { DockerfileDocument } from '../document';

export type CursorContext =
  | {
      kind: 'keyword';
      /** What the chosen keyword replaces. */
      range: Range;
      /** After ONBUILD: FROM, ONBUILD and MAINTAINER cannot follow. */
      inOnbuild: boolean;
    }
  | { kind: 'comment'; prefix: string }
  | { kind: 'heredoc'; ins: Instruction; prefix: string }
  | {
      kind: 'arguments';
      /** The instruction (for ONBUILD, the one it wraps). */
      ins: Instruction;
      /** The word the cursor ends (may be empty) and where it starts on the cursor's line. */
      word: string;
      wordStart: Position;
      /** The whole words before it, flags included. */
      words: string[];
      /** Only flags come before the word: it may be a flag too. */
      inFlags: boolean;
      /** How many arguments (not flags) come before the word. */
      argIndex: number;
    }
  | { kind: 'none' };

function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t';
}

/** The line without a trailing escape (and the blanks after it). */
function withoutEscape(text: string, escape: string): string {
  const trimmed = text.replace(/[ \t]+$/, '');
  return trimmed.endsWith(escape) ? trimmed.slice(0, -1) : text;
}

/** The nearest line above `line` with something on it other than a comment. */
function contentAbove(doc: DockerfileDocument, line: number): number {
  for (let l = line - 1; l >= 0; l--) {
    const text = doc.line(l).trim();
    if (text !== '' && !text.startsWith('#')) return l;
  }
  return -1;
}

export function cursorContext(doc: DockerfileDocument, pos: Position): CursorContext {
  const lineText = doc.line(pos.line);
  const prefix = lineText.slice(0, pos.character);
  const escape = doc.file.escapeToken;
  let ins = doc.instructionAt(pos.line);
  if (ins && pos.line > ins.range.end.line) return { kind: 'heredoc', ins, prefix };
  if (prefix.trimStart().startsWith('#')) return { kind: 'comment', prefix };
  if (!ins) {
    // A blank line being typed on may still continue the instruction above it.
    const above = contentAbove(doc, pos.line);
    const before = above >= 0 ? doc.instructionAt(above) : undefined;
    if (
      before &&
      withoutEscape(doc.line(above), escape) !== doc.line(above) &&
      above === before.range.end.line
    )
      ins = before;
  }
  if (!ins) {
    const word = /[A-Za-z]*$/.exec(prefix)?.[0] ?? '';
    if (prefix.slice(0, prefix.length - word.length).trim() !== '') return { kind: 'none' };
    return {
      kind: 'keyword',
      range: { start: { line: pos.line, character: pos.character - word.length }, end: pos },
      inOnbuild: false,
    };
  }
  const keyword = ins.keywordRange;
  if (pos.line === keyword.start.line && pos.character <= keyword.end.character) {
    if (pos.character < keyword.start.character) return { kind: 'none' };
    return { kind: 'keyword', range: keyword, inOnbuild: false };
  }
  let target = ins;
  if (ins.name === 'ONBUILD') {
    const sub = ins.sub;
    if (
      !sub ||
      (pos.line === sub.keywordRange.start.line && pos.character <= sub.keywordRange.end.character)
    ) {
      const range = sub?.keywordRange ?? { start: pos, end: pos };
      return { kind: 'keyword', range, inOnbuild: true };
    }
    target = sub;
  }
  return argumentsContext(doc, target, pos, escape);
}

function argumentsContext(
  doc: DockerfileDocument,
  ins: Instruction,
  pos: Position,
  escape: string,
): CursorContext {
  const start = ins.keywordRange.end;
  let before = '';
  for (let l = start.line; l <= pos.line; l++) {
    let text = doc.line(l);
    if (l === pos.line) text = text.slice(0, pos.character);
    if (l === start.line) text = text.slice(start.character);
    else if (text.trimStart().startsWith('#')) continue;
    before += l < pos.line ? withoutEscape(text, escape) : text;
  }
  let cut = before.length;
  while (cut > 0 && !isBlank(before[cut - 1])) cut--;
  const word = before.slice(cut);
  const words = before
    .slice(0, cut)
    .split(/[ \t]+/)
    .filter(Boolean);
  const firstArg = words.findIndex((w) => !w.startsWith('--'));
  const inFlags = firstArg < 0;
  return {
    kind: 'arguments',
    ins,
    word,
    wordStart: { line: pos.line, character: Math.max(0, pos.character - word.length) },
    words,
    inFlags,
    argIndex: inFlags ? 0 : words.length - firstArg,
  };
}
