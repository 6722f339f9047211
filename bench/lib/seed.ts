// Seeds a busy engine for the benchmarks and the scale test, through the Engine API with a bounded
// number of requests in flight: the engine the harness talks to (bench.sh's throwaway engine when
// BERTH_ENGINE_SOCKET names it, else the system engine), or one a bench started for itself.
// Everything carries `berth.test=<label>`, so `removeSeeded` finds it all by that label, even
// after a crash half-way through seeding or in another process.
import type Docker from 'dockerode';
import { engine, ensureTestImage, runId } from '../../test/harness/engine';

export interface SeedSpec {
  containers: number;
  networks: number;
  volumes: number;
  /** Share of the containers started (busybox `sleep`), the rest stay created. */
  runningShare: number;
  /** Requests in flight at once. */
  concurrency: number;
}

export interface SeededNetwork {
  id: string;
  name: string;
  subnet: string;
}

export interface SeededSet {
  /** The value of the `berth.test` label on everything seeded. */
  label: string;
  spec: SeedSpec;
  networks: SeededNetwork[];
  volumes: string[];
  containers: { id: string; name: string; running: boolean }[];
  /** Seconds per phase, and in all. */
  seconds: { networks: number; volumes: number; containers: number; starts: number; total: number };
}

/**
 * The scale of issue 6, the default of `npm run bench`, which seeds it on a throwaway engine of
 * its own (scripts/throwaway-engine.sh): there a network costs milliseconds, as iptables is off.
 * On the system engine (`--system-engine`) each costs about 0.7 s, one at a time. A start costs
 * 0.5-1 s of CPU on either (runc, the shim, the network hook) on the 2-core machine, whatever
 * the concurrency, so only a tenth run.
 */
export const fullSpec: SeedSpec = {
  containers: 1000,
  networks: 300,
  volumes: 1000,
  runningShare: 0.1,
  concurrency: 12,
};

/** `--small`: a quick run. */
export const smallSpec: SeedSpec = {
  containers: 200,
  networks: 60,
  volumes: 200,
  runningShare: 0.25,
  concurrency: 12,
};

/** Runs `work` for 0..count-1 with at most `concurrency` calls in flight. */
export async function pool<T>(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<T>,
): Promise<T[]> {
  const results = new Array<T>(count);
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

/**
 * /24s from 10.214.0.0 upwards, past the tests' 10.213/16, skipping any an existing network uses:
 * the engine's default pools hand out only about 30 networks before they run out.
 */
async function freeSubnets(docker: Docker, count: number): Promise<string[]> {
  const used = new Set<string>();
  for (const n of await docker.listNetworks())
    for (const c of n.IPAM?.Config ?? []) if (c.Subnet) used.add(c.Subnet);
  const out: string[] = [];
  for (let i = 0; out.length < count && i < 256 * 16; i++) {
    const subnet = `10.${214 + Math.floor(i / 256)}.${i % 256}.0/24`;
    if (!used.has(subnet)) out.push(subnet);
  }
  if (out.length < count)
    throw new Error(`only ${out.length} free /24s in 10.214.0.0/12 for ${count} networks`);
  return out;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

/** Names carry the label, so a person can tell seeded objects apart in `docker ps -a`. */
const seedName = (kind: string, index: number) => `berth-seed-${runId}-${kind}${index}`;

/** Seeds the harness's engine, or `docker` (a bench's own throwaway engine). */
export async function seedEngine(
  spec: SeedSpec,
  log: (line: string) => void = () => {},
  docker: Docker = engine(),
): Promise<SeededSet> {
  const image = await ensureTestImage(docker);
  const labels = { 'berth.test': runId, 'berth.bench': 'seed' };
  const started = performance.now();
  const ranges = await freeSubnets(docker, spec.networks);
  let phase = performance.now();
  const networks = await pool(spec.networks, spec.concurrency, async (i) => {
    const name = seedName('n', i);
    const network = await docker.createNetwork({
      Name: name,
      Driver: 'bridge',
      Labels: labels,
      // An explicit gateway: the peer's strict schema drops networks whose IPAM config has none.
      IPAM: { Driver: 'default', Config: [{ Subnet: ranges[i], Gateway: ranges[i].replace('.0/24', '.1') }] },
    });
    return { id: network.id, name, subnet: ranges[i] };
  });
  const networkSeconds = seconds(phase);
  log(`  ${spec.networks} networks in ${networkSeconds.toFixed(1)} s`);

  phase = performance.now();
  const volumes = await pool(spec.volumes, spec.concurrency, async (i) => {
    const name = seedName('v', i);
    await docker.createVolume({ Name: name, Labels: labels });
    return name;
  });
  const volumeSeconds = seconds(phase);
  log(`  ${spec.volumes} volumes in ${volumeSeconds.toFixed(1)} s`);

  phase = performance.now();
  // Every fourth container stays on the default bridge, the rest spread over the user networks;
  // every tenth of those joins a second network too. The first 80% of the volumes are mounted,
  // the rest stay dangling, as on a real machine.
  const mounted = Math.floor(spec.volumes * 0.8);
  const containers = await pool(spec.containers, spec.concurrency, async (i) => {
    const name = seedName('c', i);
    const network = i % 4 === 0 || networks.length === 0 ? undefined : networks[i % networks.length];
    const container = await docker.createContainer({
      name,
      Image: image,
      Cmd: ['sleep', '86400'],
      Labels: labels,
      StopTimeout: 1,
      HostConfig: {
        NetworkMode: network?.name,
        Mounts: i < mounted ? [{ Type: 'volume', Source: volumes[i], Target: '/data' }] : undefined,
      },
      NetworkingConfig: network
        ? { EndpointsConfig: { [network.name]: { Aliases: [`svc${i}`] } } }
        : undefined,
    });
    const second = networks[(i + 7) % Math.max(1, networks.length)];
    if (network && i % 10 === 1 && second && second.id !== network.id)
      await docker
        .getNetwork(second.id)
        .connect({ Container: container.id, EndpointConfig: { Aliases: [`alt${i}`] } });
    return { id: container.id, name, running: false };
  });
  const containerSeconds = seconds(phase);
  log(`  ${spec.containers} containers created in ${containerSeconds.toFixed(1)} s`);

  phase = performance.now();
  const running = Math.round(spec.containers * spec.runningShare);
  // Spread over the list so that running containers sit on many networks and on the bridge.
  const step = running > 0 ? spec.containers / running : 0;
  await pool(running, Math.min(spec.concurrency, 8), async (k) => {
    const target = containers[Math.floor(k * step)];
    await docker.getContainer(target.id).start();
    target.running = true;
  });
  const startSeconds = seconds(phase);
  log(`  ${running} containers started in ${startSeconds.toFixed(1)} s`);
  return {
    label: runId,
    spec,
    networks,
    volumes,
    containers,
    seconds: {
      networks: networkSeconds,
      volumes: volumeSeconds,
      containers: containerSeconds,
      starts: startSeconds,
      total: seconds(started),
    },
  };
}

const isNotFound = (error: unknown) => (error as { statusCode?: number }).statusCode === 404;

/**
 * Removes every container, network and volume labelled `berth.test=<label>`, and nothing else.
 * Returns how many of each went and how long it took.
 */
export async function removeSeeded(
  label: string,
  concurrency = 12,
): Promise<{ containers: number; networks: number; volumes: number; seconds: number }> {
  const docker: Docker = engine();
  const started = performance.now();
  const filters = { label: [`berth.test=${label}`] };
  const ignoreGone = (error: unknown) => {
    if (!isNotFound(error)) throw error;
  };
  const containers = await docker.listContainers({ all: true, filters });
  await pool(containers.length, concurrency, (i) =>
    docker.getContainer(containers[i].Id).remove({ force: true, v: false }).catch(ignoreGone),
  );
  const networks = await docker.listNetworks({ filters });
  await pool(networks.length, concurrency, (i) =>
    docker.getNetwork(networks[i].Id).remove().catch(ignoreGone),
  );
  const volumes = (await docker.listVolumes({ filters })).Volumes ?? [];
  await pool(volumes.length, concurrency, (i) =>
    docker.getVolume(volumes[i].Name).remove().catch(ignoreGone),
  );
  const left =
    (await docker.listContainers({ all: true, filters })).length +
    (await docker.listNetworks({ filters })).length +
    ((await docker.listVolumes({ filters })).Volumes ?? []).length;
  if (left > 0) throw new Error(`${left} objects labelled berth.test=${label} are still there`);
  return {
    containers: containers.length,
    networks: networks.length,
    volumes: volumes.length,
    seconds: seconds(started),
  };
}
