// Names, aliases and labels, checked as the engine would before anything is sent.
import type { Snapshot } from '../model/snapshot';
import { messages, problem, valid, type Validation } from './messages';

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

export function validateLabels(labels: Record<string, string> | undefined): Validation {
  for (const key of Object.keys(labels ?? {})) {
    if (!key || /[\s=]/.test(key)) return problem('labels', messages.labelKeyInvalid, key);
  }
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
