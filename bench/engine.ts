// Engine-layer benchmark on a busy engine (1000 containers, a tenth running; 300 networks with
// explicit subnets; 1000 volumes; 200/60/200 with --small): the model load beside Microsoft's
// Container Tools client (which spawns the docker CLI) reading the same information, the cost of
// the three trees' first render and of their lazily computed children, how long the extension host's event loop
// stalls while the session loads, the delay from an external `docker network connect` to the
// model, a burst of 500 events coalesced into a few reloads, and the Engine API requests made per
// idle minute. Everything it creates is labelled and removed, also on Ctrl-C.
//
//   node --import tsx bench/engine.ts [--small] [--containers N] [--networks N] [--volumes N]
//        [--runs 5] [--idle-seconds 30] [--burst 500]
// With BERTH_BENCH_SEED=<state.json> (scripts/bench.sh) it reuses the engine seeded for the run.
// It benches the engine at BERTH_ENGINE_SOCKET (bench.sh's throwaway engine), else the system's.
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type Docker from 'dockerode';
import { connect } from '../client/src/engine/transport/connect';
import { createSession } from '../client/src/engine/live/liveSession';
import type { LiveEngineSession } from '../client/src/engine/live/liveSession';
import { AliasCache, loadAliases, loadSnapshot } from '../client/src/engine/model/loader';
import type { EngineInfo } from '../client/src/engine/model/snapshot';
import {
  Tracker,
  engine,
  engineUnavailableReason,
  ensureTestImage,
  runId,
  socketPath,
  testLabels,
  waitFor,
} from '../test/harness/engine';
import { eventsOf, makeBurst, planBurst } from './lib/burst';
import { containerToolsClient } from './lib/peer';
import { measureProjection } from './lib/projection';
import { fullSpec, removeSeeded, seedEngine, smallSpec } from './lib/seed';
import type { SeedSpec, SeededSet } from './lib/seed';
import { recordFigure } from './lib/summary';

const dockerHost = `unix://${socketPath}`;

interface Options {
  spec: SeedSpec;
  runs: number;
  idleSeconds: number;
  burst: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    spec: { ...(argv.includes('--small') ? smallSpec : fullSpec) },
    runs: 5,
    idleSeconds: 30,
    burst: 500,
  };
  const number = (flag: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? Number(argv[index + 1]) : undefined;
  };
  options.spec.containers = number('--containers') ?? options.spec.containers;
  options.spec.networks = number('--networks') ?? options.spec.networks;
  options.spec.volumes = number('--volumes') ?? options.spec.volumes;
  options.runs = number('--runs') ?? options.runs;
  options.idleSeconds = number('--idle-seconds') ?? options.idleSeconds;
  options.burst = number('--burst') ?? options.burst;
  return options;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(1)} ms`;
const scale = (spec: SeedSpec) => `${spec.containers}/${spec.networks}/${spec.volumes}`;

/** The set scripts/bench.sh seeded for the whole run, if any (a complete one: `up` finished). */
function sharedSeed(): SeededSet | undefined {
  const file = process.env.BERTH_BENCH_SEED;
  if (!file) return undefined;
  try {
    const set = JSON.parse(readFileSync(file, 'utf8')) as Partial<SeededSet>;
    return set.networks ? (set as SeededSet) : undefined;
  } catch {
    return undefined;
  }
}

async function timeLoads(docker: Docker, info: EngineInfo, runs: number) {
  const ours: number[] = [];
  const oursWithAliases: number[] = [];
  const warm: number[] = [];
  const peer: number[] = [];
  const client = containerToolsClient();
  const counts = { ours: '', peer: '' };
  let inspects = 0;
  for (let run = 0; run < runs; run++) {
    const cache = new AliasCache();
    let t = performance.now();
    const loaded = await loadSnapshot(docker, info, cache);
    ours.push(performance.now() - t);
    t = performance.now();
    await loadAliases(docker, loaded.snapshot, loaded.missingAliases, cache);
    oursWithAliases.push(ours[run] + performance.now() - t);
    inspects = loaded.missingAliases.length;
    t = performance.now();
    await loadSnapshot(docker, info, cache);
    warm.push(performance.now() - t);
    const s = loaded.snapshot;
    counts.ours = `${s.containers.size} containers, ${s.networks.size} networks, ${s.volumes.size} volumes`;

    t = performance.now();
    const p = await client.load();
    peer.push(performance.now() - t);
    counts.peer = `${p.containers} containers, ${p.networks} networks, ${p.volumes} volumes`;
  }
  return {
    ours: median(ours),
    oursWithAliases: median(oursWithAliases),
    warm: median(warm),
    peer: median(peer),
    counts,
    inspects,
  };
}

/** Opens a session as the extension does when a view shows, watching the event loop meanwhile. */
async function openSession(): Promise<{ session: LiveEngineSession; readyMs: number; stallMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  const session = createSession({ settings: () => ({ dockerHost }), env: {} });
  session.start();
  await waitFor('the session to load', () => session.state.kind === 'connected' && session.snapshot, 120_000);
  const readyMs = performance.now() - started;
  // The aliases of containers on user networks follow the first snapshot; wait for them too.
  await session.refresh();
  delay.disable();
  return { session, readyMs, stallMs: delay.max / 1e6 };
}

async function eventLatency(
  session: LiveEngineSession,
  networks: { id: string }[],
  tracker: Tracker,
  trials = 5,
) {
  const image = await ensureTestImage();
  // A second, independent subscription tells when the engine delivered the event, so the figure
  // splits into the engine's delivery and Berth's own work (debounce, reload, join).
  const arrivals = new Map<string, number>();
  const watcher = (await engine().getEvents({
    filters: { type: ['network'], event: ['connect'] },
  })) as unknown as NodeJS.ReadableStream & { destroy(): void };
  watcher.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      const event = JSON.parse(line) as { Actor?: { Attributes?: { container?: string } } };
      const container = event.Actor?.Attributes?.container;
      if (container) arrivals.set(container, performance.now());
    }
  });
  const afterCall: number[] = [];
  const afterEvent: number[] = [];
  try {
    for (let i = 0; i < trials; i++) {
      const container = await engine().createContainer({
        Image: image,
        Cmd: ['sleep', '3600'],
        Labels: testLabels(),
      });
      tracker.track('container', container.id);
      // Running: the engine emits no event when a stopped container is connected (it only
      // records the setting), so a stopped container's connect shows at the next event.
      await container.start();
      const network = networks[(i * 37) % networks.length];
      await session.refresh();
      const seen = new Promise<number>((resolve) => {
        const listener = session.onDidChangeSnapshot(() => {
          const endpoints = session.snapshot?.networks.get(network.id)?.endpoints ?? [];
          if (endpoints.some((e) => e.containerId === container.id)) {
            listener.dispose();
            resolve(performance.now());
          }
        });
      });
      // What `docker network connect` in a terminal does: straight to the engine, not through Berth.
      await engine().getNetwork(network.id).connect({ Container: container.id });
      const returned = performance.now();
      const updated = await seen;
      afterCall.push(Math.max(0, updated - returned));
      afterEvent.push(updated - (arrivals.get(container.id) ?? returned));
    }
  } finally {
    watcher.destroy();
  }
  return { afterCall, afterEvent };
}

async function burst(session: LiveEngineSession, events: number, tracker: Tracker) {
  const before = session.stats;
  let changes = 0;
  const listener = session.onDidChangeSnapshot(() => changes++);
  const plan = planBurst(events);
  const made = await makeBurst(plan, tracker);
  const done = performance.now();
  // Caught up when nothing the burst made is left in the model.
  const leftover = () => {
    const snapshot = session.snapshot;
    const names = [
      ...(snapshot?.volumes.keys() ?? []),
      ...[...(snapshot?.networks.values() ?? [])].map((n) => n.name),
      ...[...(snapshot?.containers.values() ?? [])].map((c) => c.name),
    ];
    // This run's only: another run's leftovers are not this burst's to wait for.
    return names.filter((name) => name.startsWith('berth-burst-') && name.includes(runId));
  };
  await waitFor('the model to settle after the burst', () => leftover().length === 0, 60_000).catch(
    async (error: Error) => {
      // Say whether the model or the engine is behind: a stale model would be a missed event.
      const left = leftover();
      const volumes = ((await engine().listVolumes()).Volumes ?? []).map((v) => v.Name);
      const still = left.filter((name) => volumes.includes(name));
      throw new Error(
        `${error.message}: the model still has ${left.length} burst objects (${left.slice(0, 5).join(', ')}), ` +
          `${still.length} of them volumes the engine still has; session ${JSON.stringify(session.stats)}, ` +
          `state ${session.state.kind}`,
      );
    },
  );
  // On a fast engine the whole burst can come and go before the first reload: then nothing is
  // left over at once, and its reloads would land in the idle minute. Wait until the events are
  // in (the engine may drop 2% for a slow subscriber) and the session has sent nothing for 2 s.
  const quietMs = 2_000;
  let lastActivity = performance.now();
  let requests = session.stats.requests;
  const activity = session.onDidChangeSnapshot(() => (lastActivity = performance.now()));
  await waitFor(
    'the session to go quiet after the burst',
    () => {
      const now = performance.now();
      if (session.stats.requests !== requests) {
        requests = session.stats.requests;
        lastActivity = now;
      }
      const seen = session.stats.events - before.events;
      return seen >= 0.98 * eventsOf(plan) && now - lastActivity >= quietMs;
    },
    60_000,
  );
  activity.dispose();
  const settledMs = Math.max(0, lastActivity - done);
  listener.dispose();
  const after = session.stats;
  return {
    planned: eventsOf(plan),
    seen: after.events - before.events,
    reloads: after.reloads - before.reloads,
    changes,
    burstMs: made.milliseconds,
    settledMs,
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  // The peer's docker CLI reads the engine Berth reads.
  process.env.DOCKER_HOST = dockerHost;
  const unavailable = await engineUnavailableReason();
  if (unavailable) {
    console.log(`skipped: ${unavailable}`);
    return;
  }
  const tracker = new Tracker();
  const shared = sharedSeed();
  let ownSeed: string | undefined;
  const cleanup = async () => {
    await tracker.cleanup().catch((error: unknown) => console.error(String(error)));
    if (ownSeed) await removeSeeded(ownSeed).catch((error: unknown) => console.error(String(error)));
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  let session: LiveEngineSession | undefined;
  try {
    let seeded = shared;
    if (seeded) {
      console.log(`using the engine seeded for this run (${scale(seeded.spec)}, berth.test=${seeded.label})`);
    } else {
      console.log(`seeding ${scale(options.spec)} (containers/networks/volumes)`);
      ownSeed = runId;
      seeded = await seedEngine(options.spec, (line) => console.log(line));
      console.log(`seeded in ${seeded.seconds.total.toFixed(1)} s`);
    }
    const size = scale(seeded.spec);
    const connection = await connect({ dockerHost, env: {} });
    if (!connection.ok) throw new Error(connection.problem.message);
    const loads = await timeLoads(connection.docker, connection.info, options.runs);
    console.log(`\nModel load, ${size} (median of ${options.runs})`);
    console.log(`  Berth, 3 Engine API calls:            ${ms(loads.ours)}  (${loads.counts.ours})`);
    console.log(`  Container Tools client (docker CLI):  ${ms(loads.peer)}  (${loads.counts.peer})`);
    console.log(`  ratio: Berth is ${(loads.peer / loads.ours).toFixed(1)}x faster (target >= 5x)`);
    console.log(
      `  Berth cold, plus aliases (${loads.inspects} inspects): ${ms(loads.oursWithAliases)}  ` +
        `(${(loads.peer / loads.oursWithAliases).toFixed(1)}x); warm reload with cached aliases: ${ms(loads.warm)}`,
    );
    recordFigure({
      bench: 'engine',
      figure: `Full model load, ${size}`,
      value: loads.ours,
      unit: 'ms',
      peer: 'Container Tools client',
      peerValue: loads.peer,
      target: '>= 5x',
    });
    recordFigure({
      bench: 'engine',
      figure: `Cold load with ${loads.inspects} alias inspects, ${size}`,
      value: loads.oursWithAliases,
      unit: 'ms',
      peer: 'Container Tools client',
      peerValue: loads.peer,
    });

    const opened = await openSession();
    session = opened.session;
    console.log(
      `\nSession start to first snapshot: ${ms(opened.readyMs)}; longest event-loop stall meanwhile ${ms(opened.stallMs)}`,
    );
    recordFigure({
      bench: 'engine',
      figure: `Session start to first snapshot, ${size}`,
      value: opened.readyMs,
      unit: 'ms',
    });
    recordFigure({
      bench: 'engine',
      figure: 'Longest event-loop stall while loading',
      value: opened.stallMs,
      unit: 'ms',
    });

    const snapshot = session.snapshot!;
    console.log('\nTrees (vscode-free projection; cold first render, median of 5 warm, and all children)');
    for (const cost of measureProjection(snapshot)) {
      console.log(
        `  ${cost.view.padEnd(10)} ${String(cost.roots).padStart(5)} roots: first render ${ms(cost.coldRootsMs)} ` +
          `(warm ${ms(cost.rootsMs)}), ${cost.childrenComputedAtRender} children computed; ` +
          `expanding every root: ${cost.children} children in ${ms(cost.childrenMs)}`,
      );
      recordFigure({
        bench: 'engine',
        figure: `${cost.view} tree roots (${cost.roots}), first render`,
        value: cost.coldRootsMs,
        unit: 'ms',
        target: `${cost.childrenComputedAtRender} children computed`,
      });
    }

    const { afterCall, afterEvent } = await eventLatency(session, seeded.networks, tracker);
    const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');
    console.log(`\nExternal network connect -> model updated, ${size} (median of ${afterCall.length})`);
    console.log(`  after the connect call returned:      ${ms(median(afterCall))} (${list(afterCall)} ms)`);
    console.log(`  after the engine delivered the event: ${ms(median(afterEvent))} (${list(afterEvent)} ms)`);
    recordFigure({
      bench: 'engine',
      figure: `External connect -> model, ${size}`,
      value: median(afterCall),
      unit: 'ms',
    });

    // A failed burst is reported, and the idle figure is still taken.
    await burst(session, options.burst, tracker).then(
      (coalesced) => {
        console.log(
          `\nBurst: ${coalesced.planned} events made in ${coalesced.burstMs.toFixed(0)} ms (${coalesced.seen} seen) -> ` +
            `${coalesced.reloads} reloads, ${coalesced.changes} change events; the session's last request or change came ${ms(coalesced.settledMs)} after the last call`,
        );
        recordFigure({
          bench: 'engine',
          figure: `Burst of ${coalesced.seen} events -> reloads`,
          value: coalesced.reloads,
          unit: 'reloads',
          target: 'a few',
        });
      },
      (error: unknown) => {
        console.error(`\nBurst failed: ${String(error)}`);
        process.exitCode = 1;
      },
    );

    const before = session.stats;
    await new Promise((resolve) => setTimeout(resolve, options.idleSeconds * 1000));
    const idle = session.stats.requests - before.requests;
    const foreign = session.stats.events - before.events;
    const reloads = session.stats.reloads - before.reloads;
    const perMinute = (idle * 60) / options.idleSeconds;
    // The engine is shared: other users' events make reloads, which are not polling.
    const why =
      foreign > 0
        ? `; other engine users caused ${foreign} events meanwhile, answered by ${reloads} reloads`
        : '';
    console.log(
      `\nIdle ${options.idleSeconds} s: ${idle} Engine API requests -> ${perMinute.toFixed(1)} per idle minute (target 0)${why}`,
    );
    recordFigure({
      bench: 'engine',
      figure: 'Engine API requests per idle minute',
      value: perMinute,
      unit: '/min',
      target: foreign > 0 ? `0 (${foreign} foreign events, ${reloads} reloads)` : '0',
    });
  } finally {
    session?.dispose();
    const t = performance.now();
    await cleanup();
    console.log(`\ncleaned up in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
