import type { RuleLanguage, RuleSeverity } from '../../../../common/rules';
import type { Formatter } from './records';
import { records } from './records';

const severities: readonly RuleSeverity[] = ['error', 'warning', 'info', 'hint'];

/** `2 warnings`, `1 info`; in Chinese `2 个警告`. */
function countOf(severity: RuleSeverity, n: number, lang: RuleLanguage): string {
  if (lang === 'zh-cn')
    return `${n} 个${{ error: '错误', warning: '警告', info: '信息', hint: '提示' }[severity]}`;
  return `${n} ${severity}${n === 1 || severity === 'info' ? '' : 's'}`;
}

export const formatText: Formatter = ({ results, lang, palette }) => {
  const rows = records(results, lang);
  const lines = rows.map(
    (r) =>
      `${palette.location(`${r.file}:${r.line}:${r.column}`)} ${palette.severity(r.severity, r.severity)} ` +
      `${palette.rule(r.rule + (r.aliases.length ? ` (${r.aliases.join(', ')})` : ''))}: ${r.message}`,
  );
  const counts = new Map<RuleSeverity, number>();
  for (const r of rows) counts.set(r.severity, (counts.get(r.severity) ?? 0) + 1);
  const summary =
    severities
      .filter((s) => counts.has(s))
      .map((s) => countOf(s, counts.get(s) ?? 0, lang))
      .join(lang === 'zh-cn' ? '，' : ', ') || (lang === 'zh-cn' ? '没有发现问题' : 'no findings');
  const files =
    lang === 'zh-cn'
      ? `${results.length} 个文件`
      : `${results.length} file${results.length === 1 ? '' : 's'}`;
  return lines.map((l) => l + '\n').join('') + `${files}: ${summary}\n`;
};
