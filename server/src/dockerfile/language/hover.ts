import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import type { RuleLanguage } from '../../../../common/rules';
import { hoverDetails } from './hoverDetails';
import { instructionDocs } from './instructionDocs';
import type { Dockerfile, Instruction, Range } from '../parser';
import type { Finding } from '../lint/types';
import { ruleDocMarkdown, ruleNameHover } from './ruleNameHover';

function contains(range: Range, pos: Position): boolean {
  const after =
    pos.line > range.start.line || (pos.line === range.start.line && pos.character >= range.start.character);
  const before =
    pos.line < range.end.line || (pos.line === range.end.line && pos.character <= range.end.character);
  return after && before;
}

function keywordAt(file: Dockerfile, pos: Position): Instruction | undefined {
  for (const ins of file.instructions) {
    if (contains(ins.keywordRange, pos)) return ins;
    if (ins.sub && contains(ins.sub.keywordRange, pos)) return ins.sub;
  }
  return undefined;
}

/**
 * Rule docs for findings under the cursor, then the instruction's docs when on a keyword, or the
 * flag's or the variable's when on one of those, or the rule a suppression comment names.
 */
export function hoverAt(
  file: Dockerfile,
  findings: readonly Finding[],
  pos: Position,
  lang: RuleLanguage,
  /** The text of the line at `pos`, as the editor has it: for rule names in suppression comments. */
  lineText?: string,
): Hover | null {
  const parts: string[] = [];
  const shown = new Set<string>();
  for (const f of findings) {
    if (!contains(f.range, pos) || shown.has(f.rule.id)) continue;
    shown.add(f.rule.id);
    parts.push(ruleDocMarkdown(f.rule, lang));
  }
  const ruleName = lineText === undefined ? undefined : ruleNameHover(file, pos, lineText, lang);
  if (ruleName) {
    parts.push(ruleName.markdown);
    return {
      contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') },
      range: ruleName.range,
    };
  }
  const ins = keywordAt(file, pos);
  const insDoc = ins ? instructionDocs[ins.name] : undefined;
  if (insDoc) parts.push(insDoc[lang]);
  else {
    const details = hoverDetails(file, pos, lang);
    if (details) parts.push(details);
  }
  if (parts.length === 0) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') },
    ...(ins && parts.length === 1 && insDoc ? { range: ins.keywordRange } : {}),
  };
}
