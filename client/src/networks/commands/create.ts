// "Create Network…": one step per choice, each checked as it is typed, nothing sent until the end.
import * as vscode from 'vscode';
import type { Snapshot } from '../../engine/model/snapshot';
import { askText, pickOne } from '../../ui/pick';
import { keys } from '../../shared/nodes';
import { changing, dockerOf, snapshotOf, type BerthCommand } from '../../commands/context';
import { parseKeyValues } from '../../commands/keyValues';
import {
  gatewayProblem,
  ipRangeProblem,
  networkNameProblem,
  problemText,
  subnetProblem,
} from '../../commands/validate';
import { validateOverlayEngine } from '../../engine/validation/networkCreate';

type Flag = 'internal' | 'attachable' | 'encrypted' | 'ipv6';

export interface NetworkSpec {
  name: string;
  driver: string;
  subnet?: string;
  gateway?: string;
  ipRange?: string;
  ipv6Subnet?: string;
  flags: Set<Flag>;
  labels: Record<string, string>;
  options: Record<string, string>;
}

const steps = 8;

async function askSpec(snapshot: Snapshot): Promise<NetworkSpec | undefined> {
  const title = (step: number) => vscode.l10n.t('Create Network ({0}/{1})', step, steps);
  const name = await askText({
    title: title(1),
    prompt: vscode.l10n.t('Network name'),
    placeHolder: 'my_net',
    validate: (value) => networkNameProblem(snapshot, value.trim()),
  });
  if (name === undefined) return undefined;
  const overlayProblem = problemText(validateOverlayEngine(snapshot));
  const driver = await pickOne(
    [
      {
        label: 'bridge',
        description: vscode.l10n.t('Containers on this host; names resolve by DNS'),
        value: 'bridge',
      },
      {
        label: 'macvlan',
        description: vscode.l10n.t('Containers get their own MAC address on a host interface'),
        value: 'macvlan',
      },
      {
        label: 'ipvlan',
        description: vscode.l10n.t('Containers share the host interface MAC, own IP addresses'),
        value: 'ipvlan',
      },
      {
        label: 'overlay',
        description: overlayProblem ?? vscode.l10n.t('Spans the nodes of this swarm'),
        value: 'overlay',
      },
    ],
    title(2) + ' — ' + vscode.l10n.t('Driver'),
    '',
  );
  if (driver === undefined) return undefined;
  if (driver === 'overlay' && overlayProblem) {
    void vscode.window.showErrorMessage(overlayProblem);
    return undefined;
  }
  const spec: NetworkSpec = { name: name.trim(), driver, flags: new Set(), labels: {}, options: {} };
  if (driver === 'macvlan' || driver === 'ipvlan') {
    const parent = await askText({
      title: title(2),
      prompt: vscode.l10n.t('Parent host interface (optional), e.g. eth0'),
      validate: (value) =>
        /^[\w.@-]*$/.test(value.trim()) ? undefined : vscode.l10n.t('"{0}" is not an interface name.', value),
    });
    if (parent === undefined) return undefined;
    if (parent.trim()) spec.options.parent = parent.trim();
  }
  const subnet = await askText({
    title: title(3),
    prompt: vscode.l10n.t(
      'Subnet in CIDR form (optional; empty lets the engine choose). A static --ip needs a subnet set here.',
    ),
    placeHolder: '172.30.0.0/24',
    validate: (value) => (value.trim() === '' ? undefined : subnetProblem(snapshot, value.trim(), 4)),
  });
  if (subnet === undefined) return undefined;
  if (subnet.trim()) {
    spec.subnet = subnet.trim();
    const gateway = await askText({
      title: title(4),
      prompt: vscode.l10n.t('Gateway inside {0} (optional; empty: the first address)', spec.subnet),
      validate: (value) => (value.trim() === '' ? undefined : gatewayProblem(spec.subnet!, value.trim())),
    });
    if (gateway === undefined) return undefined;
    if (gateway.trim()) spec.gateway = gateway.trim();
    const ipRange = await askText({
      title: title(5),
      prompt: vscode.l10n.t('IP range inside {0} that addresses are handed out from (optional)', spec.subnet),
      validate: (value) => (value.trim() === '' ? undefined : ipRangeProblem(spec.subnet!, value.trim())),
    });
    if (ipRange === undefined) return undefined;
    if (ipRange.trim()) spec.ipRange = ipRange.trim();
  }
  const flagItems: { label: string; description: string; value: Flag }[] = [
    {
      label: vscode.l10n.t('Internal'),
      description: vscode.l10n.t('No access to the outside world'),
      value: 'internal',
    },
    ...(driver === 'overlay'
      ? [
          {
            label: vscode.l10n.t('Attachable'),
            description: vscode.l10n.t('Standalone containers may join, not only swarm services'),
            value: 'attachable' as const,
          },
          {
            label: vscode.l10n.t('Encrypted'),
            description: vscode.l10n.t('Traffic between nodes is encrypted (IPsec)'),
            value: 'encrypted' as const,
          },
        ]
      : []),
    {
      label: vscode.l10n.t('IPv6'),
      description: vscode.l10n.t('Give containers IPv6 addresses too'),
      value: 'ipv6',
    },
  ];
  const picked = await vscode.window.showQuickPick(flagItems, {
    title: title(6),
    placeHolder: vscode.l10n.t('Options (none selected is fine)'),
    canPickMany: true,
    ignoreFocusOut: true,
  });
  if (picked === undefined) return undefined;
  spec.flags = new Set(picked.map((item) => item.value));
  if (spec.flags.has('ipv6')) {
    const ipv6 = await askText({
      title: title(6),
      prompt: vscode.l10n.t('IPv6 subnet in CIDR form, e.g. fd00:db8:1::/64 (the engine needs one for IPv6)'),
      validate: (value) => subnetProblem(snapshot, value.trim(), 6),
    });
    if (ipv6 === undefined) return undefined;
    spec.ipv6Subnet = ipv6.trim();
  }
  const labels = await askText({
    title: title(7),
    prompt: vscode.l10n.t('Labels (optional), key=value separated by spaces'),
    placeHolder: 'team=web env=dev',
    validate: (value) => parseKeyValues(value).problem,
  });
  if (labels === undefined) return undefined;
  spec.labels = parseKeyValues(labels).values;
  const options = await askText({
    title: title(8),
    prompt: vscode.l10n.t('Driver options (optional), key=value separated by spaces'),
    placeHolder: 'com.docker.network.bridge.name=br-web',
    validate: (value) => parseKeyValues(value).problem,
  });
  if (options === undefined) return undefined;
  spec.options = { ...spec.options, ...parseKeyValues(options).values };
  return spec;
}

/** The Engine API body for a spec (POST /networks/create). */
export function createNetworkBody(spec: NetworkSpec) {
  const config = [
    ...(spec.subnet ? [{ Subnet: spec.subnet, Gateway: spec.gateway, IPRange: spec.ipRange }] : []),
    ...(spec.ipv6Subnet ? [{ Subnet: spec.ipv6Subnet }] : []),
  ];
  return {
    Name: spec.name,
    Driver: spec.driver,
    CheckDuplicate: true,
    Internal: spec.flags.has('internal'),
    Attachable: spec.flags.has('attachable'),
    EnableIPv6: spec.flags.has('ipv6'),
    IPAM: { Driver: 'default', Config: config },
    Labels: spec.labels,
    Options: spec.flags.has('encrypted') ? { ...spec.options, encrypted: '' } : spec.options,
  };
}

export const createNetwork: BerthCommand = async (ctx) => {
  const snapshot = await snapshotOf(ctx);
  const spec = await askSpec(snapshot);
  if (!spec) return;
  const docker = dockerOf(ctx);
  const created = await changing(ctx, vscode.l10n.t('Creating network {0}…', spec.name), () =>
    docker.createNetwork(createNetworkBody(spec)),
  );
  await ctx.views.reveal('networks', keys.network(created.id));
};
