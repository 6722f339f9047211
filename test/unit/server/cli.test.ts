import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { bundle } from './bundle';

let cli: string;
let dir: string;

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(rel: string, text: string): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

before(async () => {
  cli = await bundle('cli');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-cli-'));
  write('app/Dockerfile', 'FROM alpine:3.20\nEXPOSE 80:80\n');
  write('app/api.Dockerfile', 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\nUSER nobody\n');
  write('app/Containerfile', 'FROM alpine:3.20\nUSER nobody\n');
  write('app/node_modules/pkg/Dockerfile', 'FROM nginx\n');
  write('app/README.md', '# not a Dockerfile\n');
  write('warn/Dockerfile', 'FROM nginx\n');
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

void test('text output names file:line:col, rule and message; findings at the threshold exit 1', () => {
  const r = run('app/Dockerfile');
  assert.equal(r.code, 1);
  assert.match(r.stdout, /app\/Dockerfile:2:8 error expose-host-mapping: `80:80` is a publish mapping/);
  assert.match(r.stdout, /1 file: 1 error/);
});

void test('folders are searched for Dockerfile, *.Dockerfile and Containerfile, skipping node_modules', () => {
  const r = run('--format', 'json', 'app');
  const files = new Set((JSON.parse(r.stdout) as Array<{ file: string }>).map((f) => f.file));
  assert.deepEqual([...files].sort(), [path.join('app', 'Dockerfile')]);
  const all = run('app', '--failure-threshold=none');
  assert.equal(all.code, 0);
  assert.match(all.stdout, /3 files/);
});

void test('JSON records are 1-based and stable in shape', () => {
  const [first] = JSON.parse(run('--format=json', 'app/Dockerfile').stdout) as Array<Record<string, unknown>>;
  assert.deepEqual(
    Object.keys(first).sort(),
    [
      'aliases',
      'category',
      'column',
      'endColumn',
      'endLine',
      'file',
      'line',
      'message',
      'rule',
      'severity',
    ].sort(),
  );
  assert.deepEqual([first.line, first.column, first.endLine, first.endColumn], [2, 8, 2, 13]);
  assert.equal(first.category, 'expose');
});

void test('SARIF and checkstyle', () => {
  const sarif = JSON.parse(run('--format', 'sarif', 'app/Dockerfile').stdout) as {
    version: string;
    runs: Array<{
      results: Array<{ ruleId: string; level: string }>;
      tool: { driver: { rules: unknown[] } };
    }>;
  };
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.runs[0].results[0].ruleId, 'expose-host-mapping');
  assert.equal(sarif.runs[0].results[0].level, 'error');
  assert.ok(sarif.runs[0].tool.driver.rules.length > 50);
  const xml = run('--format', 'checkstyle', 'app/Dockerfile').stdout;
  assert.match(
    xml,
    /<checkstyle version="4.3">[\s\S]*<error line="2" column="8" severity="error" message="`80:80`[^"]*" source="berth.expose-host-mapping"\/>/,
  );
});

void test('failure threshold from the flag and from .hadolint.yaml; --config ignores rules', () => {
  assert.equal(run('warn/Dockerfile').code, 1);
  assert.equal(run('--failure-threshold', 'error', 'warn/Dockerfile').code, 0);
  write('warn/.hadolint.yaml', 'failure-threshold: error\n');
  assert.equal(run('warn/Dockerfile').code, 0);
  const cfg = write('ignore.yaml', 'ignored: [DL3006]\n');
  const r = run('--config', cfg, '--format', 'json', 'warn/Dockerfile');
  assert.deepEqual(JSON.parse(r.stdout), []);
  write('bad.yaml', 'override: {loud: [DL3006]}\n');
  assert.equal(run('--config', path.join(dir, 'bad.yaml'), 'warn/Dockerfile').code, 2);
});

void test('usage errors exit 2 with a message; --help, --list-rules and --lang', () => {
  for (const args of [
    ['--bogus'],
    [],
    ['--format', 'xml', 'app'],
    ['missing/Dockerfile'],
    ['app/README.md', '--lang', 'fr'],
  ]) {
    const r = run(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^berth-lint: \S/);
  }
  assert.match(run('--help').stdout, /Usage: berth-lint/);
  const list = run('--list-rules', '--lang', 'zh-cn');
  assert.equal(list.code, 0);
  assert.match(list.stdout, /expose-host-mapping\s+error\s+expose\s+-\s+EXPOSE 写了/);
  assert.match(run('--lang', 'zh-cn', 'app/Dockerfile').stdout, /发布映射/);
});

void test('--max-instructions stops with a notice; 0 reads every instruction; bad values exit 2', () => {
  // The last stage's USER root is past the limit: read in full the file reports it.
  const lines = ['FROM alpine:3.20', ...Array.from({ length: 30 }, () => 'WORKDIR /app'), 'USER root'];
  write('big/Dockerfile', lines.join('\n') + '\n');
  const cut = run('--format', 'json', '--max-instructions', '10', 'big/Dockerfile');
  const cutRules = JSON.parse(cut.stdout) as Array<{ rule: string; line: number }>;
  assert.deepEqual(
    cutRules.filter((f) => f.rule === 'lint-limit').map((f) => f.line),
    [11],
  );
  assert.ok(!cutRules.some((f) => f.rule === 'last-user-root'));
  const all = run('--format', 'json', '--max-instructions', '0', 'big/Dockerfile');
  const allRules = (JSON.parse(all.stdout) as Array<{ rule: string }>).map((f) => f.rule);
  assert.ok(allRules.includes('last-user-root'));
  assert.ok(!allRules.includes('lint-limit'));
  const bad = run('--max-instructions', 'ten', 'big/Dockerfile');
  assert.equal(bad.code, 2);
  assert.match(
    bad.stderr,
    /--max-instructions must be a whole number \(0 reads every instruction\), not "ten"/,
  );
});

void test('a line over 65,535 bytes fails the file as BuildKit would, with the lines above it checked', () => {
  write('long/Dockerfile', `FROM alpine:3.20\nEXPOSE 80:80\nLABEL a=${'x'.repeat(70000)}\nEXPOSE 81:81\n`);
  const r = run('--format', 'json', 'long/Dockerfile');
  assert.equal(r.code, 1);
  const records = JSON.parse(r.stdout) as Array<{ rule: string; line: number; message: string }>;
  assert.deepEqual(
    records.map((f) => [f.rule, f.line]),
    [
      ['expose-host-mapping', 2],
      ['parse-error', 3],
    ],
  );
  assert.match(
    records[1].message,
    /^dockerfile line greater than max allowed size of 65535\. BuildKit refuses/,
  );
});
