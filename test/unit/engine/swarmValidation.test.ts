import assert from 'node:assert/strict';
import { test } from 'node:test';
import { joinSnapshot } from '../../../client/src/engine/model/join';
import { mapContainer, mapNetwork } from '../../../client/src/engine/model/mapping';
import type { SwarmState } from '../../../client/src/engine/model/swarm';
import { validateConnect } from '../../../client/src/engine/operations/networks';
import { messages } from '../../../client/src/engine/validation/messages';
import { validateNetworkCreate } from '../../../client/src/engine/validation/networkCreate';

const info = { version: '20.10', apiVersion: '1.41', os: 'linux', arch: 'amd64', endpointLabel: 'default' };
const swarm = (manager: boolean): SwarmState => ({
  nodeId: 'n1',
  manager,
  nodes: [],
  services: [],
  tasks: [],
});
const networks = [
  mapNetwork({ Id: 'ing', Name: 'ingress', Driver: 'overlay', Scope: 'swarm', Ingress: true }),
  mapNetwork({ Id: 'svc', Name: 'services_only', Driver: 'overlay', Scope: 'swarm' }),
  mapNetwork({ Id: 'att', Name: 'shared', Driver: 'overlay', Scope: 'swarm', Attachable: true }),
];
const tool = mapContainer(
  { Id: 'c'.repeat(64), Names: ['/tool'], State: 'running', HostConfig: { NetworkMode: 'bridge' } },
  new Map(),
  new Map(),
  new Map(),
);

void test('an overlay is created only on a swarm manager, and says why not elsewhere', () => {
  const spec = { name: 'mesh', driver: 'overlay', attachable: true, encrypted: true };
  const outside = validateNetworkCreate(spec, joinSnapshot(info, [], [], []));
  assert.equal(outside.ok ? undefined : outside.template, messages.overlayNeedsSwarm);
  const worker = validateNetworkCreate(spec, joinSnapshot(info, networks, [], [], 0, swarm(false)));
  assert.equal(worker.ok ? undefined : worker.template, messages.overlayNeedsManager);
  assert.deepEqual(validateNetworkCreate(spec, joinSnapshot(info, networks, [], [], 0, swarm(true))), {
    ok: true,
  });
  const encryptedBridge = validateNetworkCreate({ name: 'b', driver: 'bridge', encrypted: true });
  assert.equal(encryptedBridge.ok ? undefined : encryptedBridge.template, messages.encryptedNeedsOverlay);
});

void test('a standalone container joins an attachable overlay, never a services-only one or ingress', () => {
  const snapshot = joinSnapshot(info, networks, [], [tool], 0, swarm(true));
  const refused = validateConnect(snapshot, { containerId: tool.id, networkId: 'svc' });
  assert.equal(refused.ok ? undefined : refused.template, messages.overlayNotAttachable);
  assert.match(refused.ok ? '' : refused.message, /"services_only" is not attachable.*--attachable/);
  const ingress = validateConnect(snapshot, { containerId: tool.id, networkId: 'ing' });
  assert.equal(ingress.ok ? undefined : ingress.template, messages.ingressNotAttachable);
  assert.deepEqual(validateConnect(snapshot, { containerId: tool.id, networkId: 'att' }), { ok: true });
});
