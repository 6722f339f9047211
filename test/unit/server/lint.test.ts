import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { defaultLintSettings, type LintSettings } from '../../../common/protocol';
import {
  emptyConfig,
  layerConfig,
  parseHadolintConfig,
  type HadolintConfig,
} from '../../../server/src/dockerfile/lint/config';
import { lint, parseForLint, type LintOptions } from '../../../server/src/dockerfile/lint/lint';
import { toDiagnostic } from '../../../server/src/dockerfile/language/diagnostics';
import { applyEdits } from './applyEdits';

const ids = (source: string, options?: LintOptions): string[] => lint(source, options).map((f) => f.rule.id);

function fixed(source: string, rule: string): string {
  const finding = lint(source).find((f) => f.rule.id === rule);
  assert.ok(finding?.fix, `${rule} must offer a fix on:\n${source}`);
  return applyEdits(source, finding.fix.edits);
}

void test('# hadolint ignore= on the line above, with hadolint codes or our ids', () => {
  assert.ok(ids('FROM nginx\n').includes('from-untagged'));
  assert.ok(!ids('# hadolint ignore=DL3006\nFROM nginx\n').includes('from-untagged'));
  assert.ok(!ids('# hadolint ignore=from-untagged,DL3059\nFROM nginx\n').includes('from-untagged'));
  assert.ok(
    ids('# hadolint ignore=DL3006\n\nFROM nginx\n').includes('from-untagged'),
    'a blank line breaks the link',
  );
});

void test('global and stage ignores', () => {
  const src = 'FROM a:1 AS one\n# hadolint stage ignore=DL3059\nRUN a\nRUN b\nFROM b:1\nRUN c\nRUN d\n';
  assert.equal(ids(src).filter((id) => id === 'consecutive-run').length, 1);
  assert.ok(
    !ids('# hadolint global ignore=consecutive-run\nFROM a:1\nRUN a\nRUN b\n').includes('consecutive-run'),
  );
});

void test("BuildKit's check directive: skip by check name, and error=true", () => {
  assert.ok(!ids('# check=skip=JSONArgsRecommended\nFROM a:1\nCMD run me\n').includes('shell-form-cmd'));
  assert.ok(!ids('# check=skip=all\nFROM a:1\nCMD run me\n').includes('shell-form-cmd'));
  const errors = lint('# check=error=true\nFROM a:1\nCMD run me\n').filter(
    (f) => f.rule.id === 'shell-form-cmd',
  );
  assert.equal(errors[0]?.severity, 'error');
});

void test("BuildKit's check=skip comment above one instruction skips its checks there only", () => {
  const count = (source: string, rule: string): number => ids(source).filter((id) => id === rule).length;
  const twice = 'MAINTAINER me\nMAINTAINER you\n';
  assert.equal(
    count(`FROM scratch\n# check=skip=MaintainerDeprecated\n${twice}`, 'maintainer-deprecated'),
    1,
  );
  assert.equal(count(`FROM scratch\n# check=skip=all // why\n\n${twice}`, 'maintainer-deprecated'), 1);
  assert.equal(
    count(`FROM scratch\n# check=skip=all\n#\n${twice}`, 'maintainer-deprecated'),
    2,
    'an empty # resets',
  );
  assert.equal(
    count(`FROM scratch\n# check=skip=maintainer-deprecated\n${twice}`, 'maintainer-deprecated'),
    1,
  );
  // Checks BuildKit runs over the whole file, and rules that are no BuildKit check, are not reached.
  const dup = 'FROM a:1 AS x\n# check=skip=DuplicateStageName\nFROM b:1 AS x\n';
  assert.equal(count(dup, 'duplicate-stage-name'), 1);
  assert.equal(count('FROM a:1\n# check=skip=all\nRUN cd /tmp\n', 'run-cd-no-effect'), 1);
});

void test('.hadolint.yaml: ignored, override and failure-threshold', () => {
  const config = parseHadolintConfig(
    'ignored: [DL3006]\noverride:\n  error: [consecutive-run]\nfailure-threshold: warning\n',
    parseYaml,
  );
  assert.equal(config.failureThreshold, 'warning');
  const findings = lint('FROM nginx\nRUN a\nRUN b\n', { config });
  assert.ok(!findings.some((f) => f.rule.id === 'from-untagged'));
  assert.equal(findings.find((f) => f.rule.id === 'consecutive-run')?.severity, 'error');
  assert.throws(() => parseHadolintConfig('failure-threshold: loud\n', parseYaml), /failure-threshold/);
});

void test('.hadolint.yaml: disable-ignore-pragma makes hadolint comments silence nothing, not BuildKit’s', () => {
  const config = parseHadolintConfig('disable-ignore-pragma: true\n', parseYaml);
  const source = [
    '# hadolint global ignore=DL3006',
    'FROM nginx',
    '# hadolint ignore=expose-host-mapping',
    'EXPOSE 80:80',
    '# check=skip=JSONArgsRecommended',
    'CMD nginx -g "daemon off;"',
    '',
  ].join('\n');
  const ids = (options: Parameters<typeof lint>[1]) => lint(source, options).map((f) => f.rule.id);
  const silenced = ids({});
  assert.ok(
    !silenced.includes('from-untagged') && !silenced.includes('expose-host-mapping'),
    silenced.join(),
  );
  const pragmasOff = ids({ config });
  assert.ok(
    pragmasOff.includes('from-untagged') && pragmasOff.includes('expose-host-mapping'),
    pragmasOff.join(),
  );
  // BuildKit's own comment is not hadolint's pragma: it still silences its check.
  assert.ok(!pragmasOff.includes('shell-form-cmd'));
  assert.ok(
    lint(source.replace('# check=skip=JSONArgsRecommended', '#'), { config }).some(
      (f) => f.rule.id === 'shell-form-cmd',
    ),
  );
  assert.equal(silenced.length + 2, pragmasOff.length);
  assert.throws(
    () => parseHadolintConfig('disable-ignore-pragma: maybe\n', parseYaml),
    /disable-ignore-pragma must be true or false/,
  );
});

void test('.hadolint.yaml: label-schema types labels, an empty type is text; strict-labels; bad ones are errors', () => {
  const config = parseHadolintConfig(
    'label-schema:\n  author: text\n  version: semver\n  docs: ""\n  contact:\nstrict-labels: true\n',
    parseYaml,
  );
  assert.deepEqual(
    [...config.labelSchema],
    [
      ['author', 'text'],
      ['version', 'semver'],
      ['docs', 'text'],
      ['contact', 'text'],
    ],
  );
  assert.equal(config.strictLabels, true);
  assert.equal(parseHadolintConfig('strict-labels: false\n', parseYaml).strictLabels, false);
  assert.equal(parseHadolintConfig('label-schema:\n', parseYaml).labelSchema.size, 0);
  const source = 'FROM debian:12\nLABEL version="v1" extra="x"\n';
  const found = lint(source, { config }).map((f) => `${f.rule.id}:${f.range.start.line}`);
  for (const finding of ['label-missing:0', 'label-invalid-semver:1', 'label-not-in-schema:1'])
    assert.ok(found.includes(finding), found.join());
  // One finding per label the stage lacks (author, docs, contact), on its FROM.
  assert.equal(found.filter((f) => f === 'label-missing:0').length, 3);
  assert.ok(!lint(source).some((f) => f.rule.id.startsWith('label-') && f.rule.id !== 'label-key-format'));

  const bad = (yaml: string, message: RegExp) =>
    assert.throws(() => parseHadolintConfig(yaml, parseYaml), message);
  bad(
    'label-schema:\n  version: SemVer\n',
    /label-schema: label "version" has type "SemVer"; use one of text, url, semver, hash, rfc3339, spdx, email/,
  );
  bad('label-schema:\n  version: 1\n', /label "version" has type 1; use one of/);
  bad('label-schema: [version]\n', /label-schema must map label names to types/);
  bad('label-schema: semver\n', /label-schema must map label names to types/);
  bad('strict-labels: yes please\n', /strict-labels must be true or false/);
});

void test('layered configs: the label schemas join, the lower layer’s type winning as in hadolint; strict-labels from the upper', () => {
  const lower = {
    ...emptyConfig,
    labelSchema: new Map([['version', 'semver' as const]]),
    strictLabels: true,
  };
  const upper = {
    ...emptyConfig,
    labelSchema: new Map([
      ['version', 'text' as const],
      ['source', 'url' as const],
    ]),
    strictLabels: false,
  };
  const merged = layerConfig(lower, upper);
  assert.deepEqual(
    [...merged.labelSchema],
    [
      ['version', 'semver'],
      ['source', 'url'],
    ],
  );
  assert.equal(merged.strictLabels, false);
  assert.equal(layerConfig(lower, emptyConfig).strictLabels, true);
});

void test("the run's keys: formats then format as hadolint joins them, no-color, verbose; an upper list wins", () => {
  const config = parseHadolintConfig(
    'formats: [tty, sarif]\nformat: json\nno-color: true\nverbose: false\n',
    parseYaml,
  );
  assert.deepEqual(config.formats, ['tty', 'sarif', 'json']);
  assert.equal(config.noColor, true);
  assert.equal(config.verbose, false);
  assert.deepEqual(parseHadolintConfig('format: gnu\nformats:\n', parseYaml).formats, ['gnu']);
  assert.deepEqual(parseHadolintConfig('ignored: [DL3006]\n', parseYaml).formats, []);
  assert.throws(
    () => parseHadolintConfig('format: [json]\n', parseYaml),
    /format must be the name of a format/,
  );
  assert.throws(
    () => parseHadolintConfig('formats: json\n', parseYaml),
    /formats must be a list of format names/,
  );
  assert.throws(() => parseHadolintConfig('no-color: 1\n', parseYaml), /no-color must be true or false/);
  const lower = { ...emptyConfig, formats: ['json'], verbose: true };
  assert.deepEqual(layerConfig(lower, { ...emptyConfig, formats: ['sarif'] }).formats, ['sarif']);
  assert.deepEqual(layerConfig(lower, emptyConfig).formats, ['json']);
  assert.equal(layerConfig(lower, { ...emptyConfig, verbose: false }).verbose, false);
});

void test('a rule that stands for several hadolint codes is ignored, overridden and silenced per code', () => {
  const untagged = 'FROM debian AS a\nFROM debian:latest AS b\n';
  const codes = (source: string, config?: Partial<HadolintConfig>, settings?: Partial<LintSettings>) =>
    lint(source, {
      config: config && { ...emptyConfig, ...config },
      settings: settings && { ...defaultLintSettings, ...settings },
    })
      .filter((f) => f.rule.id === 'from-untagged')
      .map((f) => `${f.code}:${f.severity}`);
  assert.deepEqual(codes(untagged), ['DL3006:warning', 'DL3007:warning']);
  assert.deepEqual(codes(untagged, { ignored: ['dl3007'] }), ['DL3006:warning']);
  assert.deepEqual(codes(untagged, { ignored: ['from-untagged'] }), []);
  assert.deepEqual(codes(untagged, { override: new Map([['dl3006', 'error']]) }), [
    'DL3006:error',
    'DL3007:warning',
  ]);
  assert.deepEqual(codes(untagged, { override: new Map([['dl3007', 'off']]) }), ['DL3006:warning']);
  assert.deepEqual(codes(untagged, undefined, { disabledRules: ['DL3006'] }), ['DL3007:warning']);
  assert.deepEqual(codes(untagged, undefined, { severity: { DL3007: 'info' } }), [
    'DL3006:warning',
    'DL3007:info',
  ]);
  assert.deepEqual(codes(untagged, undefined, { severity: { 'from-untagged': 'hint' } }), [
    'DL3006:hint',
    'DL3007:hint',
  ]);
  assert.deepEqual(codes(`# hadolint ignore=DL3006\n${untagged}`), ['DL3007:warning']);
  assert.deepEqual(codes(`FROM debian AS a\n# hadolint ignore=DL3006\nFROM debian:latest AS b\n`), [
    'DL3006:warning',
    'DL3007:warning',
  ]);
  assert.deepEqual(codes(`# hadolint global ignore=DL3007\n${untagged}`), ['DL3006:warning']);
  assert.deepEqual(codes(`# hadolint global ignore=DL3007,DL3006\n${untagged}`), []);
  // In the editor each links to the page of its own code.
  assert.deepEqual(
    lint(untagged)
      .filter((f) => f.rule.id === 'from-untagged')
      .map((f) => toDiagnostic(f, parseForLint(untagged), 'en').codeDescription?.href),
    ['https://github.com/hadolint/hadolint/wiki/DL3006', 'https://github.com/hadolint/hadolint/wiki/DL3007'],
  );
  // A rule that is only a BuildKit check links to Docker's page for it.
  const lower = 'FROM alpine:3.20 as build\n';
  assert.deepEqual(
    lint(lower)
      .filter((f) => f.rule.aliases.includes('FromAsCasing'))
      .map((f) => toDiagnostic(f, parseForLint(lower), 'en').codeDescription?.href),
    ['https://docs.docker.com/reference/build-checks/from-as-casing/'],
  );
  // The other rules that are several codes say which one each finding is.
  const named = (source: string, rule: string) =>
    lint(source)
      .filter((f) => f.rule.id === rule)
      .map((f) => f.code);
  assert.deepEqual(
    named(
      'FROM alpine:3.20\nCMD a\nCMD b\nENTRYPOINT a\nENTRYPOINT b\nHEALTHCHECK NONE\nHEALTHCHECK NONE\n',
      'multiple-cmd',
    ),
    ['DL4003', 'DL4004', 'DL3012'],
  );
  assert.deepEqual(
    named('FROM alpine:3.20 AS a\nCOPY --from=a x y\nCOPY --from=nope x y\n', 'copy-from-unknown-stage'),
    ['DL3023', 'DL3022'],
  );
});

void test('settings: disabled rules and per-rule severity (by id or alias)', () => {
  const settings = {
    enable: true,
    disabledRules: ['DL3006'],
    severity: { 'consecutive-run': 'error' as const },
  };
  const findings = lint('FROM nginx\nRUN a\nRUN b\n', { settings });
  assert.ok(!findings.some((f) => f.rule.id === 'from-untagged'));
  assert.equal(findings.find((f) => f.rule.id === 'consecutive-run')?.severity, 'error');
  const off = lint('FROM nginx\n', {
    settings: { enable: true, disabledRules: [], severity: { DL3006: 'off' } },
  });
  assert.ok(!off.some((f) => f.rule.id === 'from-untagged'));
});

void test('the instructions ONBUILD registers are checked as the build they run in will run them', () => {
  const source = 'FROM a:1 AS base\nONBUILD RUN apt-get update && apt-get install -y curl\nFROM b:1\n';
  assert.deepEqual(
    lint(source)
      .filter((f) => ['apt-install-recommends', 'apt-lists-not-removed'].includes(f.rule.id))
      .map((f) => [f.rule.id, f.range.start.line]),
    [
      ['apt-lists-not-removed', 1],
      ['apt-install-recommends', 1],
    ],
  );
  assert.equal(
    fixed('FROM a:1\nONBUILD RUN apt-get install -y curl\n', 'apt-install-recommends'),
    'FROM a:1\nONBUILD RUN apt-get install --no-install-recommends -y curl\n',
  );
});

void test('quick fixes produce the intended text', () => {
  assert.equal(
    fixed('FROM --platform=$TARGETPLATFORM alpine:3 AS b\n', 'redundant-target-platform'),
    'FROM alpine:3 AS b\n',
  );
  assert.equal(fixed('FROM a:1\nEXPOSE 53/UDP 80\n', 'expose-proto-casing'), 'FROM a:1\nEXPOSE 53/udp 80\n');
  assert.equal(
    fixed('FROM a:1\nRUN apk add \\\n\n  git \\\n   \n  curl\n', 'no-empty-continuation'),
    'FROM a:1\nRUN apk add \\\n  git \\\n  curl\n',
  );
  assert.equal(fixed('FROM a:1\nEXPOSE 80:80\n', 'expose-host-mapping'), 'FROM a:1\nEXPOSE 80\n');
  assert.equal(fixed('FROM a:1\nRUN a\nRUN b\n', 'consecutive-run'), 'FROM a:1\nRUN a && \\\n    b\n');
  assert.equal(
    fixed('FROM a:1\nMAINTAINER Jane <j@x.io>\n', 'maintainer-deprecated'),
    'FROM a:1\nLABEL org.opencontainers.image.authors="Jane <j@x.io>"\n',
  );
  assert.equal(fixed('From a:1\n', 'instruction-casing'), 'FROM a:1\n');
  assert.equal(fixed('FROM a:1\nENV A 1 2\n', 'legacy-key-value'), 'FROM a:1\nENV A="1 2"\n');
  assert.equal(
    fixed('FROM a:1\nRUN apt-get update && apt-get install -y curl\n', 'apt-install-recommends'),
    'FROM a:1\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n',
  );
  assert.equal(
    fixed('FROM a:1\nCMD node server.js\n', 'shell-form-cmd'),
    'FROM a:1\nCMD ["node", "server.js"]\n',
  );
  assert.equal(
    fixed('FROM a:1\nCOPY app /app\nRUN chown -R 1000:1000 /app\nCMD ["x"]\n', 'chown-after-copy'),
    'FROM a:1\nCOPY --chown=1000:1000 app /app\nCMD ["x"]\n',
  );
  assert.equal(fixed("FROM a:1\nCMD ['a', 'b']\n", 'invalid-exec-form'), 'FROM a:1\nCMD ["a", "b"]\n');
});

void test('findings carry precise ranges across continuation lines', () => {
  const f = lint('FROM a:1\nRUN set -e; \\\n    apk add curl\n').find(
    (x) => x.rule.id === 'apk-add-without-no-cache',
  );
  assert.deepEqual(f?.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 16 } });
});
