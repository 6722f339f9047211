import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { RuleLanguage, RuleSeverity } from '../../../../common/rules';
import { findingRule } from '../lint/ruleCodes';
import { ruleHref } from '../lint/ruleHref';
import type { Dockerfile } from '../parser';
import { instructionAtLine } from './document';
import type { Finding } from '../lint/types';
import type { TextEdit } from '../lint/report';

/** What a diagnostic carries so that code actions need no second lint. */
export interface DiagnosticData {
  rule: string;
  /** Line of the instruction the finding belongs to (where an ignore comment goes). */
  line: number;
  fix?: { title: string; edits: TextEdit[] };
}

const severities: Record<RuleSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The start line of the instruction that contains `line`, or `line` when none does. */
export function instructionLine(file: Dockerfile, line: number): number {
  return instructionAtLine(file, line)?.range.start.line ?? line;
}

export function toDiagnostic(finding: Finding, file: Dockerfile, lang: RuleLanguage): Diagnostic {
  const data: DiagnosticData = {
    rule: finding.rule.id,
    line: instructionLine(file, finding.range.start.line),
  };
  if (finding.fix) data.fix = { title: finding.fix.title[lang], edits: finding.fix.edits };
  // A finding of a rule that is several hadolint codes links to the page of its own code.
  const href = ruleHref(findingRule(finding));
  return {
    range: finding.range,
    severity: severities[finding.severity],
    code: finding.rule.id,
    ...(href ? { codeDescription: { href } } : {}),
    source: 'berth',
    message: finding.message[lang],
    data,
  };
}
