import type { Endpoint } from '../engine/model/snapshot';

export function formatEndpointAddresses(endpoint: Endpoint): string {
  const parts: string[] = [];
  if (endpoint.ipv4)
    parts.push(endpoint.ipv4Prefix !== undefined ? `${endpoint.ipv4}/${endpoint.ipv4Prefix}` : endpoint.ipv4);
  if (endpoint.ipv6) parts.push(endpoint.ipv6);
  return parts.join(' · ');
}

/** The engine adds the short container id as an alias on user networks; that one is noise here. */
export function userAliases(endpoint: Endpoint): string[] {
  return endpoint.aliases.filter((alias) => !(alias.length >= 12 && endpoint.containerId.startsWith(alias)));
}
