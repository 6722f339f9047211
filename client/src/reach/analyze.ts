// "Can A reach B?" answered from engine state alone: no packet is ever sent. The rules are the
// notes' experiments: containers on one network reach each other by IP; names resolve only on
// user-defined networks (and through legacy links on the default bridge); host, none and
// container:X modes change whose stack is used; internal networks have no way out; a bridge
// with inter-container communication disabled drops traffic between its containers. An overlay
// spans a swarm's nodes: on it, names resolve whichever node a container or task runs on.
import type { Container, Endpoint, Network } from '../engine/model/snapshot';
import { proposeFixes } from './fixes';
import { publishedPortPaths } from './ports';
import { findContainer, isRunning, resolveStack, type ContainerIndex } from './stack';
import type { Reachability, Reason, VerdictCode } from './types';

const iccOption = 'com.docker.network.bridge.enable_icc';
/** Set by the engine on a task's container: the service name resolves to the service there. */
const serviceNameLabel = 'com.docker.swarm.service.name';

function verdict(code: VerdictCode, args: Record<string, string>): Reachability['verdict'] {
  return { code, args };
}

function quoteNames(names: string[]): string {
  return names.map((n) => `\`${n}\``).join(', ');
}

/** Legacy `--link` entries look like `/target:/from/alias` in the engine or `target:alias`. */
function linkTo(from: Container, to: Container): string | undefined {
  for (const link of from.links) {
    const [target = '', alias = ''] = link.split(':');
    const targetName = target.replace(/^\//, '');
    if (targetName === to.name || (targetName.length >= 12 && to.id.startsWith(targetName))) {
      return alias.split('/').pop() || targetName;
    }
  }
  return undefined;
}

interface SharedPath {
  network: string;
  ip: string;
  names: string[];
}

/** Walks the networks A and B share and records why each does or does not carry traffic. */
function sharedPaths(a: Container, b: Container, networks: Map<string, Network>, reasons: Reason[]) {
  const usable: SharedPath[] = [];
  const iccBlocked: string[] = [];
  for (const ea of a.endpoints) {
    // The swarm's way out (docker_gwbridge) is no path between containers: the engine turns
    // container-to-container traffic off there, and the user never chose it.
    if (ea.engineManaged) continue;
    const eb: Endpoint | undefined = b.endpoints.find((e) => e.networkId === ea.networkId);
    if (!eb) continue;
    const network = networks.get(ea.networkId);
    const name = network?.name ?? ea.networkName;
    if (network?.options[iccOption] === 'false') {
      iccBlocked.push(name);
      reasons.push({ code: 'icc-disabled', args: { network: name } });
      continue;
    }
    const ip = eb.ipv4 ?? eb.ipv6 ?? '';
    reasons.push({ code: 'shared-network', args: { network: name, b: b.name, ip: ip || '-' } });
    if (network?.internal) reasons.push({ code: 'internal-network', args: { network: name } });
    const isDefaultBridge = network ? network.builtin && network.driver === 'bridge' : name === 'bridge';
    let names: string[] = [];
    if (isDefaultBridge) {
      const alias = linkTo(a, b);
      if (alias) {
        names = [...new Set([alias, b.name])];
        reasons.push({ code: 'legacy-link', args: { a: a.name, b: b.name, alias } });
      } else {
        reasons.push({ code: 'default-bridge-no-dns', args: { network: name, b: b.name } });
      }
    } else {
      // The short-id alias the engine adds resolves too, but it is noise next to real names.
      const aliases = eb.aliases.filter((x) => !b.id.startsWith(x));
      const service = network?.scope === 'swarm' ? b.labels[serviceNameLabel] : undefined;
      names = [...new Set([b.name, ...aliases, ...(service ? [service] : [])])];
      reasons.push({ code: 'names-resolve', args: { network: name, names: quoteNames(names) } });
      if (network?.scope === 'swarm') reasons.push({ code: 'overlay-across-nodes', args: { network: name } });
      if (service)
        reasons.push({ code: 'service-name-resolves', args: { b: b.name, service, network: name } });
    }
    usable.push({ network: name, ip, names });
  }
  return { usable, iccBlocked };
}

function unknown(id: string): Reachability {
  return {
    reachable: false,
    byNames: [],
    viaHostPorts: [],
    verdict: verdict('not-found', { id }),
    reasons: [],
    fixes: [],
  };
}

export function analyzeReach(snapshot: ContainerIndex, fromId: string, toId: string): Reachability {
  const a = findContainer(snapshot, fromId);
  const b = findContainer(snapshot, toId);
  if (!a) return unknown(fromId);
  if (!b) return unknown(toId);
  const names = { a: a.name, b: b.name };
  const result: Reachability = {
    reachable: false,
    byNames: [],
    viaHostPorts: [],
    verdict: verdict('unreachable-no-shared-network', names),
    reasons: [],
    fixes: [],
  };
  const reasons = result.reasons;
  if (a.id === b.id) {
    return { ...result, reachable: true, byIp: '127.0.0.1', verdict: verdict('same-container', names) };
  }

  const stackA = resolveStack(snapshot, a);
  const stackB = resolveStack(snapshot, b);
  const ownerA = stackA.owner;
  const ownerB = stackB.owner;
  if (ownerA !== a) reasons.push({ code: 'joined-from', args: { a: a.name, owner: ownerA.name } });
  if (ownerB !== b) reasons.push({ code: 'joined-to', args: { b: b.name, owner: ownerB.name } });
  const missing = stackA.missingOwner ?? stackB.missingOwner;
  if (missing !== undefined) {
    return { ...result, verdict: verdict('unreachable-joined-missing', { ...names, owner: missing }) };
  }

  const running = { a: isRunning(a) && isRunning(ownerA), b: isRunning(b) && isRunning(ownerB) };
  for (const [side, container, owner] of [
    ['from', a, ownerA],
    ['to', b, ownerB],
  ] as const) {
    if (isRunning(container) && owner !== container && !isRunning(owner)) {
      reasons.push({ code: 'joined-owner-stopped', args: { container: container.name, owner: owner.name } });
    } else if (!isRunning(container)) {
      reasons.push({
        code: side === 'from' ? 'from-stopped' : 'to-stopped',
        args: { container: container.name },
      });
    }
  }
  const stopped = (): Reachability => ({
    ...result,
    reachable: false,
    byIp: undefined,
    byNames: [],
    viaHostPorts: [],
    verdict: verdict(running.a ? 'unreachable-to-stopped' : 'unreachable-from-stopped', names),
  });

  if (ownerA.id === ownerB.id) {
    reasons.push({ code: 'same-stack', args: { ...names, owner: ownerA.name } });
    if (!running.a || !running.b) return stopped();
    return {
      ...result,
      reachable: true,
      byIp: '127.0.0.1',
      byNames: ['localhost'],
      verdict: verdict('reach-localhost', names),
    };
  }

  const modeA = ownerA.networkMode.kind;
  const modeB = ownerB.networkMode.kind;
  if (modeA === 'none') {
    reasons.push({ code: 'from-none', args: { a: ownerA.name } });
    reasons.push({ code: 'fix-impossible-mode', args: { container: ownerA.name, mode: 'none' } });
    return { ...result, verdict: verdict('unreachable-from-none', names) };
  }
  if (modeB === 'none') {
    reasons.push({ code: 'to-none', args: { b: ownerB.name } });
    reasons.push({ code: 'fix-impossible-mode', args: { container: ownerB.name, mode: 'none' } });
    return { ...result, verdict: verdict('unreachable-to-none', names) };
  }

  if (modeA === 'host' && modeB === 'host') {
    reasons.push(
      { code: 'from-host', args: { a: ownerA.name } },
      { code: 'to-host', args: { b: ownerB.name } },
    );
    if (!running.a || !running.b) return stopped();
    return { ...result, reachable: true, byIp: '127.0.0.1', verdict: verdict('reach-localhost', names) };
  }

  if (modeB === 'host') {
    reasons.push({ code: 'to-host', args: { b: ownerB.name } });
    const outward = ownerA.endpoints.filter((e) => !snapshot.networks.get(e.networkId)?.internal);
    const via = outward.find((e) => e.gateway);
    if (!via) {
      reasons.push({ code: 'to-host-internal', args: { a: ownerA.name } });
      return { ...result, verdict: verdict('unreachable-host-from-internal', names) };
    }
    reasons.push({
      code: 'to-host-via-gateway',
      args: { network: via.networkName, gateway: via.gateway ?? '' },
    });
    if (!running.a || !running.b) return stopped();
    return {
      ...result,
      reachable: true,
      byIp: via.gateway,
      verdict: verdict('reach-by-ip', { ...names, ip: via.gateway ?? '' }),
    };
  }

  if (modeA === 'host') {
    reasons.push({ code: 'from-host', args: { a: ownerA.name } });
    const bridged = ownerB.endpoints.filter(
      (e) => (snapshot.networks.get(e.networkId)?.driver ?? 'bridge') === 'bridge' && (e.ipv4 ?? e.ipv6),
    );
    for (const e of bridged) {
      reasons.push({
        code: 'from-host-via-bridge',
        args: { network: e.networkName, ip: e.ipv4 ?? e.ipv6 ?? '' },
      });
    }
    reasons.push({ code: 'from-host-no-dns', args: { a: ownerA.name, b: ownerB.name } });
    const ports = publishedPortPaths(ownerA, ownerB, snapshot.networks, true);
    reasons.push(...ports.reasons);
    if (!running.a || !running.b) return stopped();
    const ip = bridged[0]?.ipv4 ?? bridged[0]?.ipv6;
    if (ip)
      return {
        ...result,
        reachable: true,
        byIp: ip,
        viaHostPorts: ports.reachable,
        verdict: verdict('reach-by-ip', { ...names, ip }),
      };
    if (ports.reachable.length > 0) {
      return {
        ...result,
        viaHostPorts: ports.reachable,
        verdict: verdict('reach-host-ports', { ...names, ports: ports.reachable.join(', ') }),
      };
    }
    return result;
  }

  const { usable, iccBlocked } = sharedPaths(ownerA, ownerB, snapshot.networks, reasons);
  if (usable.length === 0 && iccBlocked.length === 0) {
    reasons.push({
      code: 'no-shared-network',
      args: {
        a: ownerA.name,
        b: ownerB.name,
        aNetworks: ownerA.endpoints.map((e) => e.networkName).join(', ') || '-',
        bNetworks: ownerB.endpoints.map((e) => e.networkName).join(', ') || '-',
      },
    });
  }
  const ports = publishedPortPaths(ownerA, ownerB, snapshot.networks, false);
  reasons.push(...ports.reasons);
  const best = usable.find((p) => p.names.length > 0) ?? usable[0];
  if (!best || best.names.length === 0) result.fixes = proposeFixes(ownerA, ownerB, snapshot.networks);
  if (!running.a || !running.b) return { ...stopped(), fixes: result.fixes };

  if (best) {
    const byIp = best.ip || undefined;
    const args = { ...names, ip: best.ip, names: quoteNames(best.names) };
    return {
      ...result,
      reachable: true,
      byIp,
      byNames: best.names,
      viaHostPorts: ports.reachable,
      verdict: verdict(best.names.length > 0 ? 'reach-by-ip-and-name' : 'reach-by-ip', args),
    };
  }
  result.viaHostPorts = ports.reachable;
  if (ports.reachable.length > 0) {
    result.verdict = verdict('reach-host-ports', { ...names, ports: ports.reachable.join(', ') });
  } else if (iccBlocked.length > 0) {
    result.verdict = verdict('unreachable-icc', { ...names, network: iccBlocked.join(', ') });
  }
  return result;
}
