import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultLintSettings } from '../../../common/protocol';
import { emptyConfig } from '../../../server/src/dockerfile/lint/config';
import { lint } from '../../../server/src/dockerfile/lint/lint';
import { allRules } from '../../../server/src/dockerfile/lint/registry';
import { applyEdits } from './applyEdits';
import { hadolintRuleCases } from './hadolintRuleCases';
import { ruleCases as coreRuleCases, everyRuleOn, type RuleCases } from './ruleCases';

const ruleCases = { ...coreRuleCases, ...hadolintRuleCases };

function idsFor(source: string, cases: RuleCases): string[] {
  const env =
    cases.dockerignore !== undefined
      ? { hasDockerignore: true, dockerignore: cases.dockerignore }
      : cases.noDockerignore
        ? { hasDockerignore: false }
        : {};
  const configured = cases.trustedRegistries || cases.labelSchema || cases.strictLabels !== undefined;
  const config = configured
    ? {
        ...emptyConfig,
        trustedRegistries: cases.trustedRegistries ?? [],
        labelSchema: new Map(Object.entries(cases.labelSchema ?? {})),
        strictLabels: cases.strictLabels,
      }
    : undefined;
  return lint(source, { env, config, settings: everyRuleOn }).map((f) => f.rule.id);
}

void test('every registered rule has cases that fire and cases that must not', () => {
  const missing = allRules.filter((r) => !ruleCases[r.id]).map((r) => r.id);
  assert.deepEqual(missing, []);
  for (const id of Object.keys(ruleCases))
    assert.ok(
      allRules.some((r) => r.id === id),
      `unknown rule ${id} in cases`,
    );
});

for (const [id, cases] of Object.entries(ruleCases)) {
  void test(`rule ${id}`, () => {
    assert.ok(cases.fires.length > 0 && cases.quiet.length > 0);
    for (const source of cases.fires) {
      assert.ok(idsFor(source, cases).includes(id), `${id} must fire on:\n${source}`);
    }
    for (const source of cases.quiet) {
      assert.ok(!idsFor(source, cases).includes(id), `${id} must stay quiet on:\n${source}`);
    }
  });
}

void test('rule metadata is complete: kebab-case ids, unique, docs in both languages', () => {
  const seen = new Set<string>();
  for (const r of allRules) {
    assert.match(r.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(!seen.has(r.id), `duplicate id ${r.id}`);
    seen.add(r.id);
    for (const lang of ['en', 'zh-cn'] as const) {
      assert.ok(
        r.docs[lang].title.length > 3 && r.docs[lang].explanation.length > 20,
        `${r.id} ${lang} docs`,
      );
    }
  }
});

void test('a rule of severity off runs once a setting, a config override or a flag gives it one', () => {
  const source = 'FROM debian:12\n# hadolint ignore=DL3059\nRUN a\n';
  const offRules = allRules.filter((r) => r.severity === 'off').map((r) => r.id);
  assert.deepEqual(offRules.sort(), ['healthcheck-missing', 'inline-ignore-pragma']);
  const found = (options: Parameters<typeof lint>[1]) =>
    lint(source, options)
      .filter((f) => offRules.includes(f.rule.id))
      .map((f) => `${f.rule.id} ${f.severity}`);
  assert.deepEqual(found({}), []);
  assert.deepEqual(found({ settings: { ...defaultLintSettings, severity: { DL3057: 'info' } } }), [
    'healthcheck-missing info',
  ]);
  const override = new Map([['dl1001', 'error' as const]]);
  assert.deepEqual(found({ config: { ...emptyConfig, override } }), ['inline-ignore-pragma error']);
  // Ignoring a rule still wins over its severity, as for every rule.
  const ignored = { ...emptyConfig, override, ignored: ['DL1001'] };
  assert.deepEqual(found({ config: ignored }), []);
});

void test("inline-ignore-pragma's quick fix removes the comment's whole line, also the last one", () => {
  const on = { settings: { ...defaultLintSettings, severity: { DL1001: 'warning' as const } } };
  const fixed = (source: string) => {
    const [finding] = lint(source, on).filter((f) => f.rule.id === 'inline-ignore-pragma');
    return applyEdits(source, finding.fix?.edits ?? []);
  };
  assert.equal(
    fixed('FROM debian:12\n  # hadolint ignore=DL3059\nRUN a\nRUN b\n'),
    'FROM debian:12\nRUN a\nRUN b\n',
  );
  assert.equal(fixed('FROM debian:12\n# hadolint ignore=DL3059'), 'FROM debian:12\n');
});
