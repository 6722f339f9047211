import type { RuleMeta } from '../../../../common/rules';
import { addressOutsideSubnet, duplicateStaticAddress, staticAddressNoSubnet } from './address/addresses';
import { composeSchema, composeUnknownKey, yamlSyntax } from './correctness/schema';
import { legacyLinks } from './legacy/links';
import { externalNetworkMissing, externalVolumeMissing, hostPortInUse, subnetOverlap } from './live/live';
import { undeclaredNetwork, unusedNetwork, unusedVolume } from './network/declarations';
import {
  hostNetworkPorts,
  networkModeWithNetworks,
  noneNetworkPorts,
  undefinedService,
} from './network/networkMode';
import { duplicateHostPort, portNotExposed } from './ports/ports';
import { unreachableByName } from './reachability/reachability';
import type { ComposeRule } from './context';
import { bindHidesImageContent, missingBindSource, undeclaredVolume } from './volume/volumes';

export const composeRules: readonly ComposeRule[] = [
  // correctness
  yamlSyntax,
  composeSchema,
  composeUnknownKey,
  // network
  undeclaredNetwork,
  undefinedService,
  unusedNetwork,
  hostNetworkPorts,
  noneNetworkPorts,
  networkModeWithNetworks,
  // address
  staticAddressNoSubnet,
  addressOutsideSubnet,
  duplicateStaticAddress,
  // legacy
  legacyLinks,
  // reachability
  unreachableByName,
  // ports
  duplicateHostPort,
  portNotExposed,
  // volume
  undeclaredVolume,
  unusedVolume,
  missingBindSource,
  bindHidesImageContent,
  // live
  externalNetworkMissing,
  externalVolumeMissing,
  hostPortInUse,
  subnetOverlap,
];

export const composeRuleMeta: readonly RuleMeta[] = composeRules;
