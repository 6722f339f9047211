import type { RuleLanguage, RuleMeta, RuleSeverity } from '../../../../common/rules';
import type { Range } from '../parser';
import type { LintContext } from './context';

export type Localized = Readonly<Record<RuleLanguage, string>>;

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: Localized;
  edits: TextEdit[];
}

export interface Report {
  range: Range;
  message: Localized;
  fix?: Fix;
}

export interface Rule extends RuleMeta {
  /**
   * Reads which stages make up the final image, or its last stage: on a file the parser stopped
   * reading early (ParseOptions.maxInstructions) that is unknown, so the rule is not run.
   */
  readsFinalImage?: true;
  check(ctx: LintContext): void;
}

/** A report after severity, suppression and settings were applied. */
export interface Finding {
  rule: RuleMeta;
  severity: RuleSeverity;
  range: Range;
  message: Localized;
  fix: Fix | undefined;
}

export function text(en: string, zh: string): Localized {
  return { en, 'zh-cn': zh };
}
