// Grammar benchmark: what Berth's heredoc injection costs VS Code's built-in Dockerfile grammar
// when the 211 real Dockerfiles are tokenized line by line, against the built-in grammar alone
// (the peer: what every editor without Berth runs). Best of five, alternating, so that a busy
// machine does not decide the figure. Also a long line full of `<<`, where a regex that re-scanned
// the line per heredoc would take seconds.
//
//   node --import tsx bench/grammar.ts
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { INITIAL, type IGrammar } from 'vscode-textmate';
import { loadDockerfileGrammar } from '../test/unit/grammar/tokenize';
import { recordFigure } from './lib/summary';

const corpus = path.resolve(__dirname, '..', '..', 'shared', 'corpus', 'real');

function tokenizeAll(grammar: IGrammar, sources: readonly string[]): number {
  const started = performance.now();
  for (const source of sources) {
    let state = INITIAL;
    for (const line of source.split('\n')) state = grammar.tokenizeLine(line, state).ruleStack;
  }
  return performance.now() - started;
}

async function main(): Promise<void> {
  if (!existsSync(corpus)) {
    console.log(`grammar bench skipped: the corpus is not at ${corpus} (clone ../shared beside Berth)`);
    return;
  }
  const sources = readdirSync(corpus).map((name) => readFileSync(path.join(corpus, name), 'utf8'));
  const withInjection = await loadDockerfileGrammar();
  const builtinOnly = await loadDockerfileGrammar(false);
  let berth = Infinity;
  let builtin = Infinity;
  for (let run = 0; run < 5; run++) {
    berth = Math.min(berth, tokenizeAll(withInjection, sources));
    builtin = Math.min(builtin, tokenizeAll(builtinOnly, sources));
  }
  const lines = sources.reduce((sum, source) => sum + source.split('\n').length, 0);
  console.log(
    `${sources.length} files, ${lines} lines: ${berth.toFixed(0)} ms with Berth's injection, ${builtin.toFixed(0)} ms with the built-in grammar alone`,
  );
  recordFigure({
    bench: 'grammar',
    figure: 'Tokenize the corpus with the heredoc injection',
    value: Math.round(berth),
    unit: 'ms',
    peer: 'built-in Dockerfile grammar alone',
    peerValue: Math.round(builtin),
    target: 'at most 4x the built-in alone',
  });
  for (const keyword of ['RUN', 'CMD']) {
    const line = `${keyword} ${'x <<y '.repeat(500)}`;
    const elapsed = tokenizeAll(withInjection, [`${line}\nbody\ny\n`]);
    console.log(`${keyword} line of ${line.length} characters full of <<: ${elapsed.toFixed(1)} ms`);
    recordFigure({
      bench: 'grammar',
      figure: `A ${line.length}-character ${keyword} line full of <<`,
      value: Math.round(elapsed * 10) / 10,
      unit: 'ms',
      target: 'well under 2000 ms',
    });
  }
}

void main();
