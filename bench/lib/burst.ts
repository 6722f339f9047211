// A burst of engine events, as `docker compose down` or a prune makes them: volumes, networks and
// containers created and then removed, many requests in flight. Shared by the scale test and the
// engine bench. Every object is labelled and tracked, so the caller's Tracker removes leftovers.
import type Docker from 'dockerode';
import type { Tracker } from '../../test/harness/engine';
import { engine, ensureTestImage, testLabels, uniqueName } from '../../test/harness/engine';
import { pool } from './seed';

export interface BurstPlan {
  volumes: number;
  networks: number;
  containers: number;
  concurrency: number;
}

/** Each object makes two events (create, then destroy): 2 × (volumes + networks + containers). */
export function planBurst(events: number): BurstPlan {
  // Few networks: each costs the engine about a second of iptables work, one at a time.
  const networks = 2;
  const containers = 40;
  return {
    networks,
    containers,
    volumes: Math.max(0, Math.ceil(events / 2) - networks - containers),
    concurrency: 16,
  };
}

export function eventsOf(plan: BurstPlan): number {
  return 2 * (plan.volumes + plan.networks + plan.containers);
}

/** /24s in 10.230.0.0/16 (away from the seed's and the tests' ranges) that no network uses. */
async function freeSubnets(docker: Docker, count: number): Promise<string[]> {
  const used = new Set<string>();
  for (const n of await docker.listNetworks())
    for (const c of n.IPAM?.Config ?? []) if (c.Subnet) used.add(c.Subnet);
  const offset = Math.floor(Math.random() * 200);
  const free: string[] = [];
  for (let i = 0; free.length < count && i < 256; i++) {
    const subnet = `10.230.${(offset + i) % 256}.0/24`;
    if (!used.has(subnet)) free.push(subnet);
  }
  return free;
}

/**
 * Makes the burst on the harness's engine, or on `docker`; returns how long the engine took to take
 * all the requests. Without a tracker nothing is left to remove should it fail half-way: a bench's
 * throwaway engine, deleted whole.
 */
export async function makeBurst(
  plan: BurstPlan,
  tracker: Tracker | undefined,
  docker: Docker = engine(),
): Promise<{ milliseconds: number }> {
  const image = await ensureTestImage(docker);
  const subnets = await freeSubnets(docker, plan.networks);
  const started = performance.now();
  const [volumes, networks, containers] = await Promise.all([
    pool(plan.volumes, plan.concurrency, async () => {
      const name = uniqueName('burst-v');
      await docker.createVolume({ Name: name, Labels: testLabels() });
      tracker?.track('volume', name);
      return name;
    }),
    pool(plan.networks, 4, async (i) => {
      const network = await docker.createNetwork({
        Name: uniqueName('burst-n'),
        Labels: testLabels(),
        IPAM: { Driver: 'default', Config: [{ Subnet: subnets[i] }] },
      });
      tracker?.track('network', network.id);
      return network.id;
    }),
    pool(plan.containers, plan.concurrency, async () => {
      const container = await docker.createContainer({
        name: uniqueName('burst-c'),
        Image: image,
        Cmd: ['true'],
        Labels: testLabels(),
      });
      tracker?.track('container', container.id);
      return container.id;
    }),
  ]);
  // Gone already is fine: another engine user may prune meanwhile, and its events count as well.
  const unlessGone = (error: unknown) => {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error;
  };
  await Promise.all([
    pool(volumes.length, plan.concurrency, (i) => docker.getVolume(volumes[i]).remove().catch(unlessGone)),
    pool(networks.length, 4, (i) => docker.getNetwork(networks[i]).remove().catch(unlessGone)),
    pool(containers.length, plan.concurrency, (i) =>
      docker.getContainer(containers[i]).remove().catch(unlessGone),
    ),
  ]);
  return { milliseconds: performance.now() - started };
}
