// connect()'s limit on an engine that does not answer, whose clock stops during an SSH handshake
// (ConnectTimeout limits it) and while Berth waits on the user for a passphrase.
import assert from 'node:assert/strict';
import { beforeEach, afterEach, mock, test } from 'node:test';
import { Deadline } from '../../../client/src/engine/transport/deadline';

beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'] }));
afterEach(() => mock.timers.reset());

void test('aborts as a timeout once its time has run', () => {
  const deadline = new Deadline(15_000);
  mock.timers.tick(14_999);
  assert.equal(deadline.signal.aborted, false);
  mock.timers.tick(1);
  assert.equal(deadline.signal.aborted, true);
  assert.equal((deadline.signal.reason as DOMException).name, 'TimeoutError');
});

void test('a pause stops the clock, however long, and the time left before it is kept', () => {
  const deadline = new Deadline(15_000);
  mock.timers.tick(10_000);
  const resume = deadline.pause();
  mock.timers.tick(120_000);
  assert.equal(deadline.signal.aborted, false, 'aborted while paused');
  resume();
  mock.timers.tick(4_999);
  assert.equal(deadline.signal.aborted, false, 'the 5 s left were not all given back');
  mock.timers.tick(1);
  assert.equal(deadline.signal.aborted, true);
});

void test('overlapping pauses: the clock runs again only once both have ended; resuming twice counts once', () => {
  const deadline = new Deadline(1_000);
  const handshake = deadline.pause();
  const passphrase = deadline.pause();
  handshake();
  handshake();
  mock.timers.tick(60_000);
  assert.equal(deadline.signal.aborted, false);
  passphrase();
  mock.timers.tick(1_000);
  assert.equal(deadline.signal.aborted, true);
});

void test('once finished it never fires, and a later pause and resume do not start it again', () => {
  const deadline = new Deadline(1_000);
  deadline.finish();
  deadline.pause()();
  mock.timers.tick(60_000);
  assert.equal(deadline.signal.aborted, false);
});
