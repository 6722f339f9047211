import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkArchive,
  checkHeader,
  entryPath,
  resolveInside,
  type ArchiveEntry,
  type EntryProblem,
} from '../../../client/src/archiveFiles/core/archiveRules';

function accepted(header: Parameters<typeof checkHeader>[0]): ArchiveEntry {
  const result = checkHeader(header);
  assert.ok(result && !('reason' in result), `expected ${header.name} to pass: ${JSON.stringify(result)}`);
  return result;
}

function refused(header: Parameters<typeof checkHeader>[0]): EntryProblem {
  const result = checkHeader(header);
  assert.ok(result && 'reason' in result, `expected ${header.name} to be refused`);
  return result;
}

void test('entry paths are normalised, and ".." or absolute names are refused', () => {
  assert.deepEqual(entryPath('./a/./b/'), { path: 'a/b' });
  assert.deepEqual(entryPath('./'), { path: '' });
  assert.deepEqual(entryPath('a//b'), { path: 'a/b' });
  assert.match((entryPath('../x') as { reason: string }).reason, /"\.\."/);
  assert.match((entryPath('a/b/../../../x') as { reason: string }).reason, /"\.\."/);
  assert.match((entryPath('/etc/passwd') as { reason: string }).reason, /absolute/);
  assert.match((entryPath('a\0b') as { reason: string }).reason, /NUL/);
  assert.deepEqual(entryPath('..data/x..'), { path: '..data/x..' }, 'dots inside names are fine');
});

void test('device files, FIFOs and unknown types are refused, naming the entry', () => {
  assert.match(refused({ name: 'dev/null', type: 'character-device' }).reason, /character device/);
  assert.match(refused({ name: 'sda', type: 'block-device' }).reason, /block device/);
  assert.match(refused({ name: 'p', type: 'fifo' }).reason, /FIFO/);
  assert.equal(refused({ name: 'odd', type: 'gnu-sparse' }).entry, 'odd');
  assert.equal(checkHeader({ name: 'pax_global_header', type: 'pax-global-header' }), undefined);
});

void test('the root may only be a directory', () => {
  assert.equal(accepted({ name: './', type: 'directory' }).path, '');
  assert.match(refused({ name: './', type: 'file' }).reason, /volume root/);
});

void test('symlinks: absolute targets refused, relative ones kept as written', () => {
  assert.match(refused({ name: 'root', type: 'symlink', linkname: '/' }).reason, /absolute path "\/"/);
  assert.match(refused({ name: 'x', type: 'symlink', linkname: '' }).reason, /without a target/);
  assert.equal(accepted({ name: 'a/l', type: 'symlink', linkname: '../b' }).linkTarget, '../b');
});

void test('hard links: targets normalised, escaping targets refused', () => {
  assert.equal(accepted({ name: './h', type: 'link', linkname: './f' }).linkTarget, 'f');
  assert.match(
    refused({ name: 'h', type: 'link', linkname: '../../etc/passwd' }).reason,
    /hard link.*"\.\."/,
  );
  assert.match(refused({ name: 'h', type: 'link', linkname: '/etc/passwd' }).reason, /absolute/);
});

const entry = (path: string, kind: ArchiveEntry['kind'], linkTarget?: string): ArchiveEntry => ({
  path,
  name: path,
  kind,
  linkTarget,
  size: 0,
});

void test('resolution follows the archive own symlinks', () => {
  const links = new Map([
    ['d/top', '..'],
    ['loop', 'loop'],
  ]);
  assert.deepEqual(resolveInside('d/top/x', links), ['x']);
  assert.equal(resolveInside('d/top/..', links), undefined);
  assert.equal(resolveInside('loop', links), undefined, 'a link loop never resolves');
  assert.deepEqual(resolveInside('a/../b', new Map()), ['b']);
});

void test('cross-entry rules: escaping links, writes through links, hard links to nothing', () => {
  assert.equal(
    checkArchive([entry('d', 'directory'), entry('d/l', 'symlink', '../f'), entry('f', 'file')]),
    undefined,
  );
  assert.equal(checkArchive([entry('d/up', 'symlink', '../../x')])?.entry, 'd/up');
  const sneaky = checkArchive([entry('d/top', 'symlink', '..'), entry('s', 'symlink', 'd/top/..')]);
  assert.equal(sneaky?.entry, 's');
  const through = checkArchive([entry('l', 'symlink', 'd'), entry('l/x', 'file')]);
  assert.match(through?.reason ?? '', /under the symbolic link "l"/);
  assert.match(checkArchive([entry('h', 'hardlink', 'f'), entry('f', 'file')])?.reason ?? '', /earlier/);
  assert.equal(checkArchive([entry('f', 'file'), entry('h', 'hardlink', 'f')]), undefined);
});
