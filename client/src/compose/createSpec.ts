// The create-network request a Compose quick fix sends, as the network operation takes it.
import { parseCidr } from '../../../common/ip';
import type { CreateNetworkArgs } from '../../../common/compose';
import type { NetworkCreateSpec } from '../engine/validation/networkCreate';

export function networkSpec(args: CreateNetworkArgs): NetworkCreateSpec {
  const v4 = args.subnets.find((s) => parseCidr(s.subnet)?.family === 4);
  const v6 = args.subnets.find((s) => parseCidr(s.subnet)?.family === 6);
  return {
    name: args.name,
    driver: args.driver,
    ...(v4 ? { subnet: v4.subnet, gateway: v4.gateway, ipRange: v4.ipRange } : {}),
    ...(v6 ? { ipv6Subnet: v6.subnet, ipv6Gateway: v6.gateway } : {}),
    internal: args.internal,
    attachable: args.attachable,
    enableIPv6: args.enableIPv6 || !!v6,
    labels: args.labels,
    options: args.options,
  };
}

/** Arguments from the language server are data: refuse anything that is not shaped like them. */
export function isCreateNetworkArgs(value: unknown): value is CreateNetworkArgs {
  const v = value as Partial<CreateNetworkArgs> | null;
  return !!v && typeof v.name === 'string' && typeof v.driver === 'string' && Array.isArray(v.subnets);
}
