import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  engineAuthority,
  parseRootAddress,
  rootAddressParts,
  type RootAddress,
} from '../../../client/src/archiveFiles/core/address';

void test('a file address of the first of one engine has no authority, as before berth.engines', () => {
  const parts = rootAddressParts({ key: 'data', path: 'etc/app.conf' });
  assert.deepEqual(parts, { authority: '', path: '/data/etc/app.conf' });
  assert.deepEqual(parseRootAddress(parts.authority, parts.path), { key: 'data', path: 'etc/app.conf' });
  assert.deepEqual(parseRootAddress('', '/data'), { key: 'data', path: '' });
});

void test('a file address names its engine in the authority and reads back exactly', () => {
  const engines = [
    'throwaway',
    'CI Box',
    'unix:///var/run/docker.sock',
    'ssh://me@Host:22',
    'prod_2',
    'bühne',
  ];
  for (const engine of engines) {
    const address: RootAddress = { engine, key: 'Data', path: 'a/b c.txt' };
    const parts = rootAddressParts(address);
    // VS Code prints authorities lower-cased and treats `:` and `@` as port and user: none may matter.
    assert.match(parts.authority, /^[a-z0-9._-]+$/, engine);
    assert.deepEqual(parseRootAddress(parts.authority.toLowerCase(), parts.path), address, engine);
  }
  assert.equal(engineAuthority('throwaway'), 'throwaway', 'a plain name stays readable');
  assert.notEqual(engineAuthority('CI'), engineAuthority('ci'), 'names differing in case stay apart');
  assert.notEqual(engineAuthority('a_41'), engineAuthority('aA'), 'the escape character is escaped too');
});
