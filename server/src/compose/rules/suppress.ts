// `# berth ignore=<id>[,<id>]` on the line above a key silences those rules for that key and
// everything under it; at the end of a line, for that line; `# berth global ignore=<id>` for the
// whole file. The same words as in Dockerfiles, in YAML comments.
import type { RuleMeta } from '../../../../common/rules';
import type { LineIndex } from '../parse/lines';

const directive = /#\s*berth\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9_,\s-]+?)\s*$/i;

function ids(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}

export class ComposeSuppressions {
  private readonly global = new Set<string>();
  private readonly spans: Array<{ ids: string[]; from: number; to: number }> = [];

  constructor(lines: LineIndex) {
    if (!/ignore/i.test(lines.source)) return;
    for (let line = 0; line < lines.lineCount; line++) {
      const text = lines.lineText(line);
      const hash = text.indexOf('#');
      if (hash < 0) continue;
      const m = directive.exec(text.slice(hash));
      if (!m) continue;
      const list = ids(m[2]);
      if (m[1]) list.forEach((id) => this.global.add(id));
      else if (text.slice(0, hash).trim()) this.spans.push({ ids: list, from: line, to: line });
      else this.spans.push({ ids: list, ...this.blockBelow(lines, line) });
    }
  }

  /** The next line that is not blank or a comment, and the lines indented under it. */
  private blockBelow(lines: LineIndex, comment: number): { from: number; to: number } {
    let from = comment + 1;
    while (from < lines.lineCount && /^\s*(#.*)?$/.test(lines.lineText(from))) from++;
    if (from >= lines.lineCount) return { from: comment, to: comment };
    const head = lines.lineText(from);
    const indent = indentOf(head);
    // YAML lets a key's list items sit at the key's own indentation.
    const opensBlock = /:\s*(#.*)?$/.test(head);
    let to = from;
    for (let line = from + 1; line < lines.lineCount; line++) {
      const text = lines.lineText(line);
      if (/^\s*(#.*)?$/.test(text)) continue;
      const sameLevelItem = opensBlock && indentOf(text) === indent && /^\s*-(\s|$)/.test(text);
      if (indentOf(text) <= indent && !sameLevelItem) break;
      to = line;
    }
    return { from, to };
  }

  skipsFile(rule: RuleMeta): boolean {
    return this.global.has(rule.id) || rule.aliases.some((a) => this.global.has(a.toLowerCase()));
  }

  suppressed(rule: RuleMeta, line: number): boolean {
    return this.spans.some(
      (s) => line >= s.from && line <= s.to && (s.ids.includes(rule.id) || s.ids.includes('all')),
    );
  }
}
