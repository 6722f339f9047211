// Connect and disconnect, from either side: a container to a network, a network to a container,
// and containers dropped on a network.
import * as vscode from 'vscode';
import { engineMessage } from '../../ui/errors';
import type { Container, Network } from '../../engine/model/snapshot';
import { confirmModal } from '../../ui/confirm';
import { askText, pickOne } from '../../ui/pick';
import { isRunning } from '../../shared/containerState';
import { formatEndpointAddresses } from '../../shared/endpoints';
import { builtinKind } from '../tree/present';
import { keys } from '../../shared/nodes';
import {
  afterChange,
  changing,
  dockerOf,
  snapshotOf,
  targetsOf,
  withProgress,
  type BerthCommand,
  type CommandContext,
} from '../../commands/context';
import { UserError } from '../../shared/failures';
import { parseAliases } from '../../commands/keyValues';
import {
  containerFor,
  containerIdOf,
  networkFor,
  networkIdOf,
  pickContainer,
  pickNetwork,
} from '../../commands/targets';
import { aliasesProblem, problemText, staticIpProblem } from '../../commands/validate';
import { acceptsStaticIp } from '../../engine/validation/addresses';
import { connectContainer, disconnectContainer, swarmJoinProblem } from '../../engine/operations/networks';

/** Only containers with their own network stack can join networks. */
export function connectableContainer(container: Container): boolean {
  const kind = container.networkMode.kind;
  return kind === 'bridge' || kind === 'user';
}

/** host and none are not networks a container can be added to. */
export function connectableNetwork(network: Network): boolean {
  const builtin = builtinKind(network);
  return builtin !== 'host' && builtin !== 'none';
}

function explainUnconnectable(container: Container): string {
  const mode = container.networkMode;
  return mode.kind === 'container'
    ? vscode.l10n.t(
        '{0} runs with --network container:{1} and shares its network stack; connect {1} instead.',
        container.name,
        mode.containerName ?? mode.containerId.slice(0, 12),
      )
    : vscode.l10n.t(
        '{0} runs with --network {1}: it cannot join other networks. Recreate it on a bridge network first.',
        container.name,
        mode.kind,
      );
}

interface EndpointChoice {
  aliases: string[];
  ipv4?: string;
  ipv6?: string;
}

/** Aliases, then a static address only where the engine allows one (a user-configured subnet). */
async function askEndpointConfig(
  network: Network,
  container: Container,
): Promise<EndpointChoice | undefined> {
  const title = vscode.l10n.t('Connect {0} to {1}', container.name, network.name);
  const choice: EndpointChoice = { aliases: [] };
  if (!network.builtin) {
    const aliases = await askText({
      title,
      prompt: vscode.l10n.t(
        'Network aliases (optional): other names under which containers on {0} reach {1}. Separate with spaces or commas.',
        network.name,
        container.name,
      ),
      validate: aliasesProblem,
    });
    if (aliases === undefined) return undefined;
    choice.aliases = parseAliases(aliases);
  }
  for (const family of [4, 6] as const) {
    if (!acceptsStaticIp(network, family)) continue;
    const subnets = network.ipam.flatMap((config) =>
      config.subnet && config.subnet.includes(':') === (family === 6) ? [config.subnet] : [],
    );
    const address = await askText({
      title,
      prompt:
        family === 4
          ? vscode.l10n.t(
              'Static IPv4 address in {0} (optional; empty lets the engine choose)',
              subnets.join(', '),
            )
          : vscode.l10n.t(
              'Static IPv6 address in {0} (optional; empty lets the engine choose)',
              subnets.join(', '),
            ),
      validate: (value) => (value.trim() === '' ? undefined : staticIpProblem(network, value.trim(), family)),
    });
    if (address === undefined) return undefined;
    if (address.trim() !== '') choice[family === 4 ? 'ipv4' : 'ipv6'] = address.trim();
  }
  return choice;
}

async function connectOne(
  ctx: CommandContext,
  container: Container,
  network: Network,
  choice: EndpointChoice,
): Promise<void> {
  const docker = dockerOf(ctx);
  const snapshot = await snapshotOf(ctx);
  await changing(ctx, vscode.l10n.t('Connecting {0} to {1}…', container.name, network.name), () =>
    connectContainer(docker, snapshot, {
      containerId: container.id,
      networkId: network.id,
      aliases: choice.aliases,
      ipv4: choice.ipv4,
      ipv6: choice.ipv6,
    }),
  );
}

async function connectInteractively(
  ctx: CommandContext,
  container: Container,
  network: Network,
): Promise<void> {
  if (!connectableContainer(container)) throw new UserError(explainUnconnectable(container));
  if (network.endpoints.some((endpoint) => endpoint.containerId === container.id))
    throw new UserError(vscode.l10n.t('{0} is already on {1}.', container.name, network.name));
  const swarmOnly = problemText(swarmJoinProblem(network, container.name));
  if (swarmOnly) throw new UserError(swarmOnly);
  const choice = await askEndpointConfig(network, container);
  if (!choice) return;
  await connectOne(ctx, container, network, choice);
  await ctx.views.reveal('networks', keys.endpoint('networks', network.id, container.id));
}

export const containerConnectNetwork: BerthCommand = async (ctx, node) => {
  const snapshot = await snapshotOf(ctx);
  const container = await containerFor(
    snapshot,
    node,
    vscode.l10n.t('Container to connect'),
    connectableContainer,
  );
  if (!container) return;
  if (!connectableContainer(container)) throw new UserError(explainUnconnectable(container));
  const onNetworks = new Set(container.endpoints.map((endpoint) => endpoint.networkId));
  const network = await pickNetwork(
    snapshot,
    vscode.l10n.t('Network to connect {0} to', container.name),
    (candidate) => connectableNetwork(candidate) && !onNetworks.has(candidate.id),
  );
  if (network) await connectInteractively(ctx, container, network);
};

export const networkConnectContainer: BerthCommand = async (ctx, node) => {
  const snapshot = await snapshotOf(ctx);
  const network = await networkFor(
    snapshot,
    node,
    vscode.l10n.t('Network to connect a container to'),
    connectableNetwork,
  );
  if (!network) return;
  if (!connectableNetwork(network))
    throw new UserError(
      vscode.l10n.t(
        'Containers cannot be connected to {0}; it is chosen when a container is created (--network {0}).',
        network.name,
      ),
    );
  const onIt = new Set(network.endpoints.map((endpoint) => endpoint.containerId));
  const container = await pickContainer(
    snapshot,
    vscode.l10n.t('Container to connect to {0}', network.name),
    (candidate) => connectableContainer(candidate) && !onIt.has(candidate.id),
  );
  if (container) await connectInteractively(ctx, container, network);
};

/** Containers dropped on a network: one confirmation naming them all, no further questions. */
export async function connectDropped(
  ctx: CommandContext,
  containerIds: string[],
  networkId: string,
): Promise<void> {
  const snapshot = await snapshotOf(ctx);
  const network = snapshot.networks.get(networkId);
  const containers = containerIds.flatMap((id) => snapshot.containers.get(id) ?? []);
  if (!network || containers.length === 0) return;
  if (!connectableNetwork(network))
    throw new UserError(
      vscode.l10n.t(
        'Containers cannot be connected to {0}; it is chosen when a container is created (--network {0}).',
        network.name,
      ),
    );
  const refused = containers.filter((container) => !connectableContainer(container));
  if (refused.length > 0) throw new UserError(refused.map(explainUnconnectable).join(' '));
  const names = containers.map((container) => container.name).join(', ');
  const ok = await confirmModal(
    vscode.l10n.t('Connect {0} to network "{1}"?', names, network.name),
    vscode.l10n.t(
      'The engine assigns each an address on {0}; they stay on their other networks.',
      network.name,
    ),
    vscode.l10n.t('Connect'),
  );
  if (!ok) return;
  for (const container of containers) await connectOne(ctx, container, network, { aliases: [] });
}

async function disconnectOne(ctx: CommandContext, container: Container, network: Network): Promise<void> {
  if (container.endpoints.some((e) => e.networkId === network.id && e.engineManaged))
    throw new UserError(
      vscode.l10n.t(
        'The swarm gave {0} its way out through {1}: the engine adds and removes that endpoint with the container, so it is not disconnected by hand.',
        container.name,
        network.name,
      ),
    );
  const docker = dockerOf(ctx);
  await withProgress(vscode.l10n.t('Disconnecting {0} from {1}…', container.name, network.name), async () => {
    try {
      await disconnectContainer(docker, { containerId: container.id, networkId: network.id });
    } catch (error) {
      // A stopped container can keep a stale endpoint the engine only drops with force.
      if (isRunning(container)) throw error;
      const force = await confirmModal(
        vscode.l10n.t('Disconnecting {0} from {1} failed.', container.name, network.name),
        vscode.l10n.t(
          'The engine said: {0}\nForce the disconnect? The container is stopped, so nothing is interrupted.',
          engineMessage(error),
        ),
        vscode.l10n.t('Force Disconnect'),
      );
      if (!force) return;
      await disconnectContainer(docker, { containerId: container.id, networkId: network.id, force: true });
    } finally {
      await afterChange(ctx);
    }
  });
}

export const disconnectNetwork: BerthCommand = async (ctx, node, selection) => {
  const snapshot = await snapshotOf(ctx);
  const endpointNodes = targetsOf(node, selection).filter((target) => target.kind === 'endpoint');
  if (endpointNodes.length > 0) {
    for (const target of endpointNodes) {
      const container = snapshot.containers.get(target.containerId);
      const network = snapshot.networks.get(target.networkId);
      if (container && network) await disconnectOne(ctx, container, network);
    }
    return;
  }
  const container = await containerFor(
    snapshot,
    node && containerIdOf(node) ? node : undefined,
    vscode.l10n.t('Container to disconnect'),
    (c) => c.endpoints.some((e) => !e.engineManaged) && connectableContainer(c),
  );
  if (!container) return;
  if (!connectableContainer(container)) throw new UserError(explainUnconnectable(container));
  const fromNetworkId = node ? networkIdOf(node) : undefined;
  const endpoint = fromNetworkId
    ? container.endpoints.find((e) => e.networkId === fromNetworkId)
    : await pickOne(
        container.endpoints
          .filter((e) => !e.engineManaged)
          .map((e) => ({
            label: e.networkName,
            description: formatEndpointAddresses(e),
            value: e,
          })),
        vscode.l10n.t('Network to disconnect {0} from', container.name),
        vscode.l10n.t('{0} is on no network.', container.name),
      );
  const network = endpoint && snapshot.networks.get(endpoint.networkId);
  if (network) await disconnectOne(ctx, container, network);
};
