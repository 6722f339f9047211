import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  EngineFleet,
  type EngineSettingsReader,
  type FleetEntry,
} from '../../../client/src/engine/fleet/fleet';

/** Records what the fleet asks of each session; its settings are read as a real session would. */
class FakeSession {
  state = { kind: 'idle' };
  reconnects = 0;
  disposed = false;
  constructor(readonly settings: EngineSettingsReader) {}
  start(): void {
    if (this.state.kind === 'idle') this.state = { kind: 'connected' };
  }
  reconnect(): void {
    this.reconnects++;
  }
  dispose(): void {
    this.disposed = true;
  }
}

const entry = (id: string, dockerHost = `unix:///run/${id}.sock`): FleetEntry => ({
  id,
  label: id,
  dockerHost,
  dockerContext: '',
});

function fleetOf(...entries: FleetEntry[]) {
  const fleet = new EngineFleet(entries[0], (settings) => new FakeSession(settings));
  fleet.reconcile(entries);
  let changes = 0;
  fleet.onDidChange(() => changes++);
  return { fleet, changes: () => changes };
}

void test('one session per entry, each reading its own entry', () => {
  const { fleet } = fleetOf(entry('a'), entry('b'));
  assert.equal(fleet.several, true);
  assert.deepEqual(
    fleet.engines.map((engine) => engine.session.settings().dockerHost),
    ['unix:///run/a.sock', 'unix:///run/b.sock'],
  );
});

void test('sessions start with the first visible view, and later engines start as they come', () => {
  const { fleet } = fleetOf(entry('a'));
  assert.equal(fleet.primary.session.state.kind, 'idle');
  fleet.start();
  assert.equal(fleet.primary.session.state.kind, 'connected');
  fleet.reconcile([entry('a'), entry('b')]);
  assert.equal(fleet.get('b')?.session.state.kind, 'connected');
});

void test('reconcile keeps unchanged engines, reconnects moved ones and disposes removed ones', () => {
  const { fleet, changes } = fleetOf(entry('a'), entry('b'), entry('c'));
  fleet.start();
  const [a, b, c] = fleet.engines.map((engine) => engine.session);
  fleet.reconcile([entry('a'), entry('b', 'ssh://me@b'), entry('d')]);
  assert.equal(fleet.get('a')?.session, a);
  assert.equal(a.reconnects, 0, 'an unchanged engine keeps its connection');
  assert.equal(fleet.get('b')?.session, b);
  assert.equal(b.reconnects, 1, 'a changed host reconnects that engine only');
  assert.equal(b.settings().dockerHost, 'ssh://me@b');
  assert.equal(c.disposed, true);
  assert.equal(fleet.get('c'), undefined);
  assert.notEqual(fleet.get('d'), undefined);
  assert.equal(changes(), 1);
});

void test('the first session lives as long as the fleet, taking on whatever entry comes first', () => {
  const { fleet, changes } = fleetOf(entry('a'), entry('b'));
  fleet.start();
  const first = fleet.primary.session;
  fleet.reconcile([entry('b')]);
  assert.equal(fleet.primary.session, first);
  assert.equal(fleet.primary.id, 'b');
  assert.equal(first.reconnects, 1);
  assert.equal(fleet.several, false);
  assert.equal(changes(), 1);
  fleet.reconcile([entry('b')]);
  assert.equal(changes(), 1, 'nothing changed: no redraw');
  assert.equal(first.reconnects, 1);
});

void test('a fleet never has no engine', () => {
  const { fleet } = fleetOf(entry('a'));
  assert.throws(() => fleet.reconcile([]));
});
