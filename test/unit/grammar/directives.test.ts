import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { IGrammar } from 'vscode-textmate';
import type { Token } from './tokenize';
import { hasScope, loadDockerfileGrammar, tokenAt, tokenize } from './tokenize';

function assertScope(token: Token, scope: string): void {
  assert.ok(
    hasScope(token, scope),
    `${JSON.stringify(token.text)} lacks ${scope}: ${token.scopes.join(' ')}`,
  );
}

void describe('parser directives and hadolint pragmas', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadDockerfileGrammar();
  });

  void it('scopes # hadolint ignore=DL3006 as a directive with a rule list', () => {
    const tokens = tokenize(grammar, '# hadolint ignore=DL3006,DL3008\nFROM x\n');
    assertScope(tokenAt(tokens, 0, 'hadolint'), 'keyword.other.directive.hadolint.dockerfile');
    assertScope(tokenAt(tokens, 0, 'ignore'), 'keyword.other.directive.dockerfile');
    assertScope(tokenAt(tokens, 0, '='), 'keyword.operator.assignment.dockerfile');
    for (const rule of ['DL3006', 'DL3008']) {
      const token = tokenAt(tokens, 0, rule);
      assertScope(token, 'entity.name.tag.rule.dockerfile');
      assert.ok(!hasScope(token, 'comment'), `${rule} is still a comment`);
    }
  });

  void it('scopes the global and stage forms and keeps a trailing note a comment', () => {
    const tokens = tokenize(
      grammar,
      '# hadolint global ignore=DL3018\n  # hadolint stage ignore=DL3059 why\n',
    );
    assertScope(tokenAt(tokens, 0, 'global'), 'storage.modifier.directive.dockerfile');
    assertScope(tokenAt(tokens, 0, 'DL3018'), 'entity.name.tag.rule.dockerfile');
    assertScope(tokenAt(tokens, 1, 'stage'), 'storage.modifier.directive.dockerfile');
    assertScope(tokenAt(tokens, 1, 'DL3059'), 'entity.name.tag.rule.dockerfile');
    assertScope(tokenAt(tokens, 1, ' why'), 'comment.line.number-sign.dockerfile');
  });

  void it('scopes syntax, escape and check directives', () => {
    const text = '# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=JSONArgsRecommended;error=true\n';
    const tokens = tokenize(grammar, text);
    assertScope(tokenAt(tokens, 0, 'syntax'), 'keyword.other.directive.dockerfile');
    assertScope(tokenAt(tokens, 0, 'docker/dockerfile:1'), 'string.unquoted.directive-value.dockerfile');
    assertScope(tokenAt(tokens, 1, 'escape'), 'keyword.other.directive.dockerfile');
    assertScope(tokenAt(tokens, 1, '`'), 'constant.character.escape.dockerfile');
    assertScope(tokenAt(tokens, 2, 'check'), 'keyword.other.directive.dockerfile');
    assertScope(tokenAt(tokens, 2, 'skip'), 'variable.parameter.directive.dockerfile');
    assertScope(tokenAt(tokens, 2, 'JSONArgsRecommended'), 'entity.name.tag.rule.dockerfile');
    assertScope(tokenAt(tokens, 2, ';'), 'punctuation.separator.semicolon.dockerfile');
    assertScope(tokenAt(tokens, 2, 'true'), 'constant.language.boolean.dockerfile');
  });

  void it('reads syntax/escape/check only in the leading directive lines, as BuildKit does', () => {
    const late = [
      '# syntax=a\n# note\n# escape=`\n', // after another comment
      '\n# syntax=a\n', // after a blank line
      'FROM x\n# check=skip=all\n', // after an instruction
    ];
    for (const text of late) {
      const tokens = tokenize(grammar, text).filter((t) => t.line === text.split('\n').length - 2);
      assert.ok(tokens.length > 0, JSON.stringify(text));
      for (const token of tokens) {
        assert.ok(!hasScope(token, 'meta.directive'), `${JSON.stringify(text)}: ${token.scopes.join(' ')}`);
        assertScope(token, 'comment.line.number-sign.dockerfile');
      }
    }
  });

  void it('leaves ordinary comments to the built-in grammar', () => {
    const tokens = tokenize(grammar, '# install the tools\n# hadolint is great\n');
    for (const token of tokens) {
      assertScope(token, 'comment.line.number-sign.dockerfile');
      assert.ok(!hasScope(token, 'meta.directive'), `${JSON.stringify(token.text)} became a directive`);
    }
  });

  void it('does not read a directive inside a heredoc body', () => {
    const tokens = tokenize(grammar, 'RUN <<EOF\n# hadolint ignore=DL3006\nEOF\n');
    for (const token of tokens.filter((t) => t.line === 1)) {
      assert.ok(!hasScope(token, 'meta.directive'), `${JSON.stringify(token.text)} became a directive`);
      assertScope(token, 'source.shell');
    }
  });
});
