// berth-lint on Compose files: found in folder scans, linted with the static rules, in every format.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { before, test } from 'node:test';
import { bundle } from './bundle';

let cli: string;
const fixtures = path.resolve(__dirname, '..', '..', 'fixtures', 'compose');

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: fixtures });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  cli = await bundle('cli');
});

void test('a folder scan finds the Compose files beside the Dockerfile, and lints them', () => {
  const r = run('--format', 'json', 'app');
  assert.equal(r.code, 1, r.stderr);
  const records = JSON.parse(r.stdout) as Array<{ file: string; rule: string; line: number }>;
  const compose = records.filter((x) => x.file.endsWith('compose.yaml'));
  assert.deepEqual(
    compose.map((x) => `${x.line} ${x.rule}`),
    ['8 port-not-exposed', '10 bind-hides-image-content', '12 missing-bind-source', '14 missing-bind-source'],
  );
});

void test('SARIF and checkstyle carry the Compose rules; --list-rules lists them; live rules never run', () => {
  const sarif = JSON.parse(run('--format', 'sarif', 'app/compose.yaml').stdout) as {
    runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string }> }>;
  };
  const ids = sarif.runs[0].tool.driver.rules.map((r) => r.id);
  assert.ok(ids.includes('undeclared-network') && ids.includes('external-network-missing'));
  assert.ok(sarif.runs[0].results.some((x) => x.ruleId === 'missing-bind-source'));
  assert.match(
    run('--format', 'checkstyle', 'app/compose.yaml').stdout,
    /source="berth\.missing-bind-source"/,
  );
  assert.match(run('--list-rules').stdout, /^unreachable-by-name\s+warning\s+reachability/m);
  const text = run('--lang', 'zh-cn', 'app/compose.yaml').stdout;
  assert.match(text, /属于 root 的空目录/);
  assert.doesNotMatch(text, /external-|host-port-in-use|subnet-overlap/);
});
