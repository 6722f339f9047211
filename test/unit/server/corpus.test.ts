import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { lint } from '../../../server/src/dockerfile/lint/lint';
import { corpusDir } from './sharedCorpus';

void test('the real-world corpus lints without a crash; counts by rule and severity', (t) => {
  const dir = corpusDir(t, 'real');
  if (!dir) return;
  const files = fs.readdirSync(dir).sort();
  assert.ok(files.length >= 200, `expected the 211 corpus files, found ${files.length}`);
  const byRule = new Map<string, number>();
  const bySeverity = new Map<string, number>();
  const internal: string[] = [];
  for (const name of files) {
    const source = fs.readFileSync(path.join(dir, name), 'utf8');
    for (const f of lint(source)) {
      const key = `${f.severity.padEnd(7)} ${f.rule.id}`;
      byRule.set(key, (byRule.get(key) ?? 0) + 1);
      bySeverity.set(f.severity, (bySeverity.get(f.severity) ?? 0) + 1);
      if (f.message.en.startsWith('internal error')) internal.push(`${name}: ${f.message.en}`);
      if (f.rule.id === 'parse-error') internal.push(`${name}:${f.range.start.line + 1}: ${f.message.en}`);
    }
  }
  for (const [key, count] of [...byRule].sort((a, b) => b[1] - a[1]))
    t.diagnostic(`${String(count).padStart(5)}  ${key}`);
  t.diagnostic(
    `by severity: ${[...bySeverity].map(([s, n]) => `${s} ${n}`).join(', ')} over ${files.length} files`,
  );
  assert.deepEqual(internal, [], 'no rule may crash and every corpus file must parse');
});
