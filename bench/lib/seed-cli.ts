// Seeds the engine once for a whole `npm run bench`, and removes it afterwards:
//   seed-cli.ts up <state.json> [--small] [--containers N] [--networks N] [--volumes N]
//   seed-cli.ts down <state.json>
// `up` writes the seeded set to state.json before it returns; scripts/bench.sh passes that path to
// the benches as BERTH_BENCH_SEED. With --system-engine it runs `down` from its exit trap, even
// after Ctrl-C; on its throwaway engine it deletes the whole engine instead.
import { readFileSync, writeFileSync } from 'node:fs';
import { engineUnavailableReason, runId } from '../../test/harness/engine';
import { fullSpec, removeSeeded, seedEngine, smallSpec } from './seed';
import type { SeedSpec, SeededSet } from './seed';
import { recordFigure } from './summary';

function specFrom(argv: string[]): SeedSpec {
  const spec = { ...(argv.includes('--small') ? smallSpec : fullSpec) };
  const flags: Record<string, 'containers' | 'networks' | 'volumes'> = {
    '--containers': 'containers',
    '--networks': 'networks',
    '--volumes': 'volumes',
  };
  for (let i = 0; i < argv.length; i++) {
    const key = flags[argv[i]];
    if (key) spec[key] = Number(argv[++i]);
  }
  return spec;
}

async function up(state: string, argv: string[]): Promise<void> {
  const unavailable = await engineUnavailableReason();
  if (unavailable) {
    console.log(`not seeding: ${unavailable}`);
    return;
  }
  const spec = specFrom(argv);
  console.log(
    `seeding ${spec.containers} containers (${Math.round(spec.containers * spec.runningShare)} running), ` +
      `${spec.networks} networks, ${spec.volumes} volumes, ${spec.concurrency} requests in flight (berth.test=${runId})`,
  );
  // The label is known before the first object exists: a crash half-way is still cleaned up.
  writeFileSync(state, JSON.stringify({ label: runId, spec }));
  const seeded = await seedEngine(spec, (line) => console.log(line));
  writeFileSync(state, JSON.stringify(seeded));
  console.log(`seeded in ${seeded.seconds.total.toFixed(1)} s`);
  recordFigure({
    bench: 'seed',
    figure: `Seeding ${spec.containers}/${spec.networks}/${spec.volumes} on the ${process.env.BERTH_ENGINE_SOCKET ? 'throwaway' : 'system'} engine`,
    value: seeded.seconds.total,
    unit: 's',
    target: phases(seeded),
  });
}

function phases({ seconds, containers }: SeededSet): string {
  const running = containers.filter((c) => c.running).length;
  return (
    `networks ${seconds.networks.toFixed(1)} s, volumes ${seconds.volumes.toFixed(1)} s, ` +
    `creates ${seconds.containers.toFixed(1)} s, ${running} starts ${seconds.starts.toFixed(1)} s`
  );
}

async function down(state: string): Promise<void> {
  let label: string;
  try {
    label = (JSON.parse(readFileSync(state, 'utf8')) as Pick<SeededSet, 'label'>).label;
  } catch {
    return; // Nothing was seeded.
  }
  const removed = await removeSeeded(label);
  console.log(
    `removed the seeded ${removed.containers} containers, ${removed.networks} networks and ` +
      `${removed.volumes} volumes in ${removed.seconds.toFixed(1)} s`,
  );
}

const [command, state, ...rest] = process.argv.slice(2);
const run =
  command === 'up' && state ? up(state, rest) : command === 'down' && state ? down(state) : undefined;
if (!run) {
  console.error('usage: seed-cli.ts up <state.json> [--small] [--containers N] ... | down <state.json>');
  process.exitCode = 2;
}
run?.catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
