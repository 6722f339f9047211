// The real engine seen through an HTTP relay that shows only the objects a test owns. Berth
// pointed at it lists this run's scoped containers, networks and volumes (plus the built-in
// networks) and nothing else, so that a whole-engine action such as prune can run for real on a
// shared engine: whatever Berth decides to remove was made by the test. Deletions of anything
// else are refused by the relay as a second guard. Paths may carry an API version or not. It can listen on a unix socket or on
// 127.0.0.1 (plain tcp://, for the unencrypted-connection warning).
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { engine, socketPath as engineSocket } from '../harness/engine';

type Labels = Record<string, string> | null | undefined;

/** Which labelled objects the relay shows; everything is shown when there is no scope. */
export type Scope = (labels: Labels) => boolean;

const builtinNetworks = new Set(['bridge', 'host', 'none']);

export class ScopedEngine {
  /** Method and path of every request, in order: what Berth asked the engine. */
  readonly requests: string[] = [];
  private server: http.Server | undefined;
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-scoped-'));
  private address = '';

  private constructor(private readonly scope: Scope | undefined) {}

  /** Starts a relay on a private unix socket, or on a loopback TCP port with `tcp: true`. */
  static async start(options: { scope?: Scope; tcp?: boolean } = {}): Promise<ScopedEngine> {
    const relay = new ScopedEngine(options.scope);
    const server = http.createServer((request, response) => relay.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      if (options.tcp) server.listen(0, '127.0.0.1', () => resolve());
      else server.listen(path.join(relay.dir, 'docker.sock'), () => resolve());
    });
    const address = server.address();
    relay.address =
      typeof address === 'string' ? `unix://${address}` : `tcp://127.0.0.1:${(address as AddressInfo).port}`;
    relay.server = server;
    return relay;
  }

  /** The host for DOCKER_HOST or a context's endpoint. */
  get host(): string {
    return this.address;
  }

  async dispose(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    this.requests.push(`${method} ${url}`);
    const fail = (status: number, message: string) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ message }));
    };
    this.allowed(method, url).then(
      (refusal) => (refusal ? fail(403, refusal) : this.forward(request, response)),
      (error: unknown) => fail(500, `the test relay could not check ${url}: ${String(error)}`),
    );
  }

  /** Undefined when the request may go to the engine; otherwise why the relay refuses it. */
  private async allowed(method: string, url: string): Promise<string | undefined> {
    if (!this.scope || method !== 'DELETE') return undefined;
    const match = /^(?:\/v[\d.]+)?\/(containers|networks|volumes)\/([^/?]+)/.exec(url);
    if (!match) return `the test relay refuses ${method} ${url}: not a container, network or volume`;
    const [, kind, id] = match;
    const name = decodeURIComponent(id);
    const labels =
      kind === 'containers'
        ? (await engine().getContainer(name).inspect()).Config.Labels
        : kind === 'networks'
          ? ((await engine().getNetwork(name).inspect()) as { Labels?: Labels }).Labels
          : (await engine().getVolume(name).inspect()).Labels;
    return this.scope(labels)
      ? undefined
      : `the test relay refuses to delete ${kind}/${name}: not the test's`;
  }

  private forward(request: http.IncomingMessage, response: http.ServerResponse): void {
    const upstream = http.request(
      { socketPath: engineSocket, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        const list = this.listKind(request.method ?? 'GET', request.url ?? '/');
        if (!list || answer.statusCode !== 200) {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          // The /events stream must reach Berth as it comes, not when it ends.
          response.flushHeaders();
          answer.pipe(response);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = JSON.stringify(this.filter(list, JSON.parse(Buffer.concat(chunks).toString('utf8'))));
          const headers = { ...answer.headers, 'content-length': String(Buffer.byteLength(body)) };
          delete headers['transfer-encoding'];
          response.writeHead(200, headers);
          response.end(body);
        });
      },
    );
    upstream.on('error', (error) => {
      if (!response.headersSent) response.writeHead(502, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ message: `the test relay lost the engine: ${error.message}` }));
    });
    request.pipe(upstream);
    response.on('close', () => upstream.destroy());
  }

  private listKind(method: string, url: string): 'containers' | 'networks' | 'volumes' | undefined {
    if (!this.scope || method !== 'GET') return undefined;
    const match = /^(?:\/v[\d.]+)?\/(containers\/json|networks|volumes)(\?|$)/.exec(url);
    if (!match) return undefined;
    return match[1] === 'containers/json' ? 'containers' : (match[1] as 'networks' | 'volumes');
  }

  private filter(kind: 'containers' | 'networks' | 'volumes', body: unknown): unknown {
    const scope = this.scope ?? (() => true);
    if (kind === 'volumes') {
      const answer = body as { Volumes?: { Labels: Labels }[] | null };
      return { ...answer, Volumes: (answer.Volumes ?? []).filter((v) => scope(v.Labels)) };
    }
    if (kind === 'networks')
      return (body as { Name: string; Labels: Labels }[]).filter(
        (n) => builtinNetworks.has(n.Name) || scope(n.Labels),
      );
    return (body as { Labels: Labels }[]).filter((c) => scope(c.Labels));
  }
}
