// An alias promises hadolint's behaviour: for the DL codes of the peers/hadolint*Cases.ts files
// below, every case of hadolint's own spec must come out the same in Berth.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint } from '../../../server/src/dockerfile/lint/lint';
import { findRule } from '../../../server/src/dockerfile/lint/registry';
import { hadolintAgreement } from './peers/agreement';
import { hadolintPackageCases } from './peers/hadolintPackageCases';
import { hadolintShellCases } from './peers/hadolintShellCases';

/**
 * hadolint lints a snippet without FROM rule by rule; these rules are checked on a stage, so
 * such a snippet gets one in front (the case's outcome does not depend on which).
 */
function asFile(snippet: string): string {
  return /^FROM\s/im.test(snippet) ? snippet : `FROM debian:12\n${snippet}`;
}

const aliases = Object.keys({ ...hadolintPackageCases, ...hadolintShellCases });
const withStage = (source: string, env: { hasDockerignore: boolean }) => lint(asFile(source), { env });

for (const alias of aliases) {
  void test(`${alias}: every case of hadolint's spec comes out the same`, (t) => {
    const rule = findRule(alias);
    assert.ok(rule, `no rule claims ${alias}`);
    const result = hadolintAgreement(withStage, alias, rule.id);
    t.diagnostic(`${alias} ${rule.id}: ${result.agreed}/${result.total} agree`);
    assert.ok(result.total > 0);
    assert.deepEqual(result.misses, []);
  });
}
