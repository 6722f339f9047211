// The names Export Volume to Image accepts: Docker's reference grammar, without a digest.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { imageTagProblem, splitImageTag } from '../../../client/src/volumes/core/imageTag';

void test('names Docker accepts pass, and split into repo and tag', () => {
  for (const [reference, repo, tag] of [
    ['data', 'data', 'latest'],
    ['backups/data:2024-05-01', 'backups/data', '2024-05-01'],
    ['localhost:5000/team/db_snap:v1.2', 'localhost:5000/team/db_snap', 'v1.2'],
    ['Registry.Example.com/x/y:Tag_1', 'Registry.Example.com/x/y', 'Tag_1'],
    ['a__b---c.d:_x', 'a__b---c.d', '_x'],
  ]) {
    assert.equal(imageTagProblem(reference), undefined, reference);
    assert.deepEqual(splitImageTag(reference), { repo, tag }, reference);
  }
});

void test('bad names get a message that says what to change', () => {
  for (const [reference, expected] of [
    ['', /Enter an image name/],
    ['My/Data:1', /lower case: use "my\/data:1"/],
    ['data:two words', /spaces/],
    ['data@sha256:' + 'a'.repeat(64), /digest/],
    ['data::1', /form name\[:tag\]/],
    ['-data', /form name\[:tag\]/],
    ['data:' + 'x'.repeat(129), /form name\[:tag\]/],
    ['data/', /form name\[:tag\]/],
    ['a'.repeat(256), /longer than 255/],
    ['f'.repeat(64), /image ID/],
  ] as const) {
    assert.match(imageTagProblem(reference) ?? '', expected, reference);
  }
});
