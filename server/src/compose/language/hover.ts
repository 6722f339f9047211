import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import type { RuleLanguage } from '../../../../common/rules';
import { containsPosition } from '../parse/lines';
import type { ComposeFinding } from '../rules/types';

/** The docs of the rules whose findings are under the cursor. */
export function composeHover(
  findings: readonly ComposeFinding[],
  pos: Position,
  lang: RuleLanguage,
): Hover | null {
  const parts: string[] = [];
  const shown = new Set<string>();
  for (const f of findings) {
    if (!containsPosition(f.range, pos) || shown.has(f.rule.id)) continue;
    shown.add(f.rule.id);
    const doc = f.rule.docs[lang];
    parts.push(`**${doc.title}** (\`${f.rule.id}\`)\n\n${doc.explanation}`);
  }
  return parts.length ? { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } } : null;
}
