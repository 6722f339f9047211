// Completion over LSP, the way an editor asks: the bundled server over stdio, a real document,
// and the list checked as the editor would show it; and what the server declares.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-protocol';
import { LspSession } from './lspSession';
import { featureServer, twoStages } from './lspFixtures';

const server = featureServer();

async function completion(text: string, line: number, character: number): Promise<CompletionItem[]> {
  const uri = await server.lsp.open(text);
  return server.lsp.request<CompletionItem[]>('textDocument/completion', {
    textDocument: { uri },
    position: { line, character },
  });
}

const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);

void test('initialize declares every language feature', () => {
  const declared = Object.keys(server.lsp.initializeResult?.capabilities ?? {}).sort();
  for (const capability of [
    'completionProvider',
    'definitionProvider',
    'documentFormattingProvider',
    'documentHighlightProvider',
    'documentLinkProvider',
    'documentOnTypeFormattingProvider',
    'documentRangeFormattingProvider',
    'documentSymbolProvider',
    'foldingRangeProvider',
    'inlayHintProvider',
    'referencesProvider',
    'renameProvider',
    'semanticTokensProvider',
    'signatureHelpProvider',
  ])
    assert.ok(declared.includes(capability), `${capability} in ${declared.join(', ')}`);
});

void test('completion: instructions with snippets on an empty line, no FROM after ONBUILD', async () => {
  const items = await completion('FROM alpine\n\n', 1, 0);
  const from = items.filter((i) => i.label === 'FROM');
  assert.deepEqual(
    from.map((i) => (i.textEdit as TextEdit).newText),
    ['FROM ${1:image}:${2:tag}', 'FROM ${1:image}:${2:tag} AS ${3:name}'],
  );
  assert.equal(from[0].insertTextFormat, 2);
  const onbuild = labels(await completion('FROM alpine\nONBUILD \n', 1, 8));
  assert.ok(onbuild.includes('RUN') && !onbuild.includes('FROM') && !onbuild.includes('ONBUILD'));
});

void test('completion: COPY --from= offers the earlier stages, by name or index, never itself', async () => {
  const text = 'FROM alpine AS build\nFROM alpine\nFROM alpine AS final\nCOPY --from= /a /b\n';
  const items = await completion(text, 3, 12);
  assert.deepEqual(labels(items), ['build', '1']);
  assert.deepEqual((items[0].textEdit as TextEdit).range, {
    start: { line: 3, character: 12 },
    end: { line: 3, character: 12 },
  });
});

void test('completion: flags of each instruction, and their values', async () => {
  assert.deepEqual(labels(await completion('FROM a\nCOPY --\n', 1, 7)), [
    '--from=',
    '--chown=',
    '--chmod=',
    '--link',
    '--parents',
    '--exclude=',
  ]);
  assert.deepEqual(labels(await completion('FROM a\nRUN --network=\n', 1, 14)), ['default', 'none', 'host']);
  assert.deepEqual(labels(await completion('FROM a\nRUN --mount=type=\n', 1, 17)), [
    'bind',
    'cache',
    'tmpfs',
    'secret',
    'ssh',
  ]);
  const cacheOptions = labels(await completion('FROM a\nRUN --mount=type=cache,\n', 1, 23));
  assert.ok(
    cacheOptions.includes('target=') && cacheOptions.includes('sharing=') && !cacheOptions.includes('type='),
  );
  assert.deepEqual(labels(await completion('FROM a\nRUN --mount=type=cache,sharing=\n', 1, 31)), [
    'shared',
    'private',
    'locked',
  ]);
  const platform = labels(await completion('FROM --platform= alpine\n', 0, 16));
  assert.ok(platform.includes('$BUILDPLATFORM') && platform.includes('linux/arm64'));
  assert.ok(labels(await completion('FROM a\nADD --\n', 1, 6)).includes('--checksum='));
  assert.ok(labels(await completion('FROM a\nHEALTHCHECK --\n', 1, 14)).includes('--start-period='));
});

void test('completion: variables by Docker scoping, predefined ones where they are visible', async () => {
  // Stage 2 redeclares VERSION and inherits APP from `build`; it never sees stage 1's ARG alone.
  const inStage = await completion(twoStages.replace('RUN echo $VERSION $APP', 'RUN echo $'), 10, 10);
  const version = inStage.find((i) => i.label === 'VERSION');
  assert.equal(version?.detail, '= 2.0');
  assert.equal(inStage.find((i) => i.label === 'APP')?.detail, '= /srv/app');
  assert.ok(labels(inStage).includes('HTTP_PROXY'), 'RUN sees the proxy ARGs');
  assert.ok(!labels(inStage).includes('TARGETPLATFORM'), 'a stage does not see an undeclared platform ARG');
  const fromLine = labels(await completion('ARG TAG=1\nFROM alpine:${\n', 1, 14));
  assert.ok(fromLine.includes('TAG') && fromLine.includes('TARGETPLATFORM') && !fromLine.includes('PATH'));
  const braced = await completion('ARG TAG=1\nFROM alpine:${T\n', 1, 15);
  assert.equal((braced.find((i) => i.label === 'TAG')?.textEdit as TextEdit).newText, 'TAG}');
  const cmd = labels(await completion('FROM a\nARG A=1\nENV E=2\nCMD echo $\n', 3, 10));
  assert.ok(cmd.includes('E') && !cmd.includes('A'), 'CMD runs in the container: ENV only');
});

void test('completion: parser directives, check names and rule ids in comments', async () => {
  assert.deepEqual(labels(await completion('# \nFROM a\n', 0, 2)).slice(0, 3), [
    'syntax=',
    'escape=',
    'check=',
  ]);
  const checks = labels(await completion('# check=skip=JSONArgsRecommended,\nFROM a\n', 0, 34));
  assert.ok(checks.includes('UndefinedVar') && !checks.includes('JSONArgsRecommended'));
  const ids = labels(await completion('FROM a\n# hadolint ignore=DL3008,\nRUN x\n', 1, 26));
  assert.ok(ids.includes('undefined-variable') && ids.includes('DL3022') && !ids.includes('DL3008'));
  assert.deepEqual(labels(await completion('FROM a\n# just a note\n', 1, 13)), []);
});

void test('completion: FROM offers the earlier stages and the images on the engine, then their tags', async () => {
  const items = labels(await completion('FROM alpine AS base\nFROM \n', 1, 5));
  assert.ok(items.includes('base') && items.includes('berth-only-here/app:1.2') && items.includes('scratch'));
  assert.deepEqual(labels(await completion('FROM alpine:\n', 0, 12)), ['3.20']);
  const details = new Map((await completion('FROM \n', 0, 5)).map((item) => [item.label, item.detail ?? '']));
  assert.match(details.get('berth-shared/app:2') ?? '', / · local, ci box$/);
  assert.doesNotMatch(details.get('alpine:3.20') ?? '', /local/);
  // A client that lists no images, and one whose listing fails: no image items, nothing else lost.
  const failing = await LspSession.start(server.serverJs, {
    engineImages: true,
    handlers: {
      'berth/engineImages': () => {
        throw new Error('no engine');
      },
    },
  });
  const plain = await LspSession.start(server.serverJs);
  try {
    for (const session of [failing, plain]) {
      const uri = await session.open('FROM alpine AS base\nFROM \n');
      const got = await session.request<CompletionItem[]>('textDocument/completion', {
        textDocument: { uri },
        position: { line: 1, character: 5 },
      });
      assert.deepEqual(labels(got).sort(), ['--platform=', 'base', 'scratch']);
    }
  } finally {
    failing.dispose();
    plain.dispose();
  }
});
