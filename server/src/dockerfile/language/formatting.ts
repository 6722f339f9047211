// textDocument/formatting, rangeFormatting and onTypeFormatting. Keywords in upper case (and `AS`
// with them), one space after a keyword, continuation lines indented one step, no indentation
// before an instruction or a comment, no trailing white space. Heredoc bodies are never touched.
//
// Formatting never changes what BuildKit builds. A continuation line joins the line above it as
// written, its indentation included, so a continuation line is re-indented only where white space
// already separates it from the line above, outside quotes: the words stay the same words.
import type { FormattingOptions, Position, Range, TextEdit } from 'vscode-languageserver/node';
import { knownInstructions, type Instruction } from '../parser';
import type { DockerfileDocument } from './document';

/** The part of a continuation line that joins the text: without the escape and what follows it. */
interface Piece {
  line: number;
  /** Where the content starts after the indentation. */
  start: number;
  /** Where the joined part ends (before a trailing escape). */
  end: number;
}

function indentUnit(options: FormattingOptions): string {
  return options.insertSpaces ? ' '.repeat(Math.max(1, options.tabSize)) : '\t';
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

function leading(text: string, from = 0): number {
  let i = from;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  return i;
}

function trailing(text: string): number {
  let i = text.length;
  while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
  return i;
}

function replace(line: number, from: number, to: number, newText: string): TextEdit {
  return { range: { start: { line, character: from }, end: { line, character: to } }, newText };
}

/**
 * Follows quotes across the pieces of one instruction: after each piece, whether its end lies
 * inside quotes. Shell, JSON and BuildKit's word splitting all quote with `'` or `"` and escape
 * with a backslash (or the file's escape character); an apostrophe in a word makes the rest count
 * as quoted, which only ever leaves more lines as they are.
 */
class QuoteTracker {
  private quote = '';

  constructor(private readonly escape: string) {}

  /** Reads `text` from `from` to `to`; returns whether it ends inside quotes. */
  read(text: string, from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
      const ch = text[i];
      if ((ch === '\\' || ch === this.escape) && this.quote !== "'") i++;
      else if (this.quote === '' && (ch === '"' || ch === "'")) this.quote = ch;
      else if (ch === this.quote) this.quote = '';
    }
    return this.quote !== '';
  }
}

/**
 * Instructions whose words do not change when the white space between them does: not those that
 * take their arguments as one string (USER, WORKDIR…), nor the legacy `ENV key value with spaces`.
 */
function rejoinable(ins: Instruction): boolean {
  if (!knownInstructions.has(ins.name)) return false;
  if (['MAINTAINER', 'STOPSIGNAL', 'USER', 'WORKDIR'].includes(ins.name)) return false;
  return !ins.pairs.some((p) => p.legacy);
}

export class Formatter {
  private readonly escape: string;
  private readonly unit: string;

  constructor(
    private readonly doc: DockerfileDocument,
    options: FormattingOptions,
  ) {
    this.escape = doc.file.escapeToken;
    this.unit = indentUnit(options);
  }

  /** Edits for the lines `first` to `last` (all lines when left out). */
  format(first = 0, last = this.doc.lines.length - 1): TextEdit[] {
    // A file BuildKit stops reading at an overlong line is left as it is.
    if (this.doc.file.overlongLine !== undefined) return [];
    const edits: TextEdit[] = [];
    const owned = new Set<number>();
    for (const ins of this.doc.file.instructions) {
      const { start, end } = ins.fullRange;
      if (end.line < first || start.line > last) {
        for (let l = start.line; l <= end.line; l++) owned.add(l);
        continue;
      }
      for (let l = start.line; l <= end.line; l++) owned.add(l);
      for (const edit of this.instruction(ins)) {
        if (edit.range.start.line >= first && edit.range.start.line <= last) edits.push(edit);
      }
    }
    // Lines outside instructions: comments lose their indentation, blank lines their spaces.
    for (let line = first; line <= last; line++) {
      if (owned.has(line)) continue;
      const text = this.doc.line(line);
      const from = line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
      const lead = leading(text, from);
      if (lead === text.length) {
        if (lead > from) edits.push(replace(line, from, lead, ''));
        continue;
      }
      if (lead > from) edits.push(replace(line, from, lead, ''));
      const end = trailing(text);
      if (end < text.length) edits.push(replace(line, end, text.length, ''));
    }
    return edits.sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
  }

  /** Edits after typing `ch` at `position` (the position after it). */
  onType(position: Position, ch: string): TextEdit[] {
    if (ch === '\n') {
      const above = position.line - 1;
      if (above < 0) return [];
      const edits = this.format(above, above);
      const text = this.doc.line(position.line);
      if (this.endsWithEscape(this.doc.line(above)) && leading(text) === text.length && text !== this.unit) {
        edits.push(replace(position.line, 0, text.length, this.unit));
      }
      return edits;
    }
    if (ch === this.escape) {
      const text = this.doc.line(position.line);
      if (trailing(text) !== position.character) return [];
      return this.format(position.line + 1, position.line + 1);
    }
    return [];
  }

  private endsWithEscape(text: string): boolean {
    const end = trailing(text);
    return end > 0 && text[end - 1] === this.escape && (end < 2 || text[end - 2] !== this.escape);
  }

  private instruction(ins: Instruction): TextEdit[] {
    const edits: TextEdit[] = [];
    const doc = this.doc;
    const firstLine = ins.range.start.line;
    const lastLine = ins.range.end.line;
    const text = doc.line(firstLine);
    const from = firstLine === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const keyword = ins.keywordRange;
    if (keyword.start.line !== firstLine) return edits;
    if (keyword.start.character > from) edits.push(replace(firstLine, from, keyword.start.character, ''));
    this.keyword(ins, edits);
    if (ins.sub && ins.sub.keywordRange.start.line === firstLine) this.keyword(ins.sub, edits);
    const as = ins.name === 'FROM' ? ins.args[1] : undefined;
    if (
      as &&
      as.value.toLowerCase() === 'as' &&
      as.value !== 'AS' &&
      as.range.start.line === as.range.end.line
    )
      edits.push({ range: as.range, newText: 'AS' });
    // The pieces that join into the instruction's text, and the lines between them.
    const tracker = new QuoteTracker(this.escape);
    const rejoin = rejoinable(ins.sub ?? ins);
    let previous: Piece = { line: firstLine, start: keyword.end.character, end: this.contentEnd(text) };
    let inQuotes = tracker.read(text, previous.start, previous.end);
    this.trimEnd(firstLine, edits);
    for (let line = firstLine + 1; line <= lastLine; line++) {
      const current = doc.line(line);
      const lead = leading(current);
      if (lead === current.length) {
        if (lead > 0) edits.push(replace(line, 0, lead, ''));
        continue;
      }
      this.trimEnd(line, edits);
      if (current[lead] === '#') {
        if (current.slice(0, lead) !== this.unit) edits.push(replace(line, 0, lead, this.unit));
        continue;
      }
      const piece: Piece = { line, start: lead, end: this.contentEnd(current) };
      const above = doc.line(previous.line);
      const spaceAbove = previous.end > previous.start && isBlank(above.charCodeAt(previous.end - 1));
      const safe = rejoin && !inQuotes && (spaceAbove || lead > 0);
      if (safe && current.slice(0, lead) !== this.unit) edits.push(replace(line, 0, lead, this.unit));
      inQuotes = tracker.read(current, piece.start, piece.end);
      previous = piece;
    }
    return edits;
  }

  /** Upper case for a known keyword, and one space between it and what follows on its line. */
  private keyword(ins: Instruction, edits: TextEdit[]): void {
    const range: Range = ins.keywordRange;
    const line = range.start.line;
    if (knownInstructions.has(ins.name) && ins.keyword !== ins.name) edits.push({ range, newText: ins.name });
    const text = this.doc.line(line);
    const after = leading(text, range.end.character);
    if (after > range.end.character && after < text.length && text.slice(range.end.character, after) !== ' ')
      edits.push(replace(line, range.end.character, after, ' '));
  }

  /** Where a line's joining text ends: before a trailing escape and the blanks after it. */
  private contentEnd(text: string): number {
    const end = trailing(text);
    return this.endsWithEscape(text) ? end - 1 : end;
  }

  /**
   * Removes blanks at the end of a line of an instruction: after an escape BuildKit drops them
   * with it, and at the end of the last line it trims them from the instruction.
   */
  private trimEnd(line: number, edits: TextEdit[]): void {
    const text = this.doc.line(line);
    const end = trailing(text);
    if (end < text.length) edits.push(replace(line, end, text.length, ''));
  }
}
