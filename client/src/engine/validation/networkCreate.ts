// Every check for a new network, in the order a form asks.
import type { Snapshot } from '../model/snapshot';
import { validateGateway, validateIpRange, validateSubnet } from './addresses';
import { messages, problem, valid, type Validation } from './messages';
import { networkDrivers, validateLabels, validateNetworkName } from './names';

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
  /** Overlay only: the engine encrypts the traffic between nodes (IPsec). */
  encrypted?: boolean;
  labels?: Record<string, string>;
  options?: Record<string, string>;
}

/** All checks for a new network, in the order a form asks; the first problem wins. */
export function validateNetworkCreate(spec: NetworkCreateSpec, snapshot?: Snapshot): Validation {
  const checks: (() => Validation)[] = [
    () => validateNetworkName(spec.name, snapshot),
    () =>
      (networkDrivers as readonly string[]).includes(spec.driver)
        ? valid
        : problem('driver', messages.driverUnknown, spec.driver),
    () => (spec.driver === 'overlay' && snapshot ? validateOverlayEngine(snapshot) : valid),
    () =>
      spec.encrypted && spec.driver !== 'overlay'
        ? problem('encrypted', messages.encryptedNeedsOverlay)
        : valid,
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

/** Only a swarm manager creates overlay networks; the engine's own refusal names neither cause. */
export function validateOverlayEngine(snapshot: Snapshot): Validation {
  if (!snapshot.swarm) return problem('driver', messages.overlayNeedsSwarm);
  if (!snapshot.swarm.manager) return problem('driver', messages.overlayNeedsManager);
  return valid;
}

function relabel(result: Validation, field: string): Validation {
  return result.ok ? result : { ...result, field };
}
