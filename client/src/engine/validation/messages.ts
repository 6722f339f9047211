// Checks user input before anything is sent to the engine. Every check is pure and returns
// `{ ok: true }` or a problem saying what is wrong and how to fix it.
//
// For the UI: a problem carries `template` (English, with {0} placeholders) and `args`. Show it
// with `vscode.l10n.t(problem.template, ...problem.args)`; the zh-cn translations of every
// template are in l10n/fragments/engine.zh-cn.json. `message` is the English text, already
// formatted, for logs and tests. `messages` below lists every template.

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
  overlayNeedsSwarm:
    'An overlay network spans the nodes of a swarm, and this engine is not in one. Run "docker swarm init" (or join a swarm) first, or choose the bridge driver.',
  overlayNeedsManager:
    'Only a swarm manager can create an overlay network, and this engine is a worker node. Create it on a manager.',
  encryptedNeedsOverlay:
    'Only overlay networks can be encrypted. Choose the overlay driver, or leave encryption off.',
  overlayNotAttachable:
    'The overlay network "{0}" is not attachable: only swarm services can join it, so "{1}" cannot. Create the overlay with "attachable" on (docker network create --driver overlay --attachable) to connect standalone containers.',
  ingressNotAttachable:
    'The network "{0}" is the swarm\'s routing mesh: only services that publish ports join it, never a standalone container such as "{1}". Connect "{1}" to an attachable overlay network instead.',
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
