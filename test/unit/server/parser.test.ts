import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { dumpDockerfile, parseDockerfile } from '../../../server/src/dockerfile/parser';

void test('ranges survive line continuations and comments inside them', () => {
  const file = parseDockerfile('FROM alpine\nRUN apk add \\\n# a comment\n\n    curl \\\n    git\n');
  const run = file.instructions[1];
  assert.equal(run.argsText, 'apk add     curl     git');
  assert.deepEqual(run.keywordRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
  assert.deepEqual(run.range.end, { line: 5, character: 7 });
  const git = run.args.find((a) => a.value === 'git');
  assert.deepEqual(git?.range, { start: { line: 5, character: 4 }, end: { line: 5, character: 7 } });
  assert.equal(file.comments.length, 1);
});

void test('flags keep their ranges and values', () => {
  const file = parseDockerfile('FROM a AS b\nCOPY --from=b --chown=1:1 x /y\n');
  const copy = file.instructions[1];
  assert.deepEqual(
    copy.flags.map((f) => [f.name, f.value, f.range.start.character, f.range.end.character]),
    [
      ['from', 'b', 5, 13],
      ['chown', '1:1', 14, 25],
    ],
  );
  assert.deepEqual(
    copy.args.map((a) => a.value),
    ['x', '/y'],
  );
});

void test('heredocs: several per line, <<- and quoted delimiters', () => {
  const src = 'FROM a\nRUN <<EOF cat <<-"END"\necho $HOME\nEOF\n\tliteral\n\tEND\nCMD x\n';
  const file = parseDockerfile(src);
  assert.equal(file.errors.length, 0);
  const run = file.instructions[1];
  assert.deepEqual(
    run.heredocs.map((h) => [h.name, h.chomp, h.expand, h.content]),
    [
      ['EOF', false, true, 'echo $HOME\n'],
      ['END', true, false, '\tliteral\n'],
    ],
  );
  assert.equal(run.fullRange.end.line, 5);
  assert.equal(file.instructions[2].name, 'CMD');
});

void test('an unterminated heredoc is an error, not a hang', () => {
  const file = parseDockerfile('FROM a\nRUN <<EOF\necho hi\n');
  assert.match(file.errors[0].message, /unterminated heredoc/);
});

void test('the escape directive switches to backtick and directives stop at the first other line', () => {
  const file = parseDockerfile('# escape=`\n# syntax=docker/dockerfile:1\nFROM a\nRUN dir `\n  c:\\\n');
  assert.equal(file.escapeToken, '`');
  assert.deepEqual(
    file.directives.map((d) => d.name),
    ['escape', 'syntax'],
  );
  assert.equal(dumpDockerfile(file), '(from "a")\n(run "dir   c:\\\\")\n');
  const late = parseDockerfile('FROM a\n# escape=`\nRUN x\n');
  assert.equal(late.escapeToken, '\\');
});

void test('ENV legacy and key=value forms, and exec form detection', () => {
  const file = parseDockerfile('FROM a\nENV A 1 2\nENV B=1 C="x y"\nCMD ["a", "b"]\nCMD [\'a\']\n');
  assert.deepEqual(
    file.instructions[1].pairs.map((p) => [p.key, p.value, p.legacy]),
    [['A', '1 2', true]],
  );
  assert.deepEqual(
    file.instructions[2].pairs.map((p) => [p.key, p.value]),
    [
      ['B', '1'],
      ['C', '"x y"'],
    ],
  );
  assert.deepEqual(file.instructions[3].json, ['a', 'b']);
  assert.equal(file.instructions[4].json, undefined);
  assert.ok(file.instructions[4].jsonError);
});
