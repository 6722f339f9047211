// Names typed for new entries and the scratch names a save or an upload uses beside its target.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkNewName,
  cleanPath,
  isWithin,
  newNameProblem,
  scratchName,
} from '../../../client/src/archiveFiles/core/paths';
import { PathRefusedError } from '../../../client/src/archiveFiles/core/errors';

void test('a new name is refused with the reason: empty, absolute, dot names, NUL, too long', () => {
  assert.match(newNameProblem('  ') ?? '', /Enter a name/);
  assert.match(newNameProblem('/etc/passwd') ?? '', /absolute path/);
  assert.match(newNameProblem('a/../b') ?? '', /"\." or "\.\."/);
  assert.match(newNameProblem('.') ?? '', /"\." or "\.\."/);
  assert.match(newNameProblem('a\0b') ?? '', /NUL/);
  assert.match(newNameProblem('x'.repeat(256)) ?? '', /longer than 255 bytes/);
  assert.match(newNameProblem('数'.repeat(86)) ?? '', /longer than 255 bytes/, 'bytes, not characters');
  assert.equal(newNameProblem('数'.repeat(85)), undefined);
  assert.equal(newNameProblem('conf/app.ini'), undefined, 'slashes make sub-folders');
  assert.equal(checkNewName('conf//app.ini'), 'conf/app.ini');
  assert.throws(() => checkNewName('../x'), PathRefusedError);
});

void test('paths inside a root are normalised; ".." and NUL never pass', () => {
  assert.equal(cleanPath('/a/./b//c/'), 'a/b/c');
  assert.equal(cleanPath(''), '');
  assert.throws(() => cleanPath('a/../b'), PathRefusedError);
  assert.throws(() => cleanPath('a\0'), PathRefusedError);
  assert.equal(isWithin('a/b', 'a'), true);
  assert.equal(isWithin('ab', 'a'), false);
  assert.equal(isWithin('anything', ''), true);
});

void test('a scratch name is hidden, says what it is for and fits in a file name', () => {
  const one = scratchName('save', 'app.ini');
  assert.match(one, /^\.berth-save-[0-9a-f]{8}~app\.ini$/);
  assert.notEqual(one, scratchName('save', 'app.ini'), 'random, so two saves never share one');
  assert.match(scratchName('upload'), /^\.berth-upload-[0-9a-f]{8}$/);
  const long = scratchName('save', '数'.repeat(85));
  assert.ok(Buffer.byteLength(long) <= 255, `${Buffer.byteLength(long)} bytes`);
});
