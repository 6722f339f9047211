// Prints how often Berth agrees with hadolint and BuildKit on the cases they document, for every
// alias a rule claims (test/unit/server/peers/). `-v` also prints each disagreement.
//
//   node --import tsx scripts/peer-agreement.ts [-v]
import { lint } from '../server/src/dockerfile/lint/lint';
import { allRuleMeta } from '../server/src/dockerfile/lint/registry';
import { agreement, agreementTable, claimedAliases } from '../test/unit/server/peers/agreement';

const rows = claimedAliases(allRuleMeta).map((c) =>
  agreement((source, env) => lint(source, { env }), c.peer, c.alias, c.ruleId),
);
console.log(agreementTable(rows));
if (process.argv.includes('-v')) {
  for (const r of rows) for (const miss of r.misses) console.log(`--- ${r.alias} (${r.ruleId}): ${miss}`);
}
