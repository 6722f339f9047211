import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { RuleLanguage, RuleMeta, RuleSeverity } from '../../../../common/rules';
import type { Dockerfile } from '../parser';
import type { Finding, TextEdit } from '../lint/types';

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

const hrefs = new WeakMap<RuleMeta, string | undefined>();

/** Where the rule is documented upstream, when it has a hadolint or BuildKit twin. */
export function ruleHref(rule: RuleMeta): string | undefined {
  if (hrefs.has(rule)) return hrefs.get(rule);
  const href = upstreamDoc(rule);
  hrefs.set(rule, href);
  return href;
}

function upstreamDoc(rule: RuleMeta): string | undefined {
  const hadolint = rule.aliases.find((a) => /^DL\d+$/.test(a));
  if (hadolint) return `https://github.com/hadolint/hadolint/wiki/${hadolint}`;
  const buildkit = rule.aliases.find((a) => !/^(DL|SC)\d+$/.test(a));
  if (buildkit) {
    const kebab = buildkit.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2');
    return `https://docs.docker.com/reference/build-checks/${kebab.toLowerCase()}/`;
  }
  return undefined;
}

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
