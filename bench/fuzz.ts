// Times the linter (parse + every rule) on hostile inputs: hand-made extremes, mutated corpus
// files and random text. Fixed seed by default; `--long` runs ten times more inputs, `--seed N`
// another set. Prints the distribution and the slowest inputs' shape. Figures only.
//
// Inputs are linted as the language server and berth-lint do by default, so a machine-made file
// of 100k instructions stops at berth.lint.maxInstructions (1,000) with a notice. The extremes
// are then linted again with the limit off, and that slowest figure is printed too. Each input is
// linted once, back to back, with no collection forced between them: the figure includes the
// first, cold run of each and any garbage collection that falls inside it; the heap is settled
// once before the first, so that the harness's own setup is not charged to an input.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { defaultLintSettings, defaultMaxInstructions } from '../common/protocol';
import { lint } from '../server/src/dockerfile/lint/lint';
import { fuzzInputs, type FuzzInput } from '../test/unit/server/fuzzInputs';
import { recordFigure } from './lib/summary';

const corpus = path.resolve(__dirname, '..', '..', 'shared', 'corpus', 'real');
const budgetMs = 100;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

function shape(source: string): string {
  const lines = source.split('\n');
  const longest = lines.reduce((m, l) => Math.max(m, l.length), 0);
  return `${(source.length / 1024).toFixed(0)} KB, ${lines.length} lines, longest ${longest} chars`;
}

/**
 * Collects garbage once, before anything is timed: the 3,300 inputs just built sit in the young
 * generation, and the first scavenge inside a timed lint copied and promoted all of them (24 MB)
 * and charged that to the input it fell in. Nothing is forced between inputs.
 */
function settleHeap(): void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
}

function main(): void {
  if (!fs.existsSync(corpus)) {
    console.log(`skipped: ${corpus} is absent`);
    return;
  }
  const long = process.argv.includes('--long');
  const seed = Number(option('--seed') ?? 0xb3e7);
  const sources = fs.readdirSync(corpus).map((n) => fs.readFileSync(path.join(corpus, n), 'utf8'));
  // Warm the JIT on ordinary files first, so that the first hostile inputs are not charged for it.
  for (let i = 0; i < 3; i++) sources.forEach((s) => lint(s));
  // As berth-lint reads a file and the language server receives one over JSON-RPC: one flat
  // string. The generator builds them by concatenation, and the first read of such a string
  // flattens it, which would be charged to the lint.
  const inputs = fuzzInputs(sources, seed, long ? 30000 : 3000, long ? 3000 : 300).map((input) => ({
    ...input,
    source: JSON.parse(JSON.stringify(input.source)) as string,
  }));
  settleHeap();
  const timed: Array<{ input: FuzzInput; ms: number }> = [];
  for (const input of inputs) {
    const start = performance.now();
    lint(input.source, { env: { hasDockerignore: false } });
    timed.push({ input, ms: performance.now() - start });
  }
  const sorted = timed.map((t) => t.ms).sort((a, b) => a - b);
  const over = timed.filter((t) => t.ms > budgetMs).length;
  console.log(`fuzz (seed ${seed}${long ? ', long' : ''}): ${inputs.length} inputs`);
  console.log(
    `per input        p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms; over ${budgetMs} ms: ${over}`,
  );
  const record = (figure: string, value: number, target?: string): void =>
    recordFigure({ bench: 'fuzz', figure, value, unit: 'ms', ...(target ? { target } : {}) });
  record(`Lint a hostile input, p99 of ${inputs.length}`, percentile(sorted, 99));
  record(`Lint a hostile input, slowest of ${inputs.length}`, sorted[sorted.length - 1], `< ${budgetMs} ms`);
  console.log(`slowest (berth.lint.maxInstructions ${defaultMaxInstructions}, the default):`);
  for (const { input, ms } of [...timed].sort((a, b) => b.ms - a.ms).slice(0, 8))
    console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${input.name} (${shape(input.source)})`);

  // The same extremes read to the end: what a user who sets the limit to 0 waits.
  const everything = {
    settings: { ...defaultLintSettings, maxInstructions: 0 },
    env: { hasDockerignore: false },
  };
  const whole = inputs
    .filter((input) => !/^(mutant|random) /.test(input.name))
    .map((input) => {
      const start = performance.now();
      lint(input.source, everything);
      return { input, ms: performance.now() - start };
    })
    .sort((a, b) => b.ms - a.ms);
  console.log(
    `extremes with the limit off (0): ${whole.filter((t) => t.ms > budgetMs).length} of ${whole.length} over ${budgetMs} ms; slowest:`,
  );
  for (const { input, ms } of whole.slice(0, 5))
    console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${input.name} (${shape(input.source)})`);
  record('Lint a hostile input with maxInstructions 0, slowest extreme', whole[0].ms);
}

main();
