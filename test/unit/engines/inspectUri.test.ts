import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspectPath, parseInspectPath } from '../../../client/src/inspect/uri';

void test('an inspect address names its engine when several are shown, and not otherwise', () => {
  const one = inspectPath({ kind: 'network', id: 'n1', name: 'web' });
  assert.equal(one.query, 'id=n1');
  assert.deepEqual(parseInspectPath(one.path, one.query), { kind: 'network', id: 'n1', name: 'web' });
  const target = { kind: 'network' as const, id: 'n1', name: 'web', engine: 'unix:///run/b.sock' };
  const two = inspectPath(target);
  assert.deepEqual(parseInspectPath(two.path, two.query), target);
  assert.notEqual(two.query, inspectPath({ ...target, engine: 'ci box' }).query);
});
