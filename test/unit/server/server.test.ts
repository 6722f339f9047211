import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test, type TestContext } from 'node:test';
import type { CodeAction, Diagnostic, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { bundle } from './bundle';
import { LspSession } from './lspSession';

let lsp: LspSession;

/** Resolves once a publish for `uri` satisfies `ok` (no sleeps: woken on every publish). */
async function diagnosticsFor(
  uri: string,
  ok: (p: PublishDiagnosticsParams) => boolean,
): Promise<PublishDiagnosticsParams> {
  return (await lsp.waitFor(uri, ok, Infinity)).params;
}

/** A Dockerfile on disk with a .hadolint.yaml beside it, opened in the server. */
async function openOnDisk(t: TestContext, config: string, text: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-config-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, '.hadolint.yaml'), config);
  const file = path.join(dir, 'Dockerfile');
  fs.writeFileSync(file, text);
  return lsp.open(text, pathToFileURL(file).href);
}

before(async () => {
  lsp = await LspSession.start(await bundle('server'), { locale: 'zh-cn' });
});

after(() => lsp?.dispose());

void test('diagnostics arrive with the rule id, in the client locale, and a quick fix applies', async () => {
  const uri = await lsp.open('FROM alpine:3.20\nEXPOSE 80:80\n');
  const pub = await diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.code === 'expose-host-mapping'));
  const diag = pub.diagnostics.find((d) => d.code === 'expose-host-mapping') as Diagnostic;
  assert.equal(diag.source, 'berth');
  assert.match(typeof diag.message === 'string' ? diag.message : diag.message.value, /EXPOSE 只写容器端口/);
  const actions = await lsp.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diag.range,
    context: { diagnostics: [diag] },
  });
  const fix = actions.find((a) => a.isPreferred);
  assert.deepEqual(fix?.edit?.changes?.[uri], [{ range: diag.range, newText: '80' }]);
  assert.ok(
    actions.some(
      (a) =>
        a.title.includes('这一行忽略') &&
        a.edit?.changes?.[uri]?.[0].newText === '# hadolint ignore=expose-host-mapping\n',
    ),
  );
  assert.ok(
    actions.some(
      (a) => a.edit?.changes?.[uri]?.[0].newText === '# hadolint global ignore=expose-host-mapping\n',
    ),
  );
  const ready = lsp.serverReady;
  assert.ok(ready && ready.ruleCount > 50 && /^\d+\.\d+\.\d+/.test(ready.version));
});

void test('trustedRegistries in the .hadolint.yaml beside a Dockerfile: an image from elsewhere is an error', async (t) => {
  const uri = await openOnDisk(
    t,
    'trustedRegistries:\n  - registry.example.com\n',
    'FROM registry.example.com/base:1 AS base\nFROM ghcr.io/acme/app:2\nCOPY --from=base /a /a\n',
  );
  const pub = await diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.code === 'untrusted-registry'));
  const found = pub.diagnostics.filter((d) => d.code === 'untrusted-registry');
  assert.deepEqual(
    found.map((d) => [d.range.start.line, d.severity]),
    [[1, 1]],
  );
  const message = found[0].message;
  assert.match(
    typeof message === 'string' ? message : message.value,
    /`ghcr.io\/acme\/app:2` 来自 `ghcr.io`/,
  );
});

void test('label-schema and strict-labels in the .hadolint.yaml beside a Dockerfile: the label rules report', async (t) => {
  const uri = await openOnDisk(
    t,
    'label-schema:\n  org.opencontainers.image.version: semver\n  maintainer: email\nstrict-labels: true\n',
    'FROM alpine:3.20\nLABEL org.opencontainers.image.version="v1.0" extra="x"\nUSER nobody\n',
  );
  const pub = await diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.code === 'label-invalid-semver'));
  const found = pub.diagnostics.filter((d) => String(d.code).startsWith('label-'));
  assert.deepEqual(
    found.map((d) => [d.code, d.range.start.line, d.severity]),
    [
      ['label-missing', 0, 3],
      ['label-invalid-semver', 1, 2],
      ['label-not-in-schema', 1, 3],
    ],
  );
  const message = found[1].message;
  assert.match(
    typeof message === 'string' ? message : message.value,
    /标签 `org.opencontainers.image.version` 不是语义化版本号/,
  );
});

void test('with disable-ignore-pragma in .hadolint.yaml, quick fixes offer no ignore comment, which would silence nothing', async (t) => {
  const uri = await openOnDisk(
    t,
    'disable-ignore-pragma: true\n',
    '# hadolint ignore=expose-host-mapping\nFROM alpine:3.20\nEXPOSE 80:80\n',
  );
  const pub = await diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.code === 'expose-host-mapping'));
  const diag = pub.diagnostics.find((d) => d.code === 'expose-host-mapping') as Diagnostic;
  const actions = await lsp.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diag.range,
    context: { diagnostics: [diag] },
  });
  assert.deepEqual(
    actions.map((a) => a.edit?.changes?.[uri]?.[0].newText),
    ['80'],
  );
});

void test('incremental edits re-lint and the last state wins', async () => {
  const uri = await lsp.open('FROM alpine:3.20\nEXPOSE 80\n');
  await diagnosticsFor(uri, (p) => p.version === 1);
  // Versions 2 to 6, each sent as one incremental change.
  for (let v = 2; v <= 6; v++) {
    await lsp.change(uri, {
      range: { start: { line: 1, character: 7 }, end: { line: 1, character: 9 } },
      text: v % 2 ? '80' : '80:80',
    });
  }
  const last = await diagnosticsFor(uri, (p) => p.version === 6);
  assert.ok(last.diagnostics.some((d) => d.code === 'expose-host-mapping'));
  const versions = lsp.publishedVersions(uri);
  assert.deepEqual(
    versions,
    [...versions].sort((a, b) => a - b),
    'an older version is never published after a newer one',
  );
});

void test('hover explains instructions and diagnostics', async () => {
  const uri = await lsp.open('FROM alpine:3.20\nEXPOSE 80:80\n');
  await diagnosticsFor(uri, () => true);
  const onKeyword = (await lsp.hover(uri, { line: 1, character: 2 })) as Hover;
  assert.match(JSON.stringify(onKeyword.contents), /只是说明/);
  const onPort = (await lsp.hover(uri, { line: 1, character: 9 })) as Hover;
  assert.match(JSON.stringify(onPort.contents), /expose-host-mapping/);
  const suppressing = await lsp.open('# hadolint ignore=DL3006,SC2086\nFROM nginx\n');
  const onCode = (await lsp.hover(suppressing, { line: 0, character: 20 })) as Hover;
  assert.match(JSON.stringify(onCode.contents), /from-untagged/);
  const onShellCheck = (await lsp.hover(suppressing, { line: 0, character: 27 })) as Hover;
  assert.match(JSON.stringify(onShellCheck.contents), /`SC2086` 不是 Berth 的规则名/);
});

void test('no crash on a 1 MB file, binary junk or an unterminated heredoc; latency on 200 lines', async (t) => {
  const big = 'FROM alpine:3.20\n' + 'RUN echo hello world && apk add --no-cache curl\n'.repeat(21000);
  const junk = Array.from({ length: 200000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
  for (const text of [big, junk, 'FROM a:1\nRUN <<EOF\necho never ends\n']) {
    const uri = await lsp.open(text);
    await diagnosticsFor(uri, () => true);
  }
  const lines = ['FROM node:22', 'WORKDIR /app'];
  for (let i = 0; lines.length < 200; i++)
    lines.push(
      i % 3 ? `RUN echo step ${i} && apt-get update && apt-get install -y pkg${i}` : `ENV VAR_${i}=${i}`,
    );
  const uri = await lsp.open(lines.join('\n') + '\n');
  await diagnosticsFor(uri, () => true);
  const start = performance.now();
  const { version } = await lsp.change(uri, {
    range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
    text: 'EXPOSE 80:80\n',
  });
  await diagnosticsFor(uri, (p) => p.version === version);
  t.diagnostic(`200-line file: diagnostics ${(performance.now() - start).toFixed(1)} ms after the keystroke`);
});

void test('a line longer than BuildKit reads is one error there, in the client locale, and nothing past it', async () => {
  const text = `FROM alpine:3.20\nRUN true\nLABEL a=${'x'.repeat(70000)}\nRUN apt-get install curl\nUSER root\n`;
  const uri = await lsp.open(text);
  const { diagnostics } = await diagnosticsFor(uri, () => true);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.end.character]),
    [['parse-error', 1, 2, 70008]],
  );
  assert.match(
    diagnostics[0].message as string,
    /^dockerfile line greater than max allowed size of 65535。BuildKit 拒绝构建.*续行符（\\）/,
  );
});

void test('berth.lint.maxInstructions from the client settings cuts the lint with a notice', async () => {
  // The client answers the settings request late, as a busy editor does: the file, opened at
  // once, must still be linted only under the settings, never first under the defaults.
  const limited = await LspSession.start(await bundle('server'), {
    lintSettings: { enable: true, disabledRules: [], severity: {}, maxInstructions: 5 },
    configurationDelayMs: 300,
  });
  try {
    const text = ['FROM alpine:3.20', ...Array.from({ length: 9 }, () => 'RUN cd /tmp'), ''].join('\n');
    const uri = await limited.open(text);
    const { params } = await limited.waitFor(uri, () => true);
    const notice = params.diagnostics.find((d) => d.code === 'lint-limit');
    assert.equal(notice?.range.start.line, 5);
    assert.match(notice?.message as string, /checked the first 5 instructions and stopped here, at line 6/);
    // Only the four RUNs before the limit are checked.
    assert.equal(params.diagnostics.filter((d) => d.code === 'run-cd-no-effect').length, 4);
  } finally {
    limited.dispose();
  }
});

void test('a .hadolint.yaml changed on disk lints the open Dockerfiles again, as the client reports it', async (t) => {
  const uri = await openOnDisk(t, 'ignored: []\n', 'FROM nginx\n');
  const configFile = path.join(path.dirname(new URL(uri).pathname), '.hadolint.yaml');
  const untagged = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === 'from-untagged');
  await diagnosticsFor(uri, untagged);
  const changed = async (type: 1 | 2 | 3) => {
    const from = lsp.mark(uri);
    await lsp.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(configFile).href, type }],
    });
    return from;
  };
  fs.writeFileSync(configFile, 'ignored: [DL3006]\n');
  let from = await changed(2);
  await lsp.waitFor(uri, (p) => !untagged(p), Infinity, from);
  fs.rmSync(configFile);
  from = await changed(3);
  await lsp.waitFor(uri, untagged, Infinity, from);
});

void test('the server asks the client to watch config files and .dockerignores, and the user config folders', async () => {
  interface Registration {
    method: string;
    registerOptions: { watchers: Array<{ globPattern: unknown }> };
  }
  let registered: (watchers: Array<{ globPattern: unknown }>) => void = () => undefined;
  const watchersRegistered = new Promise<Array<{ globPattern: unknown }>>(
    (resolve) => (registered = resolve),
  );
  const watching = await LspSession.start(await bundle('server'), {
    capabilities: {
      workspace: { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } },
    },
    handlers: {
      'client/registerCapability': (params) => {
        for (const one of (params as { registrations: Registration[] }).registrations)
          if (one.method === 'workspace/didChangeWatchedFiles') registered(one.registerOptions.watchers);
        return null;
      },
    },
  });
  try {
    const patterns = (await watchersRegistered).map((w) => JSON.stringify(w.globPattern));
    assert.ok(patterns.includes('"**/.hadolint.{yaml,yml}"'), patterns.join(' '));
    assert.ok(patterns.includes('"**/{.dockerignore,*.dockerignore}"'), patterns.join(' '));
    assert.ok(
      patterns.some((p) => p.includes(pathToFileURL(os.homedir()).href) && p.includes('.hadolint.yaml')),
      patterns.join(' '),
    );
  } finally {
    watching.dispose();
  }
});
