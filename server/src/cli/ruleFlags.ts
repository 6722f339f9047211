import type { LintSettings } from '../../../common/protocol';
import type { RuleMeta, RuleSeverity } from '../../../common/rules';
import type { CliOptions } from './args';

export interface RuleFlagSettings extends Pick<LintSettings, 'disabledRules' | 'severity'> {
  /** The flags whose rule Berth does not have, each once, as written. */
  namingNoRule: string[];
}

/**
 * hadolint's --ignore and --error/--warning/--info/--style as lint settings, which the linter lays
 * over each file's config as hadolint does: ignored rules add up, and a flag's severity wins over
 * the config's. A name may be any of a rule's ids or aliases, in any case. hadolint takes any name,
 * so one Berth does not have (a ShellCheck SC code, a rule it does not implement, a typo) is only
 * reported: a pipeline moved from hadolint keeps running, and is told the flag changes nothing.
 */
export function ruleFlagSettings(
  options: Pick<CliOptions, 'ignore' | 'severities'>,
  rules: readonly RuleMeta[],
): RuleFlagSettings {
  // Each name as the rule spells it, not the rule's id: `--ignore DL3007` must leave the DL3006
  // findings of the rule that is both (ruleCodes.ts).
  const spelled = new Map<string, string>();
  for (const rule of rules)
    for (const name of [rule.id, ...rule.aliases]) spelled.set(name.toLowerCase(), name);
  const namingNoRule = new Set<string>();
  const nameOf = (flag: string, name: string): string | undefined => {
    const known = spelled.get(name.toLowerCase());
    if (known === undefined) namingNoRule.add(`${flag} ${name}`);
    return known;
  };
  const disabledRules: string[] = [];
  for (const name of options.ignore) {
    const known = nameOf('--ignore', name);
    if (known !== undefined) disabledRules.push(known);
  }
  const severity: Record<string, RuleSeverity> = {};
  for (const { rule, severity: level, flag } of options.severities) {
    const known = nameOf(flag, rule);
    if (known !== undefined) severity[known] = level;
  }
  return { disabledRules, severity, namingNoRule: [...namingNoRule] };
}
