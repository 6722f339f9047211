import * as vscode from 'vscode';
import type { Container } from '../engine/model/snapshot';
import { confirmModal } from '../ui/confirm';
import { pickOne } from '../ui/pick';
import { isRunning, publishedPorts } from '../shared/containerState';
import { formatEndpointAddresses } from '../shared/endpoints';
import { changing, dockerOf, snapshotOf, targetsOf, type BerthCommand, type CommandContext } from './context';
import { UserError } from './failures';
import { containerFor, containerIdOf } from './targets';
import {
  restartContainer as restartOnEngine,
  startContainer as startOnEngine,
  stopContainer as stopOnEngine,
} from '../engine/operations/containers';

/** Containers of the clicked node and the selection, or one picked from the palette. */
async function chosenContainers(
  ctx: CommandContext,
  node: Parameters<BerthCommand>[1],
  selection: Parameters<BerthCommand>[2],
  placeHolder: string,
  filter?: (container: Container) => boolean,
): Promise<Container[]> {
  const snapshot = await snapshotOf(ctx);
  const ids = [...new Set(targetsOf(node, selection).flatMap((target) => containerIdOf(target) ?? []))];
  if (ids.length > 0) return ids.flatMap((id) => snapshot.containers.get(id) ?? []);
  const picked = await containerFor(snapshot, undefined, placeHolder, filter);
  return picked ? [picked] : [];
}

type Lifecycle = 'start' | 'stop' | 'restart';

function lifecycle(action: Lifecycle): BerthCommand {
  const placeHolders: Record<Lifecycle, string> = {
    start: vscode.l10n.t('Container to start'),
    stop: vscode.l10n.t('Container to stop'),
    restart: vscode.l10n.t('Container to restart'),
  };
  const filters: Record<Lifecycle, (container: Container) => boolean> = {
    start: (container) => !isRunning(container),
    stop: isRunning,
    restart: () => true,
  };
  return async (ctx, node, selection) => {
    const containers = await chosenContainers(ctx, node, selection, placeHolders[action], filters[action]);
    const docker = dockerOf(ctx);
    const progress: Record<Lifecycle, string> = {
      start: vscode.l10n.t('Starting {0}…', containers.map((c) => c.name).join(', ')),
      stop: vscode.l10n.t('Stopping {0}…', containers.map((c) => c.name).join(', ')),
      restart: vscode.l10n.t('Restarting {0}…', containers.map((c) => c.name).join(', ')),
    };
    if (containers.length === 0) return;
    const operation = { start: startOnEngine, stop: stopOnEngine, restart: restartOnEngine }[action];
    await changing(ctx, progress[action], async () => {
      for (const container of containers) await operation(docker, container);
    });
  };
}

export const startContainer = lifecycle('start');
export const stopContainer = lifecycle('stop');
export const restartContainer = lifecycle('restart');

export const removeContainer: BerthCommand = async (ctx, node, selection) => {
  const containers = await chosenContainers(ctx, node, selection, vscode.l10n.t('Container to remove'));
  if (containers.length === 0) return;
  const running = containers.filter(isRunning);
  const names = containers.map((container) => container.name).join(', ');
  const message =
    containers.length === 1
      ? vscode.l10n.t('Remove container "{0}"?', names)
      : vscode.l10n.t('Remove {0} containers: {1}?', containers.length, names);
  const detail = [
    running.length > 0
      ? vscode.l10n.t('Running, will be stopped and removed: {0}.', running.map((c) => c.name).join(', '))
      : '',
    vscode.l10n.t('Its filesystem changes are lost. Named and anonymous volumes are kept.'),
  ]
    .filter(Boolean)
    .join('\n');
  if (!(await confirmModal(message, detail, vscode.l10n.t('Remove')))) return;
  const docker = dockerOf(ctx);
  await changing(ctx, vscode.l10n.t('Removing {0}…', names), async () => {
    // Force only what the confirmation named as running: one started since is refused, not killed.
    for (const container of containers)
      await docker.getContainer(container.id).remove({ force: isRunning(container) });
  });
};

export const inspectContainer: BerthCommand = async (ctx, node) => {
  const container = await containerFor(await snapshotOf(ctx), node, vscode.l10n.t('Container to inspect'));
  if (container) await ctx.openInspect('container', container.id, container.name);
};

export const copyContainerId: BerthCommand = async (ctx, node) => {
  const container = await containerFor(
    await snapshotOf(ctx),
    node,
    vscode.l10n.t('Container whose ID to copy'),
  );
  if (!container) return;
  await vscode.env.clipboard.writeText(container.id);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the ID of {0}', container.name), 3000);
};

export const copyContainerIp: BerthCommand = async (ctx, node) => {
  const snapshot = await snapshotOf(ctx);
  const container = await containerFor(snapshot, node, vscode.l10n.t('Container whose IP address to copy'));
  if (!container) return;
  const withAddress = container.endpoints.filter((endpoint) => endpoint.ipv4 || endpoint.ipv6);
  const fromNode =
    node?.kind === 'endpoint' ? withAddress.find((e) => e.networkId === node.networkId) : undefined;
  const endpoint =
    fromNode ??
    (withAddress.length === 1
      ? withAddress[0]
      : await pickOne(
          withAddress.map((e) => ({
            label: e.networkName,
            description: formatEndpointAddresses(e),
            value: e,
          })),
          vscode.l10n.t('Network whose address to copy'),
          vscode.l10n.t(
            '{0} has no IP address on any network (stopped, or --network host/none/container).',
            container.name,
          ),
        ));
  const address = endpoint?.ipv4 ?? endpoint?.ipv6;
  if (!address) return;
  await vscode.env.clipboard.writeText(address);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', address), 3000);
};

export const openPublishedPort: BerthCommand = async (ctx, node) => {
  const snapshot = await snapshotOf(ctx);
  const container = await containerFor(
    snapshot,
    node,
    vscode.l10n.t('Container whose port to open'),
    (c) => publishedPorts(c).length > 0,
  );
  if (!container) return;
  const ports = [
    ...new Map(publishedPorts(container).map((port) => [`${port.hostPort}/${port.protocol}`, port])).values(),
  ].filter((port) => port.protocol === 'tcp');
  if (ports.length === 0)
    throw new UserError(vscode.l10n.t('{0} publishes no TCP port to the host.', container.name));
  const port =
    ports.length === 1
      ? ports[0]
      : await pickOne(
          ports.map((p) => ({
            label: `${p.hostPort}`,
            description: `→ ${p.containerPort}/${p.protocol}`,
            value: p,
          })),
          vscode.l10n.t('Port to open'),
          '',
        );
  if (!port?.hostPort) return;
  await vscode.env.openExternal(vscode.Uri.parse(`http://127.0.0.1:${port.hostPort}`));
};
