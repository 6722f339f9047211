// Which engine to talk to, decided the way the docker CLI decides it, plus Berth's own settings
// in front: berth.dockerHost, berth.dockerContext, DOCKER_HOST, DOCKER_CONTEXT, the config's
// currentContext, then the default socket. Pure apart from reading ~/.docker, which is passed in.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const defaultSocketPath = '/var/run/docker.sock';

export interface TlsFiles {
  ca?: string;
  cert?: string;
  key?: string;
  /** False when the context says SkipTLSVerify, or DOCKER_TLS is set without DOCKER_TLS_VERIFY. */
  verify: boolean;
}

export type EndpointSource =
  'setting' | 'settingContext' | 'DOCKER_HOST' | 'DOCKER_CONTEXT' | 'context' | 'default';

export interface ResolvedEndpoint {
  /** The host URL as the user wrote it, or unix:// + the default socket. */
  host: string;
  transport: 'unix' | 'tcp' | 'ssh' | 'npipe';
  socketPath?: string;
  hostname?: string;
  port?: number;
  username?: string;
  tls?: TlsFiles;
  source: EndpointSource;
  contextName?: string;
  /** What the status bar shows: the context name, or the host. */
  label: string;
  /** Plain tcp:// without TLS: anyone on the network can drive this engine. Warn once. */
  insecure: boolean;
}

export interface ResolveOptions {
  /** The berth.dockerHost setting; empty means unset. */
  dockerHost?: string;
  /** The berth.dockerContext setting; empty means unset. */
  dockerContext?: string;
  env?: NodeJS.ProcessEnv;
  /** Docker's config directory; defaults to $DOCKER_CONFIG or ~/.docker. */
  configDir?: string;
}

export interface DockerContext {
  name: string;
  description: string;
  host: string;
  skipTlsVerify: boolean;
  /** Directory holding ca.pem, cert.pem and key.pem for this context, if it has one. */
  tlsDir?: string;
  current: boolean;
}

/** An endpoint that cannot even be described: a bad URL or an unknown context. */
export class EndpointError extends Error {
  constructor(
    readonly code: 'bad-host' | 'unknown-context' | 'bad-context',
    /** English, with {0} placeholders filled from `args`; see ../problems for translation. */
    readonly template: string,
    readonly args: string[],
    readonly fix: string,
  ) {
    super(template.replace(/\{(\d+)\}/g, (whole, i: string) => args[Number(i)] ?? whole));
  }
}

export function dockerConfigDir(options: ResolveOptions = {}): string {
  const env = options.env ?? process.env;
  return options.configDir ?? env.DOCKER_CONFIG ?? join(env.HOME ?? homedir(), '.docker');
}

function contextDirName(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

function readCurrentContext(configDir: string): string | undefined {
  const path = join(configDir, 'config.json');
  if (!existsSync(path)) return undefined;
  try {
    const config = JSON.parse(readFileSync(path, 'utf8')) as { currentContext?: unknown };
    return typeof config.currentContext === 'string' && config.currentContext
      ? config.currentContext
      : undefined;
  } catch {
    return undefined;
  }
}

interface ContextMeta {
  Name?: string;
  Metadata?: { Description?: string };
  Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } };
}

function readContext(
  configDir: string,
  dirName: string,
  current: string | undefined,
): DockerContext | undefined {
  const metaPath = join(configDir, 'contexts', 'meta', dirName, 'meta.json');
  let meta: ContextMeta;
  try {
    meta = JSON.parse(readFileSync(metaPath, 'utf8')) as ContextMeta;
  } catch {
    return undefined;
  }
  const name = meta.Name;
  const host = meta.Endpoints?.docker?.Host;
  if (!name || !host) return undefined;
  const tlsDir = join(configDir, 'contexts', 'tls', dirName, 'docker');
  return {
    name,
    description: meta.Metadata?.Description ?? '',
    host,
    skipTlsVerify: meta.Endpoints?.docker?.SkipTLSVerify === true,
    tlsDir: existsSync(tlsDir) ? tlsDir : undefined,
    current: name === current,
  };
}

/** Every context the docker CLI knows, `default` first, for a "Switch Context" picker. */
export function listContexts(options: ResolveOptions = {}): DockerContext[] {
  const env = options.env ?? process.env;
  const configDir = dockerConfigDir(options);
  const current = env.DOCKER_CONTEXT || readCurrentContext(configDir) || 'default';
  const contexts: DockerContext[] = [
    {
      name: 'default',
      description: 'Current DOCKER_HOST based configuration',
      host: env.DOCKER_HOST || `unix://${defaultSocketPath}`,
      skipTlsVerify: false,
      current: current === 'default',
    },
  ];
  const metaRoot = join(configDir, 'contexts', 'meta');
  let dirs: string[];
  try {
    dirs = readdirSync(metaRoot);
  } catch {
    return contexts;
  }
  const named = dirs
    .map((dir) => readContext(configDir, dir, current))
    .filter((c): c is DockerContext => c !== undefined && c.name !== 'default')
    .sort((a, b) => a.name.localeCompare(b.name));
  return [...contexts, ...named];
}

function findContext(options: ResolveOptions, name: string): DockerContext {
  const configDir = dockerConfigDir(options);
  const context = readContext(configDir, contextDirName(name), undefined);
  if (!context) {
    throw new EndpointError(
      'unknown-context',
      'Docker context "{0}" does not exist in {1}',
      [name, join(configDir, 'contexts')],
      'Pick an existing context with "Berth: Switch Docker Context…", or create it with "docker context create".',
    );
  }
  return context;
}

function envTls(env: NodeJS.ProcessEnv, configDir: string): TlsFiles | undefined {
  // As the docker CLI: DOCKER_TLS_VERIFY set to anything (even "0") means TLS and verify,
  // DOCKER_TLS means TLS without verifying, and DOCKER_CERT_PATH alone means plain HTTP.
  const verify = Boolean(env.DOCKER_TLS_VERIFY);
  if (!verify && !env.DOCKER_TLS) return undefined;
  const certPath = env.DOCKER_CERT_PATH || configDir;
  return {
    ca: join(certPath, 'ca.pem'),
    cert: join(certPath, 'cert.pem'),
    key: join(certPath, 'key.pem'),
    verify,
  };
}

/** Parses one host URL into an endpoint; `tls` applies to tcp:// only. */
export function parseHost(
  host: string,
  source: EndpointSource,
  tls: TlsFiles | undefined,
  contextName?: string,
): ResolvedEndpoint {
  const base = { host, source, contextName, insecure: false };
  const label =
    contextName && contextName !== 'default' ? contextName : source === 'default' ? 'default' : host;
  if (host.startsWith('unix://')) {
    return {
      ...base,
      transport: 'unix',
      socketPath: host.slice('unix://'.length) || defaultSocketPath,
      label,
    };
  }
  if (host.startsWith('npipe://')) {
    return { ...base, transport: 'npipe', socketPath: host.slice('npipe://'.length), label };
  }
  const withScheme = host.includes('://') ? host : `tcp://${host}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw badHost(host);
  }
  if (!url.hostname) throw badHost(host);
  if (url.protocol === 'ssh:') {
    return {
      ...base,
      transport: 'ssh',
      hostname: url.hostname,
      // Unset unless the URL says, so that ssh_config's Port applies as it does for ssh.
      port: url.port ? Number(url.port) : undefined,
      username: url.username ? decodeURIComponent(url.username) : undefined,
      label,
    };
  }
  if (url.protocol !== 'tcp:' && url.protocol !== 'http:' && url.protocol !== 'https:') throw badHost(host);
  const port = url.port ? Number(url.port) : tls || url.protocol === 'https:' ? 2376 : 2375;
  const useTls = tls ?? (url.protocol === 'https:' ? { verify: true } : undefined);
  return {
    ...base,
    transport: 'tcp',
    hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    tls: useTls,
    insecure: useTls === undefined,
    label,
  };
}

function badHost(host: string): EndpointError {
  return new EndpointError(
    'bad-host',
    '"{0}" is not a Docker host address',
    [host],
    'Use unix:///var/run/docker.sock, tcp://HOST:2376 (with TLS) or ssh://USER@HOST.',
  );
}

function fromContext(
  context: DockerContext,
  source: EndpointSource,
  options: ResolveOptions,
): ResolvedEndpoint {
  const tls: TlsFiles | undefined = context.tlsDir
    ? {
        ca: existingOrUndefined(join(context.tlsDir, 'ca.pem')),
        cert: existingOrUndefined(join(context.tlsDir, 'cert.pem')),
        key: existingOrUndefined(join(context.tlsDir, 'key.pem')),
        verify: !context.skipTlsVerify,
      }
    : context.skipTlsVerify
      ? { verify: false }
      : undefined;
  if (context.name === 'default') return resolveDefault(options, 'default');
  return parseHost(context.host, source, context.host.startsWith('tcp://') ? tls : undefined, context.name);
}

function existingOrUndefined(path: string): string | undefined {
  return existsSync(path) ? path : undefined;
}

/** The `default` context: DOCKER_HOST when set, else the local socket. */
function resolveDefault(options: ResolveOptions, contextName?: string): ResolvedEndpoint {
  const env = options.env ?? process.env;
  if (env.DOCKER_HOST) {
    return parseHost(env.DOCKER_HOST, 'DOCKER_HOST', envTls(env, dockerConfigDir(options)), contextName);
  }
  return parseHost(`unix://${defaultSocketPath}`, 'default', undefined, contextName);
}

/** Decides the endpoint; throws EndpointError for a malformed host or a missing context. */
export function resolveEndpoint(options: ResolveOptions = {}): ResolvedEndpoint {
  const env = options.env ?? process.env;
  const configDir = dockerConfigDir(options);
  if (options.dockerHost?.trim()) {
    return parseHost(options.dockerHost.trim(), 'setting', envTls(env, configDir));
  }
  if (options.dockerContext?.trim() === 'default') return resolveDefault(options, 'default');
  if (options.dockerContext?.trim()) {
    return fromContext(findContext(options, options.dockerContext.trim()), 'settingContext', options);
  }
  if (env.DOCKER_HOST) return resolveDefault(options);
  const contextName = env.DOCKER_CONTEXT || readCurrentContext(configDir);
  if (contextName && contextName !== 'default') {
    return fromContext(
      findContext(options, contextName),
      env.DOCKER_CONTEXT ? 'DOCKER_CONTEXT' : 'context',
      options,
    );
  }
  return resolveDefault(options);
}
