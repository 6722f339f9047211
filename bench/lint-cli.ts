// berth-lint as a CI job runs it, one process over the 211-file corpus, against dockerfile-utils as
// one process over the same files, with the cost of starting Node at all (`node -e 0`) beside
// them. The commands take turns, in a rotating order, so that a busy neighbour slows each alike.
// Figures only.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRuleMeta } from '../server/src/dockerfile/lint/registry';
import { recordFigure } from './lib/summary';

const root = path.resolve(__dirname, '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus', 'real');
const rounds = Number(process.env.BERTH_BENCH_CLI_ROUNDS ?? 7);

/** CPU time of this process's reaped children, from /proc (Linux), in ms; undefined elsewhere. */
function childrenCpuMs(): number | undefined {
  try {
    // Fields after the parenthesised command name: cutime and cstime are the 14th and 15th.
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

interface Command {
  name: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Throws when the run did not do the work (so a broken command is never timed as fast). */
  check(stdout: string, status: number | null): void;
}

interface Sample {
  wall: number;
  cpu: number | undefined;
}

function runOnce(command: Command): Sample {
  const cpuBefore = childrenCpuMs();
  const start = performance.now();
  const r = spawnSync(process.execPath, command.args, {
    cwd: root,
    env: { ...process.env, ...command.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wall = performance.now() - start;
  const cpuAfter = childrenCpuMs();
  if (r.error) throw r.error;
  command.check(r.stdout, r.status);
  return { wall, cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main(): void {
  if (!fs.existsSync(corpus)) {
    console.log(`skipped: ${corpus} is absent`);
    return;
  }
  const files = fs
    .readdirSync(corpus)
    .sort()
    .map((n) => path.join(corpus, n));
  // The package exactly as it ships: built by the one esbuild script, run through its bin.
  execFileSync(process.execPath, ['esbuild.mjs', '--production', '--cli'], { cwd: root });
  const bin = path.join(root, 'packages', 'berth-lint', 'dist', 'berth-lint.js');
  const berthCheck = (stdout: string, status: number | null): void => {
    if (status !== 0 || !Array.isArray(JSON.parse(stdout))) throw new Error(`berth-lint failed (${status})`);
  };
  const berthArgs = [bin, '--format', 'json', '--failure-threshold', 'none', ...files];
  // What no rule can go below: starting, loading, reading and parsing the files, writing `[]`.
  // The Dockerfile rules only: naming a Compose rule would load Compose's code, which no run here needs.
  const everyRuleId = allRuleMeta.map((rule) => rule.id);
  const noRuleArgs = [bin, '--format', 'json', ...everyRuleId.flatMap((id) => ['--ignore', id]), ...files];
  const commands: Command[] = [
    { name: 'node -e 0', args: ['-e', '0'], check: () => undefined },
    { name: 'berth-lint', args: berthArgs, check: berthCheck },
    // The bin keeps V8's compiled code in the OS's cache folder, warm after round 0; a CI job on
    // a fresh runner starts without it, and so does this.
    {
      name: 'berth-lint, no compile cache',
      args: berthArgs,
      env: { NODE_DISABLE_COMPILE_CACHE: '1' },
      check: berthCheck,
    },
    {
      name: 'berth-lint, every rule off',
      args: noRuleArgs,
      check: (stdout, status) => {
        if (status !== 0 || (JSON.parse(stdout) as unknown[]).length !== 0)
          throw new Error(`berth-lint with every rule off failed or found something (${status})`);
      },
    },
    {
      name: 'dockerfile-utils',
      args: [path.join(__dirname, 'lib', 'dockerfile-utils-process.cjs'), ...files],
      check: (stdout, status) => {
        if (status !== 0 || (JSON.parse(stdout) as unknown[]).length !== files.length)
          throw new Error(`dockerfile-utils failed (${status})`);
      },
    },
  ];
  const samples = new Map<string, Sample[]>(commands.map((c) => [c.name, []]));
  for (let round = 0; round <= rounds; round++) {
    for (let k = 0; k < commands.length; k++) {
      const command = commands[(round + k) % commands.length];
      const sample = runOnce(command);
      // Round 0 warms the page cache; it is not counted.
      if (round > 0) samples.get(command.name)?.push(sample);
    }
  }

  const of = (name: string): Sample[] => samples.get(name) ?? [];
  const walls = (name: string): number[] => of(name).map((s) => s.wall);
  const cpus = (name: string): number[] | undefined => {
    const list = of(name).map((s) => s.cpu);
    return list.every((v): v is number => v !== undefined) ? list : undefined;
  };
  console.log(
    `corpus: ${files.length} files; Node ${process.version}; ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}; median of ${rounds} rounds, order rotating`,
  );
  for (const { name } of commands) {
    const wall = walls(name);
    const cpu = cpus(name);
    console.log(
      `${name.padEnd(30)} wall ${median(wall).toFixed(0)} ms (${Math.min(...wall).toFixed(0)}-${Math.max(...wall).toFixed(0)})` +
        (cpu
          ? `, CPU ${median(cpu).toFixed(0)} ms (${Math.min(...cpu).toFixed(0)}-${Math.max(...cpu).toFixed(0)})`
          : ''),
    );
  }
  // Round by round, so that a slow stretch of the machine weighs on both sides of a ratio.
  const ratios = (peer: string, berth: string, pick: (name: string) => number[] | undefined) => {
    const p = pick(peer);
    const b = pick(berth);
    return p && b ? p.map((v, i) => v / b[i]) : undefined;
  };
  const floor = median(walls('node -e 0'));
  const wall = ratios('dockerfile-utils', 'berth-lint', walls) ?? [];
  const cpu = ratios('dockerfile-utils', 'berth-lint', cpus);
  const aboveFloor = (median(walls('dockerfile-utils')) - floor) / (median(walls('berth-lint')) - floor);
  console.log(
    `dockerfile-utils / berth-lint: wall ${median(wall).toFixed(2)}x` +
      (cpu ? `, CPU ${median(cpu).toFixed(2)}x` : '') +
      `; above the floor (wall) ${aboveFloor.toFixed(2)}x`,
  );
  const cold = ratios('dockerfile-utils', 'berth-lint, no compile cache', walls) ?? [];
  console.log(`dockerfile-utils / berth-lint without the compile cache: wall ${median(cold).toFixed(2)}x`);
  const bound = ratios('dockerfile-utils', 'berth-lint, every rule off', walls) ?? [];
  const boundCpu = ratios('dockerfile-utils', 'berth-lint, every rule off', cpus);
  console.log(
    `dockerfile-utils / berth-lint with every rule off (the most any rule work could gain): wall ${median(bound).toFixed(2)}x` +
      (boundCpu ? `, CPU ${median(boundCpu).toFixed(2)}x` : ''),
  );
  recordFigure({
    bench: 'lint-cli',
    figure: `berth-lint over ${files.length} corpus files, one process`,
    value: median(walls('berth-lint')),
    unit: 'ms',
    peer: 'dockerfile-utils, one process',
    peerValue: median(walls('dockerfile-utils')),
    ratio: median(wall),
    target: '>= 5x',
  });
  recordFigure({
    bench: 'lint-cli',
    figure: `berth-lint over ${files.length} corpus files, one process, no compile cache`,
    value: median(walls('berth-lint, no compile cache')),
    unit: 'ms',
    peer: 'dockerfile-utils, one process',
    peerValue: median(walls('dockerfile-utils')),
    ratio: median(cold),
    target: '>= 5x',
  });
  recordFigure({
    bench: 'lint-cli',
    figure: `berth-lint over ${files.length} corpus files, one process, every rule off`,
    value: median(walls('berth-lint, every rule off')),
    unit: 'ms',
    peer: 'dockerfile-utils, one process',
    peerValue: median(walls('dockerfile-utils')),
    ratio: median(bound),
  });
  recordFigure({
    bench: 'lint-cli',
    figure: 'Node start, nothing run (node -e 0)',
    value: floor,
    unit: 'ms',
  });
}

main();
