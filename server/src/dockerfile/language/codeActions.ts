import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleLanguage } from '../../../../common/rules';
import type { Dockerfile } from '../parser';
import type { DiagnosticData } from './diagnostics';

const labels = {
  line: { en: 'Ignore {0} on this line', 'zh-cn': '在这一行忽略 {0}' },
  file: { en: 'Ignore {0} in this file', 'zh-cn': '在整个文件中忽略 {0}' },
};

function isData(value: unknown): value is DiagnosticData {
  return typeof value === 'object' && value !== null && typeof (value as DiagnosticData).rule === 'string';
}

function lineText(doc: TextDocument, line: number): string {
  return doc
    .getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } })
    .replace(/\r?\n$/, '');
}

/** Adds the id to an existing `# hadolint ignore=` right above, or inserts a new comment line. */
function ignoreOnLine(doc: TextDocument, line: number, rule: string): TextEdit {
  const above = line > 0 ? lineText(doc, line - 1) : '';
  if (/^\s*#\s*hadolint\s+ignore\s*=/.test(above)) {
    const end = above.replace(/\s+$/, '').length;
    return {
      range: { start: { line: line - 1, character: end }, end: { line: line - 1, character: end } },
      newText: `,${rule}`,
    };
  }
  const indent = /^\s*/.exec(lineText(doc, line))?.[0] ?? '';
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${indent}# hadolint ignore=${rule}\n`,
  };
}

/** A global ignore goes right after the parser directives, which must stay first. */
function ignoreInFile(file: Dockerfile, rule: string): TextEdit {
  const line = file.directives.reduce((n, d) => Math.max(n, d.range.start.line + 1), 0);
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `# hadolint global ignore=${rule}\n`,
  };
}

/**
 * Each finding's fix, and comments that silence its rule. `ignoreComments` false is the config's
 * `disable-ignore-pragma`: such a comment would silence nothing, so none is offered.
 */
export function codeActions(
  doc: TextDocument,
  file: Dockerfile,
  diagnostics: Diagnostic[],
  lang: RuleLanguage,
  ignoreComments = true,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const seenRules = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'berth' || !isData(diagnostic.data)) continue;
    const data = diagnostic.data;
    if (data.fix && data.fix.edits.length > 0) {
      actions.push({
        title: data.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [doc.uri]: data.fix.edits } },
      });
    }
    // Neither is a rule a comment can silence: one is the file itself, the other a setting.
    if (!ignoreComments || data.rule === 'parse-error' || data.rule === 'lint-limit') continue;
    actions.push({
      title: labels.line[lang].replace('{0}', data.rule),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [doc.uri]: [ignoreOnLine(doc, data.line, data.rule)] } },
    });
    if (seenRules.has(data.rule)) continue;
    seenRules.add(data.rule);
    actions.push({
      title: labels.file[lang].replace('{0}', data.rule),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [doc.uri]: [ignoreInFile(file, data.rule)] } },
    });
  }
  return actions;
}
