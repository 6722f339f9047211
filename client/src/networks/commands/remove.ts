// Remove Network and Prune Unused Networks: each names exactly what goes before anything does.
import * as vscode from 'vscode';
import type { Network } from '../../engine/model/snapshot';
import { chooseModal, confirmModal } from '../../ui/confirm';
import {
  changing,
  dockerOf,
  snapshotOf,
  targetsOf,
  type BerthCommand,
  type CommandContext,
} from '../../commands/context';
import { UserError } from '../../shared/failures';
import { batchFailures, removeEach } from '../../commands/removeEach';
import {
  previewNetworkPrune,
  pruneNetworks as pruneNetworksOnEngine,
  removeNetwork as removeNetworkOnEngine,
} from '../../engine/operations/networks';
import { namedOrPicked, networkFor, networkIdOf } from '../../commands/targets';
import type { BerthNode } from '../../shared/nodes';

async function chosenNetworks(
  ctx: CommandContext,
  node: Parameters<BerthCommand>[1],
  selection: Parameters<BerthCommand>[2],
): Promise<Network[]> {
  const snapshot = await snapshotOf(ctx);
  const networkRow = (target: BerthNode) => (target.kind === 'network' ? target.networkId : undefined);
  return namedOrPicked(targetsOf(node, selection), networkRow, snapshot.networks, () =>
    networkFor(
      snapshot,
      node && networkIdOf(node) ? node : undefined,
      vscode.l10n.t('Network to remove'),
      (n) => !n.builtin,
    ),
  );
}

export const removeNetwork: BerthCommand = async (ctx, node, selection) => {
  // Taken before the confirmation: only the endpoints it names may be disconnected.
  const snapshot = await snapshotOf(ctx);
  const networks = await chosenNetworks(ctx, node, selection);
  if (networks.length === 0) return;
  const builtin = networks.filter((network) => network.builtin);
  if (builtin.length > 0)
    throw new UserError(
      vscode.l10n.t(
        '{0}: built-in networks are part of the engine and cannot be removed.',
        builtin.map((n) => n.name).join(', '),
      ),
    );
  const names = networks.map((network) => network.name).join(', ');
  const attached = networks.flatMap((network) =>
    network.endpoints.map((endpoint) => ({ network, endpoint })),
  );
  const message =
    networks.length === 1
      ? vscode.l10n.t('Remove network "{0}"?', names)
      : vscode.l10n.t('Remove {0} networks: {1}?', networks.length, names);
  if (attached.length > 0) {
    const list = attached
      .map(({ network, endpoint }) => `${endpoint.containerName} (${network.name})`)
      .join(', ');
    const disconnectAndRemove = vscode.l10n.t('Disconnect and Remove');
    const answer = await chooseModal(
      message,
      vscode.l10n.t(
        'Still attached: {0}. The engine refuses to remove a network in use; Berth can disconnect them first.',
        list,
      ),
      disconnectAndRemove,
    );
    if (answer !== disconnectAndRemove) return;
  } else if (
    !(await confirmModal(
      message,
      vscode.l10n.t('Containers created later with --network {0} will fail to start.', names),
      vscode.l10n.t('Remove'),
    ))
  )
    return;
  const docker = dockerOf(ctx);
  const failed = await removeEach(
    ctx,
    vscode.l10n.t('Removing {0}…', names),
    networks,
    (n) => n.name,
    (network) => removeNetworkOnEngine(docker, snapshot, network.id, { disconnectFirst: true }),
  );
  if (failed.length > 0)
    throw new UserError(vscode.l10n.t('Some networks were not removed — {0}', failed.join('; ')));
};

/**
 * Removes exactly the networks shown in the preview, one by one, rather than calling the engine's
 * prune: a network that became unused after the preview must not go without being named.
 */
export const pruneNetworks: BerthCommand = async (ctx) => {
  await ctx.session.refresh();
  const snapshot = await snapshotOf(ctx);
  const unused = previewNetworkPrune(snapshot).sort((a, b) => a.name.localeCompare(b.name));
  if (unused.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no unused networks to prune.'));
    return;
  }
  const list = unused
    .map((network) => `• ${network.name} (${network.driver}${subnetText(network)})`)
    .join('\n');
  const ok = await confirmModal(
    vscode.l10n.t('Remove {0} unused networks?', unused.length),
    vscode.l10n.t('These networks have no containers and will be removed:\n{0}', list),
    vscode.l10n.t('Remove'),
  );
  if (!ok) return;
  const docker = dockerOf(ctx);
  const result = await changing(ctx, vscode.l10n.t('Pruning networks…'), () =>
    pruneNetworksOnEngine(docker, unused),
  );
  if (result.failed.length > 0)
    throw new UserError(vscode.l10n.t('Some networks were not removed — {0}', batchFailures(result)));
  void vscode.window.showInformationMessage(vscode.l10n.t('Removed {0} networks.', result.removed.length));
};

function subnetText(network: Network): string {
  const subnets = network.ipam.flatMap((config) => (config.subnet ? [config.subnet] : []));
  return subnets.length > 0 ? `, ${subnets.join(', ')}` : '';
}
