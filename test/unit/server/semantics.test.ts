// Docker's scoping as the semantics module reads it: which declaration each `$VAR` reads, what
// value it has there, and which places name a stage.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDockerfile } from '../../../server/src/dockerfile/parser';
import { semanticsOf, type VariableUse } from '../../../server/src/dockerfile/semantics';
import { evaluateWord } from '../../../server/src/dockerfile/semantics/evaluate';

function analyse(text: string) {
  const file = parseDockerfile(text);
  return { file, semantics: semanticsOf(file), variables: semanticsOf(file).variables };
}

/** Each use as `line:NAME -> KIND@line | predefined NAME | none`. */
function resolved(uses: readonly VariableUse[]): string[] {
  return uses.map((u) => {
    const target = u.declaration
      ? `${u.declaration.kind}@${u.declaration.pair.keyRange.start.line}`
      : u.predefined
        ? `predefined ${u.predefined.name}`
        : 'none';
    return `${u.nameRange.start.line}:${u.name} -> ${target}`;
  });
}

void test('a global ARG is seen by FROM lines, and inside a stage only once redeclared', () => {
  const { variables } = analyse(
    [
      'ARG VERSION=3.20',
      'FROM alpine:$VERSION',
      'RUN echo $VERSION',
      'ARG VERSION',
      'RUN echo $VERSION',
    ].join('\n'),
  );
  assert.deepEqual(resolved(variables.uses), [
    '1:VERSION -> ARG@0',
    '2:VERSION -> none',
    '4:VERSION -> ARG@3',
  ]);
  const redeclared = variables.declarations[1];
  assert.equal(redeclared.inherits, variables.declarations[0], 'ARG VERSION takes the global default');
  assert.equal(variables.valueOf(redeclared), '3.20');
  assert.equal(variables.uses[2].value, '3.20');
});

void test("a stage's ARG is not the variable of the same name in the next stage", () => {
  const { variables } = analyse(
    [
      'FROM alpine',
      'ARG VERSION=1',
      'RUN echo $VERSION',
      'FROM alpine',
      'ARG VERSION=2',
      'RUN echo $VERSION',
    ].join('\n'),
  );
  assert.deepEqual(resolved(variables.uses), ['2:VERSION -> ARG@1', '5:VERSION -> ARG@4']);
  const first = variables.related(variables.declarations[0]);
  assert.deepEqual(
    first.uses.map((u) => u.nameRange.start.line),
    [2],
    'renaming the first ARG leaves the second stage alone',
  );
});

void test('a variable is visible from the instruction after its declaration, ENV over ARG', () => {
  const { variables } = analyse(
    ['FROM alpine', 'ENV A=1 B=$A', 'ARG C=x', 'ENV C=y', 'ARG C=z', 'RUN echo $A $B $C'].join('\n'),
  );
  assert.deepEqual(resolved(variables.uses), ['1:A -> none', '5:A -> ENV@1', '5:B -> ENV@1', '5:C -> ENV@3']);
  assert.deepEqual(
    variables.uses.map((u) => u.value),
    [undefined, '1', undefined, 'y'],
    'B read $A before ENV set it: empty in Docker, unknown here',
  );
});

void test('CMD and ENTRYPOINT run in the container: they read ENV, never ARG', () => {
  const { variables } = analyse(
    ['FROM alpine', 'ARG MODE=dev', 'ENV PORT=80', 'CMD serve --port $PORT --mode $MODE'].join('\n'),
  );
  assert.deepEqual(resolved(variables.uses), ['3:PORT -> ENV@2', '3:MODE -> none']);
});

void test('a stage built FROM another sees its ARG and ENV', () => {
  const { variables } = analyse(
    [
      'FROM alpine AS base',
      'ENV HOME_DIR=/srv',
      'FROM base',
      'WORKDIR $HOME_DIR',
      'FROM alpine',
      'WORKDIR $HOME_DIR',
    ].join('\n'),
  );
  assert.deepEqual(resolved(variables.uses), ['3:HOME_DIR -> ENV@1', '5:HOME_DIR -> none']);
});

void test('predefined variables: platform ARGs in FROM, proxies in RUN, PATH everywhere in a stage', () => {
  const { variables } = analyse(
    [
      'FROM --platform=$BUILDPLATFORM golang AS build',
      'RUN echo $TARGETARCH $HTTPS_PROXY $PATH',
      'COPY $HTTPS_PROXY /x',
      'ARG TARGETARCH',
      'RUN echo $TARGETARCH',
    ].join('\n'),
  );
  assert.deepEqual(resolved(variables.uses), [
    '0:BUILDPLATFORM -> predefined BUILDPLATFORM',
    '1:TARGETARCH -> none',
    '1:HTTPS_PROXY -> predefined HTTPS_PROXY',
    '1:PATH -> predefined PATH',
    '2:HTTPS_PROXY -> none',
    '4:TARGETARCH -> ARG@3',
  ]);
  const flagUse = variables.uses[0];
  assert.deepEqual(flagUse.nameRange, { start: { line: 0, character: 17 }, end: { line: 0, character: 30 } });
});

void test('uses inside heredocs are placed on their lines; a quoted COPY heredoc is not expanded', () => {
  const { variables } = analyse(
    [
      'FROM alpine',
      'ARG NAME=x',
      'RUN <<EOF',
      'echo one',
      '  echo $NAME',
      'EOF',
      "COPY <<'EOF' /a",
      '$NAME',
      'EOF',
    ].join('\n'),
  );
  assert.deepEqual(resolved(variables.uses), ['4:NAME -> ARG@1']);
  assert.deepEqual(variables.uses[0].nameRange, {
    start: { line: 4, character: 8 },
    end: { line: 4, character: 12 },
  });
});

void test('related: a global ARG, the stage ARGs that inherit it and their uses rename together', () => {
  const { variables } = analyse(
    ['ARG V=1', 'FROM alpine:$V', 'ARG V', 'RUN echo $V', 'FROM alpine', 'ARG V=2', 'RUN echo $V'].join('\n'),
  );
  const group = variables.related(variables.declarations[1]);
  assert.deepEqual(
    group.declarations.map((d) => d.pair.keyRange.start.line),
    [0, 2],
  );
  assert.deepEqual(
    group.uses.map((u) => u.nameRange.start.line),
    [1, 3],
  );
});

void test('values: quotes, escapes and the ${A:-b} family, and nothing when a part is unknown', () => {
  const values: Record<string, string> = { A: 'a', EMPTY: '' };
  const lookup = (name: string) => values[name];
  assert.equal(evaluateWord('"x y"', lookup), 'x y');
  assert.equal(evaluateWord("'$A'", lookup), '$A');
  assert.equal(evaluateWord('\\$A-$A', lookup), '$A-a');
  assert.equal(evaluateWord('${EMPTY:-d}/${A:+set}/${A-no}', lookup), 'd/set/a');
  assert.equal(evaluateWord('${MISSING}', lookup), undefined);
  assert.equal(evaluateWord('${A#a}', lookup), undefined);
  assert.equal(evaluateWord('`$A', lookup, '`'), '$A');
});

void test('stage references: FROM, COPY --from and RUN --mount from=, with exact ranges when plain', () => {
  const { semantics } = analyse(
    [
      'FROM alpine AS Build',
      'FROM build AS test',
      'COPY --from=BUILD /a /b',
      'COPY --from="build" /a /b',
      'RUN --mount=type=bind,from=build,target=/x true',
      'COPY --from=0 /a /b',
    ].join('\n'),
  );
  assert.deepEqual(
    semantics.stageReferences.map((r) => [r.kind, r.text, r.target?.index, r.range?.start.character]),
    [
      ['from', 'build', 0, 5],
      ['copy', 'BUILD', 0, 12],
      ['copy', 'build', 0, undefined],
      ['mount', 'build', 0, 27],
      ['copy', '0', 0, 12],
    ],
  );
});

void test('workdirs: a relative WORKDIR resolves against the one before, across inherited stages', () => {
  const { file, semantics } = analyse(
    [
      'FROM alpine AS a',
      'WORKDIR /srv',
      'WORKDIR app',
      'RUN pwd',
      'FROM a',
      'WORKDIR ../lib//x/',
      'RUN pwd',
    ].join('\n'),
  );
  const [, , , first, , , second] = file.instructions;
  assert.equal(semantics.workdirs.before(first), '/srv/app');
  assert.equal(semantics.workdirs.before(second), '/srv/app/../lib/x');
});

void test('visibleBefore: what a stage instruction can read; outside any stage, the global ARGs', () => {
  const { file, semantics } = analyse(['ARG G=1', 'FROM alpine', 'ARG G', 'ENV E=2', 'RUN true'].join('\n'));
  assert.deepEqual([...semantics.visibleBefore(file.instructions[4]).keys()], ['G', 'E']);
  assert.deepEqual([...semantics.visibleBefore(file.instructions[0]).keys()], ['G']);
});

void test('instructions before any FROM: a headless stage, its ARGs global only when a FROM follows', () => {
  const snippet = analyse('ARG NAME=x\nRUN echo $NAME\nCOPY --from=build a b\n');
  assert.deepEqual(snippet.semantics.globalArgs, []);
  assert.deepEqual(
    snippet.semantics.headless?.instructions.map((i) => i.name),
    ['ARG', 'RUN', 'COPY'],
  );
  assert.deepEqual(resolved(snippet.variables.uses), ['1:NAME -> ARG@0']);
  assert.deepEqual(
    snippet.semantics.stageReferences.map((r) => [r.kind, r.text, r.stage.index, r.target]),
    [['copy', 'build', -1, undefined]],
  );

  const built = analyse('ARG V=1\nWORKDIR /w\nFROM alpine:$V\nONBUILD RUN make\n');
  assert.deepEqual(
    built.semantics.globalArgs.map((i) => i.name),
    ['ARG'],
  );
  assert.deepEqual(
    built.semantics.allStages.map((s) => [s.index, s.from?.name]),
    [
      [-1, undefined],
      [0, 'FROM'],
    ],
  );
  assert.equal(built.semantics.workdirs.before(built.file.instructions[3]), '/');
  assert.deepEqual(
    built.semantics.withTriggers().map(([i, s]) => [i.name, s === built.semantics.triggers]),
    [
      ['WORKDIR', false],
      ['ONBUILD', false],
      ['RUN', true],
    ],
  );
});
