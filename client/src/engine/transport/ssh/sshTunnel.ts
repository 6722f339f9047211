// One authenticated SSH connection per engine session, shared by every Engine API request:
// each HTTP connection is an exec channel running `docker system dial-stdio` on it, and
// channels are kept alive for the next request. docker-modem's own ssh transport logs in
// again for every request (seconds each on a loaded host) and checks no host key at all.
import { Agent } from 'node:http';
import type { ClientRequestArgs } from 'node:http';
import { Duplex } from 'node:stream';
import type { Client, ClientChannel, ConnectConfig } from 'ssh2';
import { DialStdioError, SshHostKeyError } from './errors';
import {
  blobKeyType,
  fingerprint,
  lookupName,
  preferredHostKeyAlgorithms,
  readKnownHosts,
  verifyHostKey,
} from './knownHosts';

export interface SshTunnelOptions {
  hostname: string;
  port: number;
  username: string;
  /** SSH_AUTH_SOCK: the keys are the agent's, never read from disk. */
  agentSocket: string;
  /** known_hosts files, read again for every login so that a newly trusted host works on Retry. */
  knownHostsFiles: string[];
}

/** sshd allows 10 sessions per connection (MaxSessions); leave room for terminals. */
const maxChannels = 6;

export class SshTunnel {
  private client: Promise<Client> | undefined;
  /** The connection being opened or open, to end it even before its login completes. */
  private live: Client | undefined;
  private closed = false;
  /** Give this to docker-modem as `agent` with protocol http: it carries every request. */
  readonly agent: Agent;

  constructor(private readonly options: SshTunnelOptions) {
    this.agent = new DialStdioAgent(this);
  }

  /** A new `docker system dial-stdio` channel, logging in first if no connection is open. */
  async dialStdio(): Promise<Duplex> {
    const client = await this.connection();
    const channel = await new Promise<ClientChannel>((resolve, reject) => {
      client.exec('docker system dial-stdio', (error, opened) => (error ? reject(error) : resolve(opened)));
    });
    return new DialStdioSocket(channel);
  }

  /** Ends every channel and the SSH connection; later requests fail. */
  close(): void {
    this.closed = true;
    this.agent.destroy();
    this.live?.end();
    this.live = undefined;
    this.client = undefined;
  }

  /** The shared connection; a new login once the previous connection has dropped. */
  private connection(): Promise<Client> {
    if (this.closed) return Promise.reject(new Error('the SSH connection to the engine was closed'));
    this.client ??= this.login();
    return this.client;
  }

  private async login(): Promise<Client> {
    const { Client } = await import('ssh2');
    const pending = this.client;
    if (this.closed) throw new Error('the SSH connection to the engine was closed');
    const { hostname, port, username, agentSocket, knownHostsFiles } = this.options;
    const name = lookupName(hostname, port);
    const known = readKnownHosts(knownHostsFiles);
    const preferred = preferredHostKeyAlgorithms(known, name);
    let refusal: SshHostKeyError | undefined;
    const config: ConnectConfig = {
      host: hostname.replace(/^\[(.*)\]$/, '$1'),
      port,
      username,
      agent: agentSocket,
      // A link that died silently must end the event stream, so that the session reconnects.
      keepaliveInterval: 30_000,
      keepaliveCountMax: 3,
      hostVerifier: (key: Buffer) => {
        const verdict = verifyHostKey(known, name, key);
        if (verdict.kind === 'trusted') return true;
        refusal = new SshHostKeyError(
          verdict,
          name,
          blobKeyType(key) ?? 'unknown',
          fingerprint(key),
          knownHostsFiles,
        );
        return false;
      },
      // As ssh: ask first for the key types known_hosts has for this host.
      ...(preferred.length > 0 && {
        algorithms: { serverHostKey: { append: [], remove: preferred, prepend: preferred } },
      }),
    };
    const client = new Client();
    this.live = client;
    const ready = new Promise<Client>((resolve, reject) => {
      client.once('ready', () => resolve(client));
      client.on('error', (error) => reject(refusal ?? error));
      client.once('close', () => {
        if (this.client === pending) this.client = undefined;
        if (this.live === client) this.live = undefined;
        reject(new Error('the SSH connection closed before the login completed'));
      });
    });
    client.connect(config);
    return ready;
  }
}

class DialStdioAgent extends Agent {
  constructor(private readonly tunnel: SshTunnel) {
    super({ keepAlive: true, maxSockets: maxChannels });
  }

  override createConnection(
    _options: ClientRequestArgs,
    callback?: (error: Error | null, stream: Duplex) => void,
  ): undefined {
    // node:http reads no stream when given an error.
    const fail = callback as ((error: Error) => void) | undefined;
    this.tunnel.dialStdio().then(
      (channel) => callback?.(null, channel),
      (error: Error) => fail?.(error),
    );
    return undefined;
  }
}

/**
 * A dial-stdio channel as node:http wants a socket: it calls net.Socket's keep-alive, timeout
 * and ref methods on kept connections (a channel's liveness is the SSH keepalive's business),
 * and a remote dial-stdio that fails (no docker CLI, no engine) must fail the request with what
 * it printed, which arrives after its output ends: the end waits for the channel's close.
 */
class DialStdioSocket extends Duplex {
  private stderr = '';
  private exitCode: number | null | undefined;
  private answered = false;

  constructor(private readonly channel: ClientChannel) {
    super();
    channel.on('data', (chunk: Buffer) => {
      this.answered = true;
      if (!this.push(chunk)) channel.pause();
    });
    channel.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    channel.once('exit', (code: number | null) => {
      this.exitCode = code;
    });
    channel.on('error', (error: Error) => this.destroy(error));
    channel.once('close', () => {
      const failed = this.exitCode !== undefined && this.exitCode !== 0 && !this.answered;
      if (failed) this.destroy(new DialStdioError(this.stderr.trim(), this.exitCode ?? undefined));
      else this.push(null);
    });
  }

  override _read(): void {
    this.channel.resume();
  }

  override _write(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.channel.write(chunk, encoding, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.channel.end();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.channel.destroy();
    callback(error);
  }

  setKeepAlive(): this {
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  setTimeout(): this {
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }
}
