// `$` and `${` completion: the variables visible at the cursor by Docker's scoping, with the
// value each has there when the defaults tell it, and the predefined ones that context sees.
import {
  CompletionItemKind,
  MarkupKind,
  type CompletionItem,
  type Position,
} from 'vscode-languageserver/node';
import type { RuleLanguage } from '../../../../../common/rules';
import type { Instruction } from '../../parser';
import { predefinedVariables, type UseContext, type VariableDeclaration } from '../../semantics';
import type { DockerfileDocument } from '../document';

/** The `$…` being typed at the end of `text`: where its name starts and whether it has a brace. */
export function variablePrefix(text: string): { name: string; brace: boolean } | undefined {
  const match = /(^|[^\\])\$(\{?)([A-Za-z0-9_]*)$/.exec(text);
  if (!match) return undefined;
  return { name: match[3], brace: match[2] === '{' };
}

const declaredAt = {
  en: (kind: string, line: number) => `${kind} on line ${line}`,
  'zh-cn': (kind: string, line: number) => `第 ${line} 行的 ${kind}`,
};
const defaultNote = {
  en: 'A default: `--build-arg` can set another value.',
  'zh-cn': '这是默认值：`--build-arg` 可以设置其他值。',
};

function valueDetail(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const shown = value.length > 40 ? `${value.slice(0, 39)}…` : value;
  return `= ${shown}`;
}

/** Which predefined variables a context sees without declaring them. */
function predefinedFor(context: UseContext): ReadonlyArray<(typeof predefinedVariables)[number]> {
  return predefinedVariables.filter((v) => {
    if (v.kind === 'platform') return context === 'from';
    if (v.kind === 'proxy') return context === 'shell';
    if (v.kind === 'environment') return context !== 'from';
    return false;
  });
}

/** The declarations `$` can read at `ins` in `context`. */
function visibleDeclarations(
  doc: DockerfileDocument,
  ins: Instruction,
  context: UseContext,
  line: number,
): VariableDeclaration[] {
  const semantics = doc.semantics;
  if (context === 'from' || !semantics.stages.some((s) => s.from === ins || s.instructions.includes(ins))) {
    return [...semantics.declarations.globals.values()].filter((d) => d.pair.keyRange.start.line < line);
  }
  const visible = [...semantics.visibleBefore(ins).values()];
  return context === 'runtime' ? visible.filter((d) => d.kind === 'ENV') : visible;
}

export function variableItems(
  doc: DockerfileDocument,
  ins: Instruction,
  context: UseContext,
  pos: Position,
  typed: { name: string; brace: boolean },
  lang: RuleLanguage,
): CompletionItem[] {
  const range = { start: { line: pos.line, character: pos.character - typed.name.length }, end: pos };
  const closeBrace = typed.brace && doc.line(pos.line)[pos.character] !== '}';
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const variables = doc.semantics.variables;
  for (const decl of visibleDeclarations(doc, ins, context, pos.line)) {
    seen.add(decl.name);
    const value = variables.valueOf(decl);
    const where = declaredAt[lang](decl.kind, decl.pair.keyRange.start.line + 1);
    const note = decl.kind === 'ARG' && value !== undefined ? `\n\n${defaultNote[lang]}` : '';
    items.push({
      label: decl.name,
      kind: decl.kind === 'ENV' ? CompletionItemKind.Constant : CompletionItemKind.Variable,
      detail: valueDetail(value) ?? decl.kind,
      documentation: { kind: MarkupKind.Markdown, value: `${where}${note}` },
      textEdit: { range, newText: closeBrace ? `${decl.name}}` : decl.name },
      sortText: `0${decl.name}`,
    });
  }
  for (const predefined of predefinedFor(context)) {
    if (seen.has(predefined.name)) continue;
    items.push({
      label: predefined.name,
      kind: CompletionItemKind.Variable,
      detail: predefined.kind === 'environment' ? 'ENV' : 'ARG',
      documentation: { kind: MarkupKind.Markdown, value: predefined.docs[lang] },
      textEdit: { range, newText: closeBrace ? `${predefined.name}}` : predefined.name },
      sortText: `1${predefined.name}`,
    });
  }
  return items;
}
