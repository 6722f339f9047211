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

void test('cache cleanup: the fix appends the clean to a RUN that ends in a plain command', () => {
  assert.equal(
    fixed('FROM a:1\nRUN yum install -y httpd \\\n && echo ok\n', 'yum-cache-not-cleaned'),
    'FROM a:1\nRUN yum install -y httpd \\\n && echo ok && yum clean all\n',
  );
  assert.equal(
    fixed('FROM a:1\nRUN microdnf install -y httpd\n', 'dnf-cache-not-cleaned'),
    'FROM a:1\nRUN microdnf install -y httpd && microdnf clean all\n',
  );
  assert.equal(
    fixed('FROM a:1\nRUN zypper -n in httpd\n', 'zypper-cache-not-cleaned'),
    'FROM a:1\nRUN zypper -n in httpd && zypper clean --all\n',
  );
  assert.equal(
    fixed('FROM a:1\nRUN yarn install   \n', 'yarn-cache-not-cleaned'),
    'FROM a:1\nRUN yarn install && yarn cache clean   \n',
  );
  // A trailing `&` or a heredoc leaves no plain end to append to.
  offersNoFix('FROM a:1\nRUN yum install -y httpd &\n', 'yum-cache-not-cleaned');
  offersNoFix('FROM a:1\nRUN <<EOF\nyum install -y httpd\nEOF\n', 'yum-cache-not-cleaned');
});

void test('useradd and wget: the fix adds the flag after the program', () => {
  assert.equal(
    fixed('FROM a:1\nRUN useradd -u 123456 app\n', 'useradd-high-uid-without-l'),
    'FROM a:1\nRUN useradd -l -u 123456 app\n',
  );
  assert.equal(
    fixed('FROM debian:12\nRUN wget https://e.x/big.tgz\n', 'wget-progress-bar'),
    'FROM debian:12\nRUN wget --progress=dot:giga https://e.x/big.tgz\n',
  );
  // busybox wget has no --progress.
  assert.equal(
    fixed('FROM alpine:3 AS base\nFROM base\nRUN wget https://e.x/big.tgz\n', 'wget-progress-bar'),
    'FROM alpine:3 AS base\nFROM base\nRUN wget -q https://e.x/big.tgz\n',
  );
});

void test('pipefail: the fix sets a SHELL with pipefail before the RUN, ash on Alpine', () => {
  assert.equal(
    fixed('FROM debian:12\nRUN a | b\n', 'pipe-without-pipefail'),
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n',
  );
  assert.equal(
    fixed('FROM node:20-alpine\n  RUN a | b\n', 'pipe-without-pipefail'),
    'FROM node:20-alpine\n  SHELL ["/bin/ash", "-o", "pipefail", "-c"]\n  RUN a | b\n',
  );
  offersNoFix('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN a | b\n', 'pipe-without-pipefail');
});

void test('COPY of several sources: the fix ends the destination with a slash', () => {
  assert.equal(fixed('FROM a:1\nCOPY a b /app\n', 'copy-many-to-file'), 'FROM a:1\nCOPY a b /app/\n');
  assert.equal(fixed('FROM a:1\nCOPY a b "/app"\n', 'copy-many-to-file'), 'FROM a:1\nCOPY a b "/app/"\n');
  assert.equal(
    fixed('FROM a:1\nCOPY ["a", "b", "/app"]\n', 'copy-many-to-file'),
    'FROM a:1\nCOPY ["a", "b", "/app/"]\n',
  );
});
