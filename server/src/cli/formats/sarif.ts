import type { RuleMeta, RuleSeverity } from '../../../../common/rules';
import { ruleHref } from '../../dockerfile/lint/ruleHref';
import { records, type FormatInput } from './records';

const sarifLevel: Record<RuleSeverity, string> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

export function formatSarif({ results, lang, version }: FormatInput, rules: readonly RuleMeta[]): string {
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
              // A rule that is off unless given a severity (severity `off`) ran because it was.
              defaultConfiguration:
                r.severity === 'off' ? { enabled: false } : { level: sarifLevel[r.severity] },
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
