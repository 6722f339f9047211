// Runs the Compose rules over one file and applies settings and `# berth ignore=` comments.
import type { EngineFacts } from '../../../../common/compose';
import type { LintSettings } from '../../../../common/protocol';
import type { RuleSeverity } from '../../../../common/rules';
import type { ComposeFile } from '../parse/model';
import { ComposeContext, type ComposeRule, type HostFiles } from './context';
import { composeRules } from './registry';
import { ComposeSuppressions } from './suppress';
import type { ComposeFinding } from './types';

export interface ComposeLintInput {
  file: ComposeFile;
  siblings?: readonly ComposeFile[];
  projectName: string;
  /** What the engine has; undefined runs no live rule (the CLI, or no engine connected). */
  facts?: EngineFacts;
  host?: HostFiles;
  settings?: LintSettings;
}

export function lintCompose(input: ComposeLintInput): ComposeFinding[] {
  const ctx = new ComposeContext(
    input.file,
    input.siblings ?? [],
    input.projectName,
    input.facts,
    input.host,
  );
  const disabled = new Set((input.settings?.disabledRules ?? []).map((id) => id.toLowerCase()));
  const fromSettings = input.settings?.severity ?? {};
  const severityOf = (rule: ComposeRule): RuleSeverity | 'off' =>
    (Object.hasOwn(fromSettings, rule.id) ? fromSettings[rule.id] : undefined) ?? rule.severity;
  const suppressions = new ComposeSuppressions(input.file.lines);
  for (const rule of composeRules) {
    if (disabled.has(rule.id) || severityOf(rule) === 'off') continue;
    if (rule.live && !input.facts) continue;
    if (suppressions.skipsFile(rule)) continue;
    ctx.run(rule);
  }
  const findings: ComposeFinding[] = [];
  for (const { rule, report } of ctx.reports) {
    const severity = severityOf(rule);
    if (severity === 'off' || suppressions.suppressed(rule, report.range.start.line)) continue;
    findings.push({
      rule,
      severity,
      range: report.range,
      message: report.message,
      fix: report.fix,
      command: report.command,
    });
  }
  return findings.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}
