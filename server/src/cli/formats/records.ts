import type { RuleCategory, RuleLanguage, RuleSeverity } from '../../../../common/rules';
import { findingRule, isHadolintCode } from '../../dockerfile/lint/ruleCodes';
import type { Finding } from '../../dockerfile/lint/types';
import type { Palette } from '../color';

export interface FileFindings {
  /** The path as given on the command line (or --stdin-filename, or `-`). */
  file: string;
  findings: Finding[];
}

/** Everything a format may need; each format reads what it uses. */
export interface FormatInput {
  results: readonly FileFindings[];
  lang: RuleLanguage;
  version: string;
  palette: Palette;
  /** Where relative paths in reports start (GitLab wants paths relative to the project). */
  cwd: string;
}

export type Formatter = (input: FormatInput) => string;

/** The stable JSON record: 1-based lines and columns. */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: RuleSeverity;
  rule: string;
  aliases: string[];
  category: RuleCategory;
  message: string;
  /** hadolint's keys, so that what reads its JSON reads this: its code (else Berth's id) and level. */
  code: string;
  level: 'error' | 'warning' | 'info' | 'style';
}

const levels: Record<RuleSeverity, JsonFinding['level']> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  hint: 'style',
};

export function records(results: readonly FileFindings[], lang: RuleLanguage): JsonFinding[] {
  return results.flatMap(({ file, findings }) => findings.map((f) => record(file, f, lang)));
}

export function record(file: string, f: Finding, lang: RuleLanguage): JsonFinding {
  // A rule that stands for several hadolint codes names the one this finding is.
  const rule = findingRule(f);
  return {
    file,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    severity: f.severity,
    rule: f.rule.id,
    aliases: [...rule.aliases],
    category: f.rule.category,
    message: f.message[lang],
    code: rule.aliases.find(isHadolintCode) ?? f.rule.id,
    level: levels[f.severity],
  };
}
