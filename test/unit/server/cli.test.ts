import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { version } from '../../../package.json';
import { allRuleMeta } from '../../../server/src/dockerfile/lint/registry';
import { composeRuleMeta } from '../../../server/src/compose/rules/registry';
import { cliProcess, type CliProcess } from './cliProcess';

let cli: CliProcess;
const run = (...args: string[]) => cli.run(args);
const write = (rel: string, text: string) => cli.write(rel, text);

before(async () => {
  cli = await cliProcess();
  write('app/Dockerfile', 'FROM alpine:3.20\nEXPOSE 80:80\n');
  write('app/api.Dockerfile', 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\nUSER nobody\n');
  write('app/Containerfile', 'FROM alpine:3.20\nUSER nobody\n');
  write('app/node_modules/pkg/Dockerfile', 'FROM nginx\n');
  write('app/README.md', '# not a Dockerfile\n');
  write('warn/Dockerfile', 'FROM nginx\n');
});

after(() => cli.dispose());

const allComposeIds = () => composeRuleMeta.map((rule) => rule.id);

void test('text output names file:line:col, rule and message; findings at the threshold exit 1', () => {
  const r = run('app/Dockerfile');
  assert.equal(r.code, 1);
  assert.match(
    r.stdout,
    /app\/Dockerfile:2:8 error expose-host-mapping \(ExposeInvalidFormat\): `80:80` is a publish mapping/,
  );
  assert.match(r.stdout, /1 file: 1 error/);
});

void test('folders are searched for Dockerfile, *.Dockerfile and Containerfile, skipping node_modules', () => {
  const r = run('--format', 'json', 'app');
  const files = new Set((JSON.parse(r.stdout) as Array<{ file: string }>).map((f) => f.file));
  assert.deepEqual([...files].sort(), [path.join('app', 'Dockerfile')]);
  const all = run('app', '--failure-threshold=none');
  assert.equal(all.code, 0);
  assert.match(all.stdout, /3 files/);
});

void test('JSON records are 1-based and stable in shape', () => {
  const [first] = JSON.parse(run('--format=json', 'app/Dockerfile').stdout) as Array<Record<string, unknown>>;
  assert.deepEqual(
    Object.keys(first).sort(),
    [
      'aliases',
      'category',
      'column',
      'endColumn',
      'endLine',
      'file',
      'line',
      'message',
      'rule',
      'severity',
      'code',
      'level',
    ].sort(),
  );
  assert.deepEqual([first.line, first.column, first.endLine, first.endColumn], [2, 8, 2, 13]);
  assert.equal(first.category, 'expose');
  // hadolint's keys: its code where the rule has one (else Berth's id), its level names.
  assert.deepEqual([first.code, first.level], ['expose-host-mapping', 'error']);
  write(
    'codes/Dockerfile',
    'FROM debian\nFROM debian:latest\nRUN apt-get install -y curl=8.0\nUSER nobody\n',
  );
  const records = JSON.parse(run('--format=json', 'codes/Dockerfile').stdout) as Array<
    Record<string, unknown>
  >;
  assert.deepEqual(
    records.map((r) => [r.rule, r.code, r.level, r.aliases]),
    [
      ['from-untagged', 'DL3006', 'warning', ['DL3006']],
      ['from-untagged', 'DL3007', 'warning', ['DL3007']],
      ['apt-install-recommends', 'DL3015', 'info', ['DL3015']],
      ['apt-install-without-update', 'apt-install-without-update', 'warning', []],
    ],
  );
});

void test("--ignore and --error by one of a rule's hadolint codes leave its other codes as they were", () => {
  write('codes/Dockerfile', 'FROM debian\nFROM debian:latest\nUSER nobody\n');
  const found = (...args: string[]) =>
    (
      JSON.parse(run('--format=json', ...args, 'codes/Dockerfile').stdout) as Array<Record<string, unknown>>
    ).map((r) => `${String(r.code)}:${String(r.severity)}`);
  assert.deepEqual(found(), ['DL3006:warning', 'DL3007:warning']);
  assert.deepEqual(found('--ignore', 'DL3007'), ['DL3006:warning']);
  assert.deepEqual(found('--ignore', 'dl3006'), ['DL3007:warning']);
  assert.deepEqual(found('--ignore', 'from-untagged'), []);
  assert.deepEqual(found('--error', 'DL3007'), ['DL3006:warning', 'DL3007:error']);
  assert.deepEqual(found('--ignore', 'DL3006', '--ignore', 'DL3007'), []);
});

void test('SARIF and checkstyle', () => {
  const sarif = JSON.parse(run('--format', 'sarif', 'app/Dockerfile').stdout) as {
    version: string;
    runs: Array<{
      results: Array<{ ruleId: string; level: string }>;
      tool: { driver: { rules: unknown[] } };
    }>;
  };
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.runs[0].results[0].ruleId, 'expose-host-mapping');
  assert.equal(sarif.runs[0].results[0].level, 'error');
  assert.ok(sarif.runs[0].tool.driver.rules.length > 50);
  const xml = run('--format', 'checkstyle', 'app/Dockerfile').stdout;
  assert.match(
    xml,
    /<checkstyle version="4.3">[\s\S]*<error line="2" column="8" severity="error" message="`80:80`[^"]*" source="berth.expose-host-mapping"\/>/,
  );
});

void test('failure threshold from the flag and from .hadolint.yaml; --config ignores rules', () => {
  assert.equal(run('warn/Dockerfile').code, 1);
  assert.equal(run('--failure-threshold', 'error', 'warn/Dockerfile').code, 0);
  write('warn/.hadolint.yaml', 'failure-threshold: error\n');
  assert.equal(run('warn/Dockerfile').code, 0);
  const cfg = write('ignore.yaml', 'ignored: [DL3006]\n');
  const r = run('--config', cfg, '--format', 'json', 'warn/Dockerfile');
  assert.deepEqual(JSON.parse(r.stdout), []);
  write('bad.yaml', 'override: {loud: [DL3006]}\n');
  assert.equal(run('--config', path.join(cli.dir, 'bad.yaml'), 'warn/Dockerfile').code, 2);
});

void test("hadolint's flags: --ignore and --error/--warning/--info/--style by id or alias, over the config", () => {
  write('flags/Dockerfile', 'FROM nginx\nEXPOSE 80:80\nRUN wget https://example.com/x\n');
  const rules = (...args: string[]) => {
    const r = run('--format', 'json', ...args, 'flags/Dockerfile');
    assert.notEqual(r.code, 2, r.stderr);
    return (JSON.parse(r.stdout) as Array<{ rule: string; severity: string }>).map(
      (f) => `${f.rule} ${f.severity}`,
    );
  };
  const all = rules();
  assert.ok(all.includes('from-untagged warning'), all.join(', '));
  assert.ok(all.includes('expose-host-mapping error'), all.join(', '));
  assert.ok(all.includes('wget-progress-bar info'), all.join(', '));
  // An alias in any case, or the id; each flag may be repeated.
  const ignored = rules('--ignore', 'dl3006', '--ignore', 'expose-host-mapping');
  assert.ok(!ignored.some((f) => f.startsWith('from-untagged') || f.startsWith('expose-host-mapping')));
  assert.equal(ignored.length, all.length - 2);
  assert.ok(rules('--style', 'DL3006').includes('from-untagged hint'));
  assert.ok(rules('--error', 'from-untagged').includes('from-untagged error'));
  // The config's ignored rules and the flags add up; a flag's severity wins over the config's.
  write('flags/.hadolint.yaml', 'ignored: [ExposeInvalidFormat]\noverride:\n  info: [DL3006]\n');
  const layered = rules('--warning', 'DL3006', '--ignore', 'DL3047');
  assert.ok(layered.includes('from-untagged warning'), layered.join(', '));
  assert.ok(!layered.some((f) => f.startsWith('expose-host-mapping') || f.startsWith('wget-progress-bar')));
});

void test('a flag naming no rule of Berth’s is said on stderr and changes nothing, as hadolint takes any name', () => {
  write('names/Dockerfile', 'FROM nginx\n');
  const plain = run('--format', 'json', 'names/Dockerfile');
  const r = run(
    '--format',
    'json',
    '--ignore',
    'SC2086',
    '--error',
    'DL9999',
    '--ignore',
    'SC2086',
    'names/Dockerfile',
  );
  assert.equal(r.code, plain.code);
  assert.equal(r.stdout, plain.stdout);
  assert.equal(
    r.stderr,
    "berth-lint: --ignore SC2086 names no rule of Berth's, so it changes nothing (see --list-rules)\n" +
      "berth-lint: --error DL9999 names no rule of Berth's, so it changes nothing (see --list-rules)\n",
  );
  // A Compose rule's id is a rule too; finding it loads Compose's rules.
  const compose = allComposeIds()[0];
  assert.equal(run('--ignore', compose, 'names/Dockerfile').stderr, '');
  const bad = run('--ignore', '--format', 'names/Dockerfile');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^berth-lint: --ignore takes a rule id or alias/);
  assert.match(run('--ignore').stderr, /^berth-lint: --ignore needs a value/);
});

void test('trusted registries from --trusted-registry and .hadolint.yaml add up; without any the rule is silent', () => {
  write('registries/Dockerfile', 'FROM ghcr.io/acme/base:1 AS base\nFROM quay.io/acme/app:2\n');
  const flagged = (...args: string[]) => {
    const r = run('--format', 'json', ...args, 'registries/Dockerfile');
    assert.notEqual(r.code, 2, r.stderr);
    return (JSON.parse(r.stdout) as Array<{ rule: string; line: number; message: string }>)
      .filter((f) => f.rule === 'untrusted-registry')
      .map((f) => f.line);
  };
  assert.deepEqual(flagged(), []);
  assert.deepEqual(flagged('--trusted-registry', 'ghcr.io'), [2]);
  assert.deepEqual(flagged('--trusted-registry', 'ghcr.io', '--trusted-registry', '*.io'), []);
  write('registries/.hadolint.yaml', 'trustedRegistries: quay.io\n');
  assert.deepEqual(flagged(), [1]);
  assert.deepEqual(flagged('--trusted-registry', 'ghcr.io'), []);
  const message = JSON.parse(run('--format', 'json', 'registries/Dockerfile').stdout) as Array<{
    message: string;
  }>;
  assert.ok(
    message.some(
      (f) =>
        f.message ===
        '`ghcr.io/acme/base:1` comes from `ghcr.io`, which is not a trusted registry (quay.io).',
    ),
    JSON.stringify(message),
  );
  write('registries/.hadolint.yaml', 'trustedRegistries: {quay.io: yes}\n');
  const bad = run('registries/Dockerfile');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /trustedRegistries must be a registry or a list of them/);
  const flag = run('--trusted-registry', 'a b', 'registries/Dockerfile');
  assert.equal(flag.code, 2);
  assert.match(flag.stderr, /--trusted-registry takes a registry host/);
});

void test('--disable-ignore-pragma and disable-ignore-pragma: true bring back what # hadolint ignore= silenced', () => {
  write('pragma/Dockerfile', '# hadolint ignore=DL3006\nFROM nginx\n');
  const rules = (...args: string[]) =>
    (JSON.parse(run('--format', 'json', ...args, 'pragma/Dockerfile').stdout) as Array<{ rule: string }>).map(
      (f) => f.rule,
    );
  assert.ok(!rules().includes('from-untagged'));
  assert.ok(rules('--disable-ignore-pragma').includes('from-untagged'));
  write('pragma/.hadolint.yaml', 'disable-ignore-pragma: true\n');
  assert.ok(rules().includes('from-untagged'));
});

void test('--require-label, --strict-labels and label-schema in .hadolint.yaml: the label rules, layered as hadolint', () => {
  write('labels/Dockerfile', 'FROM alpine:3.20\nLABEL version="v1" extra="x"\nUSER nobody\n');
  const labels = (...args: string[]) => {
    const r = run('--format', 'json', ...args, 'labels/Dockerfile');
    assert.notEqual(r.code, 2, r.stderr);
    return (JSON.parse(r.stdout) as Array<{ rule: string; line: number }>)
      .filter((f) => f.rule.startsWith('label-'))
      .map((f) => `${f.rule}:${f.line}`);
  };
  // Without a schema the rules are silent.
  assert.deepEqual(labels(), []);
  assert.deepEqual(labels('--require-label', 'version:semver'), ['label-invalid-semver:2']);
  // A name alone is text, as in hadolint.
  assert.deepEqual(labels('--require-label=version:semver', '--require-label', 'author'), [
    'label-missing:1',
    'label-invalid-semver:2',
  ]);
  assert.deepEqual(labels('--strict-labels', '--require-label', 'version:text'), ['label-not-in-schema:2']);
  assert.deepEqual(labels('--strict-labels'), ['label-not-in-schema:2', 'label-not-in-schema:2']);

  write('labels/.hadolint.yaml', 'label-schema:\n  version: semver\nstrict-labels: true\n');
  assert.deepEqual(labels(), ['label-invalid-semver:2', 'label-not-in-schema:2']);
  // For a label both type, the config's type stays (hadolint joins the schemas left-biased); a
  // label only the flag names is added.
  assert.deepEqual(labels('--require-label', 'version:text'), [
    'label-invalid-semver:2',
    'label-not-in-schema:2',
  ]);
  assert.deepEqual(labels('--require-label', 'extra:email'), [
    'label-invalid-semver:2',
    'label-invalid-email:2',
  ]);

  const usage = (value: string, message: RegExp) => {
    const r = run('--require-label', value, 'labels/Dockerfile');
    assert.equal(r.code, 2);
    assert.match(r.stderr, message);
  };
  usage(
    'version:semvar',
    /--require-label takes <label>:<type>, e\.g\. version:semver; "version:semvar": the type "semvar" is not one of text, url, semver, hash, rfc3339, spdx, email/,
  );
  usage(':url', /":url" names no label/);
  write('labels/.hadolint.yaml', 'label-schema:\n  version: SemVer\n');
  const bad = run('labels/Dockerfile');
  assert.equal(bad.code, 2);
  assert.match(
    bad.stderr,
    /invalid config .*label-schema: label "version" has type "SemVer"; use one of text, url/,
  );
});

void test('--no-fail and no-fail: true exit 0 with findings; usage errors still exit 2', () => {
  write('nofail/Dockerfile', 'FROM nginx\nEXPOSE 80:80\n');
  assert.equal(run('nofail/Dockerfile').code, 1);
  const r = run('--no-fail', '--failure-threshold', 'info', 'nofail/Dockerfile');
  assert.equal(r.code, 0);
  assert.match(r.stdout, /expose-host-mapping/);
  assert.equal(run('--no-fail', '--format', 'xml', 'nofail/Dockerfile').code, 2);
  write('nofail/.hadolint.yaml', 'no-fail: true\n');
  assert.equal(run('nofail/Dockerfile').code, 0);
  write('nofail/.hadolint.yaml', 'no-fail: sometimes\n');
  const bad = run('nofail/Dockerfile');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /no-fail must be true or false/);
});

void test('usage errors exit 2 with a message; --help, --list-rules and --lang', () => {
  for (const args of [
    ['--bogus'],
    [],
    ['--format', 'xml', 'app'],
    ['missing/Dockerfile'],
    ['app/README.md', '--lang', 'fr'],
  ]) {
    const r = run(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^berth-lint: \S/);
  }
  assert.match(run('--help').stdout, /Usage: berth-lint/);
  const list = run('--list-rules', '--lang', 'zh-cn');
  assert.equal(list.code, 0);
  assert.match(list.stdout, /expose-host-mapping\s+error\s+expose\s+ExposeInvalidFormat\s+EXPOSE 写了/);
  assert.match(run('--lang', 'zh-cn', 'app/Dockerfile').stdout, /发布映射/);
});

void test('--max-instructions stops with a notice; 0 reads every instruction; bad values exit 2', () => {
  // The last stage's USER root is past the limit: read in full the file reports it.
  const lines = ['FROM alpine:3.20', ...Array.from({ length: 30 }, () => 'WORKDIR /app'), 'USER root'];
  write('big/Dockerfile', lines.join('\n') + '\n');
  const cut = run('--format', 'json', '--max-instructions', '10', 'big/Dockerfile');
  const cutRules = JSON.parse(cut.stdout) as Array<{ rule: string; line: number }>;
  assert.deepEqual(
    cutRules.filter((f) => f.rule === 'lint-limit').map((f) => f.line),
    [11],
  );
  assert.ok(!cutRules.some((f) => f.rule === 'last-user-root'));
  const all = run('--format', 'json', '--max-instructions', '0', 'big/Dockerfile');
  const allRules = (JSON.parse(all.stdout) as Array<{ rule: string }>).map((f) => f.rule);
  assert.ok(allRules.includes('last-user-root'));
  assert.ok(!allRules.includes('lint-limit'));
  const bad = run('--max-instructions', 'ten', 'big/Dockerfile');
  assert.equal(bad.code, 2);
  assert.match(
    bad.stderr,
    /--max-instructions must be a whole number \(0 reads every instruction\), not "ten"/,
  );
});

void test('a line over 65,535 bytes fails the file as BuildKit would, with the lines above it checked', () => {
  write('long/Dockerfile', `FROM alpine:3.20\nEXPOSE 80:80\nLABEL a=${'x'.repeat(70000)}\nEXPOSE 81:81\n`);
  const r = run('--format', 'json', 'long/Dockerfile');
  assert.equal(r.code, 1);
  const records = JSON.parse(r.stdout) as Array<{ rule: string; line: number; message: string }>;
  assert.deepEqual(
    records.map((f) => [f.rule, f.line]),
    [
      ['expose-host-mapping', 2],
      ['parse-error', 3],
    ],
  );
  assert.match(
    records[1].message,
    /^dockerfile line greater than max allowed size of 65535\. BuildKit refuses/,
  );
});

void test('--version prints the package version', () => {
  for (const flag of ['--version', '-v']) {
    const r = run(flag);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `berth-lint ${version}\n`);
  }
});

void test('--list-rules --format json is an array of {id, aliases, category, severity, title}', () => {
  const r = run('--list-rules', '--format', 'json');
  assert.equal(r.code, 0);
  const rules = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
  assert.ok(rules.length > 50);
  for (const rule of rules)
    assert.deepEqual(Object.keys(rule), ['id', 'aliases', 'category', 'severity', 'title']);
  const metaOf = (lang: 'en' | 'zh-cn') =>
    [...allRuleMeta, ...composeRuleMeta].map((m) => ({
      id: m.id,
      aliases: [...m.aliases],
      category: m.category,
      severity: m.severity,
      title: m.docs[lang].title,
    }));
  assert.deepEqual(rules, metaOf('en'));
  const zh: unknown = JSON.parse(run('--list-rules', '--format=json', '--lang', 'zh-cn').stdout);
  assert.deepEqual(zh, metaOf('zh-cn'));
  assert.match(JSON.stringify(zh), /EXPOSE 写了/);
  const sarif = run('--list-rules', '--format', 'sarif');
  assert.equal(sarif.code, 2);
  assert.match(sarif.stderr, /--list-rules prints text or json, not sarif/);
});

void test("hadolint's HADOLINT_* variables are the layer under .hadolint.yaml and the flags", () => {
  write('env/Dockerfile', 'FROM nginx\n');
  const withEnv = (env: Record<string, string>, ...args: string[]) =>
    cli.run(['--format', 'json', ...args, 'env/Dockerfile'], { env });
  const found = (env: Record<string, string>, ...args: string[]) =>
    (JSON.parse(withEnv(env, ...args).stdout) as Array<{ rule: string; severity: string }>).map(
      (f) => `${f.rule}:${f.severity}`,
    );
  assert.ok(found({}).includes('from-untagged:warning'));
  assert.ok(!found({ HADOLINT_IGNORE: 'DL4000, DL3006' }).some((f) => f.startsWith('from-untagged')));
  assert.ok(found({ HADOLINT_OVERRIDE_ERROR: 'DL3006' }).includes('from-untagged:error'));
  assert.ok(found({ HADOLINT_OVERRIDE_ERROR: 'DL3006' }, '--info', 'DL3006').includes('from-untagged:info'));
  assert.ok(
    found({ HADOLINT_TRUSTED_REGISTRIES: 'quay.io,ghcr.io' }).some((f) => f.startsWith('untrusted-registry')),
  );

  // Exit: HADOLINT_NOFAIL and HADOLINT_FAILURE_THRESHOLD, each under the config file's own value.
  const code = (env: Record<string, string>) => cli.run(['env/Dockerfile'], { env }).code;
  assert.equal(code({}), 1);
  assert.equal(code({ HADOLINT_NOFAIL: 'yes' }), 0);
  assert.equal(code({ HADOLINT_NOFAIL: '0' }), 1);
  assert.equal(code({ HADOLINT_FAILURE_THRESHOLD: 'error' }), 0);
  const badThreshold = cli.run(['env/Dockerfile'], { env: { HADOLINT_FAILURE_THRESHOLD: 'severe' } });
  assert.equal(badThreshold.code, 1);
  assert.match(
    badThreshold.stderr,
    /HADOLINT_FAILURE_THRESHOLD=severe is not one of error, warning, info, style, none/,
  );
  write('env/.hadolint.yaml', 'no-fail: false\noverride:\n  info: [DL3006]\n');
  assert.equal(code({ HADOLINT_NOFAIL: '1' }), 1);
  assert.ok(found({ HADOLINT_OVERRIDE_ERROR: 'DL3006' }).includes('from-untagged:info'));
  write('env/.hadolint.yaml', '');

  // Format: HADOLINT_FORMAT with hadolint's names, which --format wins over.
  const format = (value: string, ...args: string[]) =>
    cli.run([...args, 'env/Dockerfile'], { env: { HADOLINT_FORMAT: value } });
  assert.ok(Array.isArray(JSON.parse(format('json').stdout)));
  const gitlab = JSON.parse(format('gitlab_codeclimate').stdout) as Array<{ check_name: string }>;
  assert.ok(gitlab.some((issue) => issue.check_name === 'from-untagged'));
  assert.match(format('json', '--format', 'tty').stdout, /env\/Dockerfile:1:\d+ warning from-untagged/);
  const junk = format('fancy,json');
  assert.ok(Array.isArray(JSON.parse(junk.stdout)));
  assert.match(junk.stderr, /HADOLINT_FORMAT: berth-lint does not write fancy/);

  // Labels: HADOLINT_REQUIRE_LABELS drops an entry it cannot read, with a word; HADOLINT_STRICT_LABELS
  // is hadolint's yes/no. The environment's type for a label wins over the config file's and the
  // flag's (hadolint joins the schemas left-biased); strict-labels goes the other way.
  write('env/Dockerfile', 'FROM nginx:1.27\nLABEL version="v1" extra="x"\n');
  const labels = (env: Record<string, string>, ...args: string[]) =>
    found(env, ...args).filter((f) => f.startsWith('label-'));
  assert.deepEqual(labels({ HADOLINT_REQUIRE_LABELS: 'version:semver,author:email' }), [
    'label-missing:info',
    'label-invalid-semver:warning',
  ]);
  const dropped = withEnv({ HADOLINT_REQUIRE_LABELS: 'version:semver, author:e-mail,:url' });
  assert.match(
    dropped.stderr,
    /HADOLINT_REQUIRE_LABELS: "author:e-mail": the type "e-mail" is not one of text, url, semver, hash, rfc3339, spdx, email, so that entry is not used/,
  );
  assert.match(dropped.stderr, /HADOLINT_REQUIRE_LABELS: ":url" names no label/);
  assert.ok(JSON.parse(dropped.stdout));
  assert.deepEqual(labels({ HADOLINT_STRICT_LABELS: 'on' }), [
    'label-not-in-schema:info',
    'label-not-in-schema:info',
  ]);
  assert.deepEqual(labels({ HADOLINT_STRICT_LABELS: 'nope' }), []);
  assert.deepEqual(labels({ HADOLINT_STRICT_LABELS: 'false' }, '--strict-labels').length, 2);
  write('env/.hadolint.yaml', 'label-schema:\n  version: text\nstrict-labels: false\n');
  assert.deepEqual(labels({ HADOLINT_REQUIRE_LABELS: 'version:semver', HADOLINT_STRICT_LABELS: 'yes' }), [
    'label-invalid-semver:warning',
  ]);
  assert.deepEqual(labels({}, '--require-label', 'version:semver'), []);
  write('env/.hadolint.yaml', '');
  assert.doesNotMatch(withEnv({ HADOLINT_STRICT_LABELS: '1' }).stderr, /changes nothing/);
});

void test("without a .hadolint.yaml above the Dockerfile, the user's own is read, where hadolint looks", () => {
  write('userconf/Dockerfile', 'FROM nginx\n');
  const home = path.join(cli.dir, 'home');
  write('home/.config/hadolint.yaml', 'ignored: [DL3006]\n');
  const rules = (env: Record<string, string>) =>
    (
      JSON.parse(cli.run(['--format', 'json', 'userconf/Dockerfile'], { env }).stdout) as Array<{
        rule: string;
      }>
    ).map((f) => f.rule);
  assert.ok(rules({ HOME: path.join(cli.dir, 'elsewhere'), XDG_CONFIG_HOME: '' }).includes('from-untagged'));
  assert.ok(!rules({ HOME: home, XDG_CONFIG_HOME: '' }).includes('from-untagged'));
  write('userconf/.hadolint.yaml', 'ignored: []\n');
  assert.ok(rules({ HOME: home, XDG_CONFIG_HOME: '' }).includes('from-untagged'));
});
