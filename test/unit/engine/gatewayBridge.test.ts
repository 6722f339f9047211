// docker_gwbridge's endpoints, which the engine lists only in the network's inspect, joined to the
// containers they belong to as the engine's own.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gatewayBridgeName, withGatewayEndpoints } from '../../../client/src/engine/model/gatewayBridge';
import { mapContainer, mapNetwork } from '../../../client/src/engine/model/mapping';

const bridge = mapNetwork({ Id: 'gw0', Name: gatewayBridgeName, Driver: 'bridge', Scope: 'local' });
const overlay = mapNetwork({ Id: 'ov1', Name: 'app', Driver: 'overlay', Scope: 'swarm' });

function taskContainer(id: string) {
  return mapContainer(
    {
      Id: id,
      Names: [`/${id}-name`],
      State: 'running',
      NetworkSettings: {
        Networks: { app: { NetworkID: 'ov1', EndpointID: `ep-${id}`, IPAddress: '10.0.1.3' } },
      },
    },
    new Map(),
    new Map(),
    new Map([['app', 'ov1']]),
  );
}

void describe('docker_gwbridge endpoints', () => {
  void test("a task's entry becomes its endpoint on the bridge, marked as the engine's, in network order", () => {
    const [task, other] = withGatewayEndpoints(
      [taskContainer('t1'), taskContainer('t2')],
      [bridge, overlay],
      {
        t1: {
          Name: 'gateway_66ec72e2b26a',
          EndpointID: 'gw-ep',
          MacAddress: '02:42:ac:12:00:03',
          IPv4Address: '172.18.0.3/16',
        },
        'ingress-sbox': { Name: 'gateway_ingress-sbox', IPv4Address: '172.18.0.2/16' },
      },
    );
    assert.deepEqual(
      task.endpoints.map((e) => [e.networkName, e.ipv4, e.ipv4Prefix, e.engineManaged]),
      [
        ['app', '10.0.1.3', undefined, undefined],
        [gatewayBridgeName, '172.18.0.3', 16, true],
      ],
    );
    const gateway = task.endpoints[1];
    assert.equal(gateway.networkId, 'gw0');
    assert.equal(gateway.endpointId, 'gw-ep');
    assert.equal(gateway.mac, '02:42:ac:12:00:03');
    assert.equal(gateway.containerName, 't1-name');
    assert.equal(other.endpoints.length, 1, 'a container the bridge does not list keeps its endpoints');
  });

  void test('nothing changes without the bridge, or for a container the engine already lists on it', () => {
    const task = taskContainer('t1');
    assert.equal(withGatewayEndpoints([task], [overlay], { t1: { IPv4Address: '172.18.0.3/16' } })[0], task);
    const listed = withGatewayEndpoints([task], [bridge, overlay], { t1: { IPv4Address: '172.18.0.3/16' } });
    const again = withGatewayEndpoints(listed, [bridge, overlay], { t1: { IPv4Address: '172.18.0.9/16' } });
    assert.equal(again[0].endpoints.filter((e) => e.networkName === gatewayBridgeName).length, 1);
  });
});
