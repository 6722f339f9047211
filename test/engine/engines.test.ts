// Two throwaway engines side by side through Berth's fleet: each keeps its own live model; one
// going down and coming back (a new dockerd on the same socket) never stalls the other; and an
// action routed by the item's engine lands on that engine only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import Docker from 'dockerode';
import { chooseEngine } from '../../client/src/commands/engineRouting';
import { EngineFleet } from '../../client/src/engine/fleet/fleet';
import { createSession, type LiveEngineSession } from '../../client/src/engine/live/liveSession';
import type { Snapshot } from '../../client/src/engine/model/snapshot';
import { connectContainer, createNetwork } from '../../client/src/engine/operations/networks';
import { keys, type BerthNode } from '../../client/src/shared/nodes';
import type * as HarnessModule from '../harness/engine';
import { requireOrSkip } from '../harness/require';
import {
  startThrowawayEngine,
  throwawayEngineMissingReason,
  type ThrowawayEngine,
} from '../harness/throwawayEngine';

type Harness = typeof HarnessModule;

/** `first` goes down and comes back; `second` is where the routed action lands. */
let first: ThrowawayEngine | undefined;
let second: ThrowawayEngine | undefined;
let harness: Harness | undefined;
let tracker: InstanceType<Harness['Tracker']> | undefined;
let fleet: EngineFleet<LiveEngineSession> | undefined;
let unavailable: string | undefined = throwawayEngineMissingReason();

before(async () => {
  if (unavailable) return;
  try {
    [first, second] = await Promise.all([startThrowawayEngine(), startThrowawayEngine()]);
    // The harness reads its engine's socket once, when it is first loaded: the second engine.
    process.env.BERTH_ENGINE_SOCKET = second.socketPath;
    harness = await import('../harness/engine');
    tracker = new harness.Tracker();
    await harness.ensureTestImage();
  } catch (error) {
    unavailable = `no two throwaway engines with the test image: ${String(error)}`;
  }
});

after(async () => {
  const failures: unknown[] = [];
  const attempt = async (step: () => Promise<unknown>) => {
    try {
      await step();
    } catch (error) {
      failures.push(error);
    }
  };
  fleet?.dispose();
  if (tracker) await attempt(() => tracker!.cleanup());
  for (const engine of [first, second]) if (engine) await attempt(() => engine.stop());
  if (failures.length > 0) throw failures[0];
});

function ready(t: TestContext): boolean {
  return requireOrSkip(
    t,
    unavailable === undefined && harness !== undefined,
    unavailable ?? 'no throwaway engines',
  );
}

function sessionOf(id: string): LiveEngineSession {
  const engine = fleet?.get(id);
  assert.ok(engine, `engine ${id} in the fleet`);
  return engine.session;
}

function until<T>(what: string, check: () => T | undefined | false): Promise<T> {
  return harness!.waitFor(what, check, 60_000);
}

function snapshotWhere(
  id: string,
  what: string,
  condition: (snapshot: Snapshot) => boolean,
): Promise<Snapshot> {
  return until(what, () => {
    const snapshot = sessionOf(id).snapshot;
    return snapshot && condition(snapshot) ? snapshot : undefined;
  });
}

void describe('two engines side by side', () => {
  const a = 'engine A';
  const b = 'engine B';

  void test('each engine has its own live model through the fleet', async (t) => {
    if (!ready(t)) return;
    const entry = (id: string, engine: ThrowawayEngine) => ({
      id,
      label: id,
      dockerHost: `unix://${engine.socketPath}`,
      dockerContext: '',
    });
    const entries = [entry(a, first!), entry(b, second!)];
    // Short retries, so that coming back is seen soon after the engine answers again.
    fleet = new EngineFleet(entries[0], (settings) =>
      createSession({ settings, env: {}, retryInitialMs: 100, retryMaxMs: 500 }),
    );
    fleet.reconcile(entries);
    fleet.start();
    await until('both engines connected', () =>
      fleet!.engines.every((engine) => engine.session.state.kind === 'connected' && engine.session.snapshot),
    );
    const network = await harness!.createNetwork(tracker!, { subnet: false });
    await snapshotWhere(b, 'the network in the second model', (s) => s.networks.has(network.id));
    assert.equal(sessionOf(a).snapshot!.networks.has(network.id), false, 'the first model never shows it');
  });

  void test('one engine down leaves the other live; it then comes back by itself', async (t) => {
    if (!ready(t) || !requireOrSkip(t, fleet !== undefined, 'no fleet from the test before')) return;
    const dir = first!.dir;
    await first!.stop();
    first = undefined;
    const down = await until('the first engine reported unreachable', () => {
      const state = sessionOf(a).state;
      return state.kind === 'unreachable' ? state : undefined;
    });
    assert.match(down.problem.message, /socket|daemon|refused|connect/i, down.problem.message);
    // The second engine's events keep flowing while the first is down.
    const network = await harness!.createNetwork(tracker!, { subnet: false });
    await snapshotWhere(b, 'a network made while the first engine is down', (s) =>
      s.networks.has(network.id),
    );
    assert.equal(sessionOf(b).state.kind, 'connected');

    first = await startThrowawayEngine(dir);
    await until('the first engine connected again', () => sessionOf(a).state.kind === 'connected');
    const comeback = new Docker({ socketPath: first.socketPath });
    const made = await comeback.createNetwork({
      Name: harness!.uniqueName('back'),
      Labels: harness!.testLabels(),
    });
    await snapshotWhere(a, 'the first engine following its events again', (s) => s.networks.has(made.id));
    assert.equal(sessionOf(b).snapshot!.networks.has(made.id), false);
  });

  void test('an action on an item goes to the engine of that item only', async (t) => {
    if (!ready(t) || !requireOrSkip(t, fleet !== undefined, 'no fleet from the test before')) return;
    const h = harness!;
    const container = await h.createContainer(tracker!, { start: true });
    const before = await snapshotWhere(b, 'the container on the second engine', (s) =>
      s.containers.has(container.id),
    );
    // As the tree hands it over: a container node of the second engine, started from its menu.
    const node: BerthNode = {
      kind: 'container',
      key: keys.container(container.id),
      containerId: container.id,
      engine: b,
    };
    const choice = chooseEngine('routed', fleet!.engines, node, [node]);
    assert.deepEqual(choice, { kind: 'engine', id: b });
    const routed = sessionOf(choice.kind === 'engine' ? choice.id : '');
    const name = h.uniqueName('routed');
    const networkId = await createNetwork(routed.docker!, before, {
      name,
      driver: 'bridge',
      labels: h.testLabels(),
    });
    tracker!.track('network', networkId);
    const withNetwork = await snapshotWhere(b, 'the routed network', (s) => s.networks.has(networkId));
    await connectContainer(routed.docker!, withNetwork, { containerId: container.id, networkId });
    await snapshotWhere(b, 'the container on the routed network', (s) =>
      s.networks.get(networkId)!.endpoints.some((endpoint) => endpoint.containerId === container.id),
    );
    const onB = await h.engine().getContainer(container.id).inspect();
    assert.ok(onB.NetworkSettings.Networks[name], 'the second engine has the container on the network');
    const onA = new Docker({ socketPath: first!.socketPath });
    assert.deepEqual(
      await onA.listNetworks({ filters: { name: [name] } }),
      [],
      'the first engine has no such network',
    );
    assert.deepEqual(await onA.listContainers({ all: true, filters: { id: [container.id] } }), []);
  });
});
