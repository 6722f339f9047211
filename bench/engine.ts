// Engine-layer benchmark: seeds a busy engine, then measures the model load beside Microsoft's
// Container Tools client (which spawns the docker CLI) reading the same information, the delay
// from an external `docker network connect` to the model, burst coalescing, and the Engine API
// requests Berth makes while nothing happens. Everything it creates is labelled and removed.
//
//   node --import tsx bench/engine.ts [--large] [--containers N] [--networks N] [--volumes N]
//        [--running-share 0.25] [--runs 5] [--idle-seconds 10] [--burst 200]
import { createRequire } from 'node:module';
import Module from 'node:module';
import type Docker from 'dockerode';
import { connect } from '../client/src/engine/connection';
import { createSession } from '../client/src/engine/engineSession';
import { AliasCache, loadAliases, loadSnapshot } from '../client/src/engine/loader';
import type { EngineInfo } from '../client/src/engine/model';
import {
  Tracker,
  engine,
  engineUnavailableReason,
  ensureTestImage,
  runId,
  testLabels,
  uniqueName,
} from '../test/harness/engine';

interface Options {
  containers: number;
  networks: number;
  volumes: number;
  runningShare: number;
  runs: number;
  idleSeconds: number;
  burst: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = argv.includes('--large')
    ? {
        containers: 1000,
        networks: 300,
        volumes: 1000,
        runningShare: 0.2,
        runs: 5,
        idleSeconds: 10,
        burst: 500,
      }
    : {
        containers: 200,
        networks: 60,
        volumes: 200,
        runningShare: 0.25,
        runs: 5,
        idleSeconds: 10,
        burst: 200,
      };
  const flags: Record<string, keyof Options> = {
    '--containers': 'containers',
    '--networks': 'networks',
    '--volumes': 'volumes',
    '--running-share': 'runningShare',
    '--runs': 'runs',
    '--idle-seconds': 'idleSeconds',
    '--burst': 'burst',
  };
  for (let i = 0; i < argv.length; i++) {
    const key = flags[argv[i]];
    if (key) options[key] = Number(argv[++i]);
  }
  return options;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function pool<T>(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      results[index] = await work(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}

/** /24s from 10.214.0.0 upwards (past the tests' 10.213/16), skipping any an existing network uses. */
async function subnets(count: number): Promise<string[]> {
  const used = new Set<string>();
  for (const n of await engine().listNetworks())
    for (const c of n.IPAM?.Config ?? []) if (c.Subnet) used.add(c.Subnet);
  const out: string[] = [];
  for (let i = 0; out.length < count && i < 256 * 16; i++) {
    const subnet = `10.${214 + Math.floor(i / 256)}.${i % 256}.0/24`;
    if (!used.has(subnet)) out.push(subnet);
  }
  return out;
}

async function seed(
  options: Options,
  tracker: Tracker,
): Promise<{ networks: { id: string; name: string }[] }> {
  const image = await ensureTestImage();
  const started = performance.now();
  const ranges = await subnets(options.networks);
  const networks = await pool(options.networks, 6, async (i) => {
    const name = uniqueName(`bench-n${i}`);
    const network = await engine().createNetwork({
      Name: name,
      Driver: 'bridge',
      Labels: testLabels(),
      // An explicit gateway: the peer's strict schema drops networks whose IPAM config has none.
      IPAM: { Driver: 'default', Config: [{ Subnet: ranges[i], Gateway: ranges[i].replace('.0/24', '.1') }] },
    });
    tracker.track('network', network.id);
    return { id: network.id, name };
  });
  const volumes = await pool(options.volumes, 6, async (i) => {
    const name = uniqueName(`bench-v${i}`);
    await engine().createVolume({ Name: name, Labels: testLabels() });
    tracker.track('volume', name);
    return name;
  });
  const running = Math.round(options.containers * options.runningShare);
  await pool(options.containers, 6, async (i) => {
    // Every fourth container stays on the default bridge; the rest spread over the user networks.
    const network = i % 4 === 0 || networks.length === 0 ? undefined : networks[i % networks.length];
    const container = await engine().createContainer({
      name: uniqueName(`bench-c${i}`),
      Image: image,
      Cmd: ['sleep', '3600'],
      Labels: testLabels(),
      HostConfig: {
        NetworkMode: network?.name,
        Mounts: i < volumes.length ? [{ Type: 'volume', Source: volumes[i], Target: '/data' }] : undefined,
      },
      NetworkingConfig: network
        ? { EndpointsConfig: { [network.name]: { Aliases: [`svc${i}`] } } }
        : undefined,
    });
    tracker.track('container', container.id);
    if (i < running) await container.start();
  });
  console.log(
    `seeded ${options.containers} containers (${running} running), ${options.networks} networks, ` +
      `${options.volumes} volumes in ${((performance.now() - started) / 1000).toFixed(1)} s (run ${runId})`,
  );
  return { networks };
}

interface Peer {
  load(): Promise<{ containers: number; networks: number; volumes: number }>;
}

/** Container Tools' own client. It imports `vscode` only for two enums; give it those, as VS Code defines them. */
function containerToolsClient(): Peer {
  const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const original = resolver._resolveFilename;
  resolver._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === 'vscode' ? 'vscode' : original.call(this, request, ...rest);
  };
  const require = createRequire(import.meta.url);
  require.cache.vscode = {
    id: 'vscode',
    exports: {
      ShellQuoting: { Escape: 1, Strong: 2, Weak: 3 },
      FileType: { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 },
    },
    loaded: true,
  } as NodeJS.Module;
  type Run = <T>(response: unknown) => Promise<T>;
  const peer = require('@microsoft/vscode-container-client') as {
    DockerClient: new () => {
      listContainers(o: object): unknown;
      listNetworks(o: object): unknown;
      inspectNetworks(o: { networks: string[] }): unknown;
      listVolumes(o: object): unknown;
    };
    ShellStreamCommandRunnerFactory: new (o: object) => { getCommandRunner(): Run };
  };
  const client = new peer.DockerClient();
  // Not strict, as in Container Tools: records its schema rejects are skipped, not fatal.
  const run = new peer.ShellStreamCommandRunnerFactory({ strict: false }).getCommandRunner();
  return {
    async load() {
      const [containers, networks, volumes] = await Promise.all([
        run<unknown[]>(client.listContainers({ all: true })),
        run<{ id: string }[]>(client.listNetworks({})),
        run<unknown[]>(client.listVolumes({})),
      ]);
      const inspected = await run<unknown[]>(client.inspectNetworks({ networks: networks.map((n) => n.id) }));
      return { containers: containers.length, networks: inspected.length, volumes: volumes.length };
    },
  };
}

async function timeLoads(docker: Docker, info: EngineInfo, options: Options) {
  const ours: number[] = [];
  const oursWithAliases: number[] = [];
  const warm: number[] = [];
  const peer: number[] = [];
  const client = containerToolsClient();
  let counts = { ours: '', peer: '' };
  let inspects = 0;
  for (let run = 0; run < options.runs; run++) {
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
  counts = { ...counts };
  return {
    ours: median(ours),
    oursWithAliases: median(oursWithAliases),
    warm: median(warm),
    peer: median(peer),
    counts,
    inspects,
  };
}

async function eventLatency(networks: { id: string; name: string }[], tracker: Tracker, trials = 5) {
  const session = createSession({ settings: () => ({ dockerHost: 'unix:///var/run/docker.sock' }), env: {} });
  session.start();
  await new Promise<void>((resolve) => {
    const listener = session.onDidChangeState((s) => {
      if (s.kind === 'connected') {
        listener.dispose();
        resolve();
      }
    });
  });
  await session.refresh();
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
    const network = networks[i % networks.length];
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
  watcher.destroy();
  return { session, afterCall, afterEvent };
}

async function burst(session: ReturnType<typeof createSession>, count: number, tracker: Tracker) {
  const before = session.stats;
  const names = await pool(count, 16, async () => {
    const name = uniqueName('burst');
    await engine().createVolume({ Name: name, Labels: testLabels() });
    tracker.track('volume', name);
    return name;
  });
  await new Promise<void>((resolve) => {
    const check = () => names.every((n) => session.snapshot?.volumes.has(n));
    if (check()) return resolve();
    const listener = session.onDidChangeSnapshot(() => {
      if (check()) {
        listener.dispose();
        resolve();
      }
    });
  });
  const after = session.stats;
  return { events: after.events - before.events, reloads: after.reloads - before.reloads };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const unavailable = await engineUnavailableReason();
  if (unavailable) {
    console.log(`skipped: ${unavailable}`);
    return;
  }
  const tracker = new Tracker();
  const cleanup = () => tracker.cleanup().catch((error: unknown) => console.error(String(error)));
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    const { networks } = await seed(options, tracker);
    const connection = await connect({ dockerHost: 'unix:///var/run/docker.sock', env: {} });
    if (!connection.ok) throw new Error(connection.problem.message);
    const loads = await timeLoads(connection.docker, connection.info, options);
    console.log('\nModel load (median of %d)', options.runs);
    console.log(`  Berth, 3 Engine API calls:            ${ms(loads.ours)}  (${loads.counts.ours})`);
    console.log(`  Container Tools client (docker CLI):  ${ms(loads.peer)}  (${loads.counts.peer})`);
    console.log(`  ratio: Berth is ${(loads.peer / loads.ours).toFixed(1)}x faster (target >= 5x)`);
    console.log(
      `  Berth cold, plus aliases (${loads.inspects} inspects): ${ms(loads.oursWithAliases)}  ` +
        `(${(loads.peer / loads.oursWithAliases).toFixed(1)}x); warm reload with cached aliases: ${ms(loads.warm)}`,
    );

    const { session, afterCall, afterEvent } = await eventLatency(networks, tracker);
    const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');
    console.log(`\nExternal network connect -> model updated (median of ${afterCall.length})`);
    console.log(`  after the connect call returned:      ${ms(median(afterCall))} (${list(afterCall)} ms)`);
    console.log(`  after the engine delivered the event: ${ms(median(afterEvent))} (${list(afterEvent)} ms)`);

    const coalesced = await burst(session, options.burst, tracker);
    console.log(
      `Burst of ${options.burst} volume creates: ${coalesced.events} events -> ${coalesced.reloads} reloads`,
    );

    const before = session.stats;
    await new Promise((resolve) => setTimeout(resolve, options.idleSeconds * 1000));
    const idle = session.stats.requests - before.requests;
    const foreign = session.stats.events - before.events;
    console.log(
      `Idle ${options.idleSeconds} s: ${idle} Engine API requests -> ${((idle * 60) / options.idleSeconds).toFixed(1)} per idle minute (target 0)` +
        (foreign > 0
          ? `; ${foreign} events from other engine users arrived meanwhile, each answered by a reload`
          : ''),
    );
    session.dispose();
  } finally {
    const t = performance.now();
    await cleanup();
    console.log(`\ncleaned up in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
}

void main();
