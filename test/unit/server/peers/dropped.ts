// Peer rules Berth deliberately does not claim, and why (each rule's docs say so too).
import type { Peer } from './agreement';

export interface Unclaimed {
  peer: Peer;
  alias: string;
  /** The Berth rule that once claimed it, measured against the peer's cases for the record. */
  ruleId?: string;
  why: string;
}

export const unclaimed: readonly Unclaimed[] = [
  {
    peer: 'hadolint',
    alias: 'DL3002',
    ruleId: 'last-user-root',
    why: 'DL3002 reports the last USER root of every stage; Berth only the final image, which is what runs',
  },
  {
    peer: 'hadolint',
    alias: 'DL3003',
    ruleId: 'run-cd-no-effect',
    why: 'DL3003 reports every cd; Berth only a cd that ends a RUN, the one that does nothing',
  },
  {
    peer: 'hadolint',
    alias: 'DL3005',
    ruleId: 'package-upgrade',
    why: 'hadolint removed DL3005 (apt-get dist-upgrade) in 2.12; Berth reports every upgrade',
  },
  {
    peer: 'hadolint',
    alias: 'DL3025',
    ruleId: 'shell-form-cmd',
    why: 'DL3025 reports HEALTHCHECK CMD in shell form, which Berth leaves alone (short-lived, often needs ||)',
  },
  {
    peer: 'hadolint',
    alias: 'DL3065',
    ruleId: 'redundant-target-platform',
    why: 'Berth follows BuildKit and also reports --platform=${TARGETPLATFORM:-…}, which DL3065 leaves alone',
  },
  {
    peer: 'buildkit',
    alias: 'InvalidBaseImagePlatform',
    why: 'needs the base image from a registry',
  },
  {
    peer: 'buildkit',
    alias: 'InvalidDefinitionDescription',
    why: 'experimental in BuildKit, off unless asked for',
  },
];
