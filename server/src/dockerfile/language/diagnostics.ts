import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { RuleLanguage, RuleSeverity } from '../../../../common/rules';
import { ruleHref } from '../lint/ruleHref';
import type { Dockerfile } from '../parser';
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

/** The start line of the instruction that contains `line` (binary search: instructions are in order). */
export function instructionLine(file: Dockerfile, line: number): number {
  const list = file.instructions;
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (list[mid].fullRange.start.line <= line) lo = mid;
    else hi = mid - 1;
  }
  const ins = list[lo];
  return ins && ins.fullRange.start.line <= line && line <= ins.fullRange.end.line
    ? ins.range.start.line
    : line;
}

export function toDiagnostic(finding: Finding, file: Dockerfile, lang: RuleLanguage): Diagnostic {
  const data: DiagnosticData = {
    rule: finding.rule.id,
    line: instructionLine(file, finding.range.start.line),
  };
  if (finding.fix) data.fix = { title: finding.fix.title[lang], edits: finding.fix.edits };
  const href = ruleHref(finding.rule);
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
