// Every sentence a verdict can say, in English with named placeholders. The extension passes
// `vscode.l10n.t` as the translator; the Chinese text lives in l10n/fragments/reach.zh-cn.json
// under these exact keys, and a unit test checks that none is missing.
import type { Fix, Reason, ReasonCode, VerdictCode } from './types';

export type Translate = (message: string, args: Record<string, string>) => string;

export const verdictMessages: Record<VerdictCode, string> = {
  'reach-by-ip-and-name': '{a} can reach {b} at {ip} and by name {names}',
  'reach-by-ip': '{a} can reach {b} at {ip}, but not by name',
  'reach-localhost': '{a} can reach {b} at 127.0.0.1: they share one network stack',
  'reach-host-ports': '{a} cannot reach {b} directly, only the ports {b} publishes on the host: {ports}',
  'same-container': '{a} and {b} are the same container',
  'not-found': 'There is no container {id}',
  'unreachable-no-shared-network': '{a} cannot reach {b}: no shared network',
  'unreachable-icc': '{a} cannot reach {b}: inter-container communication is disabled on {network}',
  'unreachable-from-none': '{a} cannot reach {b}: {a} has no network (none), only loopback',
  'unreachable-to-none': '{a} cannot reach {b}: {b} has no network (none), only loopback',
  'unreachable-from-stopped': '{a} cannot reach {b}: {a} is not running',
  'unreachable-to-stopped': '{a} cannot reach {b}: {b} is not running, so it has no IP address',
  'unreachable-joined-missing':
    '{a} cannot reach {b}: the container {owner} whose network stack is shared does not exist',
  'unreachable-host-from-internal':
    '{a} cannot reach {b}: {b} uses the host network and {a} is only on internal networks',
  'reach-service-by-name': '{a} can reach the service {service} by name {names}, at its virtual IP {ip}',
  'reach-service-mesh':
    '{a} cannot reach the tasks of {service} directly, only its published ports through the routing mesh: {ports}',
  'unreachable-service':
    '{a} cannot reach the service {service}: no shared overlay network and no published port',
  'service-not-found': 'There is no service {service}',
};

export const reasonMessages: Record<ReasonCode, string> = {
  'joined-from': '{a} uses the network stack of {owner} (container:{owner}), so it is analysed as {owner}',
  'joined-to':
    "{b} uses the network stack of {owner} (container:{owner}): it answers at {owner}'s addresses and names",
  'joined-owner-stopped':
    '{container} shares the network stack of {owner}, which is not running: it has no network',
  'same-stack': '{a} and {b} share the network stack of {owner}: they talk over 127.0.0.1',
  'from-none': '{a} uses the none network: it has only a loopback interface',
  'to-none': '{b} uses the none network: nothing outside it can reach it',
  'from-stopped': '{container} is not running',
  'to-stopped': '{container} is not running, so it has no IP address and its name does not resolve',
  'from-host': "{a} uses the host network: it shares the host's interfaces and ports",
  'from-host-via-bridge': 'The host reaches containers on {network} directly: {ip}',
  'from-host-no-dns': "{a} uses the host's resolver: the name {b} does not resolve there",
  'to-host': "{b} uses the host network: its ports are the host's ports (-p is ignored)",
  'to-host-via-gateway': 'The host is reachable from {network} at its gateway {gateway}',
  'to-host-internal': '{a} is only on internal networks, which have no route to the host',
  'shared-network': 'Both are on {network}; there {b} has the address {ip}',
  'internal-network': '{network} is internal: its containers reach each other but nothing outside',
  'icc-disabled':
    'Inter-container communication is disabled on {network} (com.docker.network.bridge.enable_icc=false): traffic between its containers is dropped',
  'names-resolve': '{network} is user-defined: its DNS resolves {names}',
  'default-bridge-no-dns': '{network} is the default bridge: it has no DNS, so the name {b} does not resolve',
  'legacy-link': '{a} has a legacy link to {b} as {alias}, written into its /etc/hosts',
  'no-shared-network': 'No shared network: {a} is on {aNetworks}, {b} is on {bNetworks}',
  'published-port': '{b} publishes {port} on the host at {host}',
  'published-port-via-host': '{a} can reach {port} through the host at {address}',
  'published-port-loopback-only': '{port} is bound to the host loopback {host}: containers cannot reach it',
  'published-ports-internal': '{a} is only on internal networks: it cannot reach ports published on the host',
  'fix-impossible-mode': '{container} uses the {mode} network mode: it cannot be connected to other networks',
  'overlay-across-nodes':
    "{network} is an overlay network: it spans the swarm's nodes, so what is on it reaches the rest by IP and by name, whichever node each runs on",
  'service-name-resolves':
    '{b} is a task of the service {service}: the name {service} resolves on {network} too',
  'service-task-on-node': 'The task {task} runs on the node {node}, at {ip} on {network}',
  'routing-mesh':
    '{service} publishes {port} through the routing mesh: every node of the swarm ({nodes}) accepts it on port {published} and passes it to a task, wherever the task runs',
  'routing-mesh-internal':
    '{a} is only on internal networks: it cannot reach the nodes where the routing mesh listens',
  'overlay-not-attachable':
    '{network} carries {service} but is not attachable: only services can join it, so {a} cannot be connected to it',
};

export function renderVerdict(verdict: Reason<VerdictCode>, t: Translate): string {
  return t(verdictMessages[verdict.code], verdict.args);
}

export function renderReason(reason: Reason, t: Translate): string {
  return t(reasonMessages[reason.code], reason.args);
}

export const fixMessages = {
  connect: 'Connect {container} to {network}',
  create: 'Create network {network} and connect {a} and {b}',
} as const;

export function renderFix(fix: Fix, t: Translate): string {
  if (fix.kind === 'connect') {
    return t(fixMessages.connect, { container: fix.containerName, network: fix.networkName });
  }
  const [a, b] = fix.containers;
  return t(fixMessages.create, { network: fix.networkName, a: a?.name ?? '', b: b?.name ?? '' });
}

/** Plain substitution: what `vscode.l10n.t` does when no translation is loaded. */
export const english: Translate = (message, args) =>
  message.replace(/\{(\w+)\}/g, (whole, key: string) => args[key] ?? whole);
