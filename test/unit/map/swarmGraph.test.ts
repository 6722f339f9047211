// Swarm on the map: an overlay's services and their tasks, with node and address, in the bands
// under the overlay; a task's container drawn once, as its task.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Network, Volume } from '../../../client/src/engine/model/snapshot';
import type { NetworkService } from '../../../client/src/engine/model/swarmJoin';
import { buildGraph, nodeId } from '../../../client/src/map/graphModel';
import { swarmRowOf } from '../../../client/src/map/swarmGraph';
import { container, endpoint, network, snapshot } from '../reach/fixtures';

function task(name: string, node: string, address: string | undefined, state = 'running') {
  return {
    taskId: `task-${name}`,
    name,
    nodeId: `node-${node}`,
    node,
    state,
    address,
    containerId: `id-${name}`,
  };
}

function overlay(name: string, services: NetworkService[], extra: Partial<Network> = {}): Network {
  return network(name, { driver: 'overlay', scope: 'swarm', attachable: true, services, ...extra });
}

void describe('buildGraph with Swarm services', () => {
  const webOnFront: NetworkService = {
    serviceId: 'svc-web',
    serviceName: 'web',
    virtualIp: '10.0.1.2',
    tasks: [task('web.1', 'manager-1', '10.0.1.3'), task('web.2', 'worker-1', '10.0.1.4', 'preparing')],
  };
  const webOnIngress: NetworkService = {
    serviceId: 'svc-web',
    serviceName: 'web',
    virtualIp: '10.0.0.2',
    tasks: [task('web.1', 'manager-1', '10.0.0.3'), task('web.2', 'worker-1', '10.0.0.4', 'preparing')],
  };
  const front = overlay('front', [webOnFront]);
  const ingress = overlay('ingress', [webOnIngress], { ingress: true, attachable: false });
  const web1 = container('web.1', {
    endpoints: [endpoint(front, 'web.1', '10.0.1.3'), endpoint(ingress, 'web.1', '10.0.0.3')],
  });
  const probe = container('probe', { endpoints: [endpoint(front, 'probe', '10.0.1.9')] });
  const s = snapshot([front, ingress], [web1, probe]);
  s.swarm = {
    nodeId: 'node-manager-1',
    manager: true,
    nodes: [],
    services: [
      {
        id: 'svc-web',
        name: 'web',
        image: 'busybox:1',
        ports: [],
        networkTargets: [],
        virtualIps: new Map(),
      },
    ],
    tasks: [],
  };
  const data: Volume = {
    name: 'data',
    driver: 'local',
    scope: 'local',
    mountpoint: '/var/lib/docker/volumes/data/_data',
    labels: {},
    options: {},
    anonymous: false,
    usedBy: [{ containerId: web1.id, containerName: 'web.1', destination: '/data', readOnly: false }],
  };
  s.volumes.set('data', data);
  const g = buildGraph(s);
  const node = (id: string) => g.nodes.find((n) => n.id === id);
  const edge = (id: string) => g.edges.find((e) => e.id === id);

  void it('draws each service once, hanging from every overlay it is on, labelled with its virtual IP', () => {
    assert.deepEqual(
      g.nodes.filter((n) => n.kind === 'service').map((n) => `${n.label}: ${n.detail}`),
      ['web: busybox:1 · 1/2'],
    );
    assert.equal(edge(`carries:${front.id}:svc-web`)?.label, '10.0.1.2');
    assert.equal(edge(`carries:${ingress.id}:svc-web`)?.label, '10.0.0.2');
    assert.deepEqual(node(nodeId.service('svc-web'))?.tags, ['running']);
  });

  void it('draws each task with its node and its address on every network', () => {
    const tasks = g.nodes.filter((n) => n.kind === 'task');
    assert.deepEqual(
      tasks.map((n) => `${n.label}: ${n.detail} [${n.tags.join()}]`),
      [
        'web.1: manager-1 · front 10.0.1.3 · ingress 10.0.0.3 [running]',
        'web.2: worker-1 · front 10.0.1.4 · ingress 10.0.0.4 [stopped]',
      ],
    );
    assert.deepEqual(
      g.edges.filter((e) => e.kind === 'task').map((e) => `${e.source} -> ${e.target}`),
      [`service:svc-web -> task:task-web.1`, `service:svc-web -> task:task-web.2`],
    );
  });

  void it("draws a task's container as the task: no second node, its mounts hang from the task", () => {
    assert.equal(node(nodeId.container(web1.id)), undefined);
    assert.equal(
      g.edges.some((e) => e.target === nodeId.container(web1.id) || e.source === nodeId.container(web1.id)),
      false,
    );
    assert.equal(edge(`mount:data:${web1.id}:/data`)?.source, nodeId.task('task-web.1'));
    assert.equal(edge(`endpoint:${probe.id}:${front.id}`)?.target, nodeId.container(probe.id));
  });

  void it('puts services beside containers under the overlay, and tasks and their volumes below', () => {
    const band = (id: string) => node(id)?.band;
    const overlayBand = band(nodeId.network(front.id)) ?? -1;
    assert.equal(band(nodeId.service('svc-web')), overlayBand + 1);
    assert.equal(band(nodeId.container(probe.id)), overlayBand + 1);
    assert.equal(band(nodeId.task('task-web.1')), overlayBand + 2);
    assert.equal(band(nodeId.volume('data')), overlayBand + 3);
  });

  void it('gives every node and edge its own id (cytoscape refuses an edge with a node id)', () => {
    const ids = [...g.nodes, ...g.edges].map((element) => element.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  void it('marks overlays, and an engine outside a swarm draws no service', () => {
    assert.ok(node(nodeId.network(front.id))?.tags.includes('overlay'));
    assert.equal(node(nodeId.network(front.id))?.services, 1, 'the zoomed-out label counts services');
    assert.equal(node(nodeId.network(front.id))?.count, 1, 'and, apart, the one container (probe)');
    const plain = buildGraph(snapshot([network('shop')], [container('api')]));
    assert.deepEqual(
      plain.nodes.map((n) => n.kind),
      ['network', 'container'],
    );
  });
});

void describe('swarmRowOf: the Networks row a click on a service or task reveals', () => {
  const service = (id: string, taskIds: string[]): NetworkService => ({
    serviceId: id,
    serviceName: id,
    tasks: taskIds.map((taskId) => ({ ...task(taskId, 'manager-1', undefined), taskId })),
  });
  const mesh = overlay('ingress', [service('svc-web', ['t1'])], { ingress: true });
  const front = overlay('front', [service('svc-web', ['t1']), service('svc-api', ['t2'])]);
  const back = overlay('back', [service('svc-api', ['t2'])]);

  void it("under the user's own overlay before the routing mesh, then by name", () => {
    assert.deepEqual(swarmRowOf([mesh, front], 'service', 'svc-web'), {
      networkId: front.id,
      serviceId: 'svc-web',
    });
    assert.deepEqual(swarmRowOf([mesh, front, back], 'service', 'svc-api'), {
      networkId: back.id,
      serviceId: 'svc-api',
    });
    assert.deepEqual(swarmRowOf([mesh], 'service', 'svc-web'), { networkId: mesh.id, serviceId: 'svc-web' });
  });

  void it('a task under its service', () => {
    assert.deepEqual(swarmRowOf([mesh, front], 'task', 't2'), { networkId: front.id, serviceId: 'svc-api' });
  });

  void it('nothing once it is gone', () => {
    assert.equal(swarmRowOf([front], 'service', 'svc-gone'), undefined);
    assert.equal(swarmRowOf([front], 'task', 't9'), undefined);
  });
});
