// Prints how often Berth agrees with hadolint and BuildKit on the cases they document, for every
// alias a rule claims and every one it gives up (test/unit/server/peers/). `-v` also prints each
// disagreement of a claimed alias.
//
//   node --import tsx scripts/peer-agreement.ts [-v]
import { emptyConfig } from '../server/src/dockerfile/lint/config';
import { lint } from '../server/src/dockerfile/lint/lint';
import { allRuleMeta } from '../server/src/dockerfile/lint/registry';
import {
  agreement,
  agreementTable,
  claimedAliases,
  percent,
  type LintFn,
} from '../test/unit/server/peers/agreement';
import { unclaimed } from '../test/unit/server/peers/dropped';

const berth: LintFn = (source, env, config) =>
  lint(source, { env, config: config && { ...emptyConfig, ...config } });
const rows = claimedAliases(allRuleMeta).map((c) => agreement(berth, c.peer, c.alias, c.ruleId));
console.log(agreementTable(rows));
console.log('Not claimed:');
for (const u of unclaimed) {
  const measured = u.ruleId
    ? ` (${u.ruleId} would agree on ${percent(agreement(berth, u.peer, u.alias, u.ruleId))})`
    : '';
  console.log(`  ${u.alias}${measured}: ${u.why}`);
}
if (process.argv.includes('-v')) {
  for (const r of rows) for (const miss of r.misses) console.log(`--- ${r.alias} (${r.ruleId}): ${miss}`);
}
