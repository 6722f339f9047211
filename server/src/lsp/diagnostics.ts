import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { RuleLanguage, RuleMeta, RuleSeverity } from '../../../common/rules';
import type { Dockerfile } from '../parser';
import type { Finding, TextEdit } from '../rules/types';

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

/** Where the rule is documented upstream, when it has a hadolint or BuildKit twin. */
export function ruleHref(rule: RuleMeta): string | undefined {
  const hadolint = rule.aliases.find((a) => /^DL\d+$/.test(a));
  if (hadolint) return `https://github.com/hadolint/hadolint/wiki/${hadolint}`;
  const buildkit = rule.aliases.find((a) => !/^(DL|SC)\d+$/.test(a));
  if (buildkit) {
    const kebab = buildkit.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2');
    return `https://docs.docker.com/reference/build-checks/${kebab.toLowerCase()}/`;
  }
  return undefined;
}

/** The start line of the instruction that contains `line`. */
export function instructionLine(file: Dockerfile, line: number): number {
  const ins = file.instructions.find((i) => i.fullRange.start.line <= line && line <= i.fullRange.end.line);
  return ins ? ins.range.start.line : line;
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
