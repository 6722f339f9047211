// berth-lint's CI-facing contract: standard input, the gnu, codeclimate and junit formats, colour.
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { wantsColor } from '../../../server/src/cli/color';
import { requireOrSkip } from '../../harness/require';
import { cliProcess, type CliProcess } from './cliProcess';

let cli: CliProcess;
const esc = String.fromCharCode(27);
// Built from a string: a control character in a regular expression literal reads as a typo.
const ansi = new RegExp(`${esc}\\[\\d+m`);
const withoutAnsi = (text: string) => text.replace(new RegExp(ansi.source, 'g'), '');

before(async () => {
  cli = await cliProcess();
  cli.write('app/Dockerfile', 'FROM alpine:3.20\nEXPOSE 80:80\n');
  cli.write('clean/Dockerfile', 'FROM alpine:3.20\nUSER nobody\n');
  cli.write('twice/Dockerfile', 'FROM alpine:3.20\nEXPOSE 80:80\nEXPOSE 80:80\n');
  cli.write('broken/Dockerfile', 'FROM alpine:3.20\nLABEL a\n');
  cli.write('cfg/.hadolint.yaml', 'ignored: [DL3006]\n');
  cli.write('cfg/.dockerignore', '.git\n');
});

after(() => cli.dispose());

const untaggedCopy = 'FROM nginx\nCOPY . /app\n';
const rulesOf = (stdout: string) =>
  (JSON.parse(stdout) as Array<{ file: string; rule: string }>).map((r) => r.rule);

void test('- reads standard input, reported as -, with the config of the working folder', () => {
  const r = cli.run(['--format', 'json', '-'], { input: untaggedCopy });
  assert.equal(r.code, 1);
  const records = JSON.parse(r.stdout) as Array<{ file: string; rule: string }>;
  assert.deepEqual(
    records.map((f) => [f.file, f.rule]),
    [
      ['-', 'from-untagged'],
      ['-', 'copy-all-without-dockerignore'],
    ],
  );
});

void test('--stdin-filename names standard input and finds the .hadolint.yaml and .dockerignore beside it', () => {
  const r = cli.run(['--format', 'json', '--stdin-filename', 'cfg/Dockerfile', '-'], { input: untaggedCopy });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), []);
  const text = cli.run(['--stdin-filename=elsewhere/Dockerfile', '-'], { input: untaggedCopy });
  assert.match(text.stdout, /^elsewhere\/Dockerfile:1:6 warning from-untagged/m);
  const lonely = cli.run(['--stdin-filename', 'cfg/Dockerfile', 'app/Dockerfile']);
  assert.equal(lonely.code, 2);
  assert.match(lonely.stderr, /--stdin-filename names standard input: give - among the files/);
  assert.equal(cli.run(['-', '-'], { input: untaggedCopy }).code, 2);
  assert.deepEqual(
    rulesOf(cli.run(['--format', 'json', 'app/Dockerfile', '-'], { input: untaggedCopy }).stdout),
    ['expose-host-mapping', 'from-untagged', 'copy-all-without-dockerignore'],
  );
});

void test('gnu: file:line:column: severity: message [rule], one a line', () => {
  const r = cli.run(['--format', 'gnu', 'app/Dockerfile']);
  assert.equal(r.code, 1);
  assert.match(
    r.stdout,
    /^app\/Dockerfile:2:8: error: `80:80` is a publish mapping[^\n]* \[expose-host-mapping\]\n$/,
  );
});

interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

void test('codeclimate: the fields GitLab Code Quality reads, unique fingerprints that survive a moved line', () => {
  const issues = JSON.parse(
    cli.run(['--format', 'codeclimate', 'app', 'twice']).stdout,
  ) as CodeQualityIssue[];
  assert.equal(issues.length, 3);
  for (const issue of issues) {
    assert.equal(typeof issue.description, 'string');
    assert.equal(issue.check_name, 'expose-host-mapping');
    assert.match(issue.fingerprint, /^[0-9a-f]{32}$/);
    assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity));
  }
  assert.deepEqual(
    issues.map((i) => [i.location.path, i.location.lines.begin, i.severity]),
    [
      ['app/Dockerfile', 2, 'critical'],
      ['twice/Dockerfile', 2, 'critical'],
      ['twice/Dockerfile', 3, 'critical'],
    ],
  );
  assert.equal(new Set(issues.map((i) => i.fingerprint)).size, 3, 'GitLab shows one issue per fingerprint');

  // An absolute path inside the project is reported relative to it.
  const absolute = JSON.parse(
    cli.run(['--format', 'codeclimate', `${cli.dir}/app/Dockerfile`]).stdout,
  ) as CodeQualityIssue[];
  assert.equal(absolute[0].location.path, 'app/Dockerfile');
  assert.equal(absolute[0].fingerprint, issues[0].fingerprint);

  cli.write('app/Dockerfile', '# a comment moves everything down\nFROM alpine:3.20\nEXPOSE 80:80\n');
  const moved = JSON.parse(
    cli.run(['--format', 'codeclimate', 'app/Dockerfile']).stdout,
  ) as CodeQualityIssue[];
  cli.write('app/Dockerfile', 'FROM alpine:3.20\nEXPOSE 80:80\n');
  assert.equal(moved[0].location.lines.begin, 3);
  assert.equal(moved[0].fingerprint, issues[0].fingerprint);
  assert.deepEqual(JSON.parse(cli.run(['--format', 'codeclimate', 'clean']).stdout), []);
});

interface JunitCase {
  '@_classname': string;
  '@_name': string;
  '@_line'?: string;
  failure?: { '@_type': string; '@_message': string; '#text': string };
  error?: { '@_type': string; '@_message': string };
}
interface JunitSuite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  testcase: JunitCase[];
}

void test('junit: a testsuite per file, a failing testcase per finding, a passing one for a clean file', () => {
  const r = cli.run(['--format', 'junit', 'app', 'broken', 'clean', 'twice']);
  assert.equal(r.code, 1);
  assert.equal(XMLValidator.validate(r.stdout), true);
  const doc = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['testsuite', 'testcase'].includes(name),
  }).parse(r.stdout) as {
    testsuites: { '@_tests': string; '@_failures': string; '@_errors': string; testsuite: JunitSuite[] };
  };
  const suites = doc.testsuites.testsuite;
  assert.deepEqual(
    suites.map((s) => [s['@_name'], s['@_tests'], s['@_failures'], s['@_errors'], s.testcase.length]),
    [
      ['app/Dockerfile', '1', '1', '0', 1],
      ['broken/Dockerfile', '1', '0', '1', 1],
      ['clean/Dockerfile', '1', '0', '0', 1],
      ['twice/Dockerfile', '2', '2', '0', 2],
    ],
  );
  assert.deepEqual(
    [doc.testsuites['@_tests'], doc.testsuites['@_failures'], doc.testsuites['@_errors']],
    ['5', '3', '1'],
  );
  const [mapping] = suites[0].testcase;
  assert.equal(mapping['@_classname'], 'app/Dockerfile');
  assert.equal(mapping['@_name'], 'expose-host-mapping 2:8');
  assert.equal(mapping.failure?.['@_type'], 'error');
  assert.match(mapping.failure?.['@_message'] ?? '', /^`80:80` is a publish mapping/);
  assert.match(
    mapping.failure?.['#text'] ?? '',
    /^app\/Dockerfile:2:8 error expose-host-mapping \(ExposeInvalidFormat\): /,
  );
  assert.equal(suites[1].testcase[0].error?.['@_type'], 'error');
  const clean = suites[2].testcase[0];
  assert.deepEqual([clean.failure, clean.error], [undefined, undefined]);
  const names = suites[3].testcase.map((c) => c['@_name']);
  assert.deepEqual(names, ['expose-host-mapping 2:8', 'expose-host-mapping 3:8']);
});

void test('colour: never when piped, with FORCE_COLOR or --color, and NO_COLOR or --no-color win', () => {
  const text = (env: Record<string, string>, ...flags: string[]) =>
    cli.run([...flags, 'app/Dockerfile'], { env }).stdout;
  assert.doesNotMatch(text({}), ansi);
  assert.match(text({ FORCE_COLOR: '1' }), ansi);
  assert.match(text({}, '--color'), ansi);
  assert.doesNotMatch(text({ FORCE_COLOR: '0' }), ansi);
  assert.doesNotMatch(text({ FORCE_COLOR: '1', NO_COLOR: '1' }), ansi);
  assert.doesNotMatch(text({ FORCE_COLOR: '1' }, '--no-color'), ansi);
  assert.match(text({ NO_COLOR: '1' }, '--color'), ansi);
  // Machine formats stay plain whatever the terminal.
  assert.doesNotMatch(
    cli.run(['--format', 'gnu', 'app/Dockerfile'], { env: { FORCE_COLOR: '1' } }).stdout,
    ansi,
  );
  // The words stay the same with colour: only escape codes are added.
  assert.equal(withoutAnsi(text({ FORCE_COLOR: '1' })), text({}));
});

void test('wantsColor follows no-color.org: a terminal gets colour unless NO_COLOR is set and not empty', () => {
  assert.equal(wantsColor(undefined, {}, true), true);
  assert.equal(wantsColor(undefined, { NO_COLOR: '1' }, true), false);
  assert.equal(wantsColor(undefined, { NO_COLOR: '' }, true), true);
  assert.equal(wantsColor(undefined, { TERM: 'dumb' }, true), false);
  assert.equal(wantsColor(undefined, {}, false), false);
  assert.equal(wantsColor(undefined, { FORCE_COLOR: 'false' }, true), false);
  assert.equal(wantsColor(false, { FORCE_COLOR: '1' }, true), false);
});

void test('colour on a terminal, none there with NO_COLOR', (t) => {
  const tty = cli.runInTerminal(['app/Dockerfile']);
  if (!requireOrSkip(t, tty !== undefined, 'util-linux script is not installed: no terminal to run in'))
    return;
  assert.equal(tty?.code, 1);
  // The place in bold, the severity in bold red.
  const expected = `${esc}[1mapp/Dockerfile:2:8${esc}[22m ${esc}[1m${esc}[31merror${esc}[39m${esc}[22m`;
  assert.ok(tty?.stdout.includes(expected), JSON.stringify(tty?.stdout));
  const noColor = cli.runInTerminal(['app/Dockerfile'], { NO_COLOR: '1' });
  assert.match(
    noColor?.stdout ?? '',
    /^app\/Dockerfile:2:8 error expose-host-mapping \(ExposeInvalidFormat\): /,
  );
  assert.doesNotMatch(noColor?.stdout ?? '', ansi);
});

void test('the text summary counts each severity, the most severe first, in the language asked', () => {
  cli.write(
    'counts/Dockerfile',
    'FROM alpine:3.20\nEXPOSE 80:80\nEXPOSE 80:80\nRUN apk add curl\nRUN apk add git\n',
  );
  const en = cli.run(['counts/Dockerfile']).stdout.split('\n').at(-2);
  assert.equal(en, '1 file: 2 errors, 2 warnings, 3 info');
  const zh = cli.run(['--lang', 'zh-cn', 'counts/Dockerfile']).stdout.split('\n').at(-2);
  assert.equal(zh, '1 个文件: 2 个错误，2 个警告，3 个信息');
  assert.equal(cli.run(['clean/Dockerfile']).stdout, '1 file: no findings\n');
});
