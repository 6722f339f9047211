import type { Formatter } from './records';
import { records } from './records';

export const formatText: Formatter = ({ results, lang, palette }) => {
  const rows = records(results, lang);
  const lines = rows.map(
    (r) =>
      `${palette.location(`${r.file}:${r.line}:${r.column}`)} ${palette.severity(r.severity, r.severity)} ` +
      `${palette.rule(r.rule + (r.aliases.length ? ` (${r.aliases.join(', ')})` : ''))}: ${r.message}`,
  );
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.severity, (counts.get(r.severity) ?? 0) + 1);
  const summary =
    [...counts].map(([s, n]) => `${n} ${s}`).join(', ') ||
    (lang === 'zh-cn' ? '没有发现问题' : 'no findings');
  const files =
    lang === 'zh-cn'
      ? `${results.length} 个文件`
      : `${results.length} file${results.length === 1 ? '' : 's'}`;
  return lines.map((l) => l + '\n').join('') + `${files}: ${summary}\n`;
};
