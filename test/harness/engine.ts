// Shared helpers for tests and benchmarks that touch the real engine. Everything they create is
// labelled `berth.test=<run id>` and tracked, so that `cleanup()` removes exactly what this run
// made, even after a failure. Nothing here prunes or touches unlabelled resources.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import Docker from 'dockerode';
import { pack } from 'tar-stream';

/**
 * The system engine, unless BERTH_ENGINE_SOCKET names another: `npm run bench` points it at the
 * throwaway dockerd it starts (scripts/throwaway-engine.sh), so that seeding never touches the
 * engine other people's tests share.
 */
export const socketPath = process.env.BERTH_ENGINE_SOCKET || '/var/run/docker.sock';
export const testImage = 'berth-test/busybox:1';
const busyboxPath = '/bin/busybox';

/** One id per process: every resource this run creates carries it. */
export const runId = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

export function testLabels(): Record<string, string> {
  return { 'berth.test': runId };
}

export const requireAll = process.env.BERTH_REQUIRE_ALL === '1';

let docker: Docker | undefined;

export function engine(): Docker {
  docker ??= new Docker({ socketPath, host: undefined });
  return docker;
}

let available: Promise<string | undefined> | undefined;

/** Undefined when the engine answers; otherwise why it cannot be used. */
export function engineUnavailableReason(): Promise<string | undefined> {
  available ??= engine()
    .ping()
    .then(
      () => undefined,
      (error: unknown) => `no Docker engine at ${socketPath}: ${String(error)}`,
    );
  return available;
}

/**
 * True when the engine can be used. Otherwise skips the test with the reason, or fails it
 * when BERTH_REQUIRE_ALL=1 (CI), so that a missing engine can never pass silently.
 */
export async function engineAvailable(t?: TestContext): Promise<boolean> {
  const reason = await engineUnavailableReason();
  if (reason === undefined) return true;
  if (requireAll) throw new Error(`BERTH_REQUIRE_ALL=1 but ${reason}`);
  t?.skip(reason);
  return false;
}

const imageReady = new WeakMap<Docker, Promise<string>>();

/**
 * Imports a tiny busybox image built offline from the host's busybox-static; reused when present.
 * `docker` is another engine than the harness's, such as a bench's throwaway engines.
 */
export function ensureTestImage(docker: Docker = engine()): Promise<string> {
  let ready = imageReady.get(docker);
  if (!ready) {
    ready = importBusyboxImage(docker).catch((error: unknown) => {
      imageReady.delete(docker);
      throw error;
    });
    imageReady.set(docker, ready);
  }
  return ready;
}

async function importBusyboxImage(docker: Docker): Promise<string> {
  const existing = await docker
    .getImage(testImage)
    .inspect()
    .catch(() => undefined);
  if (existing) return testImage;
  if (!existsSync(busyboxPath)) {
    throw new Error(`${busyboxPath} is missing: install it with "sudo apt-get install busybox-static"`);
  }
  const applets = execFileSync(busyboxPath, ['--list'], { encoding: 'utf8' })
    .split('\n')
    .map((name) => name.trim())
    .filter((name) => /^[a-z0-9_.[-]+$/.test(name) && name !== 'busybox');
  const archive = pack();
  archive.entry({ name: 'bin', type: 'directory', mode: 0o755 });
  archive.entry({ name: 'tmp', type: 'directory', mode: 0o1777 });
  archive.entry({ name: 'bin/busybox', mode: 0o755 }, readFileSync(busyboxPath));
  for (const applet of applets) {
    archive.entry({ name: `bin/${applet}`, type: 'symlink', linkname: 'busybox' });
  }
  archive.finalize();
  const [repo, tag] = testImage.split(':');
  const progress = await docker.importImage(archive as unknown as NodeJS.ReadableStream, {
    repo,
    tag,
    changes: ['CMD ["/bin/sh"]', 'ENV PATH=/bin', `LABEL berth.test.image=busybox`],
  });
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(progress, (error: Error | null) => (error ? reject(error) : resolve()));
  });
  return testImage;
}

type Kind = 'container' | 'network' | 'volume';

/** Remembers what a test made and removes it, newest first, in `after`. */
export class Tracker {
  private readonly made: { kind: Kind; id: string; namedOnly?: boolean }[] = [];

  track(kind: Kind, id: string): void {
    this.made.push({ kind, id });
  }

  /**
   * Tracks what Berth itself creates at the test's request (a quick fix's network), which carries
   * no test label: its name, made by uniqueName for this run, is what proves it is this run's.
   */
  trackByName(kind: Kind, name: string): void {
    if (!name.includes(runId)) throw new Error(`${name} is not a name uniqueName made for this run`);
    this.made.push({ kind, id: name, namedOnly: true });
  }

  async cleanup(): Promise<void> {
    const failures: string[] = [];
    const order: Kind[] = ['container', 'network', 'volume'];
    for (const kind of order) {
      // A few at a time: benchmarks leave hundreds behind, and the engine serialises little.
      const queue = this.made.filter((m) => m.kind === kind).reverse();
      const worker = async () => {
        for (let item = queue.shift(); item; item = queue.shift()) {
          try {
            await removeOwned(kind, item.id, item.namedOnly === true);
          } catch (error) {
            failures.push(`${kind} ${item.id}: ${String(error)}`);
          }
        }
      };
      await Promise.all(Array.from({ length: 6 }, worker));
    }
    this.made.length = 0;
    if (failures.length > 0) throw new Error(`cleanup left resources behind:\n${failures.join('\n')}`);
  }
}

function isNotFound(error: unknown): boolean {
  return (error as { statusCode?: number }).statusCode === 404;
}

/** Removes one resource, but only if it still carries this run's label (or, `namedOnly`, name). */
async function removeOwned(kind: Kind, id: string, namedOnly: boolean): Promise<void> {
  const owned = (labels: Record<string, string> | undefined) =>
    namedOnly ? id.includes(runId) : labels?.['berth.test'] === runId;
  try {
    if (kind === 'container') {
      const c = engine().getContainer(id);
      const info = await c.inspect();
      if (!owned(info.Config.Labels)) return;
      await c.remove({ force: true, v: false });
    } else if (kind === 'network') {
      const n = engine().getNetwork(id);
      const info = (await n.inspect()) as { Labels?: Record<string, string> };
      if (!owned(info.Labels)) return;
      await n.remove();
    } else {
      const v = engine().getVolume(id);
      const info = await v.inspect();
      if (!owned(info.Labels)) return;
      await v.remove();
    }
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

export function uniqueName(prefix: string): string {
  return `berth-${prefix}-${runId}-${randomBytes(2).toString('hex')}`;
}

export interface ContainerSpec {
  name?: string;
  start?: boolean;
  networkMode?: string;
  /** Endpoint settings keyed by network name, applied at create time. */
  networks?: Record<string, { aliases?: string[]; ipv4?: string }>;
  binds?: string[];
  volumes?: { name: string; destination: string; readOnly?: boolean }[];
  ports?: { container: number; host?: number }[];
  labels?: Record<string, string>;
  links?: string[];
  cmd?: string[];
  /** Defaults to the busybox test image. */
  image?: string;
}

export async function createContainer(tracker: Tracker, spec: ContainerSpec = {}): Promise<Docker.Container> {
  const image = spec.image ?? (await ensureTestImage());
  const name = spec.name ?? uniqueName('c');
  const endpoints: Record<string, Docker.EndpointSettings> = {};
  for (const [net, ep] of Object.entries(spec.networks ?? {})) {
    endpoints[net] = {
      Aliases: ep.aliases,
      IPAMConfig: ep.ipv4 ? { IPv4Address: ep.ipv4 } : undefined,
    };
  }
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostPort: string; HostIp?: string }[]> = {};
  for (const p of spec.ports ?? []) {
    exposed[`${p.container}/tcp`] = {};
    bindings[`${p.container}/tcp`] = [{ HostPort: p.host ? String(p.host) : '', HostIp: '127.0.0.1' }];
  }
  const container = await engine().createContainer({
    name,
    Image: image,
    Cmd: spec.cmd ?? ['sleep', '3600'],
    Labels: { ...spec.labels, ...testLabels() },
    ExposedPorts: exposed,
    StopTimeout: 1,
    HostConfig: {
      NetworkMode: spec.networkMode,
      Binds: spec.binds,
      Links: spec.links,
      PortBindings: bindings,
      Mounts: spec.volumes?.map((v) => ({
        Type: 'volume' as const,
        Source: v.name,
        Target: v.destination,
        ReadOnly: v.readOnly ?? false,
      })),
    },
    NetworkingConfig: Object.keys(endpoints).length > 0 ? { EndpointsConfig: endpoints } : undefined,
  });
  tracker.track('container', container.id);
  if (spec.start) await container.start();
  return container;
}

/** A deterministic /24 in 10.213.0.0/16 per run and index, skipped if an existing network uses it. */
export async function freeSubnet(index = 0): Promise<string> {
  const used = new Set<string>();
  const networks = await engine().listNetworks();
  for (const n of networks) for (const c of n.IPAM?.Config ?? []) if (c.Subnet) used.add(c.Subnet);
  const seed = createHash('sha256').update(runId).digest().readUInt8(0);
  for (let step = 0; step < 256; step++) {
    const third = (seed + index + step) % 256;
    const subnet = `10.213.${third}.0/24`;
    if (!used.has(subnet) && !claimed.has(subnet) && claimAcrossProcesses(subnet)) {
      claimed.add(subnet);
      return subnet;
    }
  }
  throw new Error('no free /24 left in 10.213.0.0/16');
}
const claimed = new Set<string>();

/**
 * Test files run in processes of their own, each with its own run id: a subnet one of them picked
 * and has not created yet looks free to another (a CI run saw networks.test.ts's my_net refused
 * for overlapping prune.test.ts's network). A file per subnet, made exclusively, claims it for this
 * machine until the process ends; a claim whose process is gone is taken over.
 */
const claimDir = join(tmpdir(), 'berth-test-subnets');
const claimFiles: string[] = [];

function claimAcrossProcesses(subnet: string): boolean {
  mkdirSync(claimDir, { recursive: true });
  const file = join(claimDir, subnet.replace(/[./]/g, '_'));
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      if (claimFiles.push(file) === 1)
        process.once('exit', () => claimFiles.forEach((f) => rmSync(f, { force: true })));
      return true;
    } catch {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue; // released meanwhile: claim it again
      }
      // A file still being written names no one yet: it is held.
      const holder = Number(text || NaN);
      if (!Number.isInteger(holder) || isAlive(holder)) return false;
      rmSync(file, { force: true });
    }
  }
  return false;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface NetworkSpec {
  name?: string;
  subnet?: string | false;
  internal?: boolean;
  labels?: Record<string, string>;
}

export async function createNetwork(
  tracker: Tracker,
  spec: NetworkSpec = {},
): Promise<{ id: string; name: string; subnet?: string }> {
  const name = spec.name ?? uniqueName('n');
  const subnet = spec.subnet === false ? undefined : (spec.subnet ?? (await freeSubnet()));
  const network = await engine().createNetwork({
    Name: name,
    Driver: 'bridge',
    CheckDuplicate: true,
    Internal: spec.internal ?? false,
    Labels: { ...spec.labels, ...testLabels() },
    IPAM: subnet ? { Driver: 'default', Config: [{ Subnet: subnet }] } : undefined,
  });
  tracker.track('network', network.id);
  return { id: network.id, name, subnet };
}

export async function createVolume(tracker: Tracker, name = uniqueName('v')): Promise<string> {
  await engine().createVolume({ Name: name, Labels: testLabels() });
  tracker.track('volume', name);
  return name;
}

/** Waits until `check` holds, polling quickly; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
