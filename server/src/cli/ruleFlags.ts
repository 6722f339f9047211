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
  const byName = new Map<string, string>();
  for (const rule of rules)
    for (const name of [rule.id, ...rule.aliases]) byName.set(name.toLowerCase(), rule.id);
  const namingNoRule = new Set<string>();
  const idOf = (flag: string, name: string): string | undefined => {
    const id = byName.get(name.toLowerCase());
    if (id === undefined) namingNoRule.add(`${flag} ${name}`);
    return id;
  };
  const disabledRules: string[] = [];
  for (const name of options.ignore) {
    const id = idOf('--ignore', name);
    if (id !== undefined) disabledRules.push(id);
  }
  const severity: Record<string, RuleSeverity> = {};
  for (const { rule, severity: level, flag } of options.severities) {
    const id = idOf(flag, rule);
    if (id !== undefined) severity[id] = level;
  }
  return { disabledRules, severity, namingNoRule: [...namingNoRule] };
}
