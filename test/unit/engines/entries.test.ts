import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEngines } from '../../../client/src/connection/engineEntries';

void test('an absent or empty berth.engines means the one engine of dockerHost/dockerContext', () => {
  assert.deepEqual(parseEngines(undefined), { entries: [], problems: [] });
  assert.deepEqual(parseEngines([]), { entries: [], problems: [] });
});

void test('strings are context names or host URLs; objects name them', () => {
  const { entries, problems } = parseEngines([
    'default',
    'unix:///run/other.sock',
    { name: 'ci box', host: 'ssh://me@ci' },
    { context: 'remote' },
  ]);
  assert.deepEqual(problems, []);
  assert.deepEqual(entries, [
    { id: 'default', label: 'default', dockerHost: '', dockerContext: 'default' },
    {
      id: 'unix:///run/other.sock',
      label: 'unix:///run/other.sock',
      dockerHost: 'unix:///run/other.sock',
      dockerContext: '',
    },
    { id: 'ci box', label: 'ci box', dockerHost: 'ssh://me@ci', dockerContext: '' },
    { id: 'remote', label: 'remote', dockerHost: '', dockerContext: 'remote' },
  ]);
});

void test('bad entries are left out, each with what is wrong and how to fix it', () => {
  const { entries, problems } = parseEngines([
    '',
    'ftp://nowhere',
    'bad name!',
    { name: 'both', context: 'x', host: 'unix:///a.sock' },
    { name: 'neither' },
    42,
    'default',
    'default',
  ]);
  assert.deepEqual(
    entries.map((entry) => entry.id),
    ['default'],
  );
  assert.deepEqual(problems, [
    'berth.engines entry 1 is empty. Write a Docker context name or a host URL, or remove it.',
    'berth.engines entry 2: "ftp://nowhere" is not a Docker host. Write it like unix:///var/run/docker.sock, ssh://user@host or tcp://host:2376.',
    'berth.engines entry 3: "bad name!" is not a Docker context name. Use a name from "docker context ls", or a host URL such as unix:///var/run/docker.sock.',
    'berth.engines entry 4 needs exactly one of "context" or "host", e.g. {"name": "ci", "host": "ssh://user@ci"}.',
    'berth.engines entry 5 needs exactly one of "context" or "host", e.g. {"name": "ci", "host": "ssh://user@ci"}.',
    'berth.engines entry 6 must be a string or an object with "name" and "context" or "host".',
    'berth.engines entry 8: "default" is listed twice. Remove one, or give them different "name"s.',
  ]);
});

void test('a setting that is not a list is reported and shows the single engine', () => {
  const { entries, problems } = parseEngines('default');
  assert.deepEqual(entries, []);
  assert.equal(problems.length, 1);
  assert.match(problems[0], /must be a list/);
});
