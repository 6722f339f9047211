// The engine layer's input checks, worded for an input box: a message, or undefined when fine.
import type { Network, Snapshot } from '../engine/model/snapshot';
import { validateAliases, validateNetworkName, validateVolumeName } from '../engine/validation/names';
import {
  validateGateway,
  validateIpRange,
  validateStaticIp,
  validateSubnet,
} from '../engine/validation/addresses';
import type { Validation } from '../engine/validation/messages';
import { t } from '../shared/text';
import { parseAliases } from './keyValues';

/** The engine layer's templates are translated in l10n/fragments/engine.zh-cn.json. */
export function problemText(result: Validation): string | undefined {
  return result.ok ? undefined : t(result.template, ...result.args);
}

export const networkNameProblem = (snapshot: Snapshot, name: string) =>
  problemText(validateNetworkName(name, snapshot));
export const volumeNameProblem = (snapshot: Snapshot, name: string) =>
  problemText(validateVolumeName(name, snapshot));
export const aliasesProblem = (text: string) => problemText(validateAliases(parseAliases(text)));
export const subnetProblem = (snapshot: Snapshot, text: string, family: 4 | 6) =>
  problemText(validateSubnet(text, snapshot, family));
export const gatewayProblem = (subnet: string, text: string) => problemText(validateGateway(subnet, text));
export const ipRangeProblem = (subnet: string, text: string) => problemText(validateIpRange(subnet, text));
export const staticIpProblem = (network: Network, text: string, family: 4 | 6) =>
  problemText(validateStaticIp(network, text, family));
