import type { RuleMeta } from '../../../common/rules';
import { allRuleMeta } from '../dockerfile/lint/registry';

/** The Dockerfile rules, then the Compose rules, which are loaded with Compose's code. */
export async function everyRule(): Promise<readonly RuleMeta[]> {
  const { composeRuleMeta } = await import('./compose');
  return [...allRuleMeta, ...composeRuleMeta];
}
