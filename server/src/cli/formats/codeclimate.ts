import { createHash } from 'node:crypto';
import { isAbsolute, relative as relativePath, resolve, sep } from 'node:path';
import type { RuleCategory, RuleSeverity } from '../../../../common/rules';
import { records, type Formatter } from './records';

// GitLab Code Quality reads a subset of the Code Climate issue: description, check_name,
// fingerprint, severity (info, minor, major, critical, blocker) and location.path with
// location.lines.begin; it ignores the rest, which Code Climate's own tools read.
const severities: Record<RuleSeverity, string> = {
  error: 'critical',
  warning: 'major',
  info: 'minor',
  hint: 'info',
};

const categories: Record<RuleCategory, string> = {
  layers: 'Performance',
  cache: 'Performance',
  volume: 'Bug Risk',
  expose: 'Bug Risk',
  correctness: 'Bug Risk',
  security: 'Security',
  style: 'Style',
  network: 'Bug Risk',
  address: 'Bug Risk',
  legacy: 'Style',
  reachability: 'Bug Risk',
  ports: 'Bug Risk',
  live: 'Bug Risk',
};

/** Relative to the project (the working directory), with forward slashes, as GitLab links it. */
function projectPath(file: string, cwd: string): string {
  const relative = relativePath(cwd, resolve(cwd, file));
  const inside = relative !== '' && !relative.startsWith('..') && !isAbsolute(relative);
  return (inside ? relative : file).split(sep).join('/');
}

/**
 * GitLab shows one issue per fingerprint and compares them between branches, so it must be
 * unique in a report and survive edits elsewhere in the file: the path, the rule and the message,
 * plus how many equal ones came before, and not the line number.
 */
function fingerprint(parts: readonly string[]): string {
  return createHash('md5').update(parts.join('\0')).digest('hex');
}

export const formatCodeClimate: Formatter = ({ results, lang, cwd }) => {
  const seen = new Map<string, number>();
  const issues = records(results, lang).map((r) => {
    const file = projectPath(r.file, cwd);
    const key = [file, r.rule, r.message].join('\0');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return {
      type: 'issue',
      check_name: r.rule,
      description: r.message,
      categories: [categories[r.category]],
      severity: severities[r.severity],
      fingerprint: fingerprint([file, r.rule, r.message, String(occurrence)]),
      location: { path: file, lines: { begin: r.line, end: r.endLine } },
    };
  });
  return JSON.stringify(issues, null, 2) + '\n';
};
