// The pure parts of a container's files: the berth-container URI path, the container reference
// it names, and the engine's changes turned into A, C and D decorations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanPath, rootUriPath, splitRootUriPath } from '../../../client/src/archiveFiles/core/paths';
import { PathRefusedError } from '../../../client/src/archiveFiles/core/errors';
import { changeMap, decorationOf } from '../../../client/src/containers/core/changes';
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
