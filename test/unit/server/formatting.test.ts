// Formatting: what it fixes, what it leaves alone, and the proof that it never changes what
// BuildKit builds, over every real Dockerfile of the corpus and every BuildKit parser vector.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormattingOptions, TextEdit } from 'vscode-languageserver/node';
import { DockerfileDocument } from '../../../server/src/dockerfile/language/document';
import { Formatter } from '../../../server/src/dockerfile/language/formatting';
import {
  dumpDockerfile,
  parseDockerfile,
  type Dockerfile,
  type Instruction,
} from '../../../server/src/dockerfile/parser';
import { dumpInstruction } from '../../../server/src/dockerfile/parser/dump';
import type { Script } from '../../../server/src/dockerfile/lint/shellTypes';
import { parseShell } from '../../../server/src/dockerfile/lint/shell';
import { corpusDir } from './sharedCorpus';

const spaces: FormattingOptions = { tabSize: 4, insertSpaces: true };

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///Dockerfile', 'dockerfile', 1, text), edits);
}

function format(text: string, options = spaces): string {
  return apply(text, new Formatter(new DockerfileDocument('file:///Dockerfile', text), options).format());
}

/**
 * The words a shell makes of a script: white space outside quotes separates them and its amount
 * does not matter; quotes and escapes are kept as written.
 */
function shellWords(script: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote = '';
  let inWord = false;
  for (let i = 0; i < script.length; i++) {
    const ch = script[i];
    if (quote === '' && /\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    word += ch;
    if (ch === '\\' && quote !== "'" && i + 1 < script.length) word += script[++i];
    else if (quote === '' && (ch === '"' || ch === "'")) quote = ch;
    else if (ch === quote) quote = '';
  }
  if (inWord) words.push(word);
  return words;
}

/** The same script as the linter's shell reader sees it: each simple command's words and operator. */
function shellCommands(ins: Instruction, script: string): unknown {
  const context = { ins, text: script, commands: [], locate: () => ins.range } as Script;
  return parseShell(script, context).map((c) => [c.words.map((w) => w.value), c.operator]);
}

const shellForm = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL']);

/**
 * What BuildKit builds from an instruction: its parsed form (the BuildKit dump), except that a
 * shell-form command is compared as the words its shell reads, and FROM's `AS` in any case (BuildKit
 * compares it with strings.EqualFold).
 */
function meaningOf(ins: Instruction): unknown {
  const heredocs = ins.heredocs.map((h) => [h.name, h.chomp, h.expand, h.content]);
  const flags = ins.flags.map((f) => [f.name, f.value]);
  if (ins.sub) return [ins.name, meaningOf(ins.sub)];
  if (shellForm.has(ins.name) && ins.json === undefined)
    return [ins.name, flags, shellWords(ins.argsText), shellCommands(ins, ins.argsText), heredocs];
  if (ins.name === 'HEALTHCHECK' && ins.json === undefined && ins.args.length > 1)
    return [ins.name, flags, ins.args[0].value, shellWords(ins.args[1].value)];
  if (ins.name === 'FROM')
    return [ins.name, flags, ins.args.map((a, i) => (i === 1 ? a.value.toLowerCase() : a.value))];
  return [dumpInstruction(ins), heredocs];
}

function meaning(file: Dockerfile): unknown {
  return {
    escape: file.escapeToken,
    directives: file.directives.map((d) => [d.name, d.value]),
    errors: file.errors.map((e) => e.message),
    instructions: file.instructions.map(meaningOf),
  };
}

void test('Format Document fixes a badly indented RUN \\ block', () => {
  const before = [
    'from alpine:3.20   as   build',
    '  run    apt-get update && \\',
    'apt-get install -y curl \\   ',
    '          && rm -rf /var/lib/apt/lists/*   ',
    '',
  ].join('\n');
  assert.equal(
    format(before),
    [
      'FROM alpine:3.20   AS   build',
      'RUN apt-get update && \\',
      '    apt-get install -y curl \\',
      '    && rm -rf /var/lib/apt/lists/*',
      '',
    ].join('\n'),
  );
});

void test('comments, blank lines and ONBUILD; tabs when the editor indents with tabs', () => {
  const before = '   # a comment  \n  \nonbuild   run echo \\\n  hi\n';
  assert.equal(
    format(before, { tabSize: 2, insertSpaces: false }),
    '# a comment\n\nONBUILD RUN echo \\\n\thi\n',
  );
});

void test('heredoc bodies and their terminators are never touched', () => {
  const before = 'FROM alpine\nrun <<-EOF   \n\t  indented   \n  \nEOF\n  copy <<EOF /x\n   text  \nEOF\n';
  assert.equal(
    format(before),
    'FROM alpine\nRUN <<-EOF\n\t  indented   \n  \nEOF\nCOPY <<EOF /x\n   text  \nEOF\n',
  );
});

void test('a continuation line stays where re-indenting would join or split words, or change a quoted string', () => {
  const cases = [
    // No white space at the join: `install` and `curl` are one word.
    'FROM a\nRUN apt-get install\\\ncurl\n',
    // Inside double quotes the indentation is part of the string.
    'FROM a\nRUN echo "one \\\n      two"\n',
    // The legacy ENV form keeps its value as written.
    'FROM a\nENV MESSAGE hello \\\n      world\n',
    // WORKDIR takes its argument as one string.
    'FROM a\nWORKDIR /srv/my \\\n      app\n',
  ];
  for (const text of cases) assert.equal(format(text), text);
});

void test('range formatting changes only the lines in the range', () => {
  const before = 'from a\nrun   x\nrun   y\n';
  const doc = new DockerfileDocument('file:///Dockerfile', before);
  assert.equal(apply(before, new Formatter(doc, spaces).format(1, 1)), 'from a\nRUN x\nrun   y\n');
});

void test('on type: Enter after a line continuation indents the new line; typing the escape indents the next', () => {
  const typed = 'FROM a\nrun apt-get update && \\\n\n';
  const doc = new DockerfileDocument('file:///Dockerfile', typed);
  assert.equal(
    apply(typed, new Formatter(doc, spaces).onType({ line: 2, character: 0 }, '\n')),
    'FROM a\nRUN apt-get update && \\\n    \n',
  );
  const escaped = 'FROM a\nRUN a \\\nb\n';
  const doc2 = new DockerfileDocument('file:///Dockerfile', escaped);
  assert.equal(
    apply(escaped, new Formatter(doc2, spaces).onType({ line: 1, character: 7 }, '\\')),
    'FROM a\nRUN a \\\n    b\n',
  );
  assert.deepEqual(new Formatter(doc2, spaces).onType({ line: 1, character: 3 }, 'x'), []);
});

/** Every real Dockerfile and every BuildKit vector, by name. */
function corpusFiles(realDir: string, vectorDir: string): Array<{ name: string; text: string }> {
  const real = fs
    .readdirSync(realDir)
    .sort()
    .map((n) => ({ name: `real/${n}`, text: fs.readFileSync(path.join(realDir, n), 'utf8') }));
  const vectors = fs
    .readdirSync(vectorDir)
    .sort()
    .filter((n) => fs.existsSync(path.join(vectorDir, n, 'Dockerfile')))
    .map((n) => ({
      name: `buildkit/${n}`,
      text: fs.readFileSync(path.join(vectorDir, n, 'Dockerfile'), 'utf8'),
    }));
  return [...real, ...vectors];
}

void test('over the corpus and the BuildKit vectors: the same instructions after formatting, and a second pass changes nothing', (t) => {
  const realDir = corpusDir(t, 'real');
  const vectorDir = corpusDir(t, 'buildkit-parser');
  if (!realDir || !vectorDir) return;
  const files = corpusFiles(realDir, vectorDir);
  let changed = 0;
  let exactDumps = 0;
  for (const { name, text } of files) {
    const formatted = format(text);
    const before = parseDockerfile(text);
    const after = parseDockerfile(formatted);
    assert.deepEqual(meaning(after), meaning(before), `${name}: formatting changed what BuildKit builds`);
    assert.equal(format(formatted), formatted, `${name}: a second pass changed the text`);
    if (formatted !== text) changed++;
    if (dumpDockerfile(after) === dumpDockerfile(before)) exactDumps++;
  }
  assert.ok(files.length >= 240, `the corpus has ${files.length} files`);
  // The formatter does work on real files: a pass that changed nothing would prove nothing.
  assert.ok(changed >= 50, `formatting changed only ${changed} of ${files.length} files`);
  t.diagnostic(
    `${files.length} files, ${changed} changed by formatting; BuildKit dump byte-identical for ${exactDumps}, the rest differ only in white space between shell words`,
  );
});
