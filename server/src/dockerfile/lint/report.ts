// What a rule reports, in both languages, with an optional fix: what LintContext collects.
import type { RuleLanguage } from '../../../../common/rules';
import type { Range } from '../parser';

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
  /** Of a rule that stands for several hadolint codes, the one this report is (ruleCodes.ts). */
  code?: string;
}

export function text(en: string, zh: string): Localized {
  return { en, 'zh-cn': zh };
}
