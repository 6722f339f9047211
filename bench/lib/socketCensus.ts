// Counts the sockets this process holds open to each Docker engine's unix socket. dockerode sends
// every request through node:http with `socketPath`, so the `http.client.request.start` channel
// sees each request and the socket it runs on, new or reused from the agent's keep-alive pool;
// the socket counts until it closes. `unixSocketFds` counts the same
// thing from the kernel's side, to check the census against.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { globalAgent, type ClientRequest } from 'node:http';
import type { Socket } from 'node:net';

const channel = 'http.client.request.start';

export class SocketCensus {
  private readonly open = new Map<string, Set<Socket>>();
  private readonly peaks = new Map<string, number>();
  private readonly onRequest = (message: unknown) => {
    const request = (message as { request: ClientRequest & { socketPath?: string } }).request;
    const path = request.socketPath;
    if (!path) return;
    // The channel reports a request once it is sent, by when it may already have its socket.
    if (request.socket) this.add(path, request.socket);
    else request.once('socket', (socket: Socket) => this.add(path, socket));
  };

  constructor() {
    subscribe(channel, this.onRequest);
  }

  /** Sockets open to `path` now. */
  count(path: string): number {
    return this.open.get(path)?.size ?? 0;
  }

  /** The most sockets open to `path` at once since the last `resetPeaks`. */
  peak(path: string): number {
    return this.peaks.get(path) ?? 0;
  }

  resetPeaks(): void {
    for (const [path, sockets] of this.open) this.peaks.set(path, sockets.size);
  }

  dispose(): void {
    unsubscribe(channel, this.onRequest);
  }

  private add(path: string, socket: Socket): void {
    let sockets = this.open.get(path);
    if (!sockets) this.open.set(path, (sockets = new Set()));
    if (sockets.has(socket)) return;
    sockets.add(socket);
    this.peaks.set(path, Math.max(this.peak(path), sockets.size));
    socket.once('close', () => sockets.delete(socket));
  }
}

/**
 * Spare keep-alive sockets the global agent holds to `path`; it closes them after its `timeout`
 * (5 s in Node 24) of disuse. dockerode's unix-socket clients use that agent.
 */
export function spareSockets(path: string): number {
  let spare = 0;
  for (const [name, sockets] of Object.entries(globalAgent.freeSockets))
    if (name.endsWith(`:${path}`)) spare += sockets?.length ?? 0;
  return spare;
}

/**
 * Unix-domain sockets among this process's open file descriptors: the inodes of /proc/self/fd's
 * `socket:[inode]` links that /proc/net/unix lists. The kernel does not name the engine a client
 * socket is connected to, so this is a total to compare the census's sum with.
 */
export function unixSocketFds(): number {
  const unix = new Set(
    readFileSync('/proc/net/unix', 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/)[6])
      .filter(Boolean),
  );
  let count = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    let target: string;
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue; // the descriptor readdir itself used, closed meanwhile
    }
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode && unix.has(inode)) count++;
  }
  return count;
}
