import { parseErrorRule } from '../../dockerfile/lint/registry';
import { record, type Formatter, type JsonFinding } from './records';
import { xml } from './xml';

// As eslint's and hadolint's junit reports: a testsuite per file and a testcase per finding, so
// that GitLab, Jenkins and Azure list each finding as a failed test under its file; a clean file
// is one passing testcase, so that it shows up as checked. A file Docker cannot parse is an
// <error>, every other finding a <failure> whatever its severity, as both peers do.
function testcase(r: JsonFinding): string[] {
  const tag = r.rule === parseErrorRule.id ? 'error' : 'failure';
  const aliases = r.aliases.length ? ` (${r.aliases.join(', ')})` : '';
  const detail = `${r.file}:${r.line}:${r.column} ${r.severity} ${r.rule}${aliases}: ${r.message}`;
  return [
    `    <testcase classname="${xml(r.file)}" name="${xml(`${r.rule} ${r.line}:${r.column}`)}" file="${xml(r.file)}" line="${r.line}" time="0">`,
    `      <${tag} type="${r.severity}" message="${xml(r.message)}">${xml(detail)}</${tag}>`,
    '    </testcase>',
  ];
}

export const formatJunit: Formatter = ({ results, lang }) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const { file, findings } of results) {
    const rows = findings.map((f) => record(file, f, lang));
    const suiteErrors = rows.filter((r) => r.rule === parseErrorRule.id).length;
    const suiteFailures = rows.length - suiteErrors;
    const cases = rows.length
      ? rows.flatMap(testcase)
      : [`    <testcase classname="${xml(file)}" name="berth-lint" file="${xml(file)}" time="0"/>`];
    const count = Math.max(rows.length, 1);
    tests += count;
    failures += suiteFailures;
    errors += suiteErrors;
    suites.push(
      `  <testsuite name="${xml(file)}" tests="${count}" failures="${suiteFailures}" errors="${suiteErrors}" skipped="0" time="0">`,
      ...cases,
      '  </testsuite>',
    );
  }
  return (
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="berth-lint" tests="${tests}" failures="${failures}" errors="${errors}" time="0">`,
      ...suites,
      '</testsuites>',
    ].join('\n') + '\n'
  );
};
