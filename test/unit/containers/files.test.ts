// The pure parts of a container's files: the berth-container URI path, the container reference
// it names, and the engine's changes turned into A, C and D decorations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanPath, rootUriPath, splitRootUriPath } from '../../../client/src/archiveFiles/core/paths';
import { PathRefusedError } from '../../../client/src/archiveFiles/core/errors';
import { changeMap, decorationOf, withDeletedEntries } from '../../../client/src/containers/core/changes';
import type { FileEntry } from '../../../client/src/archiveFiles/core/read';
import { checkContainerRef } from '../../../client/src/containers/core/roots';
import { UserError } from '../../../client/src/shared/failures';

const id = 'a'.repeat(64);

void test('a container URI path puts the id first and the path inside the container after it', () => {
  assert.equal(rootUriPath(id, 'etc/hosts'), `/${id}/etc/hosts`);
  assert.equal(rootUriPath(id, ''), `/${id}`);
  assert.equal(rootUriPath(id, '/etc//app/'), `/${id}/etc/app`);
  assert.deepEqual(splitRootUriPath(`/${id}/etc/hosts`), { key: id, path: 'etc/hosts' });
  assert.deepEqual(splitRootUriPath(`/${id}`), { key: id, path: '' });
  assert.deepEqual(splitRootUriPath('/'), { key: '', path: '' });
  // Case matters in a key (volume names), so the path keeps it as written.
  assert.deepEqual(splitRootUriPath('/Data/A.txt'), { key: 'Data', path: 'A.txt' });
});

void test('hostile paths and container references are refused before anything reaches the engine', () => {
  const { key, path } = splitRootUriPath(`/${id}/../../etc/shadow`);
  assert.equal(key, id);
  assert.throws(() => cleanPath(path), PathRefusedError);
  assert.throws(() => cleanPath('etc/\0x'), PathRefusedError);
  for (const bad of ['', '..', '.hidden', 'a/b', 'a?b', '-rm'])
    assert.throws(() => checkContainerRef(bad), UserError, bad);
  for (const good of [id, 'web-1', 'my_app.db']) assert.equal(checkContainerRef(good), good);
});

void test("the engine's changes become A, C and D by path; unknown kinds are left out", () => {
  const map = changeMap([
    { Path: '/etc', Kind: 0 },
    { Path: '/etc/app.conf', Kind: 1 },
    { Path: '/etc/motd', Kind: 0 },
    { Path: '/tmp/gone', Kind: 2 },
    { Path: '/weird', Kind: 7 },
  ]);
  assert.deepEqual(
    [...map],
    [
      ['etc', 'C'],
      ['etc/app.conf', 'A'],
      ['etc/motd', 'C'],
      ['tmp/gone', 'D'],
    ],
  );
  assert.deepEqual(changeMap(null), new Map());
});

void test('a folder that holds changes says so, whether or not it changed itself', () => {
  const map = changeMap([
    { Path: '/etc', Kind: 0 },
    { Path: '/etc/app.conf', Kind: 1 },
    { Path: '/tmp/gone', Kind: 2 },
  ]);
  assert.deepEqual(decorationOf(map, 'etc'), { badge: 'C', holdsChanges: true });
  assert.deepEqual(decorationOf(map, 'etc/app.conf'), { badge: 'A', holdsChanges: false });
  assert.deepEqual(decorationOf(map, 'tmp'), { badge: undefined, holdsChanges: true });
  assert.deepEqual(decorationOf(map, 'usr'), { badge: undefined, holdsChanges: false });
  // A sibling whose name starts the same is not inside.
  assert.deepEqual(decorationOf(map, 'et'), { badge: undefined, holdsChanges: false });
});

function listed(dir: string, name: string): FileEntry {
  const path = dir === '' ? name : `${dir}/${name}`;
  return { name, path, kind: 'file', size: 1, mode: 0o644, uid: 0, gid: 0, mtime: new Date(0) };
}

void test("a folder's listing gains a row for each path the container deleted directly inside it", () => {
  const map = changeMap([
    { Path: '/etc', Kind: 0 },
    { Path: '/etc/motd', Kind: 2 },
    { Path: '/etc/ssl', Kind: 2 },
    { Path: '/etc/hosts', Kind: 2 },
    { Path: '/etc/app/deep.conf', Kind: 2 },
    { Path: '/etc/added', Kind: 1 },
    { Path: '/gone', Kind: 2 },
  ]);
  // hosts was deleted and made again: it is listed once, as it is now.
  const merged = withDeletedEntries([listed('etc', 'hosts'), listed('etc', 'added')], map, 'etc');
  assert.deepEqual(
    merged.map((entry) => [entry.path, entry.deleted === true]),
    [
      ['etc/added', false],
      ['etc/hosts', false],
      ['etc/motd', true],
      ['etc/ssl', true],
    ],
  );
  assert.equal(
    merged.find((entry) => entry.name === 'motd')?.kind,
    'other',
    'the engine does not say what it was',
  );
  // At the root, and in a folder with nothing deleted.
  assert.deepEqual(
    withDeletedEntries([listed('', 'etc')], map, '').map((entry) => entry.name),
    ['etc', 'gone'],
  );
  assert.deepEqual(withDeletedEntries([listed('usr', 'bin')], map, 'usr'), [listed('usr', 'bin')]);
});
