import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { countFlag, flagValues, hasAnyFlag, operands } from '../../../server/src/dockerfile/lint/commandArgs';

/** A command's words after the program, as the shell reader gives them. */
function cmd(...values: string[]): { args: Array<{ value: string; start: number; end: number }> } {
  return { args: values.map((value) => ({ value, start: 0, end: 0 })) };
}

void test('flags are read as hadolint reads them: clusters, long names, values after =', () => {
  assert.ok(hasAnyFlag(cmd('install', '-qy', 'curl'), ['y']));
  assert.ok(hasAnyFlag(cmd('-qO-', 'https://x'), ['q']));
  assert.ok(hasAnyFlag(cmd('--progress=dot:giga', 'x'), ['progress']));
  assert.ok(!hasAnyFlag(cmd('install', 'y'), ['y']), 'an operand is no flag');
  assert.ok(!hasAnyFlag(cmd('--'), ['-', '']), '`--` ends the options and holds no flag');
  assert.ok(!hasAnyFlag(cmd('-', 'x'), ['-']), 'a lone dash is an operand');
  assert.equal(countFlag(cmd('install', '-q', '-q'), 'q'), 2);
  assert.equal(countFlag(cmd('install', '-qq'), 'q'), 2);
  assert.equal(countFlag(cmd('--quiet', '--quiet=1'), 'quiet'), 2);
});

void test('operands leave out flags, and the value of a flag that takes one', () => {
  const values = (c: ReturnType<typeof cmd>, takes?: string[]): string[] =>
    operands(c, takes).map((w) => w.value);
  assert.deepEqual(values(cmd('add', '--no-cache', 'curl', 'git=2.4')), ['add', 'curl', 'git=2.4']);
  assert.deepEqual(values(cmd('add', '--virtual', '.deps', 'gcc'), ['virtual']), ['add', 'gcc']);
  assert.deepEqual(values(cmd('add', '--virtual=.deps', 'gcc'), ['virtual']), ['add', 'gcc']);
  assert.deepEqual(values(cmd('add', '-t', '.deps', '-X', 'https://r', 'gcc'), ['t', 'X']), ['add', 'gcc']);
  assert.deepEqual(values(cmd('install', '--', 'x')), ['install', '--', 'x']);
});

void test('a short flag gives the word after it as its value', () => {
  assert.deepEqual(flagValues(cmd('-m', '-u', '123456', 'app'), 'u'), ['123456']);
  assert.deepEqual(flagValues(cmd('-lu', '1000', 'app'), 'u'), ['1000']);
  assert.deepEqual(flagValues(cmd('--uid', '123456', 'app'), 'u'), []);
});
