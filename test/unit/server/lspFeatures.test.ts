// The Dockerfile language features besides completion over LSP, the way an editor asks: the
// bundled server over stdio, a real document, and the answer checked as the editor would use it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import type {
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
import { LspSession } from './lspSession';
import { featureServer, twoStages } from './lspFixtures';

const server = featureServer();

void test('document symbols: one per stage with its instructions; global ARGs first', async () => {
  const uri = await server.lsp.open(twoStages);
  const symbols = await server.lsp.request<DocumentSymbol[]>('textDocument/documentSymbol', {
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
  const uri = await server.lsp.open(text);
  const ranges = await server.lsp.request<FoldingRange[]>('textDocument/foldingRange', {
    textDocument: { uri },
  });
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
  const uri = await server.lsp.open(text);
  const options = { tabSize: 4, insertSpaces: true };
  const apply = (edits: TextEdit[]) =>
    TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', 1, text), edits);
  const all = await server.lsp.request<TextEdit[]>('textDocument/formatting', {
    textDocument: { uri },
    options,
  });
  assert.equal(apply(all), 'FROM alpine\nRUN apt-get update && \\\n    apt-get install -y curl\n');
  const range = await server.lsp.request<TextEdit[]>('textDocument/rangeFormatting', {
    textDocument: { uri },
    options,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 11 } },
  });
  assert.equal(apply(range), 'FROM alpine\nrun   apt-get update && \\\napt-get install -y curl\n');
  const typed = 'FROM alpine\nRUN a \\\n\n';
  const typedUri = await server.lsp.open(typed);
  const onType = await server.lsp.request<TextEdit[]>('textDocument/onTypeFormatting', {
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
  const uri = await server.lsp.open(twoStages);
  const at = (line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });
  const definition = await server.lsp.request<Location[]>('textDocument/definition', at(9, 14));
  assert.deepEqual(
    definition.map((l) => l.range.start),
    [{ line: 1, character: 19 }],
  );
  // The stage-2 `$VERSION` reads stage 2's ARG, not stage 1's.
  const version = await server.lsp.request<Location[]>('textDocument/definition', at(10, 11));
  assert.deepEqual(
    version.map((l) => l.range.start.line),
    [8],
  );
  // A stage `ARG BASE` goes to itself and to the global ARG whose default it takes.
  const base = await server.lsp.request<Location[]>('textDocument/definition', at(2, 5));
  assert.deepEqual(
    base.map((l) => l.range.start.line),
    [2, 0],
  );
  const refs = await server.lsp.request<Location[]>('textDocument/references', {
    ...at(1, 20),
    context: { includeDeclaration: false },
  });
  assert.deepEqual(
    refs.map((l) => l.range.start.line),
    [7, 9],
  );
  const highlights = await server.lsp.request<Array<{ kind: number; range: { start: { line: number } } }>>(
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
  const uri = await server.lsp.open(twoStages);
  const at = (line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });
  const prepared = await server.lsp.request<{ placeholder: string }>('textDocument/prepareRename', at(9, 13));
  assert.equal(prepared.placeholder, 'build');
  const edit = await server.lsp.request<WorkspaceEdit>('textDocument/rename', {
    ...at(9, 13),
    newName: 'builder',
  });
  const renamed = TextDocument.applyEdits(
    TextDocument.create(uri, 'dockerfile', 1, twoStages),
    edit.changes?.[uri] ?? [],
  );
  assert.match(renamed, /AS builder\n/);
  assert.match(renamed, /FROM builder AS test/);
  assert.match(renamed, /--from=builder /);
  await assert.rejects(
    server.lsp.request('textDocument/rename', { ...at(9, 13), newName: '2fast' }),
    /BuildKit refuses the stage name `2fast`/,
  );
  await assert.rejects(
    server.lsp.request('textDocument/rename', { ...at(9, 13), newName: 'test' }),
    /already named `test`/,
  );
  await assert.rejects(server.lsp.request('textDocument/prepareRename', at(6, 2)), /Only stage names/);
  const predefined = await server.lsp.open('FROM --platform=$BUILDPLATFORM alpine\n');
  await assert.rejects(
    server.lsp.request('textDocument/prepareRename', {
      textDocument: { uri: predefined },
      position: { line: 0, character: 20 },
    }),
    /`BUILDPLATFORM` is set by BuildKit/,
  );
  // Renaming the global ARG renames the stage ARG that takes its default, and their uses.
  const global = await server.lsp.request<WorkspaceEdit>('textDocument/rename', {
    ...at(0, 5),
    newName: 'IMAGE',
  });
  assert.deepEqual((global.changes?.[uri] ?? []).map((e) => e.range.start.line).sort(), [0, 1, 2]);
});

void test('rename refusals come in the client language', async () => {
  const zh = await LspSession.start(server.serverJs, { locale: 'zh-cn' });
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
    const uri = await server.lsp.open(text, pathToFileURL(path.join(dir, 'Dockerfile')).href);
    const links = await server.lsp.request<DocumentLink[]>('textDocument/documentLink', {
      textDocument: { uri },
    });
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
  const uri = await server.lsp.open('FROM a\nCOPY --from=b src /dest\nCMD ["node", "app.js"]\n');
  const copy = await server.lsp.request<SignatureHelp>('textDocument/signatureHelp', {
    textDocument: { uri },
    position: { line: 1, character: 22 },
  });
  assert.equal(copy.activeSignature, 0);
  assert.equal(copy.signatures[0].parameters?.[copy.activeParameter ?? 0].label, '<dest>');
  const cmd = await server.lsp.request<SignatureHelp>('textDocument/signatureHelp', {
    textDocument: { uri },
    position: { line: 2, character: 15 },
  });
  assert.equal(cmd.signatures[cmd.activeSignature ?? 0].label, 'CMD ["<executable>", "<param>", …]');
  assert.equal(cmd.activeParameter, 1);
});

void test('inlay hints: variable values and absolute WORKDIRs; each can be turned off', async () => {
  const range = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };
  const uri = await server.lsp.open(twoStages);
  const hints = await server.lsp.request<InlayHint[]>('textDocument/inlayHint', {
    textDocument: { uri },
    range,
  });
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
  const quiet = await LspSession.start(server.serverJs, {
    inlayHintSettings: { variables: false, workdir: true },
  });
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
  const uri = await server.lsp.open('ARG V=1\nFROM a AS build\nCOPY --from=build $V /x\n');
  const tokens = await server.lsp.request<SemanticTokens>('textDocument/semanticTokens/full', {
    textDocument: { uri },
  });
  const legend = server.lsp.initializeResult?.capabilities.semanticTokensProvider?.legend;
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
  const uri = await server.lsp.open(twoStages);
  const hover = async (line: number, character: number): Promise<string> =>
    JSON.stringify(
      await server.lsp.request('textDocument/hover', {
        textDocument: { uri },
        position: { line, character },
      }),
    );
  assert.match(await hover(10, 11), /ARG VERSION.*line 9.*2\.0/);
  assert.match(await hover(6, 6), /--mount=type=<bind\|cache\|tmpfs\|secret\|ssh>/);
});

void test('hover: a rule name in a suppression comment says what it silences, or that it silences nothing', async () => {
  const source = [
    '# check=skip=JSONArgsRecommended,NoSuchCheck,DL3006',
    '# hadolint ignore=DL3006, SC2086',
    'FROM nginx',
    'RUN <<EOF',
    '# hadolint ignore=DL3006',
    'EOF',
    '',
  ].join('\n');
  const uri = await server.lsp.open(source);
  const hover = (line: number, character: number) =>
    server.lsp.request<{ contents: { value: string }; range: unknown } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line, character },
    });
  const checkName = await hover(0, 16);
  assert.match(checkName?.contents.value ?? '', /\(`shell-form-cmd` · Also known as `JSONArgsRecommended`/);
  assert.deepEqual(checkName?.range, { start: { line: 0, character: 13 }, end: { line: 0, character: 32 } });
  assert.match((await hover(0, 36))?.contents.value ?? '', /`NoSuchCheck` names no check Berth runs/);
  assert.match(
    (await hover(0, 47))?.contents.value ?? '',
    /\(`from-untagged`[\s\S]*`# check=skip=` skips only rules that carry a BuildKit check's name/,
  );
  const ignored = await hover(1, 20);
  assert.match(ignored?.contents.value ?? '', /\(`from-untagged` · Also known as `DL3006`, `DL3007`\)/);
  assert.doesNotMatch(ignored?.contents.value ?? '', /check=skip/);
  assert.match((await hover(1, 28))?.contents.value ?? '', /`SC2086` names no rule of Berth's/);
  // In a heredoc the line is the script's, not a comment of the Dockerfile's.
  assert.doesNotMatch(JSON.stringify(await hover(4, 20)), /from-untagged/);
});
