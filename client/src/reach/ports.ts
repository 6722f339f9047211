// The way around a missing shared network: ports B publishes on the host (`-p`). A container
// reaches the host at its network's gateway, so it gets through unless the port is bound to the
// host's loopback or A sits only on internal networks (no route out of them).
import type { Container, Network, PortBinding } from '../engine/model/snapshot';
import type { Reason } from './types';

export interface HostPortPaths {
  reasons: Reason[];
  /** `address:port/protocol` A can use. */
  reachable: string[];
}

const anyAddress = new Set(['', '0.0.0.0', '::']);

function isLoopback(ip: string): boolean {
  return ip.startsWith('127.') || ip === '::1';
}

function portLabel(p: PortBinding): string {
  return `${p.containerPort}/${p.protocol}`;
}

function hostLabel(p: PortBinding): string {
  const ip = p.hostIp && !anyAddress.has(p.hostIp) ? p.hostIp : '0.0.0.0';
  return `${ip.includes(':') ? `[${ip}]` : ip}:${p.hostPort}`;
}

/** Gateways of A's networks that lead out to the host (not internal ones). */
function hostGateways(from: Container, networks: Map<string, Network>): string[] {
  const gateways: string[] = [];
  for (const e of from.endpoints) {
    const network = networks.get(e.networkId);
    if (network?.internal) continue;
    const gateway = e.gateway || network?.ipam.find((c) => c.gateway)?.gateway;
    if (gateway) gateways.push(gateway);
  }
  return gateways;
}

export function publishedPortPaths(
  from: Container,
  to: Container,
  networks: Map<string, Network>,
  fromIsHost: boolean,
): HostPortPaths {
  const published = to.ports.filter((p) => p.hostPort !== undefined);
  const reasons: Reason[] = [];
  const reachable: string[] = [];
  if (published.length === 0) return { reasons, reachable };
  const gateways = fromIsHost ? [] : hostGateways(from, networks);
  for (const p of published) {
    const port = portLabel(p);
    const host = hostLabel(p);
    reasons.push({ code: 'published-port', args: { b: to.name, port, host } });
    const hostIp = p.hostIp ?? '';
    let address: string | undefined;
    if (fromIsHost) address = anyAddress.has(hostIp) ? `127.0.0.1:${p.hostPort}` : host;
    else if (isLoopback(hostIp)) {
      reasons.push({ code: 'published-port-loopback-only', args: { a: from.name, port, host } });
    } else if (gateways.length > 0) {
      address = anyAddress.has(hostIp) ? `${gateways[0]}:${p.hostPort}` : host;
    }
    if (address) {
      reachable.push(`${address}/${p.protocol}`);
      reasons.push({ code: 'published-port-via-host', args: { a: from.name, port, address } });
    }
  }
  const routedOut = published.some((p) => !isLoopback(p.hostIp ?? ''));
  if (!fromIsHost && gateways.length === 0 && routedOut && from.endpoints.length > 0) {
    reasons.push({ code: 'published-ports-internal', args: { a: from.name } });
  }
  return { reasons, reachable };
}
