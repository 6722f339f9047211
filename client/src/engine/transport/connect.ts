// Opens a dockerode client for a resolved endpoint and proves it works with one `/version` call.
// Every failure comes back as an EngineProblem, never as a raw exception.
import { existsSync, readFileSync } from 'node:fs';
import type { Agent as HttpAgent } from 'node:http';
import type Docker from 'dockerode';
import type { ResolvedEndpoint, ResolveOptions } from './endpoint';
import { resolveEndpoint } from './endpoint';
import { Deadline, type PausableClock } from './deadline';
import type { EngineInfo } from '../model/snapshot';
import { classifyError } from '../problems/classify';
import {
  ApiVersionError,
  SshAgentMissingError,
  TlsFileError,
  compareApiVersions,
  minimumApiVersion,
} from '../problems/errors';
import type { EngineProblem } from '../problems/problem';
import { SshProxyError } from './ssh/errors';
import type { ConfigFile } from './ssh/sshConfig';
import type { AskPassphrase } from './ssh/sshKeys';
import { resolveSshTarget, type SshTarget } from './ssh/sshTarget';
import { SshTunnel } from './ssh/sshTunnel';
import { UnverifiedTlsAgent } from './unverifiedTls';

export type ConnectResult =
  | {
      ok: true;
      docker: Docker;
      info: EngineInfo;
      endpoint: ResolvedEndpoint;
      /** Ends what the client holds open (ssh://'s connection, TLS connections); the client then fails. */
      close: () => void;
      /** What in the ssh_config files was not followed, for the log. */
      notes: string[];
    }
  | { ok: false; problem: EngineProblem; endpoint?: ResolvedEndpoint; notes: string[] };

/** What docker-modem reads beyond dockerode's typings. */
type ModemOptions = Docker.DockerOptions & { agent?: HttpAgent };

/** Counts every Engine API request a client sends, for the idle-traffic benchmark and tests. */
export interface RequestCounter {
  count: number;
}

function readTlsFile(path: string | undefined, role: 'ca' | 'cert' | 'key'): Buffer | undefined {
  if (path === undefined) return undefined;
  try {
    return readFileSync(path);
  } catch (error) {
    throw new TlsFileError(path, role, error);
  }
}

export interface SshFiles {
  /** known_hosts files that vouch for ssh:// hosts; by default those ssh_config and ssh name. */
  knownHostsFiles?: string[];
  /** ssh_config files, in ssh's order; by default ~/.ssh/config, then /etc/ssh/ssh_config. */
  sshConfigFiles?: ConfigFile[];
}

/** Where an ssh:// endpoint really is, through ssh_config; throws for a route Berth cannot take. */
function sshTargetOf(endpoint: ResolvedEndpoint, env: NodeJS.ProcessEnv, files: SshFiles = {}): SshTarget {
  const target = resolveSshTarget(
    { hostname: endpoint.hostname ?? '', port: endpoint.port, username: endpoint.username },
    { env, configFiles: files.sshConfigFiles, knownHostsFiles: files.knownHostsFiles },
  );
  if (target.proxy) throw new SshProxyError(target.proxy);
  return target;
}

/**
 * The SSH connection an ssh:// endpoint's requests share; nothing is sent until the first one.
 * Throws SshAgentMissingError with neither an agent nor a key file, before anything is sent.
 */
function openSshTunnel(
  target: SshTarget,
  askPassphrase: AskPassphrase | undefined,
  clock: PausableClock,
): SshTunnel {
  if (target.agentSocket === undefined && !target.identityFiles.some((file) => existsSync(file)))
    throw new SshAgentMissingError(target.identityFilesConfigured ? target.identityFiles : []);
  return new SshTunnel({ ...target, askPassphrase, clock });
}

/**
 * What requests name as their host when the agent makes the connection itself (SSH, unverified
 * TLS). It must be localhost: VS Code's proxy support (http.proxySupport override) swaps the
 * agent of a request to any other host for its own, which would dial the placeholder.
 */
const tunnelPlaceholderHost = 'localhost';

/**
 * dockerode options for an endpoint; ssh:// needs its `tunnel`. Reads TLS files; throws
 * TlsFileError naming a missing one.
 */
export function dockerOptions(endpoint: ResolvedEndpoint, tunnel?: SshTunnel): Docker.DockerOptions {
  // Every field is set, even to undefined, because docker-modem merges in its own reading of
  // DOCKER_HOST underneath and we must not mix the two.
  const base: Docker.DockerOptions = {
    socketPath: undefined,
    host: undefined,
    port: undefined,
    protocol: undefined,
    ca: undefined,
    cert: undefined,
    key: undefined,
  };
  switch (endpoint.transport) {
    case 'unix':
    case 'npipe':
      return { ...base, socketPath: endpoint.socketPath };
    case 'ssh': {
      if (!tunnel) throw new Error(`${endpoint.host} needs an SSH tunnel`);
      // Plain HTTP through the tunnel's agent: docker-modem's own 'ssh' protocol would log in
      // again for every request. The host is a placeholder, as in the docker CLI's ssh helper.
      const options: ModemOptions = {
        ...base,
        protocol: 'http',
        host: tunnelPlaceholderHost,
        port: 80,
        agent: tunnel.agent,
      };
      return options;
    }
    case 'tcp': {
      const tls = endpoint.tls;
      if (!tls) return { ...base, protocol: 'http', host: endpoint.hostname, port: endpoint.port };
      const files = {
        ca: readTlsFile(tls.ca, 'ca'),
        cert: readTlsFile(tls.cert, 'cert'),
        key: readTlsFile(tls.key, 'key'),
      };
      if (!tls.verify) {
        // The agent speaks TLS; the requests through it name a placeholder host, as over SSH.
        const agent = new UnverifiedTlsAgent({
          host: endpoint.hostname ?? '',
          port: endpoint.port ?? 2376,
          ...files,
        });
        const options: ModemOptions = {
          ...base,
          protocol: 'http',
          host: tunnelPlaceholderHost,
          port: 80,
          agent,
        };
        return options;
      }
      const options: ModemOptions = {
        ...base,
        protocol: 'https',
        host: endpoint.hostname,
        port: endpoint.port,
        ...files,
      };
      return options;
    }
  }
}

/**
 * dockerode (with docker-modem, ssh2 and grpc) is most of the bundle's start-up cost; it is
 * evaluated on the first connect, which happens only once a Berth view is visible.
 */
async function loadDockerode(): Promise<typeof Docker> {
  return (await import('dockerode')).default;
}

async function createClient(options: Docker.DockerOptions, counter?: RequestCounter): Promise<Docker> {
  const Dockerode = await loadDockerode();
  let docker: Docker;
  try {
    docker = new Dockerode(options);
  } catch (error) {
    // docker-modem reads DOCKER_CERT_PATH itself while constructing; name the file it missed.
    const e = error as { code?: string; path?: string };
    if (e.code === 'ENOENT' && e.path) throw new TlsFileError(e.path, roleOf(e.path), error);
    throw error;
  }
  if (counter) {
    const modem = docker.modem as { dial: (...args: unknown[]) => unknown };
    const dial = modem.dial.bind(modem);
    modem.dial = (...args: unknown[]) => {
      counter.count++;
      return dial(...args);
    };
  }
  return docker;
}

function roleOf(path: string): 'ca' | 'cert' | 'key' {
  return path.endsWith('key.pem') ? 'key' : path.endsWith('cert.pem') ? 'cert' : 'ca';
}

export interface ConnectOptions extends ResolveOptions, SshFiles {
  counter?: RequestCounter;
  /** Unlocks an ssh:// key file behind a passphrase; without it, such a key is skipped. */
  askPassphrase?: AskPassphrase;
  /** Gives up on an engine that does not answer /version in time. */
  timeoutMs?: number;
}

/** Resolves, connects and checks the API version. Never throws. */
export async function connect(options: ConnectOptions = {}): Promise<ConnectResult> {
  let endpoint: ResolvedEndpoint | undefined;
  let tunnel: SshTunnel | undefined;
  let agent: HttpAgent | undefined;
  let notes: string[] = [];
  // What a client of its own holds open: the SSH connection, or kept-alive TLS connections.
  const release = () => {
    tunnel?.close();
    agent?.destroy();
  };
  const deadline = new Deadline(options.timeoutMs ?? 15_000);
  try {
    endpoint = resolveEndpoint(options);
    if (endpoint.transport === 'ssh') {
      const target = sshTargetOf(endpoint, options.env ?? process.env, options);
      notes = target.notes;
      // What failed is then told about the host, port and user ssh_config led to.
      endpoint = { ...endpoint, hostname: target.hostname, port: target.port, username: target.username };
      tunnel = openSshTunnel(target, options.askPassphrase, deadline);
    }
    const modemOptions: ModemOptions = dockerOptions(endpoint, tunnel);
    agent = modemOptions.agent;
    const docker = await createClient(modemOptions, options.counter);
    const local = endpoint.transport === 'unix' || endpoint.transport === 'npipe';
    // A daemon going down cuts what it had accepted until its socket is closed; asking again,
    // a few times at most, finds why (socket gone, refused).
    const version = await versionPastCuts(docker, deadline.signal, local ? 4 : 1);
    if (compareApiVersions(version.ApiVersion, minimumApiVersion) < 0) {
      throw new ApiVersionError(version.ApiVersion, version.Version);
    }
    const info: EngineInfo = {
      version: version.Version,
      apiVersion: version.ApiVersion,
      os: version.Os,
      arch: version.Arch,
      endpointLabel: endpoint.label,
    };
    return { ok: true, docker, info, endpoint, close: release, notes };
  } catch (error) {
    release();
    const fallback: ResolvedEndpoint = endpoint ?? {
      host: options.dockerHost ?? '',
      transport: 'tcp',
      source: 'setting',
      label: options.dockerHost ?? '',
      insecure: false,
    };
    return {
      ok: false,
      problem: classifyError(abortAsTimeout(error, deadline.signal), fallback),
      endpoint,
      notes,
    };
  } finally {
    deadline.finish();
  }
}

async function versionPastCuts(
  docker: Docker,
  deadline: AbortSignal,
  tries: number,
): Promise<Docker.DockerVersion> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await versionWithin(docker, deadline);
    } catch (error) {
      if (attempt >= tries || !isCut(error)) throw error;
    }
  }
}

function isCut(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'ECONNRESET' || code === 'EPIPE';
}

/** dockerode accepts an abort signal for /version; its typings do not say so. */
function versionWithin(docker: Docker, deadline: AbortSignal): Promise<Docker.DockerVersion> {
  const client = docker as unknown as {
    version(opts: { abortSignal: AbortSignal }): Promise<Docker.DockerVersion>;
  };
  return client.version({ abortSignal: deadline });
}

/**
 * An aborted /version call is a host that never answered: report it as a timeout. Over ssh://
 * the abort surfaces as the tunnel's "socket hang up", so the signal decides, not the error.
 */
function abortAsTimeout(error: unknown, deadline: AbortSignal): unknown {
  const e = error as { name?: string; message?: string };
  if (deadline.aborted || e?.name === 'AbortError' || e?.name === 'TimeoutError') {
    return Object.assign(new Error(e?.message ?? 'timed out'), { code: 'ETIMEDOUT' });
  }
  return error;
}
