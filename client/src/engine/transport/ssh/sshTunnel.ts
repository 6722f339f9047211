// One authenticated SSH connection per engine session, shared by every Engine API request:
// each HTTP connection is an exec channel running `docker system dial-stdio` on it, and
// channels are kept alive for the next request. docker-modem's own ssh transport logs in
// again for every request (seconds each on a loaded host) and checks no host key at all.
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import type { ClientRequestArgs } from 'node:http';
import { Duplex } from 'node:stream';
import type {
  AgentAuthMethod,
  Client,
  ClientChannel,
  ConnectConfig,
  ParsedKey,
  PublicKeyAuthMethod,
} from 'ssh2';
import { DialStdioError, SshHostKeyError, SshKeysUnusableError } from './errors';
import {
  blobKeyType,
  fingerprint,
  preferredHostKeyAlgorithms,
  readKnownHosts,
  verifyHostKey,
} from './knownHosts';
import type { SshTarget } from './sshTarget';

export type SshTunnelOptions = Pick<
  SshTarget,
  'hostname' | 'port' | 'username' | 'knownHostsName' | 'knownHostsFiles' | 'agentSocket' | 'identityFiles'
>;

type ParseKey = (data: Buffer) => ParsedKey | ParsedKey[] | Error;

/**
 * The key files that exist and can sign without a passphrase, and why the others cannot, read
 * at each login so that a key added on the way works on Retry. ssh would ask for a
 * passphrase; Berth leaves that to ssh-agent.
 */
function readKeys(files: readonly string[], parseKey: ParseKey): { keys: ParsedKey[]; unusable: string[] } {
  const keys: ParsedKey[] = [];
  const unusable: string[] = [];
  for (const file of files) {
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch {
      continue;
    }
    const parsed = parseKey(data);
    const key = Array.isArray(parsed) ? parsed[0] : parsed;
    if (key instanceof Error || key === undefined) unusable.push(`${file} (${key?.message ?? 'no key'})`);
    else keys.push(key);
  }
  return { keys, unusable };
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
    // The default export: Node's ESM view of this CommonJS module does not name `utils`.
    const { Client, utils } = (await import('ssh2')).default;
    const pending = this.client;
    if (this.closed) throw new Error('the SSH connection to the engine was closed');
    const { hostname, port, username, agentSocket, knownHostsFiles, knownHostsName: name } = this.options;
    const { keys, unusable } = readKeys(this.options.identityFiles, (data) => utils.parseKey(data));
    if (agentSocket === undefined && keys.length === 0) throw new SshKeysUnusableError(unusable);
    // As ssh: the agent's keys first, then the key files.
    const auth: (AgentAuthMethod | PublicKeyAuthMethod)[] = [
      ...(agentSocket === undefined ? [] : [{ type: 'agent' as const, username, agent: agentSocket }]),
      ...keys.map((key) => ({ type: 'publickey' as const, username, key })),
    ];
    const known = readKnownHosts(knownHostsFiles);
    const preferred = preferredHostKeyAlgorithms(known, name);
    let refusal: SshHostKeyError | undefined;
    const config: ConnectConfig = {
      host: hostname.replace(/^\[(.*)\]$/, '$1'),
      port,
      username,
      authHandler: auth,
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
      client.on('error', (error: Error & { level?: string }) => {
        // ssh2 goes on to the key files after an agent that fails; only the login's end decides.
        if (error.level === 'agent' && keys.length > 0) return;
        reject(refusal ?? error);
      });
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
