import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { test } from 'node:test';
import { ownerIsGone, ownerOfThisProcess } from '../../../client/src/volumes/core/helperOwner';
import { isModelChanging } from '../../../client/src/engine/live/eventStream';
import { isHelperContainer, isHelperVolume } from '../../../client/src/engine/model/berthHelpers';

const now = Date.now() / 1000;

void test('this process owns its helpers; a label without an owner, or a bad pid, is left behind', () => {
  assert.equal(ownerIsGone(ownerOfThisProcess(), now), false);
  assert.equal(ownerIsGone(`${hostname()}/${process.pid}`, now), false, 'labels without a start time');
  assert.equal(ownerIsGone(undefined, now), true);
  assert.equal(ownerIsGone(`${hostname()}/not-a-pid`, now), true);
});

void test('helpers of another machine are kept for a day, then swept', () => {
  assert.equal(ownerIsGone('elsewhere.invalid/1/1', now - 3600), false);
  assert.equal(ownerIsGone('elsewhere.invalid/1/1', now - 25 * 3600), true);
});

void test('helper containers and scratch volumes are recognised by label; rollback volumes stay visible', () => {
  assert.equal(isHelperContainer({ 'berth.helper': 'volume' }), true);
  assert.equal(isHelperContainer({ 'com.docker.compose.project': 'x' }), false);
  assert.equal(isHelperContainer(null), false);
  assert.equal(isHelperVolume({ 'berth.helper': 'staging' }), true);
  assert.equal(isHelperVolume({ 'berth.helper': 'rollback' }), false);
});

void test("a helper container's own events cause no reload", () => {
  const event = (attributes: Record<string, string>) => ({
    Type: 'container',
    Action: 'create',
    Actor: { ID: 'abc', Attributes: attributes },
  });
  assert.equal(isModelChanging(event({ 'berth.helper': 'volume', name: 'berth-volume-helper-1' })), false);
  assert.equal(isModelChanging(event({ name: 'web' })), true);
});
