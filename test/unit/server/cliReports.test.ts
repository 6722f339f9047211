// berth-lint's reports as hadolint pipelines write them: several formats, each to its own output,
// set by flags, the config or HADOLINT_FORMAT; files replaced whole; the SonarQube and Codacy formats.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pairReports, writeReport } from '../../../server/src/cli/reports';
import { cliProcess, type CliProcess } from './cliProcess';

let cli: CliProcess;
const inDir = (rel: string) => path.join(cli.dir, rel);
const read = (rel: string) => fs.readFileSync(inDir(rel), 'utf8');

before(async () => {
  cli = await cliProcess();
  cli.write('app/Dockerfile', 'FROM nginx\nEXPOSE 80:80\n');
  cli.write('other/Dockerfile', 'FROM nginx:1.27\n');
});

after(() => cli.dispose());

const rulesIn = (json: string) => (JSON.parse(json) as Array<{ rule: string }>).map((r) => r.rule);

void test("formats and outputs pair by position, as hadolint's -f and -o", () => {
  assert.deepEqual(pairReports([], []), [{ format: 'text', output: '-' }]);
  assert.deepEqual(pairReports(['json'], []), [{ format: 'json', output: '-' }]);
  assert.deepEqual(pairReports([], ['a.txt']), [{ format: 'text', output: 'a.txt' }]);
  assert.deepEqual(pairReports(['sarif', 'json', 'gnu'], ['-', 'b.json']), [
    { format: 'sarif', output: '-' },
    { format: 'json', output: 'b.json' },
    { format: 'gnu', output: '-' },
  ]);
  assert.deepEqual(pairReports(['json'], ['/dev/stdout']), [{ format: 'json', output: '-' }]);
  assert.deepEqual(pairReports(['json'], ['a.json', 'b.txt']), [
    { format: 'json', output: 'a.json' },
    { format: 'text', output: 'b.txt' },
  ]);
});

void test('-f text -f sarif -o - -o report.sarif: text on the terminal, SARIF in the file', () => {
  const r = cli.run(['-f', 'text', '-f', 'sarif', '-o', '-', '-o', 'report.sarif', 'app/Dockerfile']);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^app\/Dockerfile:2:8 error expose-host-mapping/m);
  assert.doesNotMatch(r.stdout, /\$schema/);
  const sarif = JSON.parse(read('report.sarif')) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
  assert.deepEqual(
    sarif.runs[0].results.map((x) => x.ruleId),
    ['from-untagged', 'expose-host-mapping'],
  );
  // An output with no format gets text; two formats with no output both go to standard output.
  assert.equal(cli.run(['--output=plain.txt', 'app/Dockerfile']).stdout, '');
  assert.match(read('plain.txt'), /1 file: 1 error, 1 warning/);
  const both = cli.run(['-f', 'gnu', '--format', 'codacy', 'other/Dockerfile']);
  assert.equal(both.code, 0, both.stderr);
  assert.equal(both.stdout, '');
  const twice = cli.run(['-f', 'gnu', '-f', 'gnu', 'app/Dockerfile']).stdout.split('\n');
  assert.equal(twice.filter((line) => line.includes('[expose-host-mapping]')).length, 2);
});

void test("a config's format or formats, and HADOLINT_FORMAT, under --format", () => {
  cli.write('cfg/.hadolint.yaml', 'formats: [gnu]\nformat: json\n');
  cli.write('cfg/Dockerfile', 'FROM nginx\n');
  const configured = cli.run([
    '-o',
    '-',
    '-o',
    'cfg.json',
    '--config',
    'cfg/.hadolint.yaml',
    'cfg/Dockerfile',
  ]);
  assert.match(configured.stdout, /^cfg\/Dockerfile:1:6: warning: .* \[from-untagged\]$/m);
  assert.deepEqual(rulesIn(read('cfg.json')), ['from-untagged']);
  // The flags' formats win over the config's instead of adding to them as in hadolint.
  const flagged = cli.run(['-f', 'codacy', '--config', 'cfg/.hadolint.yaml', 'cfg/Dockerfile']);
  assert.deepEqual(JSON.parse(flagged.stdout), {
    filename: 'cfg/Dockerfile',
    patternId: 'DL3006',
    message: '`nginx` has no tag, so it means `nginx:latest`. Pin a version tag.',
    line: 1,
  });
  // The run's config is the working folder's: cfg/.hadolint.yaml does not set the format of a run
  // started above it.
  assert.match(cli.run(['cfg/Dockerfile']).stdout, /^cfg\/Dockerfile:1:6 warning from-untagged/m);
  const env = cli.run(['other/Dockerfile', 'app/Dockerfile'], { env: { HADOLINT_FORMAT: 'json,tty' } });
  const [json, text] = env.stdout.split(/(?<=^\]\n)/m);
  assert.deepEqual(rulesIn(json), ['from-untagged', 'expose-host-mapping']);
  assert.match(text, /2 files: 1 error, 1 warning/);
  cli.write('bad/.hadolint.yaml', 'format: fancy\n');
  const bad = cli.run(['--config', 'bad/.hadolint.yaml', 'other/Dockerfile']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /bad\/\.hadolint\.yaml: format "fancy" is none berth-lint writes \(text, json,/);
  cli.write('bad/.hadolint.yaml', 'format: [json]\n');
  assert.match(
    cli.run(['--config', 'bad/.hadolint.yaml', 'other/Dockerfile']).stderr,
    /format must be the name of a format/,
  );
});

void test('a report file is replaced whole: its link followed, its mode kept, nothing left beside it', () => {
  cli.write('keep/report.json', 'old\n');
  fs.chmodSync(inDir('keep/report.json'), 0o600);
  fs.symlinkSync('report.json', inDir('keep/latest.json'));
  const r = cli.run(['-f', 'json', '-o', 'keep/latest.json', 'other/Dockerfile']);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(fs.lstatSync(inDir('keep/latest.json')).isSymbolicLink());
  assert.deepEqual(JSON.parse(read('keep/report.json')), []);
  assert.equal(fs.statSync(inDir('keep/report.json')).mode & 0o777, 0o600);
  assert.deepEqual(fs.readdirSync(inDir('keep')).sort(), ['latest.json', 'report.json']);
});

void test('a write that fails leaves the old report, and a file of the temporary name that was there', () => {
  const dir = fs.mkdtempSync(path.join(cli.dir, 'fail-'));
  const target = path.join(dir, 'report.json');
  fs.writeFileSync(target, 'old\n');
  // Something already holds the name the new report would be written under first.
  const squatter = path.join(dir, `.report.json.${process.pid}.berth-lint`);
  fs.writeFileSync(squatter, 'not ours\n');
  assert.throws(() => writeReport(target, '[]\n'), /EEXIST/);
  assert.equal(fs.readFileSync(target, 'utf8'), 'old\n');
  assert.equal(fs.readFileSync(squatter, 'utf8'), 'not ours\n');
});

void test('/dev/stdout and /dev/stderr are the streams; a device is written to, never replaced', (t) => {
  // The test's pipes are sockets, which /dev/stdout cannot open by name.
  const streams = cli.run([
    '-f',
    'json',
    '-f',
    'gnu',
    '-o',
    '/dev/stdout',
    '-o',
    '/dev/stderr',
    'app/Dockerfile',
  ]);
  assert.equal(streams.code, 1, streams.stderr);
  assert.deepEqual(rulesIn(streams.stdout), ['from-untagged', 'expose-host-mapping']);
  assert.match(streams.stderr, /^app\/Dockerfile:2:8: error: .* \[expose-host-mapping\]$/m);
  assert.ok(fs.lstatSync('/dev/stdout').isSymbolicLink());
  if (!fs.existsSync('/dev/full')) {
    t.skip('no /dev/full here to fail a write with');
    return;
  }
  const full = cli.run(['-o', '/dev/full', 'other/Dockerfile']);
  assert.equal(full.code, 2);
  assert.match(full.stderr, /could not write \/dev\/full \(ENOSPC/);
  assert.ok(fs.statSync('/dev/full').isCharacterDevice());
});

void test('outputs that cannot be written are refused before anything is linted', () => {
  const refused = (args: string[], message: RegExp) => {
    const r = cli.run([...args, 'app/Dockerfile']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, message);
  };
  refused(['-o', 'nowhere/report.txt'], /--output nowhere\/report\.txt: the folder .*nowhere does not exist/);
  refused(['-o', 'app'], /--output app is a folder: name a file in it/);
  refused(['-o', 'a.txt', '-f', 'json', '-o', './a.txt'], /--output \.\/a\.txt is given twice/);
  refused(['-o', ''], /--output needs a file name/);
  refused(['--list-rules', '-f', 'json', '-o', 'rules.json'], /--list-rules prints to standard output/);
});

void test('--file-path-in-report names the file in every report; with several files it is refused', () => {
  const r = cli.run(['-f', 'json', '-f', 'checkstyle', '--file-path-in-report', 'src/Dockerfile', '-'], {
    input: 'FROM nginx\n',
  });
  const [json, xml] = r.stdout.split(/(?<=^\]\n)/m);
  assert.deepEqual(
    (JSON.parse(json) as Array<{ file: string }>).map((f) => f.file),
    ['src/Dockerfile'],
  );
  assert.match(xml, /<file name="src\/Dockerfile">/);
  const many = cli.run(['--file-path-in-report', 'x', 'app/Dockerfile', 'other/Dockerfile']);
  assert.equal(many.code, 2);
  assert.match(many.stderr, /names the one file a report is about, and 2 files are linted/);
});

void test('--verbose, verbose: true and HADOLINT_VERBOSE say which config, variables and reports a run used', () => {
  cli.write('v/.hadolint.yaml', 'ignored: [DL3006]\n');
  cli.write('v/Dockerfile', 'FROM nginx\n');
  const r = cli.run(['-V', '-f', 'json', '-o', 'v.json', 'v/Dockerfile', 'other/Dockerfile'], {
    env: { HADOLINT_NOFAIL: '1' },
  });
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.ok(lines.includes(`berth-lint: 1 Dockerfile linted with ${inDir('v/.hadolint.yaml')}`), r.stderr);
  assert.ok(lines.includes('berth-lint: 1 Dockerfile linted with no config file'), r.stderr);
  assert.ok(lines.includes('berth-lint: read from the environment: HADOLINT_NOFAIL'), r.stderr);
  assert.ok(lines.includes('berth-lint: wrote json to v.json'), r.stderr);
  assert.equal(cli.run(['other/Dockerfile']).stderr, '');
  assert.match(
    cli.run(['other/Dockerfile'], { env: { HADOLINT_VERBOSE: 'yes' } }).stderr,
    /wrote text to standard output/,
  );
  cli.write('.hadolint.yaml', 'verbose: true\nno-color: true\n');
  try {
    const configured = cli.run(['other/Dockerfile'], { env: { FORCE_COLOR: '1' } });
    assert.match(configured.stderr, /wrote text to standard output/);
    // no-color: true wins over FORCE_COLOR, as the config file wins over the environment.
    assert.ok(!configured.stdout.includes(String.fromCharCode(27)), configured.stdout);
  } finally {
    fs.unlinkSync(inDir('.hadolint.yaml'));
  }
});

void test('sonarqube: the generic issue format of SonarQube 10.3 and later, rules and issues', () => {
  const report = JSON.parse(cli.run(['-f', 'sonarqube', 'app/Dockerfile']).stdout) as {
    rules: Array<Record<string, unknown>>;
    issues: Array<{ ruleId: string; primaryLocation: Record<string, unknown> }>;
  };
  assert.deepEqual(
    report.rules.map((rule) => [rule.id, rule.engineId, rule.cleanCodeAttribute, rule.impacts]),
    [
      ['from-untagged', 'berth-lint', 'LOGICAL', [{ softwareQuality: 'RELIABILITY', severity: 'MEDIUM' }]],
      [
        'expose-host-mapping',
        'berth-lint',
        'LOGICAL',
        [{ softwareQuality: 'RELIABILITY', severity: 'HIGH' }],
      ],
    ],
  );
  for (const rule of report.rules) {
    assert.equal(typeof rule.name, 'string');
    assert.ok((rule.description as string).length > 20);
  }
  assert.deepEqual(report.issues[1], {
    ruleId: 'expose-host-mapping',
    primaryLocation: {
      message:
        '`80:80` is a publish mapping; it belongs to `docker run -p 80:80`. EXPOSE takes only the container port (`80`).',
      filePath: 'app/Dockerfile',
      textRange: { startLine: 2, endLine: 2, startColumn: 7, endColumn: 12 },
    },
  });
  const clean = JSON.parse(cli.run(['-f', 'sonarqube', 'other/Dockerfile']).stdout) as unknown;
  assert.deepEqual(clean, { rules: [], issues: [] });
});

void test('codacy: one object a line, patterns by their hadolint code where the rule has one', () => {
  const lines = cli.run(['-f', 'codacy', 'app/Dockerfile']).stdout.trim().split('\n');
  assert.deepEqual(
    lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .map((x) => [x.filename, x.patternId, x.line]),
    [
      ['app/Dockerfile', 'DL3006', 1],
      ['app/Dockerfile', 'expose-host-mapping', 2],
    ],
  );
});
