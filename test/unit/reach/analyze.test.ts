import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeReach } from '../../../client/src/reach/analyze';
import { proposedNetworkName } from '../../../client/src/reach/fixes';
import { english, renderFix, renderVerdict } from '../../../client/src/reach/messages';
import type { Reachability } from '../../../client/src/reach/types';
import { bridge, container, endpoint, hostNet, network, noneNet, snapshot } from './fixtures';

const codes = (r: Reachability) => r.reasons.map((x) => x.code);

// Notes 000: two services started with -p on the default bridge, then both joined to my_net.
const myNet = network('my_net', { ipam: [{ subnet: '172.18.0.0/16', gateway: '172.18.0.1' }] });
function notesScenario(joined: boolean) {
  const order = container('orderservice111', {
    endpoints: [endpoint(bridge, 'orderservice111', '172.17.0.2')],
    ports: [{ containerPort: 8080, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 }],
  });
  const user = container('userservice111', {
    endpoints: [endpoint(bridge, 'userservice111', '172.17.0.3')],
    ports: [{ containerPort: 8081, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8081 }],
  });
  if (joined) {
    order.endpoints.push(endpoint(myNet, 'orderservice111', '172.18.0.2', ['0123456789ab']));
    user.endpoints.push(endpoint(myNet, 'userservice111', '172.18.0.3'));
  }
  order.id = '0123456789abcdef';
  return snapshot([bridge, myNet], [order, user]);
}

void describe('analyzeReach: the notes experiments', () => {
  void it('default bridge: reachable by IP, not by name, with a fix that creates a shared network', () => {
    const r = analyzeReach(notesScenario(false), 'userservice111', 'orderservice111');
    assert.equal(r.reachable, true);
    assert.equal(r.byIp, '172.17.0.2');
    assert.deepEqual(r.byNames, []);
    assert.equal(r.verdict.code, 'reach-by-ip');
    assert.ok(codes(r).includes('default-bridge-no-dns'));
    assert.equal(
      renderVerdict(r.verdict, english),
      'userservice111 can reach orderservice111 at 172.17.0.2, but not by name',
    );
    const create = r.fixes.find((f) => f.kind === 'create-and-connect');
    assert.ok(create);
    assert.equal(
      renderFix(create, english),
      'Create network berth-userservice111-orderservice111 and connect userservice111 and orderservice111',
    );
    assert.ok(!r.fixes.some((f) => f.kind === 'connect'), 'the default bridge is never offered as a fix');
  });

  void it('after both join my_net: reachable by name, the short-id alias left out, no fixes', () => {
    const r = analyzeReach(notesScenario(true), 'userservice111', 'orderservice111');
    assert.equal(r.reachable, true);
    assert.equal(r.byIp, '172.18.0.2');
    assert.deepEqual(r.byNames, ['orderservice111']);
    assert.equal(r.verdict.code, 'reach-by-ip-and-name');
    assert.equal(
      renderVerdict(r.verdict, english),
      'userservice111 can reach orderservice111 at 172.18.0.2 and by name `orderservice111`',
    );
    assert.deepEqual(r.fixes, []);
    assert.deepEqual(codes(r).filter((c) => c === 'shared-network').length, 2);
  });
});

void describe('analyzeReach: networks', () => {
  const front = network('front', { ipam: [{ subnet: '10.1.0.0/24', gateway: '10.1.0.1' }] });
  const back = network('back', { ipam: [{ subnet: '10.2.0.0/24', gateway: '10.2.0.1' }] });

  void it('no shared network: unreachable, with connect fixes both ways and a create fix', () => {
    const a = container('a', { endpoints: [endpoint(front, 'a', '10.1.0.2')] });
    const b = container('b', { endpoints: [endpoint(back, 'b', '10.2.0.2')] });
    const r = analyzeReach(snapshot([front, back], [a, b]), 'a', 'b');
    assert.equal(r.reachable, false);
    assert.equal(r.verdict.code, 'unreachable-no-shared-network');
    assert.equal(renderVerdict(r.verdict, english), 'a cannot reach b: no shared network');
    assert.deepEqual(
      r.fixes.map((f) => renderFix(f, english)),
      ['Connect a to back', 'Connect b to front', 'Create network berth-a-b and connect a and b'],
    );
  });

  void it('no shared network but a port published on all addresses: reachable through the host gateway only', () => {
    const a = container('a', { endpoints: [endpoint(front, 'a', '10.1.0.2')] });
    const b = container('b', {
      endpoints: [endpoint(back, 'b', '10.2.0.2')],
      ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 }],
    });
    const r = analyzeReach(snapshot([front, back], [a, b]), 'a', 'b');
    assert.equal(r.reachable, false);
    assert.equal(r.verdict.code, 'reach-host-ports');
    assert.deepEqual(r.viaHostPorts, ['10.1.0.1:8080/tcp']);
  });

  void it('a port bound to the host loopback is out of reach for containers', () => {
    const a = container('a', { endpoints: [endpoint(front, 'a', '10.1.0.2')] });
    const b = container('b', {
      endpoints: [endpoint(back, 'b', '10.2.0.2')],
      ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 8080 }],
    });
    const r = analyzeReach(snapshot([front, back], [a, b]), 'a', 'b');
    assert.equal(r.verdict.code, 'unreachable-no-shared-network');
    assert.ok(codes(r).includes('published-port-loopback-only'));
    assert.deepEqual(r.viaHostPorts, []);
  });

  void it('user-defined network: the name and every alias resolve', () => {
    const a = container('a', { endpoints: [endpoint(front, 'a', '10.1.0.2')] });
    const b = container('b', { endpoints: [endpoint(front, 'b', '10.1.0.3', ['db', 'b'])] });
    const r = analyzeReach(snapshot([front], [a, b]), 'a', 'b');
    assert.deepEqual(r.byNames, ['b', 'db']);
    assert.equal(renderVerdict(r.verdict, english), 'a can reach b at 10.1.0.3 and by name `b`, `db`');
  });

  void it('internal network: members reach each other, nothing outside, published ports included', () => {
    const secret = network('secret', { internal: true });
    const a = container('a', { endpoints: [endpoint(secret, 'a', '10.3.0.2')] });
    const b = container('b', { endpoints: [endpoint(secret, 'b', '10.3.0.3')] });
    const c = container('c', {
      endpoints: [endpoint(front, 'c', '10.1.0.5')],
      ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 }],
    });
    const s = snapshot([secret, front], [a, b, c]);
    const inside = analyzeReach(s, 'a', 'b');
    assert.equal(inside.reachable, true);
    assert.ok(codes(inside).includes('internal-network'));
    const outside = analyzeReach(s, 'a', 'c');
    assert.equal(outside.reachable, false);
    assert.equal(outside.verdict.code, 'unreachable-no-shared-network');
    assert.ok(codes(outside).includes('published-ports-internal'));
  });

  void it('icc disabled: sharing the bridge is not enough, and it is not offered as a fix', () => {
    const quiet = network('quiet', { options: { 'com.docker.network.bridge.enable_icc': 'false' } });
    const a = container('a', { endpoints: [endpoint(quiet, 'a', '10.4.0.2')] });
    const b = container('b', { endpoints: [endpoint(quiet, 'b', '10.4.0.3')] });
    const r = analyzeReach(snapshot([quiet], [a, b]), 'a', 'b');
    assert.equal(r.reachable, false);
    assert.equal(r.verdict.code, 'unreachable-icc');
    assert.ok(codes(r).includes('icc-disabled'));
    assert.ok(!codes(r).includes('no-shared-network'));
    assert.deepEqual(
      r.fixes.map((f) => f.kind),
      ['create-and-connect'],
    );
  });

  void it('legacy --link on the default bridge resolves the alias', () => {
    const a = container('a', { endpoints: [endpoint(bridge, 'a', '172.17.0.2')], links: ['/b:/a/db'] });
    const b = container('b', { endpoints: [endpoint(bridge, 'b', '172.17.0.3')] });
    const s = snapshot([bridge], [a, b]);
    const r = analyzeReach(s, 'a', 'b');
    assert.deepEqual(r.byNames, ['db', 'b']);
    assert.ok(codes(r).includes('legacy-link'));
    const back = analyzeReach(s, 'b', 'a');
    assert.deepEqual(back.byNames, [], 'a link works one way only');
  });

  void it('B stopped: no IP and no name, but the configuration is still explained', () => {
    const a = container('a', { endpoints: [endpoint(front, 'a', '10.1.0.2')] });
    const b = container('b', { state: 'exited', endpoints: [endpoint(front, 'b', undefined)] });
    const r = analyzeReach(snapshot([front], [a, b]), 'a', 'b');
    assert.equal(r.reachable, false);
    assert.equal(r.byIp, undefined);
    assert.equal(r.verdict.code, 'unreachable-to-stopped');
    assert.ok(codes(r).includes('to-stopped'));
    assert.ok(codes(r).includes('shared-network'));
  });
});

void describe('analyzeReach: network modes', () => {
  const front = network('front', { ipam: [{ subnet: '10.1.0.0/24', gateway: '10.1.0.1' }] });

  void it('none: loopback only, either way, with no fix', () => {
    const a = container('a', {
      networkMode: { kind: 'none' },
      endpoints: [endpoint(noneNet, 'a', undefined)],
    });
    const b = container('b', { endpoints: [endpoint(front, 'b', '10.1.0.3')] });
    const s = snapshot([front, noneNet], [a, b]);
    const from = analyzeReach(s, 'a', 'b');
    assert.equal(from.reachable, false);
    assert.equal(from.verdict.code, 'unreachable-from-none');
    assert.deepEqual(from.fixes, []);
    assert.equal(analyzeReach(s, 'b', 'a').verdict.code, 'unreachable-to-none');
  });

  void it('container:X towards X: one stack, localhost', () => {
    const web = container('web', { endpoints: [endpoint(front, 'web', '10.1.0.2')] });
    const side = container('side', { networkMode: { kind: 'container', containerId: web.id } });
    const s = snapshot([front], [web, side]);
    const r = analyzeReach(s, 'side', 'web');
    assert.equal(r.reachable, true);
    assert.equal(r.byIp, '127.0.0.1');
    assert.equal(r.verdict.code, 'reach-localhost');
    assert.ok(codes(r).includes('joined-from'));
    assert.ok(codes(r).includes('same-stack'));
  });

  void it('container:X towards another container: analysed as X, with X stopped meaning no network', () => {
    const web = container('web', { endpoints: [endpoint(front, 'web', '10.1.0.2')] });
    const side = container('side', { networkMode: { kind: 'container', containerId: web.id } });
    const db = container('db', { endpoints: [endpoint(front, 'db', '10.1.0.3')] });
    const r = analyzeReach(snapshot([front], [web, side, db]), 'side', 'db');
    assert.equal(r.reachable, true);
    assert.deepEqual(r.byNames, ['db']);
    assert.ok(codes(r).includes('joined-from'));
    web.state = 'exited';
    const down = analyzeReach(snapshot([front], [web, side, db]), 'side', 'db');
    assert.equal(down.reachable, false);
    assert.ok(codes(down).includes('joined-owner-stopped'));
  });

  void it('container:X whose X is gone', () => {
    const side = container('side', {
      networkMode: { kind: 'container', containerId: 'gone', containerName: 'gone' },
    });
    const db = container('db', { endpoints: [endpoint(front, 'db', '10.1.0.3')] });
    const r = analyzeReach(snapshot([front], [side, db]), 'side', 'db');
    assert.equal(r.verdict.code, 'unreachable-joined-missing');
  });

  void it('host mode A reaches a bridged B by IP, not by name, and its published ports on 127.0.0.1', () => {
    const a = container('a', {
      networkMode: { kind: 'host' },
      endpoints: [endpoint(hostNet, 'a', undefined)],
    });
    const b = container('b', {
      endpoints: [endpoint(front, 'b', '10.1.0.3')],
      ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 }],
    });
    const r = analyzeReach(snapshot([front, hostNet], [a, b]), 'a', 'b');
    assert.equal(r.reachable, true);
    assert.equal(r.byIp, '10.1.0.3');
    assert.deepEqual(r.byNames, []);
    assert.deepEqual(r.viaHostPorts, ['127.0.0.1:8080/tcp']);
    assert.ok(codes(r).includes('from-host-no-dns'));
  });

  void it('host mode B is reached at the gateway of A network; not from an internal-only A', () => {
    const b = container('b', {
      networkMode: { kind: 'host' },
      endpoints: [endpoint(hostNet, 'b', undefined)],
    });
    const a = container('a', { endpoints: [endpoint(front, 'a', '10.1.0.2')] });
    const r = analyzeReach(snapshot([front, hostNet], [a, b]), 'a', 'b');
    assert.equal(r.reachable, true);
    assert.equal(r.byIp, '10.1.0.1');
    const secret = network('secret', { internal: true });
    const c = container('c', { endpoints: [endpoint(secret, 'c', '10.3.0.2')] });
    const inner = analyzeReach(snapshot([secret, hostNet], [c, b]), 'c', 'b');
    assert.equal(inner.verdict.code, 'unreachable-host-from-internal');
  });

  void it('unknown containers and the same container', () => {
    const a = container('a', { endpoints: [endpoint(front, 'a', '10.1.0.2')] });
    const s = snapshot([front], [a]);
    assert.equal(analyzeReach(s, 'a', 'zzz').verdict.code, 'not-found');
    assert.equal(analyzeReach(s, 'id-a', 'a').verdict.code, 'same-container');
  });
});

void describe('proposedNetworkName', () => {
  void it('keeps docker name rules and avoids existing names', () => {
    const a = container('web.1');
    const b = container('db');
    assert.equal(proposedNetworkName(a, b, []), 'berth-web.1-db');
    assert.equal(proposedNetworkName(a, b, ['berth-web.1-db', 'berth-web.1-db-2']), 'berth-web.1-db-3');
    assert.match(proposedNetworkName(container('x'.repeat(100)), b, []), /^berth-x{40}-db$/);
  });
});
