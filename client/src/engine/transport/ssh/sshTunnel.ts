// One authenticated SSH connection per engine session (through its ProxyJump hosts or from its
// ProxyCommand), shared by every Engine API request: each HTTP connection is an exec channel
// running `docker system dial-stdio` on it, and channels are kept alive for the next request.
// docker-modem's own ssh transport logs in again for every request (seconds each on a loaded
// host) and checks no host key at all.
import { Agent } from 'node:http';
import type { ClientRequestArgs } from 'node:http';
import { Duplex } from 'node:stream';
import type * as Ssh2Module from 'ssh2';
import type { AnyAuthMethod, AuthHandlerMiddleware, Client, ClientChannel, ConnectConfig } from 'ssh2';
import type { PausableClock } from '../deadline';
import {
  DialStdioError,
  SshConnectTimeoutError,
  SshHostKeyError,
  SshJumpError,
  SshKeysUnusableError,
  SshProxyCommandError,
} from './errors';
import {
  blobKeyType,
  fingerprint,
  preferredHostKeyAlgorithms,
  readKnownHosts,
  verifyHostKey,
} from './knownHosts';
import { filteredAgents } from './filteredAgent';
import { startProxyCommand, type ProxyProcess } from './proxyProcess';
import { keyMethods, type AskPassphrase } from './sshKeys';
import type { SshHop, SshTarget } from './sshTarget';

export interface SshTunnelOptions extends Pick<SshTarget, keyof SshHop | 'jumps'> {
  /** Unlocks a key file behind a passphrase when a login reaches it; without it, such a key is skipped. */
  askPassphrase?: AskPassphrase;
  /** Stopped while a handshake runs (its ConnectTimeout limits it) and while a passphrase is asked. */
  clock?: PausableClock;
}

/** sshd allows 10 sessions per connection (MaxSessions); leave room for terminals. */
const maxChannels = 6;

type Ssh2 = typeof Ssh2Module;

const closedError = () => new Error('the SSH connection to the engine was closed');

export class SshTunnel {
  private client: Promise<Client> | undefined;
  /** The connections being opened or open (jump hosts first), to end them even mid-login. */
  private live: Client[] = [];
  /** The ProxyCommand programs carrying those connections. */
  private proxies: ProxyProcess[] = [];
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

  /** Ends every channel and the SSH connections; later requests fail. */
  close(): void {
    this.closed = true;
    this.agent.destroy();
    for (const client of this.live) client.end();
    this.live = [];
    for (const proxy of this.proxies) proxy.stop();
    this.proxies = [];
    this.client = undefined;
  }

  /** The shared connection; a new login once the previous connection has dropped. */
  private connection(): Promise<Client> {
    if (this.closed) return Promise.reject(closedError());
    this.client ??= this.login();
    return this.client;
  }

  /** The passphrase question, with the clock stopped while it waits for an answer. */
  private askPassphrase(): AskPassphrase | undefined {
    const { askPassphrase: ask, clock } = this.options;
    if (!ask || !clock) return ask;
    return (file, host, attempt) => {
      const resume = clock.pause();
      return ask(file, host, attempt).finally(resume);
    };
  }

  /** Logs in to each jump host in turn, each reached through the one before, then the engine's host. */
  private async login(): Promise<Client> {
    // The default export: Node's ESM view of this CommonJS module does not name `utils`.
    const ssh2 = (await import('ssh2')).default;
    const pending = this.client;
    const clients: Client[] = [];
    const proxies: ProxyProcess[] = [];
    this.live = clients;
    this.proxies = proxies;
    const forget = () => {
      if (this.client === pending) this.client = undefined;
      for (const client of clients) client.end();
      for (const proxy of proxies) proxy.stop();
      if (this.live === clients) this.live = [];
      if (this.proxies === proxies) this.proxies = [];
    };
    try {
      const hops = [...this.options.jumps, this.options];
      let via: Client | undefined;
      for (const [index, hop] of hops.entries()) {
        if (this.closed) throw closedError();
        const jump = index < hops.length - 1 ? hop : undefined;
        let proxy: ProxyProcess | undefined;
        try {
          // Only the first connection can start from a ProxyCommand (sshTarget refuses others).
          if (!via && hop.proxyCommand) proxies.push((proxy = await startProxyCommand(hop.proxyCommand)));
          const sock = via ? await forwardTo(via, hops[index - 1], hop) : proxy?.stream;
          via = await loginTo(ssh2, hop, sock, clients, this.askPassphrase(), this.options.clock);
        } catch (error) {
          // A login that lost its ProxyCommand says why the program ended, in its own words.
          if (proxy?.outputEnded() && hop.proxyCommand && !(error instanceof SshHostKeyError))
            throw new SshProxyCommandError(hop.proxyCommand, await proxy.ended());
          // A refused host key or key file says so itself; a jump that did not forward names its host.
          const explained =
            error instanceof SshHostKeyError ||
            error instanceof SshConnectTimeoutError ||
            error instanceof SshKeysUnusableError ||
            error instanceof SshProxyCommandError ||
            error instanceof SshJumpError;
          throw jump && !explained
            ? new SshJumpError(`${jump.username}@${jump.hostname}:${jump.port}`, (error as Error).message)
            : error;
        }
      }
      // A jump host's connection that drops takes the forwarded one with it.
      via!.once('close', forget);
      return via!;
    } catch (error) {
      forget();
      throw error;
    }
  }
}

/** A TCP connection from `jump` to `hop`, as ssh -J opens it. */
function forwardTo(via: Client, jump: SshHop, hop: SshHop): Promise<Duplex> {
  const host = hop.hostname.replace(/^\[(.*)\]$/, '$1');
  return new Promise<Duplex>((resolve, reject) => {
    via.forwardOut('127.0.0.1', 0, host, hop.port, (error, stream) =>
      error
        ? reject(
            new SshJumpError(
              `${jump.username}@${jump.hostname}:${jump.port}`,
              `it did not open a connection to ${host}:${hop.port}: ${error.message}`,
            ),
          )
        : resolve(stream),
    );
  });
}

/** One authenticated connection to `hop`, over `sock` when it is behind a jump host. */
async function loginTo(
  ssh2: Ssh2,
  hop: SshHop,
  sock: Duplex | undefined,
  clients: Client[],
  ask: AskPassphrase | undefined,
  clock: PausableClock | undefined,
): Promise<Client> {
  const { hostname, port, username, knownHostsFiles, knownHostsName: name } = hop;
  const label = `${username}@${hostname}${port === 22 ? '' : `:${port}`}`;
  const methods = keyMethods(
    hop,
    label,
    (data, passphrase) => ssh2.utils.parseKey(data, passphrase),
    ask,
    filteredAgents(ssh2),
  );
  if (!methods.any) throw new SshKeysUnusableError(methods.unusable);
  const turns = [...methods.turns];
  // Asked one method at a time, so that a passphrase is asked for only once the login needs it.
  const authHandler: AuthHandlerMiddleware = (_left, _partial, next) => {
    void (async () => {
      for (let turn = turns.shift(); turn; turn = turns.shift()) {
        const method = await turn().catch(() => undefined);
        if (method) return next(method);
      }
      // ssh2 reads `false` as "nothing left"; its typings do not list it.
      next(false as unknown as AnyAuthMethod);
    })();
  };
  const known = readKnownHosts(knownHostsFiles);
  const preferred = preferredHostKeyAlgorithms(known, name);
  let refusal: SshHostKeyError | undefined;
  const config: ConnectConfig = {
    ...(sock ? { sock } : { host: hostname.replace(/^\[(.*)\]$/, '$1'), port }),
    username,
    authHandler,
    // A link that died silently must end the event stream, so that the session reconnects.
    keepaliveInterval: hop.keepalive.intervalMs,
    keepaliveCountMax: hop.keepalive.countMax,
    // ssh2's own limit runs until the login ends, passphrase questions included: Berth's stops at
    // the end of the key exchange, as ssh's ConnectTimeout.
    readyTimeout: 0,
    hostVerifier: (key: Buffer) => {
      const verdict = verifyHostKey(known, name, key);
      if (verdict.kind === 'trusted') return true;
      refusal = new SshHostKeyError(
        verdict,
        name,
        blobKeyType(key) ?? 'unknown',
        fingerprint(key),
        knownHostsFiles,
        { hostname, port, username },
      );
      return false;
    },
    // As ssh: ask first for the key types known_hosts has for this host.
    ...(preferred.length > 0 && {
      algorithms: { serverHostKey: { append: [], remove: preferred, prepend: preferred } },
    }),
  };
  const client = new ssh2.Client();
  clients.push(client);
  const handshake = limitHandshake(client, hop, clock);
  const ready = new Promise<Client>((resolve, reject) => {
    client.once('ready', () => resolve(client));
    client.on('error', (error: Error & { level?: string }) => {
      handshake.over();
      // ssh2 goes on to the key files after an agent that fails; only the login's end decides.
      if (error.level === 'agent' && methods.fileTurns > 0) return;
      // Nothing but keys whose passphrase was not given: say that, not "refused".
      const onlyDeclined =
        error.level === 'client-authentication' &&
        methods.declined.length === methods.turns.length &&
        methods.declined.length > 0;
      reject(
        handshake.timedOut() ??
          refusal ??
          (onlyDeclined
            ? new SshKeysUnusableError(methods.declined.map((file) => `${file} (no passphrase given)`))
            : error),
      );
    });
    client.once('close', () => {
      handshake.over();
      reject(handshake.timedOut() ?? new Error('the SSH connection closed before the login completed'));
    });
  });
  client.connect(config);
  return ready;
}

/**
 * As ssh's ConnectTimeout: reaching the host and the key exchange must end in time, or the
 * connection is cut. The login after it, passphrase questions included, has no such limit, and
 * connect()'s clock stops meanwhile.
 */
function limitHandshake(client: Client, hop: SshHop, clock: PausableClock | undefined) {
  const resumeClock = clock?.pause();
  let timedOut: SshConnectTimeoutError | undefined;
  const timer = setTimeout(() => {
    const { hostname, port, username, connectTimeout } = hop;
    timedOut = new SshConnectTimeoutError(
      { hostname, port, username },
      connectTimeout.ms / 1000,
      connectTimeout.at,
    );
    client.destroy();
  }, hop.connectTimeout.ms);
  const over = () => {
    clearTimeout(timer);
    resumeClock?.();
  };
  client.once('handshake', over);
  return { over, timedOut: () => timedOut };
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
