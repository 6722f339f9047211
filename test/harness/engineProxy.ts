// A unix-socket relay in front of the real engine. Tests point Berth at the relay and then "stop"
// and "start" the engine by closing and reopening it: the outage Berth sees is real (refused
// connections, a broken /events stream), yet the daemon, which may not be ours, never stops.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { socketPath as engineSocket } from './engine';

export class EngineProxy {
  readonly socketPath: string;
  private server: net.Server | undefined;
  private readonly open = new Set<net.Socket>();
  private readonly dir: string;

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-proxy-'));
    this.socketPath = path.join(this.dir, 'docker.sock');
  }

  /** `unix://…` for `berth.dockerHost` or DOCKER_HOST. */
  get host(): string {
    return `unix://${this.socketPath}`;
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = net.createServer((client) => this.relay(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.socketPath, () => resolve());
    });
    this.server = server;
  }

  /** Refuses new connections and cuts every open one, as a daemon that exits does. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const socket of this.open) socket.destroy();
    this.open.clear();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // A stale socket file would make clients see ECONNREFUSED; a stopped daemon leaves none.
    fs.rmSync(this.socketPath, { force: true });
  }

  async dispose(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private relay(client: net.Socket): void {
    const upstream = net.connect(engineSocket);
    this.open.add(client);
    this.open.add(upstream);
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.open.delete(client);
      this.open.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
