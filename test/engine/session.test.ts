import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect as netConnect, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createSession } from '../../client/src/engine/live/liveSession';
import type { LiveEngineSession } from '../../client/src/engine/live/liveSession';
import type { SnapshotDelta } from '../../client/src/engine/model/snapshot';
import {
  Tracker,
  createContainer,
  createNetwork,
  createVolume,
  engine,
  engineAvailable,
  socketPath,
  uniqueName,
  waitFor,
} from '../harness/engine';

const tracker = new Tracker();
const sessions: LiveEngineSession[] = [];
const dir = mkdtempSync(join(tmpdir(), 'berth-session-'));
after(async () => {
  for (const s of sessions) s.dispose();
  rmSync(dir, { recursive: true, force: true });
  await tracker.cleanup();
});

function open(
  dockerHost = `unix://${socketPath}`,
  retryInitialMs = 100,
  timing: { debounceMs?: number; maxWaitMs?: number } = {},
): LiveEngineSession {
  const session = createSession({
    settings: () => ({ dockerHost }),
    env: {},
    retryInitialMs,
    retryMaxMs: 400,
    ...timing,
  });
  sessions.push(session);
  return session;
}

async function connected(session: LiveEngineSession): Promise<void> {
  session.start();
  await waitFor('the session to connect', () => session.state.kind === 'connected' && session.snapshot);
}

/** A unix socket that forwards to the engine and can be cut, as if the daemon stopped. */
class EngineProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly requests = new Map<Socket, Socket>();
  private holding = false;
  /** Requests that reached the proxy while it was holding. */
  held = 0;
  constructor(readonly path: string) {}

  start(): Promise<void> {
    this.holding = false;
    const server = createServer((client) => {
      this.sockets.add(client);
      client.on('error', () => client.destroy());
      if (this.holding) {
        this.countHeld(client);
        return;
      }
      const upstream = netConnect(socketPath);
      this.sockets.add(upstream);
      this.requests.set(client, upstream);
      client.pipe(upstream).pipe(client);
      const drop = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
    });
    this.server = server;
    return new Promise((resolve) => server.listen(this.path, resolve));
  }

  /** Requests from now on reach no engine and hang, as on a daemon that is going down. */
  hold(): void {
    this.holding = true;
    for (const [client, upstream] of this.requests) {
      client.unpipe(upstream);
      this.countHeld(client);
    }
  }

  private countHeld(client: Socket): void {
    client.once('readable', () => this.held++);
  }

  stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    this.requests.clear();
    const server = this.server;
    this.server = undefined;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

void describe('live session against the real engine', () => {
  void test('does no I/O before start, then loads and reports connected', async (t) => {
    if (!(await engineAvailable(t))) return;
    const session = open();
    assert.equal(session.state.kind, 'idle');
    assert.equal(session.stats.requests, 0);
    const before = session.snapshot;
    assert.equal(before, undefined);
    const states: string[] = [];
    session.onDidChangeState((s) => states.push(s.kind));
    await connected(session);
    assert.deepEqual(states, ['connecting', 'connected']);
    assert.ok(session.docker);
    assert.match(session.snapshot?.info.apiVersion ?? '', /^1\./);
  });

  void test('create, connect, disconnect and remove made elsewhere reach the snapshot with deltas', async (t) => {
    if (!(await engineAvailable(t))) return;
    const session = open();
    await connected(session);
    const deltas: SnapshotDelta[] = [];
    session.onDidChangeSnapshot((d) => deltas.push(d));

    const net = await createNetwork(tracker);
    await waitFor('the new network', () => session.snapshot?.networks.has(net.id));
    assert.ok(deltas.some((d) => d.networks.has(net.id)));

    const container = await createContainer(tracker, { start: true });
    await waitFor(
      'the new container',
      () => session.snapshot?.containers.get(container.id)?.state === 'running',
    );

    // What `docker network connect --alias api` in a terminal does.
    await engine()
      .getNetwork(net.id)
      .connect({ Container: container.id, EndpointConfig: { Aliases: ['api'] } });
    const endpoint = await waitFor('the endpoint with its alias', () =>
      session.snapshot?.networks
        .get(net.id)
        ?.endpoints.find((e) => e.containerId === container.id && e.aliases.includes('api')),
    );
    assert.ok(endpoint.ipv4?.startsWith(net.subnet!.replace('0/24', '')));
    assert.ok(deltas.some((d) => d.containers.has(container.id) && d.networks.has(net.id)));

    await engine().getNetwork(net.id).disconnect({ Container: container.id });
    await waitFor('the endpoint to go', () => session.snapshot?.networks.get(net.id)?.endpoints.length === 0);

    await container.remove({ force: true });
    await waitFor('the container to go', () => !session.snapshot?.containers.has(container.id));
    await engine().getNetwork(net.id).remove();
    await waitFor('the network to go', () => !session.snapshot?.networks.has(net.id));
  });

  void test('a burst of events is coalesced into a few reloads', async (t) => {
    if (!(await engineAvailable(t))) return;
    const session = open();
    await connected(session);
    const before = session.stats;
    const names = await Promise.all(Array.from({ length: 30 }, () => createVolume(tracker)));
    await waitFor('all 30 volumes', () => names.every((n) => session.snapshot?.volumes.has(n)));
    const after = session.stats;
    assert.ok(after.events - before.events >= 30, `saw ${after.events - before.events} events`);
    assert.ok(
      after.reloads - before.reloads <= 10,
      `${after.reloads - before.reloads} reloads for 30 events`,
    );
  });

  void test('a broken event stream is re-opened and later changes still arrive', async (t) => {
    if (!(await engineAvailable(t))) return;
    const session = open();
    await connected(session);
    const stream = session.eventStream!;
    stream.destroy();
    await waitFor('a new event stream', () => session.eventStream && session.eventStream !== stream);
    const volume = await createVolume(tracker);
    await waitFor('a volume created after the break', () => session.snapshot?.volumes.has(volume));
    assert.equal(session.state.kind, 'connected');
  });

  void test('the daemon goes away: unreachable with the cause, then back by itself', async (t) => {
    if (!(await engineAvailable(t))) return;
    const proxy = new EngineProxy(join(dir, 'engine.sock'));
    await proxy.start();
    const session = open(`unix://${proxy.path}`, 50);
    const problems: string[] = [];
    const messages: string[] = [];
    session.onDidChangeState((s) => {
      if (s.kind !== 'unreachable') return;
      problems.push(s.problem.code);
      messages.push(`${s.problem.message} (${s.problem.detail ?? ''})`);
    });
    try {
      await connected(session);
      // A reload is cut mid-way too: its "socket hang up" must not stand in for the cause.
      proxy.hold();
      const reloads = session.stats.reloads;
      await createVolume(tracker, uniqueName('before-outage'));
      await waitFor('a reload in flight', () => session.stats.reloads > reloads && proxy.held > 0);
      await proxy.stop();
      const down = await waitFor('the outage', () =>
        session.state.kind === 'unreachable' ? session.state : undefined,
      );
      assert.deepEqual(problems, ['socket-missing'], messages.join('; '));
      assert.equal(down.problem.code, 'socket-missing');
      assert.match(down.problem.message, /engine\.sock/);
      assert.ok((down.retryAt ?? 0) > 0);

      const volume = await createVolume(tracker, uniqueName('during-outage'));
      await proxy.start();
      await waitFor('the session to recover', () => session.state.kind === 'connected');
      await waitFor('changes made during the outage', () => session.snapshot?.volumes.has(volume));
    } finally {
      session.dispose();
      await proxy.stop();
    }
  });

  void test('renames and links made elsewhere are joined correctly', async (t) => {
    if (!(await engineAvailable(t))) return;
    const session = open();
    await connected(session);
    const target = await createContainer(tracker, { start: true });
    await waitFor('the target', () => session.snapshot?.containers.has(target.id));
    const newName = uniqueName('renamed');
    await target.rename({ name: newName });
    await waitFor('the new name on the container and its endpoint', () => {
      const c = session.snapshot?.containers.get(target.id);
      return c?.name === newName && c.endpoints.every((e) => e.containerName === newName);
    });
    const user = await createContainer(tracker, { start: true, links: [`${newName}:db`] });
    const linked = await waitFor('the link', () => session.snapshot?.containers.get(user.id)?.links);
    assert.deepEqual(linked, [`${newName}:db`]);
  });

  void test('refresh() reloads now and resolves after the snapshot is current', async (t) => {
    if (!(await engineAvailable(t))) return;
    const session = open();
    await connected(session);
    const volume = await createVolume(tracker);
    await session.refresh();
    assert.ok(session.snapshot?.volumes.has(volume));
  });

  void test('reloadPending holds from an event until the reload that shows it has run', async (t) => {
    if (!(await engineAvailable(t))) return;
    // A pause no test waits out: the reload stays due until refresh() runs it.
    const session = open(undefined, undefined, { debounceMs: 600_000, maxWaitMs: 600_000 });
    await connected(session);
    await waitFor('the first load to finish', () => !session.reloadPending);
    const events = session.stats.events;
    const volume = await createVolume(tracker);
    await waitFor('the volume event', () => session.stats.events > events);
    assert.equal(session.reloadPending, true, 'an event waiting for its pause is a pending reload');
    assert.equal(session.snapshot?.volumes.has(volume), false);
    const refreshing = session.refresh();
    assert.equal(session.reloadPending, true, 'a running reload is a pending reload');
    await refreshing;
    assert.equal(session.reloadPending, false);
    assert.ok(session.snapshot?.volumes.has(volume));
  });
});
