import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { containerIdOf } from '../../../client/src/reach/argument';
import { container } from './fixtures';

void describe('containerIdOf', () => {
  void it('takes the tree node, { container }, or a bare id', () => {
    assert.equal(containerIdOf({ kind: 'container', containerId: 'abc' }), 'abc');
    assert.equal(containerIdOf({ kind: 'endpoint', networkId: 'n', containerId: 'def' }), 'def');
    assert.equal(containerIdOf({ container: container('web') }), 'id-web');
    assert.equal(containerIdOf('ghi'), 'ghi');
  });

  void it('asks for a container when given nothing usable', () => {
    for (const arg of [
      undefined,
      null,
      '',
      42,
      {},
      { container: 'web' },
      { containerId: 7 },
      [{ containerId: 'x' }],
    ]) {
      assert.equal(containerIdOf(arg), undefined, JSON.stringify(arg));
    }
  });
});
