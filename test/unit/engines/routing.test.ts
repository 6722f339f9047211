import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseEngine, crossEngineProblem, routedAs } from '../../../client/src/commands/engineRouting';
import type { BerthNode } from '../../../client/src/shared/nodes';

const engines = [
  { id: 'local', label: 'local' },
  { id: 'ci', label: 'ci box' },
];
const network = (engine: string | undefined, id = 'n1'): BerthNode => ({
  kind: 'network',
  key: `net:${id}`,
  networkId: id,
  engine,
});

void test('a command acts on the engine of the item it was started on', () => {
  assert.deepEqual(chooseEngine('routed', engines, network('ci'), undefined), { kind: 'engine', id: 'ci' });
  assert.deepEqual(chooseEngine('routed', engines, network('local'), [network('local')]), {
    kind: 'engine',
    id: 'local',
  });
});

void test('from the palette it asks which engine, unless there is one or the command decides itself', () => {
  assert.deepEqual(chooseEngine('routed', engines, undefined, undefined), { kind: 'ask' });
  assert.deepEqual(chooseEngine('routed', engines.slice(0, 1), undefined, undefined), {
    kind: 'engine',
    id: 'local',
  });
  assert.deepEqual(chooseEngine('optional', engines, undefined, undefined), { kind: 'engine', id: 'local' });
});

void test('a selection across engines is refused, naming them', () => {
  const choice = chooseEngine('routed', engines, network('ci'), [network('ci'), network('local', 'n2')]);
  assert.deepEqual(choice, {
    kind: 'refuse',
    message: 'The selection holds items of the engines ci box, local. Select items of one engine at a time.',
  });
});

void test('an item of an engine that was removed meanwhile is refused', () => {
  assert.equal(chooseEngine('routed', engines, network('gone'), undefined).kind, 'refuse');
});

void test('connect refuses a container and a network of different engines, naming both', () => {
  assert.equal(crossEngineProblem(engines[0], engines[0]), undefined);
  assert.equal(
    crossEngineProblem(engines[0], engines[1]),
    'The container is on the engine local and the network on ci box: a container can only join networks of its own engine.',
  );
});

void test('a table routed one way keeps the routing an entry names itself', () => {
  const run = () => Promise.resolve();
  const failure = () => 'failed';
  const table = routedAs('optional', {
    'berth.compose.fix': { run, failure },
    'berth.compose.goTo': { run, failure, engine: 'routed' },
  });
  assert.equal(table['berth.compose.fix'].engine, 'optional');
  assert.equal(table['berth.compose.goTo'].engine, 'routed');
});
