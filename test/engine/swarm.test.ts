// Swarm overlay networks on a single-node swarm in a throwaway engine (never the shared engine's
// swarm state): an attachable overlay made through Berth's create operation, a service from the
// offline busybox image, a standalone container connected through Berth's connect operation, and
// what the live model and the reachability check make of them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import type Docker from 'dockerode';
import { createSession, type LiveEngineSession } from '../../client/src/engine/live/liveSession';
import { EngineOperationError } from '../../client/src/engine/operations/engineCall';
import { connectContainer, createNetwork } from '../../client/src/engine/operations/networks';
import { removeService } from '../../client/src/engine/operations/swarm';
import { gatewayBridgeName } from '../../client/src/engine/model/gatewayBridge';
import type { Snapshot } from '../../client/src/engine/model/snapshot';
import { analyzeReach } from '../../client/src/reach/analyze';
import { english, renderReason, renderVerdict } from '../../client/src/reach/messages';
import { analyzeServiceReach } from '../../client/src/reach/services';
import type * as HarnessModule from '../harness/engine';
import { requireOrSkip } from '../harness/require';
import {
  startThrowawayEngine,
  throwawayEngineMissingReason,
  type ThrowawayEngine,
} from '../harness/throwawayEngine';

type Harness = typeof HarnessModule;

let throwaway: ThrowawayEngine | undefined;
let harness: Harness | undefined;
let tracker: InstanceType<Harness['Tracker']> | undefined;
let session: LiveEngineSession | undefined;
let serviceId: string | undefined;
let swarmJoined = false;
let unavailable: string | undefined = throwawayEngineMissingReason();

before(async () => {
  if (unavailable) return;
  try {
    throwaway = await startThrowawayEngine();
    // The harness reads its engine's socket once, when it is first loaded.
    process.env.BERTH_ENGINE_SOCKET = throwaway.socketPath;
    harness = await import('../harness/engine');
    tracker = new harness.Tracker();
    await harness.ensureTestImage();
  } catch (error) {
    unavailable = `no throwaway engine with the test image: ${String(error)}`;
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
  session?.dispose();
  const docker = harness?.engine();
  if (docker && serviceId) {
    await attempt(() => docker.getService(serviceId!).remove());
    // The task's container goes asynchronously; the overlay can only go once it has.
    await attempt(() =>
      harness!.waitFor(
        'the service task containers to go',
        async () =>
          (
            await docker.listContainers({
              all: true,
              filters: { label: [`com.docker.swarm.service.id=${serviceId}`] },
            })
          ).length === 0,
        30_000,
      ),
    );
  }
  if (tracker) await attempt(() => tracker!.cleanup());
  if (docker && swarmJoined) await attempt(() => docker.swarmLeave({ force: true }));
  if (throwaway) await attempt(() => throwaway!.stop());
  if (failures.length > 0) throw failures[0];
});

function ready(t: TestContext): boolean {
  return requireOrSkip(
    t,
    unavailable === undefined && harness !== undefined,
    unavailable ?? 'no throwaway engine',
  );
}

async function liveSnapshot(
  condition: (snapshot: Snapshot) => boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<Snapshot> {
  return harness!.waitFor(
    what,
    () => {
      const snapshot = session?.snapshot;
      return snapshot && condition(snapshot) ? snapshot : undefined;
    },
    timeoutMs,
  );
}

void describe('a single-node swarm on a throwaway engine', () => {
  let overlay: { id: string; name: string } | undefined;
  let standaloneId: string | undefined;

  void test('the live model sees the engine become a manager, and Berth creates an attachable overlay there', async (t) => {
    if (!ready(t)) return;
    const h = harness!;
    session = createSession({ settings: () => ({ dockerHost: `unix://${throwaway!.socketPath}` }), env: {} });
    session.start();
    const plain = await liveSnapshot(() => session?.state.kind === 'connected', 'the session to connect');
    assert.equal(plain.swarm, undefined, 'an engine outside a swarm has no swarm in its model');
    // The swarm begins after the model loaded: its ingress network's event brings it in, no poll.
    await h.engine().swarmInit({ ListenAddr: '127.0.0.1', AdvertiseAddr: '127.0.0.1' });
    swarmJoined = true;
    const first = await liveSnapshot((s) => s.swarm?.manager === true, 'the swarm in the model');
    const ingress = [...first.networks.values()].find((n) => n.ingress);
    assert.equal(ingress?.scope, 'swarm');

    const name = h.uniqueName('overlay');
    const docker: Docker = h.engine();
    const id = await createNetwork(docker, first, {
      name,
      driver: 'overlay',
      attachable: true,
      labels: h.testLabels(),
    });
    tracker!.track('network', id);
    overlay = { id, name };
    const seen = await liveSnapshot((s) => s.networks.has(id), 'the overlay in the model');
    const network = seen.networks.get(id)!;
    assert.equal(network.driver, 'overlay');
    assert.equal(network.scope, 'swarm');
    assert.equal(network.attachable, true);
    assert.deepEqual(network.services, []);
  });

  void test('a service on the overlay shows its running task with node and address', async (t) => {
    if (!ready(t) || !requireOrSkip(t, overlay !== undefined, 'no overlay from the first test')) return;
    overlay = overlay!;
    const h = harness!;
    const image = await h.ensureTestImage();
    const created = (await h.engine().createService({
      Name: h.uniqueName('svc'),
      Labels: h.testLabels(),
      TaskTemplate: {
        ContainerSpec: { Image: image, Command: ['sleep', '3600'], Labels: h.testLabels() },
        Networks: [{ Target: overlay.id }],
      },
      EndpointSpec: {
        Ports: [{ TargetPort: 8080, PublishedPort: 18080, Protocol: 'tcp', PublishMode: 'ingress' }],
      },
    })) as { ID?: string; id?: string };
    serviceId = created.ID ?? created.id;
    // The engine schedules the task as it can on a loaded machine; a timeout says whether the
    // engine or only the model lagged.
    const snapshot = await liveSnapshot(
      (s) =>
        s.networks.get(overlay!.id)?.services?.[0]?.tasks.some((task) => task.state === 'running') === true,
      'the service task running on the overlay',
      120_000,
    ).catch(async (error: unknown) => {
      const onEngine = (await h.engine().listTasks({ filters: { service: [serviceId ?? ''] } })) as {
        Status?: { State?: string };
      }[];
      const inModel = session?.snapshot?.networks.get(overlay!.id)?.services?.[0]?.tasks ?? [];
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}; the engine's tasks: ${JSON.stringify(onEngine.map((task) => task.Status?.State))}, the model's: ${JSON.stringify(inModel.map((task) => task.state))}`,
      );
    });
    const [service] = snapshot.networks.get(overlay.id)!.services!;
    assert.equal(service.serviceId, serviceId);
    const task = service.tasks.find((x) => x.state === 'running')!;
    assert.match(task.name, /\.1$/);
    assert.equal(task.nodeId, snapshot.swarm?.nodeId);
    assert.ok(task.node.length > 0, 'the task names its node');
    assert.match(task.address ?? '', /^\d+\.\d+\.\d+\.\d+$/);
    assert.ok(
      snapshot.networks.get([...snapshot.networks.values()].find((n) => n.ingress)!.id)?.services?.length,
    );
  });

  void test('Berth connects a standalone container to the attachable overlay', async (t) => {
    if (!ready(t) || !requireOrSkip(t, overlay !== undefined, 'no overlay from the first test')) return;
    overlay = overlay!;
    const h = harness!;
    const container = await h.createContainer(tracker!, { start: true });
    const before = await liveSnapshot(
      (s) => s.containers.get(container.id)?.state === 'running',
      'the container',
    );
    await connectContainer(h.engine(), before, { containerId: container.id, networkId: overlay.id });
    const after = await liveSnapshot(
      (s) =>
        s.networks.get(overlay!.id)?.endpoints.some((e) => e.containerId === container.id && e.ipv4) === true,
      'the container on the overlay',
    );
    assert.equal(after.networks.get(overlay.id)?.attachable, true);
    standaloneId = container.id;
  });

  void test("docker_gwbridge lists the task's way out, as the engine's own", async (t) => {
    if (
      !ready(t) ||
      !requireOrSkip(t, standaloneId !== undefined, 'no connected container from the test before')
    )
      return;
    const docker = harness!.engine();
    const task = session!
      .snapshot!.networks.get(overlay!.id)!
      .services![0].tasks.find((x) => x.state === 'running' && x.containerId)!;
    const inspected = (await docker.getNetwork(gatewayBridgeName).inspect()) as {
      Id: string;
      Containers?: Record<string, { IPv4Address?: string }>;
    };
    const id = task.containerId!;
    const expected = inspected.Containers?.[id]?.IPv4Address?.split('/')[0];
    assert.ok(expected, `the engine lists no gateway endpoint for the task's container ${id}`);
    const snapshot = await liveSnapshot(
      (s) => s.networks.get(inspected.Id)?.endpoints.some((e) => e.containerId === id) === true,
      `the task's container on ${gatewayBridgeName} in the model`,
    );
    const endpoint = snapshot.networks.get(inspected.Id)!.endpoints.find((e) => e.containerId === id)!;
    assert.equal(endpoint.ipv4, expected);
    assert.equal(endpoint.engineManaged, true);
    // The standalone container has its way out on the default bridge, so the engine gives it none here.
    assert.equal(inspected.Containers?.[standaloneId!], undefined);
  });

  void test('the standalone container reaches the service task by name across the overlay', (t) => {
    if (
      !ready(t) ||
      !requireOrSkip(t, standaloneId !== undefined, 'no connected container from the test before')
    )
      return;
    const snapshot = session!.snapshot!;
    const network = snapshot.networks.get(overlay!.id)!;
    const task = network.services![0].tasks.find((x) => x.state === 'running' && x.containerId)!;
    const byContainer = analyzeReach(snapshot, standaloneId!, task.containerId!);
    assert.equal(
      byContainer.verdict.code,
      'reach-by-ip-and-name',
      renderVerdict(byContainer.verdict, english),
    );
    assert.equal(byContainer.byIp, task.address);
    const serviceName = network.services![0].serviceName;
    assert.ok(byContainer.byNames.includes(serviceName), byContainer.byNames.join(', '));
    assert.ok(byContainer.reasons.some((r) => r.code === 'overlay-across-nodes'));

    const byService = analyzeServiceReach(snapshot, standaloneId!, serviceId!);
    assert.equal(byService.verdict.code, 'reach-service-by-name', renderVerdict(byService.verdict, english));
    assert.equal(byService.byIp, network.services![0].virtualIp);
    const why = byService.reasons.map((r) => renderReason(r, english)).join('\n');
    assert.match(why, new RegExp(`${task.name} runs on the node ${task.node}, at ${task.address}`));
    assert.match(
      why,
      /publishes 8080\/tcp through the routing mesh: every node of the swarm .* accepts it on port 18080/,
    );
  });

  void test('Remove Service removes the service and its task from the model; a missing one fails in the engine’s words', async (t) => {
    if (!ready(t) || !requireOrSkip(t, serviceId !== undefined, 'no service from the tests before')) return;
    const docker = harness!.engine();
    const missingId = 'nosuchservice0000000000';
    const refused = await removeService(docker, missingId).then(
      () => undefined,
      (error: unknown) => error,
    );
    assert.ok(refused instanceof EngineOperationError);
    assert.equal(refused.statusCode, 404);
    const direct = await docker
      .getService(missingId)
      .remove()
      .then(
        () => '',
        (error: { json?: { message?: string } }) => error.json?.message ?? '',
      );
    assert.ok(direct.length > 0);
    assert.equal(refused.message, direct, 'the engine’s message, word for word');

    await removeService(docker, serviceId!);
    const removed = serviceId!;
    serviceId = undefined;
    const after = await liveSnapshot(
      (s) => ![...s.networks.values()].some((n) => n.services?.some((x) => x.serviceId === removed)),
      'the service gone from every overlay',
    );
    assert.equal(after.networks.get(overlay!.id)?.services?.length, 0);
    // The task's container goes asynchronously; the overlay can only go once it has.
    await harness!.waitFor(
      'the service task containers to go',
      async () =>
        (
          await docker.listContainers({
            all: true,
            filters: { label: [`com.docker.swarm.service.id=${removed}`] },
          })
        ).length === 0,
      30_000,
    );
  });
});
