// Several engines at once (issue 17): three throwaway engines, each seeded with 300 containers (a
// tenth running), 100 networks and 300 volumes, read by Berth's own live sessions, one per engine.
// It measures whether the model loads run in parallel (all three at once against one alone),
// whether the sockets Berth holds per engine stay what one engine alone takes, and how each
// engine's model catches up with a burst of events on all three at once. The engines and all they
// hold are deleted on the way out, also after a failure or Ctrl-C.
//
//   node --import tsx bench/engines.ts [--small] [--containers N] [--networks N] [--volumes N]
//        [--runs 5] [--burst 500]
import { readFileSync } from 'node:fs';
import { createSession } from '../client/src/engine/live/liveSession';
import type { LiveEngineSession } from '../client/src/engine/live/liveSession';
import { runId, waitFor } from '../test/harness/engine';
import { throwawayEngineMissingReason } from '../test/harness/throwawayEngine';
import { eventsOf, makeBurst, planBurst, type BurstPlan } from './lib/burst';
import { seedEngine, type SeedSpec } from './lib/seed';
import { SocketCensus, spareSockets, unixSocketFds } from './lib/socketCensus';
import { recordFigure } from './lib/summary';
import { startFleet, type FleetEngine } from './lib/throwawayFleet';

interface Options {
  spec: SeedSpec;
  runs: number;
  burst: number;
}

// Three seeds and three engines' starts share the 2 cores with other work: 6 in flight each.
const fullSpec: SeedSpec = {
  containers: 300,
  networks: 100,
  volumes: 300,
  runningShare: 0.1,
  concurrency: 6,
};
const smallSpec: SeedSpec = { ...fullSpec, containers: 30, networks: 10, volumes: 30 };

function parseOptions(argv: string[]): Options {
  const number = (flag: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? Number(argv[index + 1]) : undefined;
  };
  const spec = { ...(argv.includes('--small') ? smallSpec : fullSpec) };
  spec.containers = number('--containers') ?? spec.containers;
  spec.networks = number('--networks') ?? spec.networks;
  spec.volumes = number('--volumes') ?? spec.volumes;
  return { spec, runs: number('--runs') ?? 5, burst: number('--burst') ?? 500 };
}

const engineCount = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(0)} ms`;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** A session as the extension opens one for an engine, and how long until its model was complete. */
async function openSession(target: FleetEngine): Promise<{ session: LiveEngineSession; ms: number }> {
  const started = performance.now();
  const session = createSession({ settings: () => ({ dockerHost: `unix://${target.socketPath}` }), env: {} });
  // `connected` comes once the first snapshot and its aliases are in: the full model.
  const loaded = new Promise<void>((resolve, reject) => {
    const listener = session.onDidChangeState((state) => {
      if (state.kind === 'connected') resolve();
      else if (state.kind === 'unreachable')
        reject(new Error(`engine ${target.index}: ${state.problem.message}`));
      else return;
      listener.dispose();
    });
  });
  session.start();
  await loaded;
  return { session, ms: performance.now() - started };
}

/** Throws unless the session's model holds what was seeded: a load that missed something is no load. */
function checkModel(session: LiveEngineSession, target: FleetEngine, spec: SeedSpec): void {
  const snapshot = session.snapshot;
  const seeded = (names: Iterable<string>) => [...names].filter((name) => name.includes(runId)).length;
  const got = {
    containers: seeded([...(snapshot?.containers.values() ?? [])].map((c) => c.name)),
    networks: seeded([...(snapshot?.networks.values() ?? [])].map((n) => n.name)),
    volumes: seeded(snapshot?.volumes.keys() ?? []),
  };
  if (got.containers !== spec.containers || got.networks !== spec.networks || got.volumes !== spec.volumes)
    throw new Error(
      `engine ${target.index}'s model holds ${got.containers}/${got.networks}/${got.volumes} seeded objects, ` +
        `not ${spec.containers}/${spec.networks}/${spec.volumes}`,
    );
}

/** This process's CPU time since `since` (a `process.cpuUsage()`), in ms. */
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

async function timeLoads(engines: FleetEngine[], spec: SeedSpec, runs: number) {
  const single: number[][] = engines.map(() => []);
  const singleCpu: number[] = [];
  const together: number[] = [];
  const togetherCpu: number[] = [];
  /** Per run of the three at once, when each model was complete, first to last. */
  const finishes: number[][] = [];
  const load = async (target: FleetEngine) => {
    const opened = await openSession(target);
    checkModel(opened.session, target, spec);
    opened.session.dispose();
    return opened.ms;
  };
  // Not counted: the engines' first answers after seeding are slower than any after.
  await Promise.all(engines.map(load));
  for (let run = 0; run < runs; run++) {
    for (const target of engines) {
      const cpu = process.cpuUsage();
      single[target.index - 1].push(await load(target));
      if (target.index === 1) singleCpu.push(cpuMs(cpu));
    }
    const cpu = process.cpuUsage();
    const started = performance.now();
    const each = await Promise.all(engines.map(load));
    together.push(performance.now() - started);
    finishes.push(each.sort((a, b) => a - b));
    togetherCpu.push(cpuMs(cpu));
  }
  const sums = single[0].map((_, run) => sum(single.map((loads) => loads[run])));
  return {
    alone: median(single[0]),
    aloneCpu: median(singleCpu),
    perEngine: single.map(median),
    sumOfSingles: median(sums),
    together: median(together),
    togetherCpu: median(togetherCpu),
    finishes: engines.map((_, i) => median(finishes.map((run) => run[i]))),
  };
}

interface SocketCounts {
  /** The most open at once while the model loaded. */
  load: number;
  /** Open once the model was in, keep-alive spares included. */
  loaded: number;
  /** Open once the agent closed its spares: the `/events` stream and nothing else, if all is well. */
  idle: number;
}

/** Fails unless the kernel sees as many unix sockets, beyond `baseline`, as the census counts. */
function crossCheck(census: SocketCensus, engines: FleetEngine[], baseline: number, when: string): void {
  const counted = sum(engines.map((e) => census.count(e.socketPath)));
  const fds = unixSocketFds() - baseline;
  if (fds !== counted)
    throw new Error(
      `${when}: /proc/self/fd holds ${fds} more unix sockets than before, the census counts ${counted}`,
    );
}

/** Opens sessions on `engines` at once and counts each one's sockets; leaves the sessions open. */
async function countSockets(census: SocketCensus, engines: FleetEngine[], all: FleetEngine[]) {
  // Start from nothing open: the spares of earlier loads close 5 s after their last use.
  await waitFor(
    'the sockets of earlier loads to close',
    () => all.every((e) => census.count(e.socketPath) === 0),
    30_000,
  );
  const baseline = unixSocketFds();
  census.resetPeaks();
  const sessions = await Promise.all(engines.map(async (target) => (await openSession(target)).session));
  const loaded = engines.map((e) => census.count(e.socketPath));
  crossCheck(census, all, baseline, 'after the load');
  await waitFor(
    'the spare keep-alive sockets to close',
    () => engines.every((e) => spareSockets(e.socketPath) === 0),
    30_000,
  );
  crossCheck(census, all, baseline, 'idle');
  const counts: SocketCounts[] = engines.map((e, i) => ({
    load: census.peak(e.socketPath),
    loaded: loaded[i],
    idle: census.count(e.socketPath),
  }));
  return { sessions, counts };
}

/** Names in the model of objects this run's bursts made. */
function burstLeftovers(session: LiveEngineSession): string[] {
  const snapshot = session.snapshot;
  return [
    ...(snapshot?.volumes.keys() ?? []),
    ...[...(snapshot?.networks.values() ?? [])].map((n) => n.name),
    ...[...(snapshot?.containers.values() ?? [])].map((c) => c.name),
  ].filter((name) => name.startsWith('berth-burst-') && name.includes(runId));
}

/** Makes a burst on one engine and waits for its session's model to show the end state. */
async function burstOn(target: FleetEngine, session: LiveEngineSession, plan: BurstPlan) {
  const before = session.stats;
  const made = await makeBurst(plan, undefined, target.docker);
  const done = performance.now();
  // Caught up: (nearly) every event in, no reload due or running, nothing of the burst left. The
  // engine may drop a few events for a slow subscriber, hence 98%.
  await waitFor(
    `engine ${target.index}'s model to catch up with the burst`,
    () =>
      session.stats.events - before.events >= 0.98 * eventsOf(plan) &&
      !session.reloadPending &&
      burstLeftovers(session).length === 0,
    120_000,
  ).catch((error: Error) => {
    const seen = session.stats.events - before.events;
    throw new Error(
      `${error.message}: ${seen} of ${eventsOf(plan)} events seen, ${burstLeftovers(session).length} burst objects left in the model`,
    );
  });
  const after = session.stats;
  return {
    seen: after.events - before.events,
    reloads: after.reloads - before.reloads,
    burstMs: made.milliseconds,
    catchUpMs: performance.now() - done,
  };
}

function reportLoads(loads: Awaited<ReturnType<typeof timeLoads>>, size: string, runs: number): void {
  const ratio = loads.together / loads.alone;
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(
    `\nFull model load, ${engineCount} engines × ${size} (median of ${runs}; load average ${load})`,
  );
  console.log(
    `  one engine alone:          ${ms(loads.alone)}  (each alone: ${loads.perEngine.map(ms).join(', ')})`,
  );
  console.log(`  sum of the three alone:    ${ms(loads.sumOfSingles)}`);
  // Serial loads would finish at about 1, 2 and 3 times one load; parallel ones close together.
  console.log(
    `  all three at once (wall):  ${ms(loads.together)}  (the models complete at ${loads.finishes.map(ms).join(', ')})`,
  );
  // Requests to the engines overlap; parsing their answers and joining them share one thread.
  console.log(
    `  this process's CPU time: ${ms(loads.aloneCpu)} for one engine, ${ms(loads.togetherCpu)} for three at once`,
  );
  console.log(`  ratio at once / alone: ${ratio.toFixed(2)} (parallel ≈ 1, serial ≈ ${engineCount})`);
  recordFigure({
    bench: 'engines',
    figure: `One engine's full model load, ${size}`,
    value: loads.alone,
    unit: 'ms',
  });
  recordFigure({
    bench: 'engines',
    figure: `${engineCount} engines' loads at once (wall), ${size} each`,
    value: loads.together,
    unit: 'ms',
    peer: 'the 3 loads one after another',
    peerValue: loads.sumOfSingles,
  });
  recordFigure({
    bench: 'engines',
    figure: `Berth's CPU time, ${engineCount} loads at once`,
    value: loads.togetherCpu,
    unit: 'ms',
    target: `one alone: ${ms(loads.aloneCpu)}`,
  });
  recordFigure({
    bench: 'engines',
    figure: `${engineCount} engines at once / one alone`,
    value: ratio,
    unit: 'x',
    target: `parallel ≈ 1, serial ≈ ${engineCount}`,
  });
}

/** Prints the counts; false when an engine among several holds more or fewer than one alone. */
function reportSockets(alone: SocketCounts, several: SocketCounts[]): boolean {
  const line = (c: SocketCounts) => `${c.load} while loading, ${c.loaded} once loaded, ${c.idle} idle`;
  console.log(`\nSockets open per engine (counted per request socket; checked against /proc/self/fd)`);
  console.log(`  1 engine:          ${line(alone)}`);
  several.forEach((c, i) => console.log(`  of 3, engine ${i + 1}:  ${line(c)}`));
  const keys = ['load', 'loaded', 'idle'] as const;
  const same = several.every((c) => keys.every((key) => c[key] === alone[key]));
  console.log(same ? '  each engine of 3 holds what one alone holds' : '  DIFFERS from one engine alone');
  for (const key of keys)
    recordFigure({
      bench: 'engines',
      figure: `Sockets per engine of ${engineCount}, ${{ load: 'while loading', loaded: 'once loaded', idle: 'idle with /events' }[key]}`,
      value: Math.max(...several.map((c) => c[key])),
      unit: 'sockets',
      target: `= 1 engine alone: ${alone[key]}`,
    });
  return same;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const missing = throwawayEngineMissingReason();
  if (missing) {
    console.log(`skipped: ${missing}`);
    return;
  }
  const size = `${options.spec.containers}/${options.spec.networks}/${options.spec.volumes}`;
  let t = performance.now();
  const fleet = await startFleet(engineCount);
  console.log(`${engineCount} throwaway engines answer after ${ms(performance.now() - t)}`);
  let sessions: LiveEngineSession[] = [];
  // From the start, so that no socket opened before the count begins hides from it.
  const census = new SocketCensus();
  try {
    const { engines } = fleet;
    t = performance.now();
    console.log(`seeding each with ${size} (containers/networks/volumes), at once`);
    await Promise.all(
      engines.map((e) =>
        seedEngine(options.spec, (line) => console.log(`  engine ${e.index}:${line}`), e.docker),
      ),
    );
    const seedSeconds = (performance.now() - t) / 1000;
    console.log(`seeded in ${seedSeconds.toFixed(1)} s`);
    recordFigure({
      bench: 'engines',
      figure: `Seeding ${engineCount} engines × ${size} at once`,
      value: seedSeconds,
      unit: 's',
    });

    const loads = await timeLoads(engines, options.spec, options.runs);
    reportLoads(loads, size, options.runs);

    const alone = await countSockets(census, [engines[0]], engines);
    alone.sessions[0].dispose();
    const several = await countSockets(census, engines, engines);
    sessions = several.sessions;
    if (!reportSockets(alone.counts[0], several.counts)) process.exitCode = 1;

    const plan = planBurst(options.burst);
    const one = await burstOn(engines[0], sessions[0], plan);
    const all = await Promise.all(engines.map((e, i) => burstOn(e, sessions[i], plan)));
    console.log(
      `\nBurst of ${eventsOf(plan)} events per engine -> model caught up (after the burst's last call)`,
    );
    console.log(
      `  on 1 engine:          ${one.reloads} reloads, caught up ${ms(one.catchUpMs)} (burst made in ${ms(one.burstMs)}, ${one.seen} events seen)`,
    );
    all.forEach((b, i) =>
      console.log(
        `  on 3 at once, engine ${i + 1}: ${b.reloads} reloads, caught up ${ms(b.catchUpMs)} (burst made in ${ms(b.burstMs)}, ${b.seen} events seen)`,
      ),
    );
    const slowest = Math.max(...all.map((b) => b.catchUpMs));
    recordFigure({
      bench: 'engines',
      figure: `Burst of ${eventsOf(plan)} events, 1 engine: catch-up`,
      value: one.catchUpMs,
      unit: 'ms',
      target: `${one.reloads} reloads`,
    });
    recordFigure({
      bench: 'engines',
      figure: `Burst of ${eventsOf(plan)} events on each of ${engineCount} at once: slowest catch-up`,
      value: slowest,
      unit: 'ms',
      target: `reloads per engine ${all.map((b) => b.reloads).join('/')}`,
    });
  } finally {
    census.dispose();
    for (const session of sessions) session.dispose();
    t = performance.now();
    await fleet.stop();
    console.log(`\nengines stopped and deleted in ${ms(performance.now() - t)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
