// Where an ssh:// engine really is and how to log in to it: the URL first, then the user's and
// the system's ssh_config, then ssh's defaults. The docker CLI passes the URL's user and port to
// `ssh` on its command line, so they win over the config as they do there.
import { readFileSync, readdirSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import {
  defaultConfigFiles,
  systemSshDir,
  expandPathTokens,
  resolveSshConfig,
  type ConfigFile,
  type ConfigPlace,
  type SshHostOptions,
  type SshProxy,
} from './sshConfig';
import { lookupName } from './knownHosts';
import { proxyArgv } from './proxyCommand';

/** One SSH login on the way to the engine: a jump host, or the engine's host itself. */
export interface SshHop {
  hostname: string;
  port: number;
  username: string;
  /** The name known_hosts is searched for: HostKeyAlias, else `host` or `[host]:port`. */
  knownHostsName: string;
  knownHostsFiles: string[];
  /** The ssh-agent socket; undefined for none (IdentityAgent none, or no SSH_AUTH_SOCK). */
  agentSocket?: string;
  /** Key files to offer after the agent's keys: IdentityFile, else ssh's default names. */
  identityFiles: string[];
  /** IdentitiesOnly: of the agent's keys, only those of `identityFiles` are offered. */
  identitiesOnly: boolean;
  /** The program whose standard input and output reach this host, as ssh's ProxyCommand. */
  proxyCommand?: ProxyCommandRoute;
  /** How long reaching the host and the key exchange may take, in ms, and the ConnectTimeout that says so. */
  connectTimeout: { ms: number; at?: ConfigPlace };
  /** ServerAliveInterval and ServerAliveCountMax: a link that died silently ends the connection. */
  keepalive: { intervalMs: number; countMax: number };
}

export interface ProxyCommandRoute {
  argv: string[];
  /** As written in the config, for messages. */
  line: string;
  at: ConfigPlace;
}

export interface SshTarget extends SshHop {
  /** The name the URL gave, which the config may map to another HostName. */
  originalHost: string;
  /** Whether IdentityFile came from the config (else they are ssh's defaults, often absent). */
  identityFilesConfigured: boolean;
  /** The ProxyJump hosts, in the order they are logged in to, each resolved through the config. */
  jumps: SshHop[];
  /** A route Berth cannot take: ProxyCommand, or jumps nested too deep. */
  proxy?: SshProxy;
  /** What in the config files was not followed, for the log. */
  notes: string[];
}

export interface SshTargetSource {
  /** As in the URL: `host`, or `[v6]`. */
  hostname: string;
  port?: number;
  username?: string;
}

export interface SshTargetOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** ssh_config files in the order ssh reads them; by default the user's, then the system's. */
  configFiles?: ConfigFile[];
  /** known_hosts files that override what the config and ssh's defaults name. */
  knownHostsFiles?: string[];
  platform?: NodeJS.Platform;
}

/** Win32-OpenSSH's agent service listens on this pipe, and its ssh uses it without SSH_AUTH_SOCK. */
export const windowsAgentPipe = '\\\\.\\pipe\\openssh-ssh-agent';

function defaultAgent(platform: NodeJS.Platform): string | undefined {
  return platform === 'win32' ? windowsAgentPipe : undefined;
}

/** The key files ssh tries when no IdentityFile applies, of the types ssh2 can sign with. */
const defaultIdentityNames = ['id_rsa', 'id_ecdsa', 'id_ed25519', 'id_dsa'];

function readIfAny(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function listIfAny(dir: string): string[] | undefined {
  try {
    return readdirSync(dir);
  } catch {
    return undefined;
  }
}

/** ssh's own limit on jump hosts behind jump hosts. */
const maxJumpDepth = 8;

/**
 * One ProxyJump entry: `[user@]host[:port]` or `ssh://[user@]host[:port]`; undefined for what
 * ssh would refuse too.
 */
export function parseJump(spec: string): SshTargetSource | undefined {
  let url: URL;
  try {
    url = new URL(spec.startsWith('ssh://') ? spec : `ssh://${spec}`);
  } catch {
    return undefined;
  }
  if (!url.hostname || (url.pathname !== '' && url.pathname !== '/') || url.search || url.hash)
    return undefined;
  return {
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    username: url.username ? decodeURIComponent(url.username) : undefined,
  };
}

/** Resolves an ssh:// URL's host through ssh_config. Reads the config files; never throws. */
export function resolveSshTarget(source: SshTargetSource, options: SshTargetOptions): SshTarget {
  return resolveHop(source, options, 0);
}

function resolveHop(source: SshTargetSource, options: SshTargetOptions, depth: number): SshTarget {
  const env = options.env;
  const home = env.HOME || homedir();
  const platform = options.platform ?? process.platform;
  const system = systemSshDir(platform, env);
  const localUser = userInfo().username;
  const originalHost = source.hostname.replace(/^\[(.*)\]$/, '$1');
  const config = resolveSshConfig(
    originalHost,
    options.configFiles ?? defaultConfigFiles(home, system),
    { home, localUser, user: source.username },
    { read: readIfAny, list: listIfAny },
  );
  const hostname = config.hostName ?? originalHost;
  const port = source.port ?? config.port ?? 22;
  const username = source.username ?? config.user ?? localUser;
  const values = {
    home,
    localUser,
    hostName: hostname,
    originalHost,
    port,
    user: username,
    uid: process.getuid?.(),
  };
  const expand = (path: string) => expandPathTokens(path, values, env);
  const ssh = join(home, '.ssh');
  const knownHostsFiles = options.knownHostsFiles ?? [
    ...(config.userKnownHostsFiles ?? [join(ssh, 'known_hosts'), join(ssh, 'known_hosts2')]).map(expand),
    ...(
      config.globalKnownHostsFiles ?? [join(system, 'ssh_known_hosts'), join(system, 'ssh_known_hosts2')]
    ).map(expand),
  ];
  const agent = config.identityAgent;
  const agentSocket =
    agent === undefined || agent === 'SSH_AUTH_SOCK'
      ? env.SSH_AUTH_SOCK || defaultAgent(platform)
      : agent.toLowerCase() === 'none'
        ? undefined
        : expand(agent);
  const configured = config.identityFiles.length > 0;
  const notes = [...config.notes];
  const timing = timingOf(config, notes);
  let proxy = config.proxy;
  let jumps: SshHop[] = [];
  let proxyCommand: ProxyCommandRoute | undefined;
  if (proxy?.keyword === 'ProxyCommand') {
    const tokens = { hostName: hostname, originalHost, port, user: username, localUser, home };
    const run = proxyArgv(proxy.value, tokens);
    if ('argv' in run) {
      proxyCommand = { argv: run.argv, line: proxy.value, at: proxy.at };
      proxy = undefined;
    } else proxy = { ...proxy, reason: run.shellSyntax };
  } else if (proxy?.keyword === 'ProxyJump') {
    const route = jumpsOf(proxy, options, depth, notes);
    if (Array.isArray(route)) {
      jumps = route;
      proxy = undefined;
    } else proxy = route;
  }
  return {
    originalHost,
    hostname,
    port,
    username,
    ...timing,
    knownHostsName: config.hostKeyAlias?.toLowerCase() ?? lookupName(hostname, port),
    knownHostsFiles,
    agentSocket,
    identityFiles: configured
      ? config.identityFiles.map(expand)
      : defaultIdentityNames.map((name) => join(ssh, name)),
    identityFilesConfigured: configured,
    identitiesOnly: config.identitiesOnly ?? false,
    jumps,
    proxy,
    proxyCommand,
    notes,
  };
}

/**
 * ssh2 waited 20 s for a login, ssh for the OS's TCP timeout; Berth gives reaching the host and
 * the key exchange 20 s unless ConnectTimeout says otherwise, and none of it to a passphrase.
 */
const defaultConnectTimeoutMs = 20_000;
/**
 * ssh checks a quiet connection only when ServerAliveInterval asks; Berth's live view needs a dead
 * link to end its event stream, so it checks every 30 s unless told how often.
 */
const defaultKeepaliveMs = 30_000;

function timingOf(config: SshHostOptions, notes: string[]): Pick<SshHop, 'connectTimeout' | 'keepalive'> {
  const connect = config.connectTimeout;
  const alive = config.serverAliveInterval;
  // 0 is ssh's "no limit of its own" and "never check": Berth keeps its own, said in the log.
  if (connect?.seconds === 0)
    notes.push(
      `${placeOf(connect.at)}: ConnectTimeout 0: Berth waits its own ${defaultConnectTimeoutMs / 1000} s`,
    );
  if (alive?.seconds === 0)
    notes.push(
      `${placeOf(alive.at)}: ServerAliveInterval 0: Berth checks the connection every ${defaultKeepaliveMs / 1000} s`,
    );
  return {
    connectTimeout: connect?.seconds
      ? { ms: connect.seconds * 1000, at: connect.at }
      : { ms: defaultConnectTimeoutMs },
    keepalive: {
      intervalMs: alive?.seconds ? alive.seconds * 1000 : defaultKeepaliveMs,
      countMax: config.serverAliveCountMax ?? 3,
    },
  };
}

function placeOf(at: ConfigPlace): string {
  return `${at.file} line ${at.line}`;
}

/** The hops of a ProxyJump, or the proxy that stops Berth: a ProxyCommand, or a bad or deep jump. */
function jumpsOf(
  proxy: SshProxy,
  options: SshTargetOptions,
  depth: number,
  notes: string[],
): SshHop[] | SshProxy {
  if (depth >= maxJumpDepth) return proxy;
  const hops: SshHop[] = [];
  for (const spec of proxy.value.split(',')) {
    const jump = parseJump(spec.trim());
    if (!jump) return proxy;
    // As ssh -J: each jump host is reached through its own config, its own jumps first.
    const hop = resolveHop(jump, options, depth + 1);
    notes.push(...hop.notes);
    if (hop.proxy) return hop.proxy;
    // Only the first connection of the route can start from a program; a later one is forwarded.
    if (hop.proxyCommand && hops.length > 0) {
      const { line, at } = hop.proxyCommand;
      return { keyword: 'ProxyCommand', value: line, at, reason: 'a jump host after the first' };
    }
    hops.push(...hop.jumps, hopOf(hop));
  }
  return hops;
}

/** The target as one login on the way: without what only the whole route needs. */
function hopOf(target: SshTarget): SshHop {
  const {
    originalHost: _originalHost,
    identityFilesConfigured: _identityFilesConfigured,
    jumps: _jumps,
    proxy: _proxy,
    notes: _notes,
    ...hop
  } = target;
  return hop;
}
