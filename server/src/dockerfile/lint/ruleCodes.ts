// Some rules stand for several hadolint codes (from-untagged is DL3006 for no tag and DL3007 for
// `latest`). hadolint users ignore, override and suppress one code and keep the other, so each
// report of such a rule names its code, and settings apply to the rule as that code alone.
import type { RuleMeta } from '../../../../common/rules';

export function isHadolintCode(alias: string): boolean {
  return /^DL\d{4}$/.test(alias);
}

const splitCodes = new WeakMap<RuleMeta, readonly string[]>();

/** A rule's hadolint codes when it has more than one; empty otherwise. */
export function codesOf(rule: RuleMeta): readonly string[] {
  let codes = splitCodes.get(rule);
  if (!codes) {
    const all = rule.aliases.filter(isHadolintCode);
    splitCodes.set(rule, (codes = all.length > 1 ? all : []));
  }
  return codes;
}

const views = new WeakMap<RuleMeta, Map<string, RuleMeta>>();

/**
 * The rule as one of its codes: its id, that code and its other peers' names (a BuildKit check
 * it also is), without its other hadolint codes. One object per pair, so callers may key by it.
 */
export function ruleAsCode(rule: RuleMeta, code: string): RuleMeta {
  let byCode = views.get(rule);
  if (!byCode) views.set(rule, (byCode = new Map<string, RuleMeta>()));
  let view = byCode.get(code);
  if (!view) {
    const aliases = rule.aliases.filter((a) => a === code || !isHadolintCode(a));
    byCode.set(code, (view = { ...rule, aliases }));
  }
  return view;
}

/** What a finding is as far as names go: the rule, or the rule as the code it was reported as. */
export function findingRule(finding: { rule: RuleMeta; code?: string }): RuleMeta {
  return finding.code === undefined ? finding.rule : ruleAsCode(finding.rule, finding.code);
}
