import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isModelChanging, type EngineEvent } from '../../../client/src/engine/live/eventStream';
import { PendingReads } from '../../../client/src/engine/live/pendingReads';
import { AliasCache } from '../../../client/src/engine/model/loader';

const event = (
  Type: string,
  Action: string,
  ID: string,
  Attributes: Record<string, string> = {},
): EngineEvent => ({
  Type,
  Action,
  Actor: { ID, Attributes },
});

void test('service and node events, and task containers, make the next reload read the swarm lists', () => {
  const pending = new PendingReads(new AliasCache());
  pending.note(event('container', 'start', 'plain'));
  assert.equal(pending.take().swarm, false);

  for (const changed of [
    event('service', 'update', 'svc'),
    event('node', 'update', 'node-1'),
    event('container', 'die', 'task-container', { 'com.docker.swarm.task.id': 't1' }),
  ]) {
    assert.equal(isModelChanging(changed), true);
    pending.note(changed);
    const touched = pending.take();
    assert.equal(touched.swarm, true, `${changed.Type} ${changed.Action}`);
    assert.equal(touched.full, false, 'a swarm change needs no full container list');
  }
});
