import type { RuleLanguage, RuleMeta } from '../../../../common/rules';

export function ruleListText(rules: readonly RuleMeta[], lang: RuleLanguage): string {
  return rules
    .map(
      (r) =>
        `${r.id.padEnd(34)} ${r.severity.padEnd(7)} ${r.category.padEnd(11)} ${(r.aliases.join(',') || '-').padEnd(38)} ${r.docs[lang].title}\n`,
    )
    .join('');
}

/** `--list-rules --format json`: the shape the CLI's first issue promised, one object a rule. */
export function ruleListJson(rules: readonly RuleMeta[], lang: RuleLanguage): string {
  const list = rules.map((r) => ({
    id: r.id,
    aliases: [...r.aliases],
    category: r.category,
    severity: r.severity,
    title: r.docs[lang].title,
  }));
  return JSON.stringify(list, null, 2) + '\n';
}
