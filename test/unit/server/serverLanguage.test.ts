// berth.lint.language over LSP: switching it changes the language of what the running server
// publishes and answers (diagnostics, hovers, quick fixes), without a restart; `auto` follows the
// display language the client gave at initialize.
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CodeAction, Diagnostic, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { defaultLintSettings, type LintLanguageSetting } from '../../../common/protocol';
import { bundle } from './bundle';
import { LspSession } from './lspSession';

let serverJs: string;
const sessions: LspSession[] = [];
const source = 'FROM alpine:3.20\nEXPOSE 80:80\n';
const english = /^`80:80` is a publish mapping/;
const chinese = /EXPOSE 只写容器端口/;

before(async () => {
  serverJs = await bundle('server');
});

after(() => sessions.forEach((s) => s.dispose()));

async function start(locale: string, language: LintLanguageSetting): Promise<LspSession> {
  const lsp = await LspSession.start(serverJs, {
    locale,
    lintSettings: { ...defaultLintSettings, language },
  });
  sessions.push(lsp);
  return lsp;
}

const mappingOf = (p: PublishDiagnosticsParams): Diagnostic | undefined =>
  p.diagnostics.find((d) => d.code === 'expose-host-mapping');

/** The next publication for `uri` whose mapping diagnostic reads like `message`. */
async function publishedIn(lsp: LspSession, uri: string, message: RegExp): Promise<Diagnostic> {
  const pub = await lsp.waitFor(
    uri,
    (p) => {
      const d = mappingOf(p);
      return d !== undefined && message.test(typeof d.message === 'string' ? d.message : d.message.value);
    },
    60_000,
  );
  return mappingOf(pub.params) as Diagnostic;
}

async function answers(lsp: LspSession, uri: string, diag: Diagnostic): Promise<string> {
  const onKeyword = (await lsp.hover(uri, { line: 1, character: 2 })) as Hover;
  const onPort = (await lsp.hover(uri, { line: 1, character: 9 })) as Hover;
  const actions = await lsp.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diag.range,
    context: { diagnostics: [diag] },
  });
  return [
    JSON.stringify(onKeyword.contents),
    JSON.stringify(onPort.contents),
    ...actions.map((a) => a.title),
  ].join('\n');
}

void test('an English VS Code: switching berth.lint.language to zh-cn and back, no restart', async () => {
  const lsp = await start('en', 'auto');
  const uri = await lsp.open(source);
  const first = await publishedIn(lsp, uri, english);
  const inEnglish = await answers(lsp, uri, first);
  assert.match(inEnglish, /only documents/);
  assert.match(inEnglish, /EXPOSE with a `host:container`/);
  assert.match(inEnglish, /Keep only 80/);
  assert.match(inEnglish, /Ignore expose-host-mapping on this line/);

  await lsp.changeLintSettings({ ...defaultLintSettings, language: 'zh-cn' });
  const zh = await publishedIn(lsp, uri, chinese);
  const inChinese = await answers(lsp, uri, zh);
  assert.match(inChinese, /只是说明/);
  assert.match(inChinese, /EXPOSE 写了/);
  assert.match(inChinese, /只保留 80/);
  assert.match(inChinese, /在这一行忽略 expose-host-mapping/);
  assert.doesNotMatch(inChinese, /only documents|Keep only|Ignore expose/);

  await lsp.changeLintSettings({ ...defaultLintSettings, language: 'auto' });
  const back = await publishedIn(lsp, uri, english);
  assert.match(await answers(lsp, uri, back), /Keep only 80/);
  // One document version throughout: the text never changed, only the language.
  assert.deepEqual([...new Set(lsp.publishedVersions(uri))], [1]);
});

void test('a Chinese VS Code: auto speaks Chinese, en speaks English', async () => {
  const lsp = await start('zh-cn', 'auto');
  const uri = await lsp.open(source);
  await publishedIn(lsp, uri, chinese);
  await lsp.changeLintSettings({ ...defaultLintSettings, language: 'en' });
  const diag = await publishedIn(lsp, uri, english);
  assert.match(await answers(lsp, uri, diag), /only documents/);
});
