// Every alias a rule claims behaves as the peer documents: 100% of hadolint's spec and wiki
// cases, and of BuildKit's test and docs cases. The table is printed as the test's diagnostics.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyConfig } from '../../../../server/src/dockerfile/lint/config';
import { lint } from '../../../../server/src/dockerfile/lint/lint';
import { allRuleMeta } from '../../../../server/src/dockerfile/lint/registry';
import { agreement, agreementTable, claimedAliases, hadolintCases, percent, type LintFn } from './agreement';
import { buildkitCases } from './buildkitCases';
import { buildkitChecks } from '../../../../server/src/dockerfile/lint/buildkitChecks';
import { unclaimed } from './dropped';
import { everyRuleOn } from '../ruleCases';

// hadolint's specs run a rule of severity `ignore` (DL3057, DL1001) as any other; so does this.
const berth: LintFn = (source, env, config) =>
  lint(source, { env, settings: everyRuleOn, config: config && { ...emptyConfig, ...config } });
const claims = claimedAliases(allRuleMeta);

void test('every claimed alias has the peer’s documented cases', () => {
  for (const { peer, alias } of claims) {
    const cases = peer === 'hadolint' ? hadolintCases[alias] : buildkitCases[alias];
    assert.ok(cases && cases.length > 0, `${alias}: no ${peer} cases`);
  }
});

void test('Berth agrees with the peer on every documented case of every alias it claims', (t) => {
  const rows = claims.map((c) => agreement(berth, c.peer, c.alias, c.ruleId));
  for (const line of agreementTable(rows).split('\n')) if (line) t.diagnostic(line);
  const misses = rows.flatMap((r) => r.misses.map((m) => `${r.alias} (${r.ruleId}, ${percent(r)}): ${m}`));
  assert.deepEqual(misses, []);
});

void test('the aliases given up stay unclaimed, and at least 18 of BuildKit’s 22 checks are claimed', (t) => {
  const claimed = new Set(claims.map((c) => c.alias));
  for (const u of unclaimed) {
    assert.ok(!claimed.has(u.alias), `${u.alias} is claimed again: ${u.why}`);
    if (u.ruleId) {
      const row = agreement(berth, u.peer, u.alias, u.ruleId);
      t.diagnostic(`${u.alias} not claimed (${u.ruleId} would agree on ${percent(row)}): ${u.why}`);
    } else t.diagnostic(`${u.alias} not claimed: ${u.why}`);
  }
  const buildkitClaimed = buildkitChecks.filter((c) => claimed.has(c));
  assert.deepEqual(
    buildkitChecks.filter((c) => !claimed.has(c) && !unclaimed.some((u) => u.alias === c)),
    [],
    'every BuildKit check is claimed or says why not',
  );
  assert.ok(buildkitClaimed.length >= 18, `${buildkitClaimed.length} of BuildKit's checks claimed`);
  assert.deepEqual(
    claims.filter((c) => c.peer === 'buildkit' && !buildkitChecks.includes(c.alias)).map((c) => c.alias),
    [],
    'a claimed BuildKit name is one of its checks',
  );
});
