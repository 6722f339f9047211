import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  engineNodeKey,
  intoScope,
  outOfScope,
  presentEngine,
  scopeOf,
} from '../../../client/src/views/engineScope';
import { keys, type BerthNode } from '../../../client/src/shared/nodes';

const endpoint: BerthNode = {
  kind: 'endpoint',
  view: 'networks',
  key: keys.endpoint('networks', 'n1', 'c1'),
  parentKey: keys.network('n1'),
  networkId: 'n1',
  containerId: 'c1',
};

void test('with one engine, keys stay exactly as the features build them', () => {
  const scope = scopeOf('default', false);
  const placed = intoScope(scope, endpoint);
  assert.equal(placed.key, endpoint.key);
  assert.equal(placed.parentKey, endpoint.parentKey);
  assert.equal(placed.engine, 'default');
  assert.deepEqual(outOfScope(scope, placed), placed);
});

void test('with several, keys live under the engine root and come back out unchanged', () => {
  const scope = scopeOf('unix:///run/b.sock', true);
  const root = engineNodeKey('unix:///run/b.sock');
  assert.equal(root.includes('/'), false, 'an engine id with slashes cannot be mistaken for nesting');
  const placed = intoScope(scope, endpoint);
  assert.equal(placed.key, `${root}/net:n1/ep:c1`);
  assert.equal(placed.parentKey, `${root}/net:n1`);
  const top: BerthNode = { kind: 'network', key: keys.network('n1'), networkId: 'n1' };
  const network = intoScope(scope, top);
  assert.equal(network.parentKey, root, 'top-level objects hang under their engine');
  assert.equal(outOfScope(scope, network).parentKey, undefined);
  const back = outOfScope(scope, placed);
  assert.equal(back.key, endpoint.key);
  assert.equal(back.parentKey, endpoint.parentKey);
});

void test('two engines with a network of the same id get different keys', () => {
  const a = intoScope(scopeOf('a', true), endpoint);
  const b = intoScope(scopeOf('b', true), endpoint);
  assert.notEqual(a.key, b.key);
});

void test('an engine root says whether its engine answers', () => {
  const problem = { code: 'socket-missing' as const, message: 'No Docker socket at /x', fix: 'Start it' };
  const down = presentEngine('ci', { kind: 'unreachable', problem }, problem, undefined);
  assert.equal(down.description, 'unreachable');
  assert.equal(down.contextValue, 'engine.unreachable');
  assert.equal(down.tooltip, 'No Docker socket at /x. Start it.');
  const up = presentEngine('local', { kind: 'connected' }, undefined, '27.3.1');
  assert.equal(up.description, '27.3.1');
  assert.equal(up.label, 'local');
});
