// An alias promises hadolint's behaviour: for the DL codes of the peers/hadolint*Cases.ts files
// below, every case of hadolint's own spec must come out the same in Berth, snippets without a
// FROM included (hadolint lints those rule by rule, and so does Berth).
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyConfig } from '../../../server/src/dockerfile/lint/config';
import { lint } from '../../../server/src/dockerfile/lint/lint';
import { findRule } from '../../../server/src/dockerfile/lint/registry';
import { hadolintAgreement } from './peers/agreement';
import { hadolintLabelCases } from './peers/hadolintLabelCases';
import { hadolintPackageCases } from './peers/hadolintPackageCases';
import { hadolintShellCases } from './peers/hadolintShellCases';

const aliases = Object.keys({ ...hadolintPackageCases, ...hadolintShellCases, ...hadolintLabelCases });

for (const alias of aliases) {
  void test(`${alias}: every case of hadolint's spec comes out the same`, (t) => {
    const rule = findRule(alias);
    assert.ok(rule, `no rule claims ${alias}`);
    const result = hadolintAgreement(
      (source, env, config) => lint(source, { env, config: config && { ...emptyConfig, ...config } }),
      alias,
      rule.id,
    );
    t.diagnostic(`${alias} ${rule.id}: ${result.agreed}/${result.total} agree`);
    assert.ok(result.total > 0);
    assert.deepEqual(result.misses, []);
  });
}
