// A private OpenSSH server on 127.0.0.1 and a private ssh-agent, so that Berth's ssh:// transport
// runs `docker system dial-stdio` over a real SSH login to this machine's engine. Everything
// (host key, authorized_keys, pid file, agent socket) lives in one temporary folder; the
// system's sshd configuration is never read or changed.
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { socketPath as engineSocket } from './engine';

const sshd = '/usr/sbin/sshd';

/** Undefined when sshd, ssh-agent, ssh-add and ssh-keygen can be run as root; otherwise why not. */
export function sshMissingReason(): string | undefined {
  if (!fs.existsSync(sshd)) return `${sshd} is missing: install it with "apt-get install openssh-server"`;
  for (const tool of ['ssh-agent', 'ssh-add', 'ssh-keygen']) {
    try {
      execFileSync('which', [tool], { stdio: 'ignore' });
    } catch {
      return `${tool} is missing: install it with "apt-get install openssh-client"`;
    }
  }
  if (process.getuid?.() !== 0) return 'the private sshd logs in as root, so the test must run as root';
  return undefined;
}

/** A port nobody listens on right now (the kernel's pick, released at once). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves with the first line `stream` prints that matches, or rejects when the process ends. */
function waitForLine(child: ChildProcess, pattern: RegExp, what: string, timeoutMs = 10_000): Promise<void> {
  let output = '';
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`timed out waiting for ${what}:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) done();
    };
    const onExit = (code: number | null) => done(new Error(`${what}: exited with ${code}:\n${output}`));
    function done(error?: Error) {
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    }
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Writes a new passphrase-less ed25519 key pair to `file` and `file.pub`. */
function newKey(comment: string, file: string): void {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file]);
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** One SSH login (root, by key only) and the agent that holds its key. */
export class SshServer {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-ssh-'));
  /** The agent holding the key sshd accepts, for SSH_AUTH_SOCK. */
  readonly agentSocket = path.join(this.dir, 'agent.sock');
  /** An agent holding no key at all, for the "no key" case. */
  readonly emptyAgentSocket = path.join(this.dir, 'empty-agent.sock');
  port = 0;
  /** sshd's own log (-e), to tell why a login was refused. */
  log = '';
  private daemon: ChildProcess | undefined;
  private readonly agents: ChildProcess[] = [];

  private readonly remotePath: string | undefined;
  private readonly forwarding: boolean;
  private readonly maxAuthTries: number | undefined;

  constructor(
    options: {
      /** Replaces the PATH of login sessions, e.g. to hide the docker CLI. */
      remotePath?: string;
      /** Lets logins open TCP connections onward, as a ProxyJump host must. */
      forwarding?: boolean;
      /** sshd's MaxAuthTries: the keys a login may offer before sshd ends it. */
      maxAuthTries?: number;
    } = {},
  ) {
    this.remotePath = options.remotePath;
    this.forwarding = options.forwarding ?? false;
    this.maxAuthTries = options.maxAuthTries;
  }

  /** `ssh://<user>@127.0.0.1:<port>` for DOCKER_HOST. */
  host(user = 'root'): string {
    return `ssh://${user}@127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const file = (name: string) => path.join(this.dir, name);
    newKey('berth-test-host', file('host_key'));
    newKey('berth-test-user', file('id_ed25519'));
    fs.copyFileSync(file('id_ed25519.pub'), file('authorized_keys'));
    this.port = await freePort();
    fs.writeFileSync(
      file('sshd_config'),
      [
        `ListenAddress 127.0.0.1`,
        `Port ${this.port}`,
        `HostKey ${file('host_key')}`,
        `PidFile ${file('sshd.pid')}`,
        `AuthorizedKeysFile ${file('authorized_keys')}`,
        // Only in this private daemon: root, by key, and nobody else.
        'PermitRootLogin prohibit-password',
        'AllowUsers root',
        'PubkeyAuthentication yes',
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'UsePAM no',
        // The key files sit under the world-writable temp folder, which StrictModes refuses.
        'StrictModes no',
        'X11Forwarding no',
        `AllowTcpForwarding ${this.forwarding ? 'yes' : 'no'}`,
        'PrintMotd no',
        ...(this.maxAuthTries === undefined ? [] : [`MaxAuthTries ${this.maxAuthTries}`]),
        // dial-stdio must reach this machine's engine whatever root's docker context says.
        `SetEnv DOCKER_HOST=unix://${engineSocket}${this.remotePath ? ` PATH=${this.remotePath}` : ''}`,
        'LogLevel VERBOSE',
        '',
      ].join('\n'),
    );
    // sshd refuses to start without its privilege separation folder, which only the service creates.
    fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
    const daemon = spawn(sshd, ['-D', '-e', '-f', file('sshd_config')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    daemon.stderr.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    this.daemon = daemon;
    await waitForLine(daemon, /Server listening on 127\.0\.0\.1 port/, 'sshd to listen');

    await this.startAgent(this.agentSocket);
    execFileSync('ssh-add', ['-q', file('id_ed25519')], {
      env: { PATH: process.env.PATH, SSH_AUTH_SOCK: this.agentSocket },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    await this.startAgent(this.emptyAgentSocket);
  }

  /**
   * Another agent, holding `count` new keys that sshd does not accept (and then `keyFiles`), as
   * a user's agent full of keys for other hosts; returns its socket.
   */
  async crowdedAgent(count: number, keyFiles: string[] = []): Promise<string> {
    const socket = path.join(this.dir, `agent-${this.agents.length}.sock`);
    await this.startAgent(socket);
    const files = Array.from({ length: count }, (_, k) =>
      path.join(this.dir, `other-${this.agents.length}-${k}`),
    );
    for (const file of files) newKey('berth-test-other', file);
    for (const file of [...files, ...keyFiles])
      execFileSync('ssh-add', ['-q', file], {
        env: { PATH: process.env.PATH, SSH_AUTH_SOCK: socket },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    return socket;
  }

  private async startAgent(socket: string): Promise<void> {
    const agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.agents.push(agent);
    // -D prints the variables to set once the socket is bound.
    await new Promise<void>((resolve, reject) => {
      agent.stdout.once('data', () => resolve());
      agent.once('exit', (code) => reject(new Error(`ssh-agent exited with ${code}`)));
    });
  }

  /** `ssh-ed25519 AAAA…`: the host key as known_hosts and ssh-keyscan write it. */
  hostKeyLine(): string {
    return fs.readFileSync(path.join(this.dir, 'host_key.pub'), 'utf8').split(' ').slice(0, 2).join(' ');
  }

  /** The host key's fingerprint, as `ssh-keygen -lf` prints it. */
  hostKeyFingerprint(): string {
    return execFileSync('ssh-keygen', ['-lf', path.join(this.dir, 'host_key.pub')], {
      encoding: 'utf8',
    }).split(' ')[1];
  }

  /** How many logins sshd has accepted so far. */
  logins(): number {
    return (this.log.match(/Accepted publickey for/g) ?? []).length;
  }

  /**
   * Ends every logged-in connection, as a dropped network would, by stopping the per-login
   * processes this daemon forked; the daemon itself keeps listening.
   */
  dropConnections(): number {
    const daemon = this.daemon?.pid;
    if (daemon === undefined) return 0;
    let dropped = 0;
    for (const entry of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      let stat: string;
      try {
        stat = fs.readFileSync(path.join('/proc', entry, 'stat'), 'utf8');
      } catch {
        continue;
      }
      // The parent pid is the second field after the parenthesised command name.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== daemon) continue;
      try {
        process.kill(Number(entry), 'SIGKILL');
        dropped++;
      } catch {
        // It ended by itself meanwhile.
      }
    }
    return dropped;
  }

  /** Stops sshd (only its listener: a login in progress keeps its own process) and the agents. */
  async stopDaemon(): Promise<void> {
    await stop(this.daemon);
    this.daemon = undefined;
  }

  async dispose(): Promise<void> {
    await this.stopDaemon();
    await Promise.all(this.agents.map(stop));
    this.agents.length = 0;
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
