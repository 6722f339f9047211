import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EngineProblem } from '../../../client/src/engine/problems/problem';
import { problemMessage, shownProblem } from '../../../client/src/views/engineStatus';
import { actionNodes } from '../../../client/src/views/hintsAndActions';

const problem: EngineProblem = {
  code: 'socket-missing',
  message: 'No Docker socket at /tmp/x.sock: the Docker daemon is not running',
  fix: 'Start it: sudo systemctl start docker.',
};

void test('the problem stays shown while a retry is under way and goes once connected', () => {
  const shown = shownProblem(undefined, { kind: 'unreachable', problem });
  assert.equal(shown, problem);
  assert.equal(shownProblem(shown, { kind: 'connecting' }), problem);
  assert.equal(shownProblem(shown, { kind: 'connected' }), undefined);
  assert.equal(
    shownProblem(undefined, { kind: 'connecting' }),
    undefined,
    'a first connect shows the welcome, not a problem',
  );
});

void test('the message is the exact problem and its fix as sentences', () => {
  assert.equal(
    problemMessage(problem, { kind: 'connecting' }),
    'No Docker socket at /tmp/x.sock: the Docker daemon is not running. Start it: sudo systemctl start docker. Retrying now…',
  );
});

void test('while unreachable the views offer retry, context switch and output as commands', () => {
  assert.deepEqual(
    actionNodes().map((node) => node.command),
    ['berth.retryConnection', 'berth.switchContext', 'berth.showOutput'],
  );
});
