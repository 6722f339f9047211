// What the service and task rows under an overlay offer: their inspect documents, a task's address
// on the clipboard, and Remove Service after a confirmation that names the service and its tasks.
import * as vscode from 'vscode';
import type { NetworkService, NetworkTask } from '../../engine/model/swarmJoin';
import type { Network } from '../../engine/model/snapshot';
import { removeService as removeServiceOnEngine } from '../../engine/operations/swarm';
import {
  changing,
  dockerOf,
  snapshotOf,
  type BerthCommand,
  type CommandContext,
} from '../../commands/context';
import { UserError } from '../../shared/failures';
import type { BerthNode } from '../../shared/nodes';
import { confirmModal } from '../../ui/confirm';
import { findService } from '../tree/swarm';

interface ServiceRow {
  network: Network;
  service: NetworkService;
}

/** The service a service or task row stands for, as the snapshot has it now. */
async function serviceOf(ctx: CommandContext, node: BerthNode | undefined): Promise<ServiceRow> {
  if (node?.kind !== 'service' && node?.kind !== 'task')
    throw new UserError(
      vscode.l10n.t('Run this from a service row under an overlay network in the Networks view.'),
    );
  const network = (await snapshotOf(ctx)).networks.get(node.networkId);
  const service = findService(network, node.serviceId);
  if (!network || !service)
    throw new UserError(
      vscode.l10n.t('That service is no longer on the network. Refresh the Networks view.'),
    );
  return { network, service };
}

async function taskOf(ctx: CommandContext, node: BerthNode | undefined): Promise<NetworkTask> {
  if (node?.kind !== 'task')
    throw new UserError(vscode.l10n.t('Run this from a task row under a service in the Networks view.'));
  const { service } = await serviceOf(ctx, node);
  const task = service.tasks.find((candidate) => candidate.taskId === node.taskId);
  if (!task) throw new UserError(vscode.l10n.t('That task is no longer running. Refresh the Networks view.'));
  return task;
}

export const inspectService: BerthCommand = async (ctx, node) => {
  const { service } = await serviceOf(ctx, node);
  await ctx.openInspect('service', service.serviceId, service.serviceName);
};

export const inspectTask: BerthCommand = async (ctx, node) => {
  const task = await taskOf(ctx, node);
  await ctx.openInspect('task', task.taskId, task.name);
};

export const copyTaskAddress: BerthCommand = async (ctx, node) => {
  const task = await taskOf(ctx, node);
  if (!task.address)
    throw new UserError(
      vscode.l10n.t(
        '{0} has no address on this network yet: the swarm has not started it. Try again once it runs.',
        task.name,
      ),
    );
  await vscode.env.clipboard.writeText(task.address);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', task.address), 3000);
};

export const removeService: BerthCommand = async (ctx, node) => {
  const { service } = await serviceOf(ctx, node);
  const tasks = service.tasks.map((task) => vscode.l10n.t('{0} on {1}', task.name, task.node)).join(', ');
  const ok = await confirmModal(
    vscode.l10n.t('Remove service "{0}"?', service.serviceName),
    service.tasks.length > 0
      ? vscode.l10n.t('The swarm stops and removes its tasks on every node: {0}.', tasks)
      : vscode.l10n.t('It has no running tasks.'),
    vscode.l10n.t('Remove Service'),
  );
  if (!ok) return;
  const docker = dockerOf(ctx);
  await changing(ctx, vscode.l10n.t('Removing service {0}…', service.serviceName), () =>
    removeServiceOnEngine(docker, service.serviceId),
  );
};
