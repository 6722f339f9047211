// Checks user input before anything is sent to the engine. Every check is pure and returns
// `{ ok: true }` or a problem saying what is wrong and how to fix it.
//
// For the UI: a problem carries `template` (English, with {0} placeholders) and `args`. Show it
// with `vscode.l10n.t(problem.template, ...problem.args)`; the zh-cn translations of every
// template are in l10n/fragments/engine.zh-cn.json. `message` is the English text, already
// formatted, for logs and tests. `messages` below lists every template.
import type { Cidr, Family } from '../../../common/ip';
import { contains, formatAddress, formatCidr, parseAddress, parseCidr, within, overlaps } from '../../../common/ip';
import type { Network, Snapshot } from './model';

export const messages = {
  nameEmpty: 'Enter a name.',
  networkNameChars:
    'Network names start with a letter or digit and contain only letters, digits, "_", "." and "-": "{0}" does not.',
  volumeNameChars:
    'Volume names are at least two characters, start with a letter or digit and contain only letters, digits, "_", "." and "-": "{0}" does not.',
  networkExists: 'A network named "{0}" already exists. Choose another name.',
  volumeExists: 'A volume named "{0}" already exists. Choose another name.',
  driverUnknown: 'Unknown network driver "{0}". Use bridge, macvlan, ipvlan or overlay.',
  cidrInvalid: '"{0}" is not a subnet in CIDR notation. Write it like 172.30.0.0/16 or fd00:1::/64.',
  cidrHostBits: '"{0}" has host bits set. Did you mean {1}?',
  cidrTooSmall:
    'The subnet {0} is too small: it needs room for a gateway and containers. Use /{1} or shorter.',
  cidrFamily: '{0} is not an {1} subnet.',
  subnetOverlaps:
    'The subnet {0} overlaps {1} of the network "{2}". Choose a range that no other network uses.',
  subnetRequired: 'Enter a subnet first: {0} only makes sense inside one.',
  addressInvalid: '"{0}" is not an {1} address.',
  gatewayOutside: 'The gateway {0} is outside the subnet {1}. Pick an address inside it, e.g. {2}.',
  networkAddress: '{0} is the network address of {1} and cannot be used. Pick another address, e.g. {2}.',
  broadcastAddress: '{0} is the broadcast address of {1} and cannot be used. Pick another address, e.g. {2}.',
  gatewayAddress: '{0} is the gateway of {1} and cannot be used. Pick another address, e.g. {2}.',
  ipRangeOutside: 'The IP range {0} is not inside the subnet {1}. Use a smaller block within it.',
  ipv6NeedsSubnet: 'IPv6 needs an IPv6 subnet, e.g. fd00:1::/64.',
  staticIpNotAllowed:
    'The network "{0}" has no subnet you configured, and Docker accepts a fixed address only on such networks. Leave the address empty, or create a network with --subnet.',
  staticIpOutside: '{0} is outside the subnet {1} of the network "{2}". Pick an address inside it, e.g. {3}.',
  staticIpInUse:
    '{0} is already used by the container "{1}" on the network "{2}". Pick a free address, e.g. {3}.',
  aliasInvalid:
    'The alias "{0}" is not a valid DNS name: use letters, digits, "-", "_" and ".", starting with a letter or digit.',
  aliasDuplicate: 'The alias "{0}" is given twice.',
  labelKeyInvalid: 'The label key "{0}" is empty or contains spaces or "=". Write labels as key=value.',
  alreadyConnected: 'The container "{0}" is already on the network "{1}".',
  sharedStack:
    'The container "{0}" runs with --network {1}: it has no network stack of its own to connect. Recreate it on a bridge or user-defined network.',
  networkInUse: 'The network "{0}" still has containers attached: {1}. Disconnect them first.',
  builtinNetwork: 'The network "{0}" is built into Docker and cannot be removed.',
  volumeInUse: 'The volume "{0}" is used by {1}. Remove those containers first, or keep the volume.',
  notFound: '"{0}" no longer exists. The view has been refreshed.',
} as const;

export type MessageTemplate = (typeof messages)[keyof typeof messages];

export interface Problem {
  ok: false;
  /** The input the problem is about, e.g. `subnet`, so a form can point at it. */
  field?: string;
  template: MessageTemplate;
  args: string[];
  message: string;
}

export type Validation = { ok: true } | Problem;

export const valid: Validation = { ok: true };

export function formatMessage(template: string, args: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => args[Number(index)] ?? whole);
}

export function problem(
  field: string | undefined,
  template: MessageTemplate,
  ...args: (string | number)[]
): Problem {
  const strings = args.map(String);
  return { ok: false, field, template, args: strings, message: formatMessage(template, strings) };
}

const familyName = (family: Family) => (family === 4 ? 'IPv4' : 'IPv6');
const objectName = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const volumeName = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export const networkDrivers = ['bridge', 'macvlan', 'ipvlan', 'overlay'] as const;

export function validateNetworkName(name: string, snapshot?: Snapshot): Validation {
  if (!name) return problem('name', messages.nameEmpty);
  if (!objectName.test(name)) return problem('name', messages.networkNameChars, name);
  for (const network of snapshot?.networks.values() ?? []) {
    if (network.name === name) return problem('name', messages.networkExists, name);
  }
  return valid;
}

export function validateVolumeName(name: string, snapshot?: Snapshot): Validation {
  if (!name) return problem('name', messages.nameEmpty);
  if (!volumeName.test(name)) return problem('name', messages.volumeNameChars, name);
  if (snapshot?.volumes.has(name)) return problem('name', messages.volumeExists, name);
  return valid;
}

function checkCidr(field: string, text: string, family?: Family): Problem | Cidr {
  const cidr = parseCidr(text);
  if (!cidr) return problem(field, messages.cidrInvalid, text);
  if (family && cidr.family !== family) return problem(field, messages.cidrFamily, text, familyName(family));
  if (cidr.address !== cidr.network) {
    return problem(field, messages.cidrHostBits, text, formatCidr(cidr.family, cidr.network, cidr.prefix));
  }
  return cidr;
}

function isProblem(value: Problem | Cidr): value is Problem {
  return 'ok' in value;
}

/** The subnets of the existing networks, for overlap checks. */
export function existingSubnets(
  snapshot: Snapshot | undefined,
): { network: string; subnet: string; cidr: Cidr }[] {
  const out: { network: string; subnet: string; cidr: Cidr }[] = [];
  for (const network of snapshot?.networks.values() ?? []) {
    for (const config of network.ipam) {
      const cidr = config.subnet ? parseCidr(config.subnet) : undefined;
      if (cidr && config.subnet) out.push({ network: network.name, subnet: config.subnet, cidr });
    }
  }
  return out;
}

export function validateSubnet(text: string, snapshot?: Snapshot, family?: Family): Validation {
  const cidr = checkCidr('subnet', text, family);
  if (isProblem(cidr)) return cidr;
  const longest = cidr.family === 4 ? 30 : 126;
  if (cidr.prefix > longest) return problem('subnet', messages.cidrTooSmall, text, longest);
  for (const other of existingSubnets(snapshot)) {
    if (overlaps(cidr, other.cidr))
      return problem('subnet', messages.subnetOverlaps, text, other.subnet, other.network);
  }
  return valid;
}

/** A free example address inside a subnet, for messages: the second host (the first is the gateway). */
function exampleAddress(cidr: Cidr, avoid: Set<bigint> = new Set()): string {
  for (let candidate = cidr.network + 2n; candidate < cidr.last; candidate++) {
    if (!avoid.has(candidate)) return formatAddress({ family: cidr.family, value: candidate });
  }
  return formatAddress({ family: cidr.family, value: cidr.network + 1n });
}

function reservedRole(cidr: Cidr, value: bigint): MessageTemplate | undefined {
  if (value === cidr.network) return messages.networkAddress;
  if (cidr.family === 4 && value === cidr.last) return messages.broadcastAddress;
  return undefined;
}

export function validateGateway(subnetText: string, gatewayText: string): Validation {
  const subnet = parseCidr(subnetText);
  if (!subnet) return problem('gateway', messages.subnetRequired, gatewayText);
  const gateway = parseAddress(gatewayText);
  if (!gateway || gateway.family !== subnet.family) {
    return problem('gateway', messages.addressInvalid, gatewayText, familyName(subnet.family));
  }
  if (!contains(subnet, gateway)) {
    return problem('gateway', messages.gatewayOutside, gatewayText, subnetText, exampleAddress(subnet));
  }
  const role = reservedRole(subnet, gateway.value);
  if (role) return problem('gateway', role, gatewayText, subnetText, exampleAddress(subnet));
  return valid;
}

export function validateIpRange(subnetText: string, rangeText: string): Validation {
  const subnet = parseCidr(subnetText);
  if (!subnet) return problem('ipRange', messages.subnetRequired, rangeText);
  const range = checkCidr('ipRange', rangeText, subnet.family);
  if (isProblem(range)) return range;
  if (!within(range, subnet)) return problem('ipRange', messages.ipRangeOutside, rangeText, subnetText);
  return valid;
}

export interface NetworkCreateSpec {
  name: string;
  driver: string;
  subnet?: string;
  gateway?: string;
  ipRange?: string;
  ipv6Subnet?: string;
  ipv6Gateway?: string;
  internal?: boolean;
  attachable?: boolean;
  enableIPv6?: boolean;
  labels?: Record<string, string>;
  options?: Record<string, string>;
}

export function validateLabels(labels: Record<string, string> | undefined): Validation {
  for (const key of Object.keys(labels ?? {})) {
    if (!key || /[\s=]/.test(key)) return problem('labels', messages.labelKeyInvalid, key);
  }
  return valid;
}

/** All checks for a new network, in the order a form asks; the first problem wins. */
export function validateNetworkCreate(spec: NetworkCreateSpec, snapshot?: Snapshot): Validation {
  const checks: (() => Validation)[] = [
    () => validateNetworkName(spec.name, snapshot),
    () =>
      (networkDrivers as readonly string[]).includes(spec.driver)
        ? valid
        : problem('driver', messages.driverUnknown, spec.driver),
    () => (spec.subnet ? validateSubnet(spec.subnet, snapshot, 4) : valid),
    () =>
      spec.gateway
        ? spec.subnet
          ? validateGateway(spec.subnet, spec.gateway)
          : problem('gateway', messages.subnetRequired, spec.gateway)
        : valid,
    () =>
      spec.ipRange
        ? spec.subnet
          ? validateIpRange(spec.subnet, spec.ipRange)
          : problem('ipRange', messages.subnetRequired, spec.ipRange)
        : valid,
    () => (spec.ipv6Subnet ? relabel(validateSubnet(spec.ipv6Subnet, snapshot, 6), 'ipv6Subnet') : valid),
    () =>
      spec.ipv6Gateway
        ? spec.ipv6Subnet
          ? relabel(validateGateway(spec.ipv6Subnet, spec.ipv6Gateway), 'ipv6Gateway')
          : problem('ipv6Gateway', messages.subnetRequired, spec.ipv6Gateway)
        : valid,
    () => (spec.enableIPv6 && !spec.ipv6Subnet ? problem('ipv6Subnet', messages.ipv6NeedsSubnet) : valid),
    () => validateLabels(spec.labels),
  ];
  for (const check of checks) {
    const result = check();
    if (!result.ok) return result;
  }
  return valid;
}

function relabel(result: Validation, field: string): Validation {
  return result.ok ? result : { ...result, field };
}

// Docker hands out /16s from 172.17.0.0/12 and /20s from 192.168.0.0/16 when no subnet is given.
const defaultPools = [parseCidr('172.16.0.0/12'), parseCidr('192.168.0.0/16')] as Cidr[];

/**
 * Whether the engine will accept a fixed address on this network. The Engine API reports
 * pool-assigned subnets exactly like configured ones, so a subnet of Docker's own default pool
 * shape (a /16 in 172.16.0.0/12, a /20 in 192.168.0.0/16) with a gateway counts as automatic.
 * When this guesses wrong, the engine's own message reaches the user.
 */
export function acceptsStaticIp(network: Network, family: Family = 4): boolean {
  if (network.builtin || network.driver === 'host' || network.driver === 'null') return false;
  return network.ipam.some((config) => {
    const cidr = config.subnet ? parseCidr(config.subnet) : undefined;
    if (!cidr || cidr.family !== family) return false;
    // The engine always records the gateway it allocates; only a configured subnet can lack one.
    if (family === 6 || !config.gateway) return true;
    const poolShaped =
      (within(cidr, defaultPools[0]) && cidr.prefix === 16) ||
      (within(cidr, defaultPools[1]) && cidr.prefix === 20);
    return !poolShaped;
  });
}

export function validateStaticIp(network: Network, text: string, family: Family = 4): Validation {
  if (!acceptsStaticIp(network, family)) return problem('ip', messages.staticIpNotAllowed, network.name);
  const address = parseAddress(text);
  if (!address || address.family !== family)
    return problem('ip', messages.addressInvalid, text, familyName(family));
  const subnets = network.ipam
    .map((c) => (c.subnet ? { text: c.subnet, cidr: parseCidr(c.subnet), gateway: c.gateway } : undefined))
    .filter((s) => s?.cidr?.family === family) as { text: string; cidr: Cidr; gateway?: string }[];
  const used = new Map<bigint, string>();
  for (const endpoint of network.endpoints) {
    for (const ip of [endpoint.ipv4, endpoint.staticIpv4, endpoint.ipv6, endpoint.staticIpv6]) {
      const parsed = ip ? parseAddress(ip) : undefined;
      if (parsed?.family === family) used.set(parsed.value, endpoint.containerName);
    }
  }
  const subnet = subnets.find((s) => contains(s.cidr, address));
  if (!subnet) {
    const first = subnets[0];
    return problem(
      'ip',
      messages.staticIpOutside,
      text,
      first.text,
      network.name,
      exampleAddress(first.cidr, new Set(used.keys())),
    );
  }
  const gateway = subnet.gateway ? parseAddress(subnet.gateway) : undefined;
  const avoid = new Set([...used.keys(), ...(gateway ? [gateway.value] : [])]);
  const role = reservedRole(subnet.cidr, address.value);
  if (role) return problem('ip', role, text, subnet.text, exampleAddress(subnet.cidr, avoid));
  if (gateway?.value === address.value) {
    return problem('ip', messages.gatewayAddress, text, subnet.text, exampleAddress(subnet.cidr, avoid));
  }
  const user = used.get(address.value);
  if (user)
    return problem(
      'ip',
      messages.staticIpInUse,
      text,
      user,
      network.name,
      exampleAddress(subnet.cidr, avoid),
    );
  return valid;
}

export function validateAliases(aliases: string[]): Validation {
  const seen = new Set<string>();
  for (const alias of aliases) {
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(alias) || alias.length > 253) {
      return problem('aliases', messages.aliasInvalid, alias);
    }
    if (seen.has(alias)) return problem('aliases', messages.aliasDuplicate, alias);
    seen.add(alias);
  }
  return valid;
}
