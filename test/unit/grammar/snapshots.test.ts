import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { IGrammar } from 'vscode-textmate';
import { formatTokens, matchSnapshot } from './snapshot';
import { FIXTURES, loadDockerfileGrammar, tokenize } from './tokenize';

const dockerfiles = readdirSync(FIXTURES).filter((name) => name.endsWith('.Dockerfile'));

void describe('grammar snapshots', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadDockerfileGrammar();
  });

  void it('has fixture Dockerfiles to compare', () => {
    assert.ok(dockerfiles.length >= 6, `only ${dockerfiles.length} fixtures in ${FIXTURES}`);
  });

  for (const name of dockerfiles) {
    void it(`tokenizes ${name} as in ${name.replace(/\.Dockerfile$/, '.snap')}`, async () => {
      const source = readFileSync(path.join(FIXTURES, name), 'utf8');
      const snapshot = path.join(FIXTURES, name.replace(/\.Dockerfile$/, '.snap'));
      await matchSnapshot(snapshot, formatTokens(source, tokenize(grammar, source)));
    });
  }
});
