// The two repairs a verdict offers, as Engine API calls: connect a container to a network, or
// create a bridge network and connect both. No `vscode` here, so the engine tests run them.
// Engine errors are thrown unchanged: the caller shows their text word for word.
import type Docker from 'dockerode';

export async function connectContainer(
  docker: Docker,
  networkId: string,
  containerId: string,
): Promise<void> {
  await docker.getNetwork(networkId).connect({ Container: containerId });
}

export interface CreateAndConnectResult {
  networkId: string;
}

/**
 * Creates a user-defined bridge (names resolve there) and connects each container. If a connect
 * fails, what this call did is undone, so a failed fix leaves the engine as it was.
 */
export async function createNetworkAndConnect(
  docker: Docker,
  name: string,
  containerIds: string[],
  labels: Record<string, string> = {},
): Promise<CreateAndConnectResult> {
  const network = await docker.createNetwork({
    Name: name,
    Driver: 'bridge',
    CheckDuplicate: true,
    Labels: labels,
  });
  const connected: string[] = [];
  try {
    for (const id of containerIds) {
      await network.connect({ Container: id });
      connected.push(id);
    }
  } catch (error) {
    for (const id of connected)
      await network.disconnect({ Container: id, Force: true }).catch(() => undefined);
    await network.remove().catch(() => undefined);
    throw error;
  }
  return { networkId: network.id };
}
