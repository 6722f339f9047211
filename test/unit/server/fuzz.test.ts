import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { dumpDockerfile, parseDockerfile, type Range } from '../../../server/src/dockerfile/parser';
import { lint } from '../../../server/src/dockerfile/lint/lint';
import { fuzzInputs } from './fuzzInputs';
import { corpusDir } from './sharedCorpus';

function validRange(r: Range, lineCount: number): boolean {
  const ok = (n: number): boolean => Number.isInteger(n) && n >= 0;
  return (
    ok(r.start.line) &&
    ok(r.start.character) &&
    ok(r.end.line) &&
    ok(r.end.character) &&
    r.end.line < lineCount &&
    (r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character))
  );
}

// Time is bench/fuzz.ts's business; here every input must lint without throwing, and every
// diagnostic must be one an editor can place.
void test('fuzz: mutated corpus files, random text and extreme inputs lint into valid diagnostics', (t) => {
  const dir = corpusDir(t, 'real');
  if (!dir) return;
  const corpus = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const inputs = fuzzInputs(corpus, 0xb3e7, 3000, 300, 128 * 1024);
  let total = 0;
  for (const { name, source } of inputs) {
    const start = performance.now();
    let findings;
    let file;
    try {
      file = parseDockerfile(source);
      dumpDockerfile(file);
      findings = lint(source, { env: { hasDockerignore: false } }, file);
    } catch (err) {
      assert.fail(`${name} threw: ${err instanceof Error ? err.stack : String(err)}`);
    }
    total += performance.now() - start;
    // Messages are built only for a failure: a 128 KB extreme has tens of thousands of findings.
    const lines = Math.max(1, file.lineCount);
    const bad = findings.find(
      (f) =>
        f.message.en.startsWith('internal error') ||
        f.message.en === '' ||
        f.message['zh-cn'] === '' ||
        !validRange(f.range, lines),
    );
    if (bad) assert.fail(`${name}: ${bad.rule.id} "${bad.message.en}" at ${JSON.stringify(bad.range)}`);
  }
  t.diagnostic(`${inputs.length} inputs in ${total.toFixed(0)} ms (timings: bench/fuzz.ts)`);
});
