import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Volume } from '../../../client/src/engine/model/snapshot';
import { buildGraph, nodeId } from '../../../client/src/map/graphModel';
import { bridge, container, endpoint, network, snapshot } from '../reach/fixtures';

function volume(name: string, usedBy: Volume['usedBy']): Volume {
  return {
    name,
    driver: 'local',
    scope: 'local',
    mountpoint: `/var/lib/docker/volumes/${name}/_data`,
    labels: {},
    options: {},
    anonymous: /^[0-9a-f]{64}$/.test(name),
    usedBy,
  };
}

void describe('buildGraph', () => {
  const myNet = network('my_net', { ipam: [{ subnet: '172.18.0.0/16', gateway: '172.18.0.1' }] });
  const web = container('web', {
    endpoints: [endpoint(bridge, 'web', '172.17.0.2'), endpoint(myNet, 'web', '172.18.0.2')],
    ports: [
      { containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 },
      { containerPort: 443, protocol: 'tcp' },
    ],
    composeProject: 'shop',
    composeService: 'web',
  });
  const side = container('side', {
    state: 'exited',
    networkMode: { kind: 'container', containerId: web.id },
  });
  const s = snapshot([bridge, myNet], [web, side]);
  const anonymous = 'a'.repeat(64);
  s.volumes.set(
    'data',
    volume('data', [{ containerId: web.id, containerName: 'web', destination: '/data', readOnly: true }]),
  );
  s.volumes.set(anonymous, volume(anonymous, []));
  const g = buildGraph(s);

  void it('has a node for every network, container, published port and volume', () => {
    const kinds = g.nodes.map((n) => `${n.kind}:${n.label}`);
    assert.deepEqual(kinds, [
      'network:bridge',
      'network:my_net',
      'container:side',
      'container:web',
      'port:0.0.0.0:8080',
      'volume:aaaaaaaaaaaa',
      'volume:data',
    ]);
  });

  void it('labels endpoint edges with IPs, ports with the container port, mounts with the path', () => {
    const label = (id: string) => g.edges.find((e) => e.id === id)?.label;
    assert.equal(label(`endpoint:${web.id}:${myNet.id}`), '172.18.0.2');
    assert.equal(label(`endpoint:${web.id}:${bridge.id}`), '172.17.0.2');
    assert.equal(label(`publish:${web.id}:0.0.0.0:8080/tcp`), '80/tcp');
    assert.equal(label(`mount:data:${web.id}:/data`), '/data (ro)');
    assert.equal(label(`joined:${side.id}`), 'container:');
  });

  void it('carries state for styling and the engine reference for reveal and connect', () => {
    const node = (id: string) => g.nodes.find((n) => n.id === id);
    assert.deepEqual(node(nodeId.container(side.id))?.tags, ['stopped', 'mode-container']);
    assert.equal(node(nodeId.container(web.id))?.detail, 'shop/web · berth-test/busybox:1 · running');
    assert.deepEqual(node(nodeId.volume(anonymous))?.tags, ['anonymous', 'dangling']);
    assert.equal(node(nodeId.network(myNet.id))?.ref, myNet.id);
    assert.equal(node(nodeId.network(myNet.id))?.detail, 'bridge · 172.18.0.0/16');
  });

  void it('every edge joins two nodes of the graph', () => {
    const ids = new Set(g.nodes.map((n) => n.id));
    for (const e of g.edges) assert.ok(ids.has(e.source) && ids.has(e.target), e.id);
    // Cytoscape keeps nodes and edges in one id space.
    const all = [...g.nodes, ...g.edges].map((x) => x.id);
    assert.equal(new Set(all).size, all.length, 'ids are unique across nodes and edges');
  });
});
