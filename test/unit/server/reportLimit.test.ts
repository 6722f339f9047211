// A machine-made file with tens of thousands of findings of one rule: the rule stops at the limit
// and one more finding says so, so the editor is not kept waiting; other rules still run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportLimit } from '../../../server/src/rules/context';
import { lint } from '../../../server/src/rules/engine';

void test('a rule stops at the report limit and says that it stopped', () => {
  const lines = ['FROM debian:12'];
  for (let i = 0; i < reportLimit + 500; i++) lines.push(`ENV KEY_${i} value`);
  lines.push('RUN cd /tmp');
  const findings = lint(lines.join('\n') + '\n');
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
