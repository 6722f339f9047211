import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EngineFleet, type FleetEntry } from '../../../client/src/engine/fleet/fleet';
import { PerEngine } from '../../../client/src/engine/fleet/perEngine';

class FakeSession {
  state = { kind: 'idle' };
  start(): void {}
  reconnect(): void {}
  dispose(): void {}
}

/** What PerEngine makes for one engine: remembers which session it was made for and its disposal. */
class Tools {
  disposed = false;
  constructor(readonly session: FakeSession) {}
  dispose(): void {
    this.disposed = true;
  }
}

const entry = (id: string): FleetEntry => ({
  id,
  label: id,
  dockerHost: `unix:///run/${id}.sock`,
  dockerContext: '',
});

function setUp(...entries: FleetEntry[]) {
  const fleet = new EngineFleet(entries[0], () => new FakeSession());
  fleet.reconcile(entries);
  const made: Tools[] = [];
  const each = new PerEngine(fleet, (engine) => {
    const tools = new Tools(engine.session);
    made.push(tools);
    return tools;
  });
  return { fleet, each, made };
}

void test('each engine has its own value, found by id, the first engine also without one', () => {
  const { fleet, each, made } = setUp(entry('a'), entry('b'));
  assert.equal(made.length, 2);
  assert.equal(each.of('a')?.session, fleet.get('a')?.session);
  assert.equal(each.of('b')?.session, fleet.get('b')?.session);
  assert.notEqual(each.of('a'), each.of('b'));
  assert.equal(each.of(undefined), each.of('a'));
  assert.equal(each.of('nowhere'), undefined);
});

void test('the values follow reconcile: new engines get one, removed ones are disposed, kept ones stay', () => {
  const { fleet, each, made } = setUp(entry('a'), entry('b'), entry('c'));
  const [a, b, c] = made;
  fleet.reconcile([entry('a'), entry('c'), entry('d')]);
  assert.equal(each.of('a'), a);
  assert.equal(each.of('c'), c, 'a kept engine keeps its value');
  assert.equal(b.disposed, true);
  assert.equal(each.of('b'), undefined);
  const d = each.of('d');
  assert.ok(d && !made.slice(0, 3).includes(d));
  assert.equal(d.session, fleet.get('d')?.session);
  assert.deepEqual(
    [a, c].map((tools) => tools.disposed),
    [false, false],
  );
});

void test('the first engine keeps its value when another entry comes first, and all go on dispose', () => {
  const { fleet, each, made } = setUp(entry('a'), entry('b'));
  const [first, second] = made;
  fleet.reconcile([entry('b')]);
  // The first session lives on under the new first entry; the second engine's session went.
  assert.equal(each.of('b'), first);
  assert.equal(second.disposed, true);
  assert.equal(made.length, 2);
  each.dispose();
  assert.equal(first.disposed, true);
  fleet.reconcile([entry('b'), entry('e')]);
  assert.equal(made.length, 2, 'a disposed PerEngine no longer follows the fleet');
});
