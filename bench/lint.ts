// Lints ../shared/corpus/real with Berth (the bundle as shipped) and dockerfile-utils in the same
// process, and a 200-line file alone. Figures only. (berth-lint as a whole process: lint-cli.ts.)
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { build } from 'esbuild';
import { validate } from 'dockerfile-utils';
import type * as lintCore from '../server/src/dockerfile/lint/lint';
import { recordFigure } from './lib/summary';
import type { Figure } from './lib/summary';

const root = path.resolve(__dirname, '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus', 'real');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface Timing {
  wall: number;
  cpu: number;
}

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
// A minor collection empties the young generation, where nearly all of a pass's garbage is, so
// neither side starts its pass paying for the other's. A full gc() there would be unfair to both:
// each forced one marked about 40 optimized functions of both linters for deoptimization
// ("embedded weak objects cleared", --trace-deopt), so every timed pass re-ran the JIT, on the
// background threads too, and the side with less work per pass lost the larger share.
const collectGarbage = (): void => gc({ type: 'minor' });

/** Wall and CPU time of one pass (CPU time is what a busy machine inflates least). */
function measure(fn: () => void): Timing {
  collectGarbage();
  const cpu = process.cpuUsage();
  const start = performance.now();
  fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

async function bundled(entry: string, name: string): Promise<string> {
  const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-')), `${name}.js`);
  await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

async function main(): Promise<void> {
  if (!fs.existsSync(corpus)) {
    console.log(`skipped: ${corpus} is absent`);
    return;
  }
  const names = fs.readdirSync(corpus).sort();
  const sources = names.map((n) => fs.readFileSync(path.join(corpus, n), 'utf8'));
  const lintFile = await bundled('server/src/dockerfile/lint/lint.ts', 'lint');
  const { lint } = createRequire(__filename)(lintFile) as typeof lintCore;

  const berthPass = (): void => sources.forEach((s) => lint(s));
  const utilsPass = (): void => sources.forEach((s) => validate(s));
  for (let i = 0; i < 3; i++) {
    berthPass();
    utilsPass();
  }
  // Interleaved rounds, each pass starting on an empty young generation so that neither pays for
  // the other's garbage: a burst of load from a neighbour hits both sides of a round alike.
  const rounds = Array.from({ length: 15 }, () => {
    const berth = measure(berthPass);
    const utils = measure(utilsPass);
    return { berth, utils, wall: utils.wall / berth.wall, cpu: utils.cpu / berth.cpu };
  });
  const lines = sources.reduce((n, s) => n + s.split('\n').length, 0);
  console.log(
    `corpus: ${names.length} files, ${lines} lines; ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}`,
  );
  const pass = (name: string, pick: (r: (typeof rounds)[number]) => Timing): void => {
    const wall = rounds.map((r) => pick(r).wall);
    const cpu = rounds.map((r) => pick(r).cpu);
    console.log(
      `${name.padEnd(16)} ${median(wall).toFixed(1)} ms per pass (median of ${rounds.length}, best ${Math.min(...wall).toFixed(1)}; CPU ${median(cpu).toFixed(1)} ms)`,
    );
  };
  pass('berth', (r) => r.berth);
  pass('dockerfile-utils', (r) => r.utils);
  const spread = (values: number[]): string =>
    `median ${median(values).toFixed(1)}x (rounds ${Math.min(...values).toFixed(1)}x-${Math.max(...values).toFixed(1)}x)`;
  console.log(
    `ratio            ${spread(rounds.map((r) => r.wall))} faster; by CPU time ${spread(rounds.map((r) => r.cpu))}`,
  );

  const body = ['FROM node:22-slim AS build', 'WORKDIR /app'];
  for (let i = 0; body.length < 200; i++) {
    body.push(
      i % 4 === 0
        ? `ENV STEP_${i}=value${i}`
        : `RUN apt-get update && apt-get install -y --no-install-recommends pkg${i} && rm -rf /var/lib/apt/lists/*`,
    );
  }
  const file200 = body.join('\n') + '\n';
  for (let i = 0; i < 20; i++) lint(file200);
  const single = Array.from({ length: 50 }, () => time(() => lint(file200)));
  console.log(`200-line file    ${median(single).toFixed(2)} ms per full lint (median of ${single.length})`);

  const record = (figure: Omit<Figure, 'bench' | 'unit'>) =>
    recordFigure({ bench: 'lint', unit: 'ms', ...figure });
  record({
    figure: `Lint ${names.length} corpus files`,
    value: median(rounds.map((r) => r.berth.wall)),
    peer: 'dockerfile-utils',
    peerValue: median(rounds.map((r) => r.utils.wall)),
    ratio: median(rounds.map((r) => r.wall)),
    target: '>= 10x',
  });
  record({ figure: '200-line file, full lint', value: median(single) });
}

void main();
