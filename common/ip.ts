// IPv4 and IPv6 addresses and CIDR blocks as big integers, enough to check that a subnet is
// well formed, that a gateway lies inside it and that two subnets do not overlap.
import { isIPv4, isIPv6 } from 'node:net';

export type Family = 4 | 6;

export interface Address {
  family: Family;
  value: bigint;
}

export interface Cidr {
  family: Family;
  /** The address as written, before the prefix. */
  address: bigint;
  prefix: number;
  /** The first address of the block (host bits cleared). */
  network: bigint;
  /** The last address of the block. */
  last: bigint;
}

const bits = (family: Family) => (family === 4 ? 32 : 128);

export function parseAddress(text: string): Address | undefined {
  const t = text.trim();
  if (isIPv4(t)) {
    const value = t.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
    return { family: 4, value };
  }
  if (isIPv6(t) && !t.includes('%')) return { family: 6, value: parseIpv6(t) };
  return undefined;
}

function parseIpv6(text: string): bigint {
  let t = text;
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two hex groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(t);
  if (v4) {
    const n = Number(parseAddress(v4[1])?.value ?? 0n);
    t = `${t.slice(0, v4.index)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = t.includes('::') ? t.split('::') : [t, undefined];
  const headParts = head ? head.split(':') : [];
  const tailParts = tail ? tail.split(':') : [];
  const missing = 8 - headParts.length - tailParts.length;
  const groups = [...headParts, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...tailParts];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g || '0', 16)), 0n);
}

export function formatAddress(address: Address): string {
  if (address.family === 4) {
    const v = address.value;
    return [24n, 16n, 8n, 0n].map((shift) => String((v >> shift) & 0xffn)).join('.');
  }
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) groups.push(((address.value >> BigInt(i * 16)) & 0xffffn).toString(16));
  // Compress the longest run of zero groups, as RFC 5952 asks.
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8;) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
    i = j;
  }
  if (best.start < 0) return groups.join(':');
  return `${groups.slice(0, best.start).join(':')}::${groups.slice(best.start + best.length).join(':')}`;
}

export function parseCidr(text: string): Cidr | undefined {
  const match = /^([^/\s]+)\/(\d{1,3})$/.exec(text.trim());
  if (!match) return undefined;
  const address = parseAddress(match[1]);
  const prefix = Number(match[2]);
  if (!address || prefix > bits(address.family)) return undefined;
  const hostBits = BigInt(bits(address.family) - prefix);
  const network = (address.value >> hostBits) << hostBits;
  return {
    family: address.family,
    address: address.value,
    prefix,
    network,
    last: network + (1n << hostBits) - 1n,
  };
}

export function formatCidr(family: Family, network: bigint, prefix: number): string {
  return `${formatAddress({ family, value: network })}/${prefix}`;
}

export function contains(cidr: Cidr, address: Address): boolean {
  return cidr.family === address.family && address.value >= cidr.network && address.value <= cidr.last;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.network <= b.last && b.network <= a.last;
}

/** True when `inner` lies wholly inside `outer`. */
export function within(inner: Cidr, outer: Cidr): boolean {
  return inner.family === outer.family && inner.network >= outer.network && inner.last <= outer.last;
}
