import type { RuleMeta } from '../../../../common/rules';
import { isHadolintCode } from './ruleCodes';
import { isBuildKitName } from './suppress';

const hrefs = new WeakMap<RuleMeta, string | undefined>();

/** Where the rule is documented upstream, when it has a hadolint or BuildKit twin. */
export function ruleHref(rule: RuleMeta): string | undefined {
  if (hrefs.has(rule)) return hrefs.get(rule);
  const href = upstreamDoc(rule);
  hrefs.set(rule, href);
  return href;
}

function upstreamDoc(rule: RuleMeta): string | undefined {
  const hadolint = rule.aliases.find(isHadolintCode);
  if (hadolint) return `https://github.com/hadolint/hadolint/wiki/${hadolint}`;
  const buildkit = rule.aliases.find(isBuildKitName);
  if (buildkit) {
    const kebab = buildkit.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2');
    return `https://docs.docker.com/reference/build-checks/${kebab.toLowerCase()}/`;
  }
  return undefined;
}
