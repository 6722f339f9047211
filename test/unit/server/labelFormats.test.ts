// The value checks of the label schema rules, at the edges of what hadolint's libraries accept:
// network-uri, timerep (over the time library), semver, Cabal's SPDX LicenseId and email-validate.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { isEmailAddress } from '../../../server/src/dockerfile/lint/emailAddress';
import {
  hasLabelType,
  isGitHash,
  isRfc3339,
  isSemver,
  isSpdxId,
  isUri,
} from '../../../server/src/dockerfile/lint/labelFormats';

function check(f: (value: string) => boolean, pass: string[], fail: string[]): void {
  for (const value of pass) assert.ok(f(value), `${f.name} must accept ${JSON.stringify(value)}`);
  for (const value of fail) assert.ok(!f(value), `${f.name} must refuse ${JSON.stringify(value)}`);
}

void test('url: an absolute RFC 3986 URI, with valid characters and %XX escapes', () => {
  check(
    isUri,
    [
      'http://example.com',
      'https://user:pw@example.com:8443/a/b?q=1&r=%2F#top',
      'mailto:team@example.com',
      'urn:isbn:0451450523',
      'file:///etc/hosts',
      'http://[2001:db8::1]:80/',
      'http://[::ffff:192.0.2.1]/',
      'git+ssh://git@example.com/repo.git',
      'foo:',
      'http://host:/',
    ],
    [
      '',
      'not-url',
      'example.com/app',
      '//example.com',
      '1http://example.com',
      'http://example.com/a b',
      'http://example.com/%zz',
      'http://example.com/%2',
      'http://host:port/',
      'http://[::1/',
      'http://[example.com]/',
      'https://example.com/${VERSION}',
      'http://exämple.com/',
      'C:\\Windows',
      `http://${'a'.repeat(256)}/`,
    ],
  );
});

void test('rfc3339: a full date-time with an offset, with the time library’s range checks', () => {
  check(
    isRfc3339,
    [
      '2021-03-10T10:26:33.564595127+01:00',
      '2021-03-10T10:26:33Z',
      '2021-03-10t10:26:33z',
      '2021-03-10T10:26:33+0100',
      '2021-03-10T10:26:33.+01:00',
      '2024-02-29T00:00:00Z',
      '2000-02-29T00:00:00Z',
      '1990-12-31T23:59:60Z',
      ' 2021-03-10T10:26:33Z\t',
      // The year is any number of digits; the offset's digits are not range-checked.
      '12021-03-10T10:26:33Z',
      '2021-03-10T10:26:33+99:99',
    ],
    [
      '',
      'not-date',
      '2021-03-10',
      '2021-03-10T10:26:33',
      '2021-03-10 10:26:33Z',
      '2021-03-10T10:26Z',
      '2021-3-10T10:26:33Z',
      '2023-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2021-04-31T00:00:00Z',
      '2021-13-01T00:00:00Z',
      '2021-00-01T00:00:00Z',
      '2021-03-10T24:00:00Z',
      '2021-03-10T23:60:00Z',
      '2021-03-10T23:59:61Z',
      '2021-03-10T10:26:33+1',
      '2021-03-10T10:26:33.5 Z',
    ],
  );
});

void test('hash: exactly 7 or 40 lower-case hex digits', () => {
  check(
    isGitHash,
    ['2dbfae9', '43c572f1272b6b3171dd1db9e41b7027128ce080'],
    ['', '2dbfae', '2dbfae91', '2DBFAE9', 'g2dbfae', `${'a'.repeat(39)}`, `${'a'.repeat(41)}`],
  );
});

void test('semver: MAJOR.MINOR.PATCH with pre-release and build identifiers, no leading v', () => {
  check(
    isSemver,
    [
      '1.0.0',
      '2.0.1-rc1',
      '1.0.0-alpha.1+build.5',
      '1.0.0+20130313144700',
      '1.0.0-x-y-z.--',
      // What hadolint's semver library also lets through.
      '01.02.03',
      '1.0.0-',
      '1.0.0-rc.',
    ],
    [
      '',
      'not-sem-ver',
      'v1.0.0',
      '1.0',
      '1.0.0.0',
      '1.0.0-rc..1',
      '1.0.0+a+b',
      '1.0.0-ü',
      ' 1.0.0',
      '1.0.0 ',
    ],
  );
});

void test('spdx: one exact, case-sensitive SPDX license id, deprecated ones included', () => {
  check(
    isSpdxId,
    ['MIT', 'BSD-3-Clause', 'Apache-2.0', 'GPL-3.0-only', 'GPL-2.0', 'wxWindows', 'MIT '],
    ['', 'mit', 'Mit', 'not-spdx', 'MIT OR Apache-2.0', '(MIT)', 'GPL-2.0+', 'LicenseRef-acme', ' MIT'],
  );
});

void test('email: an RFC 5322 addr-spec, as email-validate reads it', () => {
  check(
    isEmailAddress,
    [
      'abcd@google.com',
      'first.last+tag@example.co.uk',
      "!#$%&'*+/=?^_`{|}~-@example.com",
      '"john doe"@example.com',
      '"a\\"b"@example.com',
      'a@[192.0.2.1]',
      'a@[IPv6:2001:db8::1]',
      'a@localhost',
      'a@example.com.',
      'a(comment)@example.com',
      'josé@example.com',
      `${'a'.repeat(64)}@example.com`,
    ],
    [
      '',
      'not-email',
      '@example.com',
      'a@',
      '.a@example.com',
      'a.@example.com',
      'a..b@example.com',
      'a@example..com',
      'a@-example.com',
      'a@example-.com',
      'a@exa_mple.com',
      'a@b@example.com',
      'Jane <jane@example.com>',
      'a@example.com, b@example.com',
      '"unclosed@example.com',
      'a(unclosed@example.com',
      `${'a'.repeat(65)}@example.com`,
      `a@${'b'.repeat(64)}.com`,
      `${'a'.repeat(60)}@${Array.from({ length: 4 }, () => 'b'.repeat(60)).join('.')}.com`,
    ],
  );
});

void test('text takes anything; each type goes to its check', () => {
  assert.ok(hasLabelType('', 'text') && hasLabelType('${ANYTHING}', 'text'));
  assert.ok(hasLabelType('MIT', 'spdx') && !hasLabelType('MIT', 'semver'));
  assert.ok(hasLabelType('a@b.example', 'email') && !hasLabelType('a@b.example', 'url'));
});
