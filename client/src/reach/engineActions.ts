// The two repairs a verdict offers, through the engine layer's operations: connect a container
// to a network, or create a bridge network and connect both. No `vscode` here, so the engine
// tests run them. Errors carry the engine's own message (EngineOperationError) or say what is
// wrong before anything is sent (ValidationError).
import type Docker from 'dockerode';
import type { Snapshot } from '../engine/model/snapshot';
import { connectContainer, createNetwork, disconnectContainer } from '../engine/operations/networks';
import { engineMessage, EngineOperationError } from '../engine/operations/engineCall';

export async function connectToNetwork(
  docker: Docker,
  snapshot: Snapshot,
  networkId: string,
  containerId: string,
): Promise<void> {
  await connectContainer(docker, snapshot, { containerId, networkId });
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
  snapshot: Snapshot,
  name: string,
  containerIds: string[],
  labels: Record<string, string> = {},
): Promise<CreateAndConnectResult> {
  const networkId = await createNetwork(docker, snapshot, { name, driver: 'bridge', labels });
  const network = docker.getNetwork(networkId);
  const connected: string[] = [];
  try {
    // The snapshot does not know the new network yet, so these go to the engine directly.
    for (const id of containerIds) {
      await network.connect({ Container: id });
      connected.push(id);
    }
  } catch (error) {
    for (const id of connected) {
      await disconnectContainer(docker, { containerId: id, networkId, force: true }).catch(() => undefined);
    }
    await network.remove().catch(() => undefined);
    throw new EngineOperationError(
      engineMessage(error),
      (error as { statusCode?: number }).statusCode,
      error,
    );
  }
  return { networkId };
}
