// A unix-socket relay in front of the real engine. Tests point Berth at the relay and then "stop"
// and "start" the engine by closing and reopening it: the outage Berth sees is real (refused
// connections, a broken /events stream), yet the daemon, which may not be ours, never stops.
// It can also cut one archive upload part-way, as a network or a crash would.
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
  private cut: { skip: number; afterBytes: number; done: () => void } | undefined;

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

  /**
   * Cuts an archive upload (`PUT …/archive`) after `afterBytes` bytes of its body: the first
   * `skip` uploads pass untouched. Resolves once the cut happened.
   */
  cutArchiveUpload(afterBytes: number, skip = 0): Promise<void> {
    return new Promise((resolve) => {
      this.cut = { skip, afterBytes, done: resolve };
    });
  }

  async dispose(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private relay(client: net.Socket): void {
    const upstream = net.connect(engineSocket);
    this.open.add(client);
    this.open.add(upstream);
    let ending = false;
    const close = () => {
      client.destroy();
      if (!ending) upstream.destroy();
      this.open.delete(client);
      this.open.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
    let cutting: { left: number; done: () => void } | undefined;
    const send = (chunk: Buffer): void => {
      if (!cutting) {
        if (!upstream.write(chunk)) {
          client.pause();
          upstream.once('drain', () => client.resume());
        }
        return;
      }
      const allowed = Math.min(chunk.length, cutting.left);
      upstream.write(chunk.subarray(0, allowed));
      cutting.left -= allowed;
      if (cutting.left > 0) return;
      const { done } = cutting;
      cutting = undefined;
      // What was sent reaches the engine, then the connection ends mid-body.
      ending = true;
      client.destroy();
      upstream.end(() => {
        upstream.destroy();
        done();
      });
    };
    client.on('data', (chunk: Buffer) => {
      const start = this.cut && !cutting ? archiveUploadAt(chunk) : -1;
      if (start < 0 || !this.cut) return send(chunk);
      if (this.cut.skip > 0) {
        this.cut.skip--;
        return send(chunk);
      }
      const bodyStart = chunk.indexOf('\r\n\r\n', start) + 4;
      send(chunk.subarray(0, bodyStart));
      cutting = { left: this.cut.afterBytes, done: this.cut.done };
      this.cut = undefined;
      send(chunk.subarray(bodyStart));
    });
    upstream.pipe(client);
  }
}

/** Where an archive upload's request line starts in `chunk`, or -1. */
function archiveUploadAt(chunk: Buffer): number {
  const start = chunk.indexOf('PUT /');
  if (start < 0) return -1;
  return /^PUT \/[^ ]*\/archive\?/.test(chunk.toString('latin1', start, start + 400)) ? start : -1;
}
