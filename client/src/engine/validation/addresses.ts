// Subnets, gateways, IP ranges and fixed addresses: inside the right subnet, not reserved, not
// taken, and not overlapping another network.
import type { Cidr, Family } from '../../../../common/ip';
import {
  contains,
  formatAddress,
  formatCidr,
  parseAddress,
  parseCidr,
  within,
  overlaps,
} from '../../../../common/ip';
import type { Network, Snapshot } from '../model/snapshot';
import { messages, problem, valid, type MessageTemplate, type Problem, type Validation } from './messages';

const familyName = (family: Family) => (family === 4 ? 'IPv4' : 'IPv6');

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
