// What a container shows or hands over: its inspect document, its ID or IP address on the
// clipboard, a published port in the browser.
import * as vscode from 'vscode';
import { pickOne } from '../../ui/pick';
import { publishedPorts } from '../../shared/containerState';
import { formatEndpointAddresses } from '../../shared/endpoints';
import { snapshotOf, type BerthCommand } from '../../commands/context';
import { UserError } from '../../shared/failures';
import { containerFor } from '../../commands/targets';

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
