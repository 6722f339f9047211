import type { RuleCategory, RuleSeverity } from '../../../../common/rules';
import type { Finding } from '../../dockerfile/lint/types';
import type { Formatter } from './records';

// SonarQube's generic issue format as of 10.3 (`sonar.externalIssuesReportPaths`): the rules the
// report uses, each with its Clean Code attribute and its impact on one software quality, then
// the issues. hadolint writes the format 10.3 deprecated, without rules.
type Quality = 'MAINTAINABILITY' | 'RELIABILITY' | 'SECURITY';

const qualities: Record<RuleCategory, Quality> = {
  layers: 'MAINTAINABILITY',
  cache: 'MAINTAINABILITY',
  volume: 'RELIABILITY',
  expose: 'RELIABILITY',
  correctness: 'RELIABILITY',
  security: 'SECURITY',
  style: 'MAINTAINABILITY',
  network: 'RELIABILITY',
  address: 'RELIABILITY',
  legacy: 'MAINTAINABILITY',
  reachability: 'RELIABILITY',
  ports: 'RELIABILITY',
  live: 'RELIABILITY',
};

const attributes: Record<RuleCategory, string> = {
  layers: 'EFFICIENT',
  cache: 'EFFICIENT',
  volume: 'LOGICAL',
  expose: 'LOGICAL',
  correctness: 'LOGICAL',
  security: 'TRUSTWORTHY',
  style: 'CONVENTIONAL',
  network: 'LOGICAL',
  address: 'LOGICAL',
  legacy: 'CONVENTIONAL',
  reachability: 'LOGICAL',
  ports: 'LOGICAL',
  live: 'LOGICAL',
};

// HIGH, MEDIUM and LOW are the impact severities every version since 10.3 reads.
const impactSeverities: Record<RuleSeverity, string> = {
  error: 'HIGH',
  warning: 'MEDIUM',
  info: 'LOW',
  hint: 'LOW',
};

/** 1-based lines, 0-based columns; a range of no width gives lines only, which SonarQube takes whole. */
function textRange({ start, end }: Finding['range']) {
  const lines = { startLine: start.line + 1, endLine: end.line + 1 };
  const empty = start.line === end.line && start.character >= end.character;
  return empty ? lines : { ...lines, startColumn: start.character, endColumn: end.character };
}

export const formatSonarQube: Formatter = ({ results, lang }) => {
  const rules = new Map<string, object>();
  const issues = results.flatMap(({ file, findings }) =>
    findings.map((f) => {
      const { id, category, docs } = f.rule;
      if (!rules.has(id))
        rules.set(id, {
          id,
          name: docs[lang].title,
          description: docs[lang].explanation,
          engineId: 'berth-lint',
          cleanCodeAttribute: attributes[category],
          // The first finding's severity: --error and the configs' override may have changed it.
          impacts: [{ softwareQuality: qualities[category], severity: impactSeverities[f.severity] }],
        });
      return {
        ruleId: id,
        primaryLocation: {
          message: f.message[lang],
          filePath: file.replace(/\\/g, '/'),
          textRange: textRange(f.range),
        },
      };
    }),
  );
  return JSON.stringify({ rules: [...rules.values()], issues }, null, 2) + '\n';
};
