import type { RuleMeta, RuleSeverity } from '../../../../common/rules';
import type { Range } from '../parser';
import type { LintContext } from './context';
import type { Fix, Localized } from './report';

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
  /** Of a rule that stands for several hadolint codes, the one this finding is. */
  code?: string;
}
