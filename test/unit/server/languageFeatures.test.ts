// The pure logic behind each language feature, called directly on a parsed document.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { cursorContext } from '../../../server/src/dockerfile/language/completion/cursor';
import { DockerfileDocument } from '../../../server/src/dockerfile/language/document';
import { foldingRanges } from '../../../server/src/dockerfile/language/folding';
import { hoverDetails } from '../../../server/src/dockerfile/language/hoverDetails';
import { inlayHints } from '../../../server/src/dockerfile/language/inlayHints';
import { documentLinks, registryPage } from '../../../server/src/dockerfile/language/links';
import { definition, highlights } from '../../../server/src/dockerfile/language/navigation';
import { prepareRename, rename } from '../../../server/src/dockerfile/language/rename';
import { semanticTokens } from '../../../server/src/dockerfile/language/semanticTokens';
import { signatureHelp } from '../../../server/src/dockerfile/language/signatures';
import { documentSymbols } from '../../../server/src/dockerfile/language/symbols';

const doc = (text: string) => new DockerfileDocument('file:///ctx/Dockerfile', text);
const everything = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

void test('cursor: a continuation line belongs to its instruction, a blank line after one too', () => {
  const d = doc('FROM a\nRUN --mount=type=cache \\\n  echo $\nRUN a \\\n\n');
  const inArgs = cursorContext(d, { line: 2, character: 8 });
  assert.equal(inArgs.kind, 'arguments');
  if (inArgs.kind === 'arguments') {
    assert.equal(inArgs.ins.name, 'RUN');
    assert.equal(inArgs.word, '$');
    assert.deepEqual(inArgs.words, ['--mount=type=cache', 'echo']);
    assert.equal(inArgs.argIndex, 1);
  }
  assert.equal(cursorContext(d, { line: 4, character: 0 }).kind, 'arguments');
  assert.equal(cursorContext(doc('FROM a\n\n'), { line: 1, character: 0 }).kind, 'keyword');
  assert.equal(cursorContext(doc('FROM a\nRUN <<EOF\nx\nEOF\n'), { line: 2, character: 1 }).kind, 'heredoc');
});

void test('registry pages: official and user images on Docker Hub, other registries on their host', () => {
  assert.equal(registryPage('nginx:1.27')?.url, 'https://hub.docker.com/_/nginx');
  assert.equal(registryPage('library/nginx')?.url, 'https://hub.docker.com/_/nginx');
  assert.equal(registryPage('bitnami/redis@sha256:abc')?.url, 'https://hub.docker.com/r/bitnami/redis');
  assert.equal(registryPage('docker.io/bitnami/redis:7')?.url, 'https://hub.docker.com/r/bitnami/redis');
  assert.equal(
    registryPage('quay.io/prometheus/node-exporter:v1')?.url,
    'https://quay.io/repository/prometheus/node-exporter',
  );
  assert.equal(
    registryPage('mcr.microsoft.com/dotnet/sdk:8.0')?.url,
    'https://mcr.microsoft.com/artifact/mar/dotnet/sdk',
  );
  assert.equal(registryPage('localhost:5000/app:1')?.url, 'https://localhost:5000/app');
  assert.equal(registryPage('localhost:5000/app:1')?.length, 'localhost:5000/app'.length);
  assert.equal(registryPage('$BASE'), undefined);
  assert.equal(registryPage('scratch'), undefined);
});

void test('links: only sources that are files inside the build context, never stages or URLs', () => {
  const files = new Set(['/ctx/app.py', '/ctx/sub/x.txt', '/secret']);
  const context = { dir: '/ctx', isFile: (f: string) => files.has(f) };
  const d = doc(
    'FROM python:3 AS base\nFROM base\nCOPY app.py "sub/x.txt" ../secret https://x.io/f /dst/\nCOPY --from=base app.py /x\nADD ["app.py", "/y"]\n',
  );
  assert.deepEqual(
    documentLinks(d, context, 'en').map((l) => [l.range.start.line, l.range.start.character, l.target]),
    [
      [0, 5, 'https://hub.docker.com/_/python'],
      [2, 5, 'file:///ctx/app.py'],
      [2, 13, 'file:///ctx/sub/x.txt'],
      [4, 6, 'file:///ctx/app.py'],
    ],
  );
});

void test('folding: whole lines when the client asks, and no more ranges than its limit', () => {
  const d = doc('# a\n# b\nFROM a\nRUN x \\\n  y\n');
  const lines = foldingRanges(d, { lineFoldingOnly: true, rangeLimit: 2 });
  assert.deepEqual(lines, [
    { startLine: 0, endLine: 1, kind: 'comment' },
    { startLine: 2, endLine: 4 },
  ]);
});

void test('symbols: an unnamed stage is named by its index; MAINTAINER is marked deprecated', () => {
  const symbols = documentSymbols(doc('FROM a\nMAINTAINER me\nFROM a AS b\n'));
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['stage 0', 'b'],
  );
  assert.deepEqual(symbols[0].children?.[1].tags, [1]);
});

void test('symbols: the ARGs of a file without FROM are listed as global ARGs are', () => {
  assert.deepEqual(
    documentSymbols(doc('ARG A=1\nRUN echo\n')).map((s) => s.name),
    documentSymbols(doc('ARG A=1\nFROM a\n'))
      .map((s) => s.name)
      .slice(0, 1),
  );
  assert.equal(documentSymbols(doc('ARG A=1\nRUN echo\n')).length, 1);
});

void test('definition and highlights of a heredoc delimiter: its opener and its terminator', () => {
  const d = doc('FROM a\nRUN <<-"END"\n\techo\n\tEND\n');
  assert.deepEqual(
    definition(d, { line: 3, character: 2 }).map((l) => l.range),
    [{ start: { line: 1, character: 8 }, end: { line: 1, character: 11 } }],
  );
  assert.deepEqual(
    highlights(d, { line: 1, character: 9 }).map((h) => [h.range.start.line, h.range.start.character]),
    [
      [1, 8],
      [3, 1],
    ],
  );
});

void test('rename: variables within their scope; names that would merge two variables are refused', () => {
  const text = 'FROM a\nARG A=1\nARG B=2\nRUN echo $A $B\nFROM a\nARG A=3\n';
  const d = doc(text);
  assert.deepEqual(prepareRename(d, { line: 3, character: 11 }, 'en'), {
    range: { start: { line: 3, character: 10 }, end: { line: 3, character: 11 } },
    placeholder: 'A',
  });
  const edits = rename(d, { line: 1, character: 4 }, 'VERSION', 'en');
  assert.ok(Array.isArray(edits));
  assert.deepEqual(
    edits.map((e) => e.range.start.line),
    [1, 3],
  );
  assert.match(
    JSON.stringify(rename(d, { line: 1, character: 4 }, 'B', 'en')),
    /already declared \(line 3\)/,
  );
  assert.match(JSON.stringify(rename(d, { line: 1, character: 4 }, '1X', 'en')), /not a variable name/);
  assert.match(JSON.stringify(prepareRename(d, { line: 0, character: 5 }, 'zh-cn')), /只能重命名/);
});

void test('signature help inside --mount= shows the options of that mount type', () => {
  const d = doc('FROM a\nRUN --mount=type=secret,id=npm,\n');
  const help = signatureHelp(d, { line: 1, character: 31 }, 'en');
  assert.match(help?.signatures[0].label ?? '', /^--mount=type=secret,target=<target>,id=<id>/);
});

void test('inlay hints: a WORKDIR with a known variable, `..` resolved; nothing for an absolute one', () => {
  const d = doc('FROM a\nARG APP=/srv/app\nWORKDIR $APP\nWORKDIR ../lib\nWORKDIR /abs\n');
  const hints = inlayHints(d, everything, { variables: false, workdir: true }, 'en');
  assert.deepEqual(
    hints.map((h) => [h.position.line, h.label]),
    [
      [2, '→ /srv/app'],
      [3, '→ /srv/lib'],
    ],
  );
});

void test('semantic tokens never overlap, flags inside ONBUILD included', () => {
  const tokens = semanticTokens(doc('FROM a AS b\nONBUILD COPY --from=b x /y\n')).data;
  assert.deepEqual(tokens, [0, 10, 1, 1, 1, 1, 13, 6, 2, 0]);
});

void test('hover details: a flag, a variable with its value, an undeclared one', () => {
  const d = doc('FROM a\nARG V=1\nRUN --network=none echo $V $HOME\n');
  assert.match(
    hoverDetails(d.file, { line: 2, character: 6 }, 'en') ?? '',
    /--network=<default\|none\|host>/,
  );
  assert.match(hoverDetails(d.file, { line: 2, character: 25 }, 'en') ?? '', /ARG V.*line 2[\s\S]*`1`/);
  assert.match(hoverDetails(d.file, { line: 2, character: 29 }, 'zh-cn') ?? '', /没有在本 Dockerfile 中声明/);
});
