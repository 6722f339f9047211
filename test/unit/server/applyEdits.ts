import type { TextEdit } from '../../../server/src/dockerfile/lint/report';

/** Applies non-overlapping edits to a text, the way an editor would. */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  const lines = source.split('\n');
  const offset = (p: { line: number; character: number }): number =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = source;
  for (const e of sorted)
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
