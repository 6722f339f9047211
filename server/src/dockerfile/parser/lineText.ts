// Small readings of one source line shared by the parser's parts.
import { isSpace } from './chars';
import type { Range } from './types';

/** The length of the line without its trailing CR/LF characters. */
function trimmedLength(line: string): number {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 0x0d || line.charCodeAt(end - 1) === 0x0a)) end--;
  return end;
}

export function trimNewline(line: string): string {
  const end = trimmedLength(line);
  return end === line.length ? line : line.slice(0, end);
}

export function leadingSpace(line: string): number {
  let i = 0;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  return i;
}

export function skipSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  return i;
}

export function lineRange(line: number, from: number, to: number): Range {
  return { start: { line, character: from }, end: { line, character: to } };
}
