import type { RuleLanguage, RuleMeta, RuleSeverity } from '../../../common/rules';
import { ruleHref } from '../dockerfile/lint/ruleHref';
import type { Finding } from '../dockerfile/lint/types';

export interface FileFindings {
  file: string;
  findings: Finding[];
}

/** The stable JSON record: 1-based lines and columns. */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: RuleSeverity;
  rule: string;
  aliases: string[];
  category: string;
  message: string;
}

function records(results: readonly FileFindings[], lang: RuleLanguage): JsonFinding[] {
  return results.flatMap(({ file, findings }) =>
    findings.map((f) => ({
      file,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      severity: f.severity,
      rule: f.rule.id,
      aliases: [...f.rule.aliases],
      category: f.rule.category,
      message: f.message[lang],
    })),
  );
}

export function formatJson(results: readonly FileFindings[], lang: RuleLanguage): string {
  return JSON.stringify(records(results, lang), null, 2) + '\n';
}

export function formatText(results: readonly FileFindings[], lang: RuleLanguage): string {
  const rows = records(results, lang).map(
    (r) =>
      `${r.file}:${r.line}:${r.column} ${r.severity} ${r.rule}${r.aliases.length ? ` (${r.aliases.join(', ')})` : ''}: ${r.message}`,
  );
  const counts = new Map<string, number>();
  for (const r of records(results, lang)) counts.set(r.severity, (counts.get(r.severity) ?? 0) + 1);
  const summary =
    [...counts].map(([s, n]) => `${n} ${s}`).join(', ') ||
    (lang === 'zh-cn' ? '没有发现问题' : 'no findings');
  const files =
    lang === 'zh-cn'
      ? `${results.length} 个文件`
      : `${results.length} file${results.length === 1 ? '' : 's'}`;
  return rows.join('\n') + (rows.length ? '\n' : '') + `${files}: ${summary}\n`;
}

const sarifLevel: Record<RuleSeverity, string> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

export function formatSarif(
  results: readonly FileFindings[],
  rules: readonly RuleMeta[],
  lang: RuleLanguage,
  version: string,
): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'berth-lint',
            version,
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.docs[lang].title },
              fullDescription: { text: r.docs[lang].explanation },
              ...(ruleHref(r) ? { helpUri: ruleHref(r) } : {}),
              defaultConfiguration: { level: sarifLevel[r.severity] },
              properties: { category: r.category, aliases: r.aliases },
            })),
          },
        },
        results: records(results, lang).map((r) => ({
          ruleId: r.rule,
          level: sarifLevel[r.severity],
          message: { text: r.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: r.file.replace(/\\/g, '/') },
                region: {
                  startLine: r.line,
                  startColumn: r.column,
                  endLine: r.endLine,
                  endColumn: r.endColumn,
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function xml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\p{Cc}/gu, (c) => (c === '\t' || c === '\n' || c === '\r' ? c : ''));
}

export function formatCheckstyle(results: readonly FileFindings[], lang: RuleLanguage): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const { file, findings } of results) {
    lines.push(`  <file name="${xml(file)}">`);
    for (const r of records([{ file, findings }], lang)) {
      const severity = r.severity === 'hint' ? 'info' : r.severity;
      lines.push(
        `    <error line="${r.line}" column="${r.column}" severity="${severity}" message="${xml(r.message)}" source="berth.${r.rule}"/>`,
      );
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return lines.join('\n') + '\n';
}

export function formatRuleList(rules: readonly RuleMeta[], lang: RuleLanguage): string {
  return (
    rules
      .map(
        (r) =>
          `${r.id.padEnd(34)} ${r.severity.padEnd(7)} ${r.category.padEnd(11)} ${(r.aliases.join(',') || '-').padEnd(38)} ${r.docs[lang].title}`,
      )
      .join('\n') + '\n'
  );
}
