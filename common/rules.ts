// Rule metadata shared by the language server, the CLI and the client (docs, settings UI).

export type RuleCategory =
  | 'layers'
  | 'cache'
  | 'volume'
  | 'expose'
  | 'correctness'
  | 'security'
  | 'style'
  // Compose files
  | 'network'
  | 'address'
  | 'legacy'
  | 'reachability'
  | 'ports'
  | 'live';

/** LSP-style severities; `hint` is what hadolint calls `style`. */
export type RuleSeverity = 'error' | 'warning' | 'info' | 'hint';

export type RuleLanguage = 'en' | 'zh-cn';

export interface RuleDoc {
  /** A short title, one line. */
  title: string;
  /** Why it matters and what to do instead. Markdown. */
  explanation: string;
}

export interface RuleMeta {
  /** Stable kebab-case id: used in settings, suppressions and output. */
  id: string;
  /** The hadolint code and/or BuildKit check name for the same finding. */
  aliases: readonly string[];
  category: RuleCategory;
  /**
   * `off`: a rule that runs only once a setting, a config's `override` or a flag gives it a
   * severity, as hadolint's rules of severity `ignore` (DL3057, DL1001) do.
   */
  severity: RuleSeverity | 'off';
  docs: Readonly<Record<RuleLanguage, RuleDoc>>;
}

/** `zh-cn`, `zh-CN`, `zh-hans`… → `zh-cn`; anything else → `en`. */
export function ruleLanguage(locale: string | undefined): RuleLanguage {
  return locale !== undefined && /^zh(-cn|-hans|$)/i.test(locale) ? 'zh-cn' : 'en';
}

/** The language to speak: the `berth.lint.language` setting, or for `auto` (or none) the display language. */
export function findingsLanguage(
  setting: string | undefined,
  displayLocale: string | undefined,
): RuleLanguage {
  return setting === 'en' || setting === 'zh-cn' ? setting : ruleLanguage(displayLocale);
}
