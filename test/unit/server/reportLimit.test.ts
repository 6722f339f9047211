// A machine-made file with tens of thousands of findings of one rule: the rule stops at the limit
// and one more finding says so, so the editor is not kept waiting; other rules still run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultLintSettings, defaultMaxInstructions } from '../../../common/protocol';
import { reportLimit } from '../../../server/src/dockerfile/lint/context';
import { lint } from '../../../server/src/dockerfile/lint/lint';

void test('a rule stops at the report limit and says that it stopped', () => {
  const lines = ['FROM debian:12'];
  for (let i = 0; i < reportLimit + 500; i++) lines.push(`ENV KEY_${i} value`);
  lines.push('RUN cd /tmp');
  // Read to the end: the report limit, not the instruction limit, is what this test is about.
  const findings = lint(lines.join('\n') + '\n', {
    settings: { ...defaultLintSettings, maxInstructions: 0 },
  });
  const legacy = findings.filter((f) => f.rule.id === 'legacy-key-value');
  assert.equal(legacy.length, reportLimit + 1);
  const notice = legacy.find((f) => f.message.en.includes('stopped after'));
  assert.ok(notice, 'no finding says the rule stopped');
  assert.match(notice.message.en, new RegExp(`legacy-key-value stopped after ${reportLimit} findings`));
  assert.match(notice.message['zh-cn'], /已停止/);
  assert.ok(
    findings.some((f) => f.rule.id !== 'legacy-key-value'),
    'other rules were not run',
  );
});

void test('below the limit nothing is cut and no notice appears', () => {
  const lines = ['FROM debian:12'];
  for (let i = 0; i < 20; i++) lines.push(`ENV KEY_${i} value`);
  const legacy = lint(lines.join('\n') + '\n').filter((f) => f.rule.id === 'legacy-key-value');
  assert.equal(legacy.length, 20);
  assert.ok(legacy.every((f) => !f.message.en.includes('stopped after')));
});

void test('a file past the instruction limit is read up to it, says where it stopped, and skips final-stage rules', () => {
  const lines = ['FROM debian:12', 'USER app'];
  for (let i = 0; i < defaultMaxInstructions + 50; i++) lines.push('WORKDIR /srv');
  lines.push('USER root', 'RUN cd /tmp');
  const source = lines.join('\n') + '\n';
  const findings = lint(source);
  const notices = findings.filter((f) => f.rule.id === 'lint-limit');
  assert.equal(notices.length, 1);
  assert.equal(notices[0].severity, 'info');
  assert.equal(notices[0].range.start.line, defaultMaxInstructions);
  assert.match(notices[0].message.en, /checked the first 1,000 instructions and stopped here, at line 1001/);
  assert.match(notices[0].message['zh-cn'], /前 1,000 条指令/);
  // Nothing past the limit is reported, and what needs the last stage is not guessed from a part.
  assert.ok(findings.every((f) => f.range.start.line <= defaultMaxInstructions));
  assert.ok(!findings.some((f) => f.rule.id === 'last-user-root' || f.rule.id === 'no-user'));

  const whole = lint(source, { settings: { ...defaultLintSettings, maxInstructions: 0 } });
  assert.ok(!whole.some((f) => f.rule.id === 'lint-limit'));
  assert.ok(whole.some((f) => f.rule.id === 'last-user-root'));
  assert.ok(whole.some((f) => f.rule.id === 'run-cd-no-effect'));
  const raised = lint(source, { settings: { ...defaultLintSettings, maxInstructions: 5000 } });
  assert.deepEqual(
    raised.map((f) => f.rule.id),
    whole.map((f) => f.rule.id),
  );
});

void test('at the limit exactly nothing is cut, and the notice can be turned off like any rule', () => {
  const lines = ['FROM debian:12'];
  for (let i = 1; i < defaultMaxInstructions; i++) lines.push('WORKDIR /srv');
  const exact = lint(lines.join('\n') + '\n');
  assert.ok(!exact.some((f) => f.rule.id === 'lint-limit'));
  lines.push('USER root');
  const over = lint(lines.join('\n') + '\n', {
    settings: { ...defaultLintSettings, disabledRules: ['lint-limit'] },
  });
  assert.ok(!over.some((f) => f.rule.id === 'lint-limit'));
});
