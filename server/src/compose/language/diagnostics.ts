import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { RuleLanguage, RuleSeverity } from '../../../../common/rules';
import type { TextEdit } from '../../dockerfile/lint/report';
import type { ComposeFinding } from '../rules/types';

/** What a Compose diagnostic carries, so that code actions need no second lint. */
export interface ComposeDiagnosticData {
  rule: string;
  line: number;
  fix?: { title: string; edits: TextEdit[] };
  command?: { title: string; command: string; arguments: unknown[] };
}

const severities: Record<RuleSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const source = 'berth';

/** Whether Berth published this diagnostic, with or without an engine's name. */
export function isBerthDiagnostic(diagnostic: { source?: string }): boolean {
  return diagnostic.source === source || !!diagnostic.source?.startsWith(`${source} · `);
}

/**
 * `engine` is the id of the engine the live rules compared with, when the client has several: the
 * source then says which engine a finding is about.
 */
export function composeDiagnostic(finding: ComposeFinding, lang: RuleLanguage, engine?: string): Diagnostic {
  const data: ComposeDiagnosticData = { rule: finding.rule.id, line: finding.range.start.line };
  if (finding.fix) data.fix = { title: finding.fix.title[lang], edits: finding.fix.edits };
  if (finding.command)
    data.command = {
      title: finding.command.title[lang],
      command: finding.command.command,
      arguments: finding.command.arguments,
    };
  return {
    range: finding.range,
    severity: severities[finding.severity],
    code: finding.rule.id,
    source: engine !== undefined && finding.rule.live ? `${source} · ${engine}` : source,
    message: finding.message[lang],
    data,
  };
}
