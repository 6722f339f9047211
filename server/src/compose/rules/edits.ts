// Text edits the Compose quick fixes share.
import type { TextEdit } from '../../dockerfile/lint/report';
import type { ComposeFile } from '../parse/model';

/** Adds `name: {}` under the top-level `networks:` or `volumes:`, creating the section if needed. */
export function declareEdit(file: ComposeFile, kind: 'network' | 'volume', name: string): TextEdit {
  const decls = kind === 'network' ? file.networks : file.volumes;
  const section = kind === 'network' ? 'networks' : 'volumes';
  const last = decls.at(-1);
  if (last) {
    const indent = ' '.repeat(last.keyRange.start.character);
    const line = last.range.end.line + 1;
    const at = { line, character: 0 };
    const newline = line >= file.lines.lineCount ? '\n' : '';
    return { range: { start: at, end: at }, newText: `${newline}${indent}${name}: {}\n` };
  }
  const end = file.lines.position(file.source.length);
  const lead = file.source.length === 0 || file.source.endsWith('\n') ? '' : '\n';
  const existing = new RegExp(`^${section}:\\s*(\\{\\s*\\})?\\s*$`, 'm').exec(file.source);
  if (existing) {
    const range = file.lines.range(existing.index, existing.index + existing[0].length);
    return { range, newText: `${section}:\n  ${name}: {}` };
  }
  return { range: { start: end, end }, newText: `${lead}\n${section}:\n  ${name}: {}\n` };
}
