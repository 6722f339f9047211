import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint } from '../../../server/src/dockerfile/lint/lint';
import { applyEdits } from './applyEdits';

function fixed(source: string, rule: string): string {
  const finding = lint(source).find((f) => f.rule.id === rule);
  assert.ok(finding?.fix, `${rule} must offer a fix on:\n${source}`);
  return applyEdits(source, finding.fix.edits);
}

function offersNoFix(source: string, rule: string): void {
  const finding = lint(source).find((f) => f.rule.id === rule);
  assert.ok(finding, `${rule} must fire on:\n${source}`);
  assert.equal(finding.fix, undefined, `${rule} must offer no fix on:\n${source}`);
}

void test('non-interactive flags: the fix adds the flag the package manager needs', () => {
  assert.equal(
    fixed('FROM a:1\nRUN apt-get update && apt-get install curl\n', 'apt-get-without-yes'),
    'FROM a:1\nRUN apt-get update && apt-get install -y curl\n',
  );
  assert.equal(
    fixed('FROM a:1\nRUN set -e; \\\n    apt-get install \\\n      curl\n', 'apt-get-without-yes'),
    'FROM a:1\nRUN set -e; \\\n    apt-get install -y \\\n      curl\n',
  );
  assert.equal(
    fixed('FROM a:1\nONBUILD RUN yum install httpd\n', 'yum-without-yes'),
    'FROM a:1\nONBUILD RUN yum install -y httpd\n',
  );
  assert.equal(
    fixed('FROM a:1\nRUN microdnf install httpd\n', 'dnf-without-yes'),
    'FROM a:1\nRUN microdnf install -y httpd\n',
  );
  assert.equal(
    fixed('FROM a:1\nRUN zypper in httpd\n', 'zypper-without-non-interactive'),
    'FROM a:1\nRUN zypper --non-interactive in httpd\n',
  );
  assert.equal(
    fixed('FROM a:1\nRUN <<EOF\nset -e\nyum install httpd\nEOF\n', 'yum-without-yes'),
    'FROM a:1\nRUN <<EOF\nset -e\nyum install -y httpd\nEOF\n',
  );
  offersNoFix('FROM a:1\nRUN ["sh", "-c", "apt-get install curl"]\n', 'apt-get-without-yes');
});
