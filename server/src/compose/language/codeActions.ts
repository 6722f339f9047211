import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { RuleLanguage } from '../../../../common/rules';
import type { LineIndex } from '../parse/lines';
import { isBerthDiagnostic, type ComposeDiagnosticData } from './diagnostics';

const labels = {
  line: { en: 'Ignore {0} here', 'zh-cn': '在这里忽略 {0}' },
  file: { en: 'Ignore {0} in this file', 'zh-cn': '在整个文件中忽略 {0}' },
};

function isData(value: unknown): value is ComposeDiagnosticData {
  return (
    typeof value === 'object' && value !== null && typeof (value as ComposeDiagnosticData).rule === 'string'
  );
}

/** Adds the id to a `# berth ignore=` right above, or puts a new one above at the line's indent. */
function ignoreAbove(lines: LineIndex, line: number, rule: string): TextEdit {
  const above = line > 0 ? lines.lineText(line - 1) : '';
  if (/^\s*#\s*berth\s+ignore\s*=/.test(above)) {
    const end = above.replace(/\s+$/, '').length;
    const at = { line: line - 1, character: end };
    return { range: { start: at, end: at }, newText: `,${rule}` };
  }
  const indent = /^\s*/.exec(lines.lineText(line))?.[0] ?? '';
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}# berth ignore=${rule}\n` };
}

export function composeCodeActions(
  uri: string,
  lines: LineIndex,
  diagnostics: readonly Diagnostic[],
  lang: RuleLanguage,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (!isBerthDiagnostic(diagnostic) || !isData(diagnostic.data)) continue;
    const data = diagnostic.data;
    if (data.command) {
      actions.push({
        title: data.command.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        command: data.command,
      });
    }
    if (data.fix && data.fix.edits.length > 0) {
      actions.push({
        title: data.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: !data.command,
        edit: { changes: { [uri]: data.fix.edits } },
      });
    }
    if (data.rule === 'yaml-syntax') continue;
    actions.push({
      title: labels.line[lang].replace('{0}', data.rule),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [uri]: [ignoreAbove(lines, data.line, data.rule)] } },
    });
    if (seen.has(data.rule)) continue;
    seen.add(data.rule);
    const top = { line: 0, character: 0 };
    actions.push({
      title: labels.file[lang].replace('{0}', data.rule),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: {
        changes: {
          [uri]: [{ range: { start: top, end: top }, newText: `# berth global ignore=${data.rule}\n` }],
        },
      },
    });
  }
  return actions;
}
