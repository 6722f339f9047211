import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDockerfile } from '../../../server/src/dockerfile/parser';
import { lint } from '../../../server/src/dockerfile/lint/lint';

// BuildKit's parser reads lines with a bufio.Scanner of 64 KiB and fails the whole file at a
// line of more than 65,535 bytes ("dockerfile line greater than max allowed size of 65535").
const buildKitMessage = 'dockerfile line greater than max allowed size of 65535';

void test('a line of 65,535 bytes is read; one byte more stops the parse at that line', () => {
  const fits = parseDockerfile(`FROM a\nLABEL a=${'x'.repeat(65535 - 'LABEL a='.length)}\nRUN b\n`);
  assert.equal(fits.overlongLine, undefined);
  assert.deepEqual(fits.errors, []);
  assert.equal(fits.instructions.length, 3);

  const over = parseDockerfile(`FROM a\nRUN b\nLABEL a=${'x'.repeat(65536 - 'LABEL a='.length)}\nRUN c\n`);
  assert.equal(over.overlongLine, 2);
  assert.deepEqual(
    over.instructions.map((i) => i.name),
    ['FROM', 'RUN'],
  );
  assert.deepEqual(
    over.errors.map((e) => [e.message, e.range]),
    [[buildKitMessage, { start: { line: 2, character: 0 }, end: { line: 2, character: 65536 } }]],
  );
  // The size is in UTF-8 bytes, as BuildKit reads the file, and a trailing CR counts.
  assert.equal(
    parseDockerfile(`FROM a\nLABEL a=${'x'.repeat(65535 - 'LABEL a='.length)}\r\n`).overlongLine,
    1,
  );
});

void test('the limit counts UTF-8 bytes: two for é, four for an emoji', () => {
  const label = (text: string): string => `FROM a\n# ${text}\n`;
  // With "# " (two bytes): 32,766 é make 65,534 bytes, 32,768 make 65,538.
  assert.equal(parseDockerfile(label('é'.repeat(32766))).overlongLine, undefined);
  assert.equal(parseDockerfile(label('é'.repeat(32768))).overlongLine, 1);
  // 16,383 emoji (32,766 UTF-16 units) make 65,534 bytes, 16,384 make 65,538.
  assert.equal(parseDockerfile(label('😀'.repeat(16383))).overlongLine, undefined);
  assert.equal(parseDockerfile(label('😀'.repeat(16384))).overlongLine, 1);
});

void test('a file with CR-only line ends is one line to BuildKit, refused when over the limit', () => {
  const source = 'FROM a:1\r' + 'RUN apt-get install -y curl\r'.repeat(3000);
  const file = parseDockerfile(source);
  assert.equal(file.overlongLine, 0);
  assert.deepEqual(file.instructions, []);
  // The line's own error replaces "file with no instructions".
  assert.deepEqual(
    file.errors.map((e) => e.message),
    [buildKitMessage],
  );
});

void test('the lint reports the overlong line with its fix, and claims nothing about the unread rest', () => {
  const longLine = `RUN echo ${'x'.repeat(70000)}`;
  const findings = lint(`FROM alpine:3.19\nUSER root\nRUN <<EOF\necho\n${longLine}\nEOF\n`);
  assert.deepEqual(
    findings.map((f) => [f.rule.id, f.severity, f.range.start.line]),
    [['parse-error', 'error', 4]],
  );
  const [error] = findings;
  assert.ok(error.message.en.startsWith(`${buildKitMessage}. BuildKit refuses to build`));
  assert.match(error.message.en, /Split this line with line continuations \(\\\)/);
  assert.match(error.message.en, /save the file with LF line ends/);
  assert.ok(error.message['zh-cn'].startsWith(`${buildKitMessage}。BuildKit 拒绝构建`));
  // Without the overlong line, the heredoc runs to EOF and the final stage runs as root.
  const whole = lint('FROM alpine:3.19\nUSER root\nRUN <<EOF\necho\n');
  assert.deepEqual(
    whole.map((f) => f.rule.id),
    ['last-user-root', 'parse-error'],
  );
  // The escape directive's token is the one the fix names.
  const backtick = lint(`# escape=\`\nFROM a:1\n${longLine}\n`);
  assert.deepEqual(
    backtick.map((f) => f.rule.id),
    ['parse-error'],
  );
  assert.match(backtick[0].message.en, /line continuations \(`\)/);
});
