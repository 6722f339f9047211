// The layout's inputs: which band each node goes in, how many containers a network shows when
// zoomed out, and which built-in networks are left off the map.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Volume } from '../../../client/src/engine/model/snapshot';
import { rowWidth, tierWidth } from '../../../client/src/map/bands';
import { withoutEmptyBuiltins } from '../../../client/src/map/builtins';
import { buildGraph, nodeId, type GraphModel } from '../../../client/src/map/graphModel';
import { bridge, container, endpoint, hostNet, network, noneNet, snapshot } from '../reach/fixtures';

function mounted(name: string, containerIds: string[]): Volume {
  return {
    name,
    driver: 'local',
    scope: 'local',
    mountpoint: `/var/lib/docker/volumes/${name}/_data`,
    labels: {},
    options: {},
    anonymous: false,
    usedBy: containerIds.map((id) => ({
      containerId: id,
      containerName: id,
      destination: '/data',
      readOnly: false,
    })),
  };
}

const bandOf = (g: GraphModel, id: string) => g.nodes.find((n) => n.id === id)?.band;

void describe('map bands', () => {
  void it('puts networks on top, containers under them, volumes and ports below', () => {
    const net = network('shop');
    const web = container('web', {
      endpoints: [endpoint(net, 'web', '10.1.0.2')],
      ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 }],
    });
    const s = snapshot([net], [web]);
    s.volumes.set('data', mounted('data', [web.id]));
    s.volumes.set('spare', mounted('spare', []));
    const g = buildGraph(s);
    assert.equal(bandOf(g, nodeId.network(net.id)), 0);
    assert.equal(bandOf(g, nodeId.container(web.id)), 1);
    assert.equal(bandOf(g, nodeId.volume('data')), 2);
    assert.equal(bandOf(g, nodeId.port(web.id, '0.0.0.0:8080/tcp')), 2);
    assert.equal(bandOf(g, nodeId.volume('spare')), 2, 'a volume nobody mounts sits with the volumes');
  });

  void it('edges point down the bands, as the layered layout reads them', () => {
    const net = network('shop');
    const web = container('web', {
      endpoints: [endpoint(net, 'web', '10.1.0.2')],
      ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 }],
    });
    const s = snapshot([net], [web]);
    s.volumes.set('data', mounted('data', [web.id]));
    const g = buildGraph(s);
    for (const e of g.edges) assert.ok((bandOf(g, e.source) ?? 0) < (bandOf(g, e.target) ?? 0), e.id);
  });

  void it('a busy network lays out its containers in rows, each with its own volumes below', () => {
    const net = network('busy');
    const containers = Array.from({ length: 20 }, (_, i) =>
      container(`c${String(i).padStart(2, '0')}`, { endpoints: [endpoint(net, `c${i}`, `10.2.0.${i + 2}`)] }),
    );
    const s = snapshot([net], containers);
    for (const c of containers) s.volumes.set(`v-${c.name}`, mounted(`v-${c.name}`, [c.id]));
    const g = buildGraph(s);
    const width = rowWidth(20);
    assert.equal(width, 7);
    containers.forEach((c, i) => {
      const row = Math.floor(i / width);
      assert.equal(bandOf(g, nodeId.container(c.id)), 1 + 2 * row, `${c.name} in row ${row}`);
      assert.equal(bandOf(g, nodeId.volume(`v-${c.name}`)), 2 + 2 * row, `its volume right under it`);
    });
  });

  void it('rows grow with the square root of the containers, never narrower than six', () => {
    assert.equal(rowWidth(1), 6);
    assert.equal(rowWidth(12), 6);
    assert.equal(rowWidth(150), 18);
    assert.equal(rowWidth(1000), 45);
  });

  void it('a container on two networks takes its row under the first; a shared volume goes below both users', () => {
    const a = network('a-net');
    const b = network('b-net');
    const crowd = Array.from({ length: 7 }, (_, i) =>
      container(`a${i}`, { endpoints: [endpoint(a, `a${i}`, `10.3.0.${i + 2}`)] }),
    );
    const both = container('zz-both', {
      endpoints: [endpoint(a, 'zz-both', '10.3.0.99'), endpoint(b, 'zz-both', '10.4.0.2')],
    });
    const s = snapshot([a, b], [...crowd, both]);
    s.volumes.set('shared', mounted('shared', [crowd[0]?.id ?? '', both.id]));
    const g = buildGraph(s);
    assert.equal(
      bandOf(g, nodeId.container(both.id)),
      3,
      'the eighth container of a-net starts its second row',
    );
    assert.equal(bandOf(g, nodeId.volume('shared')), 4);
  });

  void it('a container sharing another one’s network stack sits in its band', () => {
    const net = network('n');
    const main = container('main', { endpoints: [endpoint(net, 'main', '10.5.0.2')] });
    const side = container('side', { networkMode: { kind: 'container', containerId: main.id } });
    const g = buildGraph(snapshot([net], [main, side]));
    assert.equal(bandOf(g, nodeId.container(side.id)), bandOf(g, nodeId.container(main.id)));
  });

  void it('counts the containers on each network for the zoomed-out label', () => {
    const net = network('n');
    const idle = network('idle');
    const cs = ['x', 'y', 'z'].map((name) =>
      container(name, { endpoints: [endpoint(net, name, undefined)] }),
    );
    const g = buildGraph(snapshot([net, idle], cs));
    assert.equal(g.nodes.find((n) => n.id === nodeId.network(net.id))?.count, 3);
    assert.equal(g.nodes.find((n) => n.id === nodeId.network(idle.id))?.count, 0);
  });
});

void describe('empty built-in networks', () => {
  const user = network('user-net');
  const idleUser = network('idle-user-net');

  void it('leaves out host, none and an empty bridge, and names them', () => {
    const web = container('web', { endpoints: [endpoint(user, 'web', '10.6.0.2')] });
    const g = buildGraph(snapshot([bridge, hostNet, noneNet, user, idleUser], [web]));
    const { model, hidden } = withoutEmptyBuiltins(g, false);
    assert.deepEqual(hidden.sort(), ['bridge', 'host', 'none']);
    const labels = model.nodes.map((n) => n.label);
    assert.deepEqual(labels, ['idle-user-net', 'user-net', 'web'], 'an empty network of the user stays');
  });

  void it('keeps the bridge while a container uses it', () => {
    const web = container('web', { endpoints: [endpoint(bridge, 'web', '172.17.0.2')] });
    const { model, hidden } = withoutEmptyBuiltins(
      buildGraph(snapshot([bridge, hostNet, noneNet], [web])),
      false,
    );
    assert.deepEqual(hidden.sort(), ['host', 'none']);
    assert.ok(model.nodes.some((n) => n.label === 'bridge'));
  });

  void it('shows them all when asked', () => {
    const g = buildGraph(snapshot([bridge, hostNet, noneNet], []));
    const { model, hidden } = withoutEmptyBuiltins(g, true);
    assert.deepEqual(hidden, []);
    assert.equal(model.nodes.length, 3);
  });
});

void describe('map tiers', () => {
  void it('cuts a piece with many networks into stacked tiers, each with its own bands', () => {
    const networks = Array.from({ length: 40 }, (_, i) => network(`n${String(i).padStart(2, '0')}`));
    // One container on every network joins them all into one piece, as multi-homed services do.
    const hub = container('aaa-hub', {
      endpoints: networks.map((n) => endpoint(n, 'aaa-hub', undefined)),
    });
    const own = networks.map((n) =>
      container(`own-${n.name}`, { endpoints: [endpoint(n, `own-${n.name}`, undefined)] }),
    );
    const g = buildGraph(snapshot(networks, [hub, ...own]));
    // Each network lists two containers: the hub and its own.
    const width = tierWidth(40, 2);
    assert.equal(width, 6);
    const tiers = [...new Set(networks.map((n) => bandOf(g, nodeId.network(n.id))))];
    assert.equal(tiers.length, 7, 'forty networks in tiers of six');
    assert.deepEqual(
      tiers,
      [...tiers].sort((a, b) => (a ?? 0) - (b ?? 0)),
      'tiers go down the map',
    );
    networks.forEach((n, i) => {
      const top = bandOf(g, nodeId.network(n.id)) ?? 0;
      const next = tiers[Math.floor(i / width) + 1] ?? Infinity;
      const mine = bandOf(g, nodeId.container(own[i]?.id ?? '')) ?? -1;
      assert.ok(mine > top && mine < next, `${n.name}'s container sits inside its tier`);
    });
  });

  void it('keeps a piece of a few networks in one tier', () => {
    const networks = ['a', 'b', 'c'].map((name) => network(name));
    const both = container('both', { endpoints: networks.map((n) => endpoint(n, 'both', undefined)) });
    const g = buildGraph(snapshot(networks, [both]));
    for (const n of networks) assert.equal(bandOf(g, nodeId.network(n.id)), 0);
  });
});
