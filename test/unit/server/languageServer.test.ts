// Every Dockerfile language feature over LSP, the way an editor asks: the bundled server over
// stdio, a real document, and the answer checked as the editor would use it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type {
  CompletionItem,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  InlayHint,
  Location,
  SemanticTokens,
  SignatureHelp,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { EngineImagesRequest } from '../../../common/engineImages';
import { bundle } from './bundle';
import { LspSession } from './lspSession';

let serverJs: string;
let lsp: LspSession;
const engineImages: EngineImagesRequest.Image[] = [
  { repository: 'berth-only-here/app', tag: '1.2', created: 1_700_000_000, size: 5_000_000 },
  { repository: 'alpine', tag: '3.20', created: 1_700_000_000, size: 8_000_000 },
];

before(async () => {
  serverJs = await bundle('server');
  lsp = await LspSession.start(serverJs, {
    capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } },
    engineImages: true,
    handlers: { 'berth/engineImages': () => ({ images: engineImages }) },
  });
});

after(() => lsp?.dispose());

const twoStages = [
  'ARG BASE=alpine', //                                     0
  'FROM $BASE:3.20 AS build', //                            1
  'ARG BASE', //                                            2
  'ARG VERSION=1.0', //                                     3
  'ENV APP=/srv/app', //                                    4
  'WORKDIR src', //                                         5
  'RUN --mount=type=cache,target=/root/.cache echo $VERSION', // 6
  'FROM build AS test', //                                  7
  'ARG VERSION=2.0', //                                     8
  'COPY --from=build /out /out', //                         9
  'RUN echo $VERSION $APP', //                               10
  '',
].join('\n');

async function completion(text: string, line: number, character: number): Promise<CompletionItem[]> {
  const uri = await lsp.open(text);
  return lsp.request<CompletionItem[]>('textDocument/completion', {
    textDocument: { uri },
    position: { line, character },
  });
}

const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);

void test('initialize declares every language feature', () => {
  const declared = Object.keys(lsp.initializeResult?.capabilities ?? {}).sort();
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
  // A client that lists no images, and one whose listing fails: no image items, nothing else lost.
  const failing = await LspSession.start(serverJs, {
    engineImages: true,
    handlers: {
      'berth/engineImages': () => {
        throw new Error('no engine');
      },
    },
  });
  const plain = await LspSession.start(serverJs);
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

void test('document symbols: one per stage with its instructions; global ARGs first', async () => {
  const uri = await lsp.open(twoStages);
  const symbols = await lsp.request<DocumentSymbol[]>('textDocument/documentSymbol', {
    textDocument: { uri },
  });
  assert.deepEqual(
    symbols.map((s) => [s.name, s.detail, s.children?.map((c) => c.name)]),
    [
      ['ARG', 'BASE=alpine', ['BASE']],
      ['build', 'FROM $BASE:3.20', ['FROM', 'ARG', 'ARG', 'ENV', 'WORKDIR', 'RUN']],
      ['test', 'FROM build (stage)', ['FROM', 'ARG', 'COPY', 'RUN']],
    ],
  );
  assert.deepEqual(symbols[1].range, { start: { line: 1, character: 0 }, end: { line: 6, character: 56 } });
});

void test('folding: stages, continuation lines, heredocs and comment blocks', async () => {
  const text = [
    '# one', //          0
    '# two', //          1
    'FROM alpine', //    2
    'RUN a \\', //        3
    '    b', //          4
    'COPY <<EOF /x', //  5
    'body', //           6
    'EOF', //            7
    'FROM alpine', //    8
    'RUN c', //          9
  ].join('\n');
  const uri = await lsp.open(text);
  const ranges = await lsp.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
  assert.deepEqual(
    ranges.map((r) => [r.startLine, r.endLine, r.kind ?? '']),
    [
      [0, 1, 'comment'],
      [2, 7, ''],
      [3, 4, ''],
      [5, 7, ''],
      [8, 9, ''],
    ],
  );
});

void test('formatting: document, range and on type', async () => {
  const text = 'from alpine\nrun   apt-get update && \\\napt-get install -y curl\n';
  const uri = await lsp.open(text);
  const options = { tabSize: 4, insertSpaces: true };
  const apply = (edits: TextEdit[]) =>
    TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', 1, text), edits);
  const all = await lsp.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options });
  assert.equal(apply(all), 'FROM alpine\nRUN apt-get update && \\\n    apt-get install -y curl\n');
  const range = await lsp.request<TextEdit[]>('textDocument/rangeFormatting', {
    textDocument: { uri },
    options,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 11 } },
  });
  assert.equal(apply(range), 'FROM alpine\nrun   apt-get update && \\\napt-get install -y curl\n');
  const typed = 'FROM alpine\nRUN a \\\n\n';
  const typedUri = await lsp.open(typed);
  const onType = await lsp.request<TextEdit[]>('textDocument/onTypeFormatting', {
    textDocument: { uri: typedUri },
    options,
    position: { line: 2, character: 0 },
    ch: '\n',
  });
  assert.deepEqual(onType, [
    { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '    ' },
  ]);
});

void test('definition, references and highlights follow stages and ARG/ENV scoping', async () => {
  const uri = await lsp.open(twoStages);
  const at = (line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });
  const definition = await lsp.request<Location[]>('textDocument/definition', at(9, 14));
  assert.deepEqual(
    definition.map((l) => l.range.start),
    [{ line: 1, character: 19 }],
  );
  // The stage-2 `$VERSION` reads stage 2's ARG, not stage 1's.
  const version = await lsp.request<Location[]>('textDocument/definition', at(10, 11));
  assert.deepEqual(
    version.map((l) => l.range.start.line),
    [8],
  );
  // A stage `ARG BASE` goes to itself and to the global ARG whose default it takes.
  const base = await lsp.request<Location[]>('textDocument/definition', at(2, 5));
  assert.deepEqual(
    base.map((l) => l.range.start.line),
    [2, 0],
  );
  const refs = await lsp.request<Location[]>('textDocument/references', {
    ...at(1, 20),
    context: { includeDeclaration: false },
  });
  assert.deepEqual(
    refs.map((l) => l.range.start.line),
    [7, 9],
  );
  const highlights = await lsp.request<Array<{ kind: number; range: { start: { line: number } } }>>(
    'textDocument/documentHighlight',
    at(3, 5),
  );
  assert.deepEqual(
    highlights.map((h) => [h.range.start.line, h.kind]),
    [
      [3, 3],
      [6, 2],
    ],
  );
});

void test('rename: a stage everywhere; refusals say why', async () => {
  const uri = await lsp.open(twoStages);
  const at = (line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });
  const prepared = await lsp.request<{ placeholder: string }>('textDocument/prepareRename', at(9, 13));
  assert.equal(prepared.placeholder, 'build');
  const edit = await lsp.request<WorkspaceEdit>('textDocument/rename', { ...at(9, 13), newName: 'builder' });
  const renamed = TextDocument.applyEdits(
    TextDocument.create(uri, 'dockerfile', 1, twoStages),
    edit.changes?.[uri] ?? [],
  );
  assert.match(renamed, /AS builder\n/);
  assert.match(renamed, /FROM builder AS test/);
  assert.match(renamed, /--from=builder /);
  await assert.rejects(
    lsp.request('textDocument/rename', { ...at(9, 13), newName: '2fast' }),
    /BuildKit refuses the stage name `2fast`/,
  );
  await assert.rejects(
    lsp.request('textDocument/rename', { ...at(9, 13), newName: 'test' }),
    /already named `test`/,
  );
  await assert.rejects(lsp.request('textDocument/prepareRename', at(6, 2)), /Only stage names/);
  const predefined = await lsp.open('FROM --platform=$BUILDPLATFORM alpine\n');
  await assert.rejects(
    lsp.request('textDocument/prepareRename', {
      textDocument: { uri: predefined },
      position: { line: 0, character: 20 },
    }),
    /`BUILDPLATFORM` is set by BuildKit/,
  );
  // Renaming the global ARG renames the stage ARG that takes its default, and their uses.
  const global = await lsp.request<WorkspaceEdit>('textDocument/rename', { ...at(0, 5), newName: 'IMAGE' });
  assert.deepEqual((global.changes?.[uri] ?? []).map((e) => e.range.start.line).sort(), [0, 1, 2]);
});

void test('rename refusals come in the client language', async () => {
  const zh = await LspSession.start(serverJs, { locale: 'zh-cn' });
  try {
    const uri = await zh.open('FROM alpine AS a\n');
    await assert.rejects(
      zh.request('textDocument/rename', {
        textDocument: { uri },
        position: { line: 0, character: 15 },
        newName: 'a b',
      }),
      /BuildKit 不接受阶段名/,
    );
  } finally {
    zh.dispose();
  }
});

void test('document links: base images to their registry, sources to the files in the build context', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-links-'));
  try {
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    const text = 'FROM node:22\nFROM ghcr.io/org/tool:1 AS tool\nCOPY package.json missing.txt /app/\n';
    const uri = await lsp.open(text, pathToFileURL(path.join(dir, 'Dockerfile')).href);
    const links = await lsp.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(
      links.map((l) => [l.range.start.line, l.range.start.character, l.range.end.character, l.target]),
      [
        [0, 5, 9, 'https://hub.docker.com/_/node'],
        [1, 5, 21, 'https://ghcr.io/org/tool'],
        [2, 5, 17, pathToFileURL(path.join(dir, 'package.json')).href],
      ],
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

void test('signature help: the form written and the part the cursor is in', async () => {
  const uri = await lsp.open('FROM a\nCOPY --from=b src /dest\nCMD ["node", "app.js"]\n');
  const copy = await lsp.request<SignatureHelp>('textDocument/signatureHelp', {
    textDocument: { uri },
    position: { line: 1, character: 22 },
  });
  assert.equal(copy.activeSignature, 0);
  assert.equal(copy.signatures[0].parameters?.[copy.activeParameter ?? 0].label, '<dest>');
  const cmd = await lsp.request<SignatureHelp>('textDocument/signatureHelp', {
    textDocument: { uri },
    position: { line: 2, character: 15 },
  });
  assert.equal(cmd.signatures[cmd.activeSignature ?? 0].label, 'CMD ["<executable>", "<param>", …]');
  assert.equal(cmd.activeParameter, 1);
});

void test('inlay hints: variable values and absolute WORKDIRs; each can be turned off', async () => {
  const range = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };
  const uri = await lsp.open(twoStages);
  const hints = await lsp.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range });
  assert.deepEqual(
    hints.map((h) => [h.position.line, h.label]),
    [
      [1, '= alpine'],
      [5, '→ /src'],
      [6, '= 1.0'],
      [10, '= 2.0'],
      [10, '= /srv/app'],
    ],
  );
  const quiet = await LspSession.start(serverJs, { inlayHintSettings: { variables: false, workdir: true } });
  try {
    const quietUri = await quiet.open(twoStages);
    // The settings arrive right after initialized: wait for the first lint, which follows them.
    await quiet.waitFor(quietUri, () => true);
    const only = await quiet.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri: quietUri },
      range,
    });
    assert.deepEqual(
      only.map((h) => h.label),
      ['→ /src'],
    );
  } finally {
    quiet.dispose();
  }
});

void test('semantic tokens: variables, stage names and flags', async () => {
  const uri = await lsp.open('ARG V=1\nFROM a AS build\nCOPY --from=build $V /x\n');
  const tokens = await lsp.request<SemanticTokens>('textDocument/semanticTokens/full', {
    textDocument: { uri },
  });
  const legend = lsp.initializeResult?.capabilities.semanticTokensProvider?.legend;
  assert.ok(legend);
  const decoded: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dl, dc, length, type, modifiers] = tokens.data.slice(i, i + 5);
    line += dl;
    character = dl === 0 ? character + dc : dc;
    const mods = legend.tokenModifiers.filter((_, bit) => modifiers & (1 << bit));
    decoded.push(
      `${line}:${character}+${length} ${legend.tokenTypes[type]}${mods.map((m) => `.${m}`).join('')}`,
    );
  }
  assert.deepEqual(decoded, [
    '0:4+1 variable.declaration',
    '1:10+5 namespace.declaration',
    '2:5+6 parameter',
    '2:12+5 namespace',
    '2:19+1 variable',
  ]);
});

void test('hover: a variable shows its declaration and its value there, a flag what it does', async () => {
  const uri = await lsp.open(twoStages);
  const hover = async (line: number, character: number): Promise<string> =>
    JSON.stringify(
      await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line, character } }),
    );
  assert.match(await hover(10, 11), /ARG VERSION.*line 9.*2\.0/);
  assert.match(await hover(6, 6), /--mount=type=<bind\|cache\|tmpfs\|secret\|ssh>/);
});
