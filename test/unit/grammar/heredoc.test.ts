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

function assertNoScope(token: Token, scope: string): void {
  assert.ok(!hasScope(token, scope), `${JSON.stringify(token.text)} has ${scope}: ${token.scopes.join(' ')}`);
}

/** Only the root scope: plain Dockerfile text outside any heredoc. */
function assertPlainDockerfile(token: Token): void {
  assert.deepEqual(token.scopes, ['source.dockerfile'], `${JSON.stringify(token.text)}`);
}

void describe('heredoc bodies', () => {
  let grammar: IGrammar;
  let builtinOnly: IGrammar;
  before(async () => {
    grammar = await loadDockerfileGrammar();
    builtinOnly = await loadDockerfileGrammar(false);
  });

  const script = 'FROM alpine\nRUN <<EOF\n# install\necho hi\nEOF\nRUN echo after\n';

  void it('leaves heredoc bodies as plain text without the injection (the gap it fills)', () => {
    const tokens = tokenize(builtinOnly, script);
    assertPlainDockerfile(tokenAt(tokens, 3, 'echo hi'));
    assertScope(tokenAt(tokens, 2, ' install'), 'comment.line.number-sign.dockerfile');
  });

  void it('highlights a RUN heredoc body as shell', () => {
    const tokens = tokenize(grammar, script);
    const echo = tokenAt(tokens, 3, 'echo');
    assertScope(echo, 'source.shell');
    assertScope(echo, 'meta.embedded.block.shellscript');
    assertScope(echo, 'support.function.builtin.shell');
  });

  void it('reads # lines in a body as the body language, not as Dockerfile comments', () => {
    const tokens = tokenize(grammar, script);
    const hash = tokenAt(tokens, 2, '#');
    assertScope(hash, 'comment.line.number-sign.shell');
    assertNoScope(hash, 'comment.line.number-sign.dockerfile');
  });

  void it('scopes the operator and both delimiters, then returns to the Dockerfile', () => {
    const tokens = tokenize(grammar, script);
    assertScope(tokenAt(tokens, 1, '<<'), 'keyword.operator.heredoc.dockerfile');
    assertScope(tokenAt(tokens, 1, 'EOF'), 'keyword.control.heredoc-token.dockerfile');
    assertScope(tokenAt(tokens, 4, 'EOF'), 'keyword.control.heredoc-token.dockerfile');
    assertScope(tokenAt(tokens, 5, 'RUN'), 'keyword.other.special-method.dockerfile');
    assertPlainDockerfile(tokenAt(tokens, 5, 'echo after'));
  });

  void it('ends <<- bodies on a tab-indented delimiter but << bodies only on a bare one', () => {
    const strip = tokenize(grammar, 'RUN <<-EOF\n\techo a\n\tEOF\nRUN x\n');
    assertScope(tokenAt(strip, 2, 'EOF'), 'keyword.control.heredoc-token.dockerfile');
    assertPlainDockerfile(tokenAt(strip, 3, 'x'));
    const plain = tokenize(grammar, 'RUN <<EOF\n\tEOF\nEOF\nRUN x\n');
    assertScope(tokenAt(plain, 1, 'EOF'), 'source.shell');
    assertScope(tokenAt(plain, 2, 'EOF'), 'keyword.control.heredoc-token.dockerfile');
  });

  void it('accepts quoted delimiters and ends on the unquoted word', () => {
    for (const quote of ['"', "'"]) {
      const tokens = tokenize(grammar, `RUN <<${quote}EOT${quote}\necho $A\nEOT\nRUN x\n`);
      assertScope(tokenAt(tokens, 1, 'echo'), 'source.shell');
      assertScope(tokenAt(tokens, 2, 'EOT'), 'keyword.control.heredoc-token.dockerfile');
      assertPlainDockerfile(tokenAt(tokens, 3, 'x'));
    }
  });

  void it('picks the interpreter written before the heredoc', () => {
    const tokens = tokenize(grammar, 'RUN python3 <<EOF\nimport os\nEOF\nRUN node <<JS\nconst a = 1\nJS\n');
    assertScope(tokenAt(tokens, 1, 'import'), 'source.python');
    assertScope(tokenAt(tokens, 1, 'import'), 'keyword.control.import.python');
    assertScope(tokenAt(tokens, 4, 'const'), 'source.js');
  });

  void it('knows ruby, perl and PowerShell interpreters too', () => {
    const cases = [
      ['RUN ruby <<EOF', 'ruby'],
      ['RUN /usr/bin/perl -w <<EOF', 'perl'],
      ['RUN <<EOF pwsh -NoProfile', 'powershell'],
    ];
    for (const [line, language] of cases) {
      const tokens = tokenize(grammar, `${line}\nbody\nEOF\n`);
      assertScope(tokenAt(tokens, 1, 'body'), `meta.embedded.block.${language}`);
    }
    const shebang = tokenize(grammar, 'RUN <<EOF\n#!/usr/bin/env ruby\nputs 1\nEOF\n');
    assertScope(tokenAt(shebang, 2, 'puts 1'), 'source.ruby');
  });

  void it('picks the interpreter written after the heredoc word', () => {
    const tokens = tokenize(grammar, 'RUN <<EOF python3\nimport os\nEOF\n');
    assertScope(tokenAt(tokens, 1, 'import'), 'source.python');
  });

  void it('picks the language of a shebang on the first body line', () => {
    const tokens = tokenize(grammar, 'RUN <<EOF\n#!/usr/bin/env python3\nimport os\nEOF\n');
    assertScope(tokenAt(tokens, 1, '#!'), 'comment.line.shebang.dockerfile');
    assertScope(tokenAt(tokens, 2, 'import'), 'source.python');
  });

  void it('shows stdin of a non-interpreter command, and COPY/ADD heredocs, as file content', () => {
    for (const line of ['RUN cat <<EOF > /etc/motd', 'RUN <<EOF tee /x', 'COPY <<EOF /x', 'ADD <<EOF /x']) {
      const tokens = tokenize(grammar, `${line}\necho not run\nEOF\n`);
      const body = tokenAt(tokens, 1, 'echo not run');
      assertScope(body, 'string.unquoted.heredoc.dockerfile');
      assertNoScope(body, 'source.shell');
    }
  });

  void it('gives each of several heredocs on one line its own body and terminator', () => {
    const text = 'RUN <<A python3 && <<B cat > b.txt\nimport os\nA\nB is text\nB\nRUN x\n';
    const tokens = tokenize(grammar, text);
    assertScope(tokenAt(tokens, 1, 'import'), 'source.python');
    assertScope(tokenAt(tokens, 2, 'A'), 'keyword.control.heredoc-token.dockerfile');
    assertScope(tokenAt(tokens, 3, 'B is text'), 'string.unquoted.heredoc.dockerfile');
    assertScope(tokenAt(tokens, 4, 'B'), 'keyword.control.heredoc-token.dockerfile');
    assertPlainDockerfile(tokenAt(tokens, 5, 'x'));
  });

  void it('ignores << that is not a heredoc: in a word, a string, a comment, a non-RUN/COPY/ADD instruction', () => {
    const text = 'RUN echo $((1<<2))\nRUN echo "<<EOF"\n# see <<EOF\nCMD cat <<EOF\nENV A=<<EOF\nRUN x\n';
    const tokens = tokenize(grammar, text);
    for (const token of tokens) assertNoScope(token, 'meta.heredoc.dockerfile');
  });
});
