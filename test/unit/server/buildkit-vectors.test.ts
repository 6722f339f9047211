import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { dumpDockerfile, parseDockerfile } from '../../../server/src/dockerfile/parser';
import { corpusDir } from './sharedCorpus';

void test('BuildKit parser vectors: positive cases dump exactly as BuildKit', (t) => {
  const dir = corpusDir(t, 'buildkit-parser');
  if (!dir) return;
  const cases = fs.readdirSync(dir).filter((name) => !name.startsWith('testfiles-negative__'));
  assert.ok(cases.length > 0);
  const failures: string[] = [];
  for (const name of cases) {
    const source = fs.readFileSync(path.join(dir, name, 'Dockerfile'), 'utf8');
    const expected = fs.readFileSync(path.join(dir, name, 'result'), 'utf8');
    const file = parseDockerfile(source);
    const actual = dumpDockerfile(file);
    if (file.errors.length > 0) failures.push(`${name}: unexpected error ${file.errors[0].message}`);
    else if (actual !== expected) failures.push(`${name}:\n--- expected\n${expected}--- actual\n${actual}`);
  }
  t.diagnostic(`${cases.length - failures.length}/${cases.length} positive vectors equal`);
  assert.deepEqual(failures, []);
});

void test('BuildKit parser vectors: negative cases give a parse error', (t) => {
  const dir = corpusDir(t, 'buildkit-parser');
  if (!dir) return;
  const cases = fs.readdirSync(dir).filter((name) => name.startsWith('testfiles-negative__'));
  assert.ok(cases.length > 0);
  for (const name of cases) {
    const file = parseDockerfile(fs.readFileSync(path.join(dir, name, 'Dockerfile'), 'utf8'));
    assert.ok(file.errors.length > 0, `${name} must be rejected`);
    assert.match(file.errors[0].message, /\w{4,}/, `${name} needs a readable message`);
  }
  t.diagnostic(`${cases.length}/${cases.length} negative vectors rejected`);
});
