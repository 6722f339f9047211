import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { before, describe, it } from 'node:test';
import type { IGrammar } from 'vscode-textmate';
import { INITIAL } from 'vscode-textmate';
import { parseDockerfile } from '../../../server/src/dockerfile/parser';
import { corpusDir } from '../server/sharedCorpus';
import { FIXTURES, loadDockerfileGrammar } from './tokenize';

/** 0-based lines that Berth's BuildKit-compatible parser puts inside heredocs (bodies and terminators). */
function parserHeredocLines(source: string): number[] {
  const lines = new Set<number>();
  for (const top of parseDockerfile(source).instructions) {
    for (const instruction of [top, top.sub]) {
      for (const heredoc of instruction?.heredocs ?? []) {
        for (let line = heredoc.range.start.line; line <= heredoc.range.end.line; line++) lines.add(line);
      }
    }
  }
  return [...lines].sort((a, b) => a - b);
}

/**
 * Lines the grammar enters already inside a heredoc: their first token carries the heredoc scope
 * without being the `<<` (or file descriptor) that opens one. Stack depth alone would not do:
 * the built-in grammar's strings also span lines.
 */
function grammarHeredocLines(grammar: IGrammar, source: string): number[] {
  const opening = ['keyword.operator.heredoc.dockerfile', 'constant.numeric.file-descriptor.dockerfile'];
  const lines: number[] = [];
  let state = INITIAL;
  const sourceLines = source.split('\n');
  if (source.endsWith('\n')) sourceLines.pop();
  sourceLines.forEach((text, line) => {
    const { tokens, ruleStack } = grammar.tokenizeLine(text, state);
    const scopes = tokens[0]?.scopes ?? [];
    if (scopes.includes('meta.heredoc.dockerfile') && !opening.some((s) => scopes.includes(s)))
      lines.push(line);
    state = ruleStack;
  });
  return lines;
}

void describe('heredoc extents agree with the parser', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadDockerfileGrammar();
  });

  void it('on the grammar fixtures', () => {
    for (const name of readdirSync(FIXTURES).filter((n) => n.endsWith('.Dockerfile'))) {
      const source = readFileSync(path.join(FIXTURES, name), 'utf8');
      assert.deepEqual(grammarHeredocLines(grammar, source), parserHeredocLines(source), name);
    }
  });

  void it('on the real Dockerfiles of the shared corpus', (t: TestContext) => {
    const dir = corpusDir(t, 'real');
    if (dir === undefined) return;
    let heredocLines = 0;
    const files = readdirSync(dir);
    for (const name of files) {
      const source: string = readFileSync(path.join(dir, name), 'utf8');
      const expected = parserHeredocLines(source);
      assert.deepEqual(grammarHeredocLines(grammar, source), expected, name);
      heredocLines += expected.length;
    }
    t.diagnostic(`${heredocLines} heredoc lines in ${files.length} files agree with the parser`);
    assert.ok(heredocLines > 0, 'the corpus has no heredocs: this test proves nothing');
  });
});
