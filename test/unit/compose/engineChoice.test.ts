// berth.compose.engine: which engine Compose files are checked against.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseComposeEngine } from '../../../client/src/compose/engineChoice';

const engines = [
  { id: 'local', label: 'local' },
  { id: 'ci box', label: 'ci box' },
  { id: 'ssh://build@10.0.0.7', label: 'ssh://build@10.0.0.7' },
];

void test('empty: the first engine, with nothing to say', () => {
  assert.deepEqual(chooseComposeEngine(engines, ''), { id: 'local' });
  assert.deepEqual(chooseComposeEngine(engines, '  '), { id: 'local' });
});

void test('an engine named by its name or its host', () => {
  assert.deepEqual(chooseComposeEngine(engines, 'ci box'), { id: 'ci box' });
  assert.deepEqual(chooseComposeEngine(engines, ' ssh://build@10.0.0.7 '), { id: 'ssh://build@10.0.0.7' });
});

void test('an unknown name: the first engine, and a message naming the choices', () => {
  assert.deepEqual(chooseComposeEngine(engines, 'prod'), {
    id: 'local',
    problem:
      'berth.compose.engine names "prod", which is not an engine of berth.engines (local, ci box, ssh://build@10.0.0.7). Compose files are checked against local.',
  });
});
