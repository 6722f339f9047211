import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EventExpectations, recheckDelaysMs } from '../../../client/src/engine/live/eventExpectations';
import type { EngineEvent } from '../../../client/src/engine/live/eventStream';
import type { RawContainer } from '../../../client/src/engine/model/mapping';

const networkEvent = (action: string, network: string, container: string): EngineEvent => ({
  Type: 'network',
  Action: action,
  Actor: { ID: network, Attributes: { container, name: 'my_net', type: 'bridge' } },
});
const containerEvent = (action: string, id: string): EngineEvent => ({
  Type: 'container',
  Action: action,
  Actor: { ID: id, Attributes: { name: id } },
});

function list(...containers: { id: string; state?: string; networks?: string[] }[]) {
  return new Map<string, RawContainer>(
    containers.map((c) => [
      c.id,
      {
        Id: c.id,
        State: c.state ?? 'running',
        NetworkSettings: {
          Networks: Object.fromEntries((c.networks ?? []).map((n) => [`name-${n}`, { NetworkID: n }])),
        },
      },
    ]),
  );
}

void describe('event expectations: a reload that races the engine re-reads the container', () => {
  void test('a connect the list does not show yet asks for a re-read of that container', () => {
    const expectations = new EventExpectations();
    expectations.note(networkEvent('connect', 'net1', 'c1'));
    assert.deepEqual(expectations.check(list({ id: 'c1', networks: ['bridge'] })), {
      containerIds: ['c1'],
      delayMs: recheckDelaysMs[0],
    });
    assert.equal(expectations.check(list({ id: 'c1', networks: ['bridge', 'net1'] })), undefined);
    // Met once, it is forgotten: a later list without it is the engine's truth, not a race.
    assert.equal(expectations.check(list({ id: 'c1', networks: ['bridge'] })), undefined);
  });

  void test('a disconnect waits until the endpoint is gone', () => {
    const expectations = new EventExpectations();
    expectations.note(networkEvent('disconnect', 'net1', 'c1'));
    assert.deepEqual(expectations.check(list({ id: 'c1', networks: ['net1'] }))?.containerIds, ['c1']);
    assert.equal(expectations.check(list({ id: 'c1', networks: [] })), undefined);
  });

  void test('re-reads back off and then stop: the list is believed after the last pause', () => {
    const expectations = new EventExpectations();
    expectations.note(containerEvent('die', 'c1'));
    const stale = list({ id: 'c1', state: 'running' });
    const delays = recheckDelaysMs.map(() => expectations.check(stale)?.delayMs);
    assert.deepEqual(delays, recheckDelaysMs);
    assert.equal(expectations.check(stale), undefined);
  });

  void test('the latest event about the same endpoint wins', () => {
    const expectations = new EventExpectations();
    expectations.note(networkEvent('connect', 'net1', 'c1'));
    expectations.note(networkEvent('disconnect', 'net1', 'c1'));
    assert.equal(expectations.check(list({ id: 'c1', networks: [] })), undefined);
  });

  void test('a container that is gone settles its running and endpoint expectations', () => {
    const expectations = new EventExpectations();
    expectations.note(containerEvent('start', 'c1'));
    expectations.note(networkEvent('connect', 'net1', 'c1'));
    assert.equal(expectations.check(list()), undefined);
    expectations.note(containerEvent('destroy', 'c2'));
    assert.deepEqual(expectations.check(list({ id: 'c2' }))?.containerIds, ['c2']);
    assert.equal(expectations.check(list()), undefined);
  });

  void test('events that say nothing checkable leave no expectation', () => {
    const expectations = new EventExpectations();
    for (const event of [
      containerEvent('rename', 'c1'),
      networkEvent('create', 'net1', ''),
      { Type: 'volume', Action: 'mount', Actor: { ID: 'v', Attributes: { container: 'c1' } } },
    ])
      expectations.note(event);
    assert.equal(expectations.check(list()), undefined);
  });

  void test('several unmet expectations: one re-read of each container, after the shortest pause', () => {
    const expectations = new EventExpectations();
    expectations.note(containerEvent('start', 'c1'));
    expectations.check(list({ id: 'c1', state: 'created' }));
    expectations.note(networkEvent('connect', 'net1', 'c1'));
    expectations.note(containerEvent('create', 'c2'));
    assert.deepEqual(expectations.check(list({ id: 'c1', state: 'created' })), {
      containerIds: ['c1', 'c2'],
      delayMs: recheckDelaysMs[0],
    });
  });
});
