// Turns whatever went wrong on the way to the engine into one EngineProblem: what is wrong, in
// the user's terms, and the one thing to do about it. The original error text stays in `detail`.
import type { ResolvedEndpoint } from './endpoint';
import { EndpointError } from './endpoint';
import type { EngineProblem } from './session';

/** Engine API 1.41 is Docker 20.10: the oldest engine Berth is tested against. */
export const minimumApiVersion = '1.41';
export const minimumDockerVersion = '20.10';

/** Thrown by the connection when a TLS file named by the configuration cannot be read. */
export class TlsFileError extends Error {
  constructor(
    readonly file: string,
    readonly role: 'ca' | 'cert' | 'key',
    readonly cause: unknown,
  ) {
    super(`cannot read ${file}: ${String((cause as Error | undefined)?.message ?? cause)}`);
  }
}

/** Thrown by the connection when the engine answers but its API is older than Berth needs. */
export class ApiVersionError extends Error {
  constructor(
    readonly apiVersion: string,
    readonly engineVersion: string,
  ) {
    super(`engine API ${apiVersion} (Docker ${engineVersion}) is older than ${minimumApiVersion}`);
  }
}

interface NodeLikeError {
  code?: string;
  errno?: number;
  syscall?: string;
  message?: string;
  statusCode?: number;
  json?: unknown;
  level?: string; // ssh2
}

function where(endpoint: ResolvedEndpoint): string {
  if (endpoint.transport === 'unix' || endpoint.transport === 'npipe')
    return endpoint.socketPath ?? endpoint.host;
  return `${endpoint.hostname ?? endpoint.host}:${endpoint.port ?? ''}`;
}

function sourceHint(endpoint: ResolvedEndpoint): string {
  switch (endpoint.source) {
    case 'setting':
      return 'Check the berth.dockerHost setting.';
    case 'settingContext':
    case 'context':
    case 'DOCKER_CONTEXT':
      return `Check the Docker context "${endpoint.contextName ?? ''}" (docker context inspect), or switch context.`;
    case 'DOCKER_HOST':
      return 'Check the DOCKER_HOST environment variable VS Code was started with.';
    default:
      return 'If your engine listens elsewhere, set DOCKER_HOST or the berth.dockerHost setting.';
  }
}

const tlsCodes = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

function problem(code: string, message: string, fix: string, error: unknown): EngineProblem {
  const detail =
    error instanceof Error ? error.message : error === undefined ? undefined : JSON.stringify(error);
  return { code, message, fix, detail };
}

export function classifyError(error: unknown, endpoint: ResolvedEndpoint): EngineProblem {
  const at = where(endpoint);
  if (error instanceof EndpointError) return problem(error.code, error.message, error.fix, undefined);
  if (error instanceof TlsFileError) {
    return problem(
      'tls-file-missing',
      `The TLS ${error.role === 'ca' ? 'CA certificate' : error.role === 'cert' ? 'client certificate' : 'client key'} ${error.file} cannot be read`,
      "Put ca.pem, cert.pem and key.pem in DOCKER_CERT_PATH (or the context's TLS folder), or fix the path.",
      error,
    );
  }
  if (error instanceof ApiVersionError) {
    return problem(
      'api-too-old',
      `The engine at ${at} speaks Engine API ${error.apiVersion} (Docker ${error.engineVersion}); Berth needs API ${minimumApiVersion} (Docker ${minimumDockerVersion}) or newer`,
      'Upgrade the Docker engine, or point Berth at a newer one.',
      error,
    );
  }
  const e = (error ?? {}) as NodeLikeError;
  const text = e.message ?? String(error);
  const local = endpoint.transport === 'unix' || endpoint.transport === 'npipe';
  switch (e.code) {
    case 'ENOENT':
      if (local) {
        return problem(
          'socket-missing',
          `No Docker socket at ${at}: the Docker daemon is not running`,
          `Start it: sudo systemctl start docker (or run dockerd). ${sourceHint(endpoint)}`,
          error,
        );
      }
      break;
    case 'EACCES':
    case 'EPERM':
      return problem(
        'permission-denied',
        `Permission denied on ${at}`,
        'Add your user to the docker group: sudo usermod -aG docker $USER, then log out and in again (or run newgrp docker).',
        error,
      );
    case 'ECONNREFUSED':
      return local
        ? problem(
            'daemon-not-running',
            `The socket ${at} exists but no Docker daemon answers on it`,
            'Start it: sudo systemctl start docker (or run dockerd).',
            error,
          )
        : problem(
            'connection-refused',
            `Nothing accepts connections at ${at}`,
            `Check the host and port, and that the daemon listens there (-H tcp://…). ${sourceHint(endpoint)}`,
            error,
          );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return problem(
        'host-not-found',
        `The host name ${endpoint.hostname ?? at} cannot be resolved`,
        `Check the spelling of the host. ${sourceHint(endpoint)}`,
        error,
      );
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
    case 'ECONNRESET':
      return problem(
        'host-unreachable',
        `The engine at ${at} cannot be reached (${e.code})`,
        `Check that the host is up and reachable from this machine. ${sourceHint(endpoint)}`,
        error,
      );
  }
  if (endpoint.transport === 'ssh' || e.level?.startsWith('client-')) {
    const auth = e.level === 'client-authentication' || /authentication/i.test(text);
    return problem(
      auth ? 'ssh-auth' : 'ssh-failed',
      auth ? `SSH login to ${at} was refused` : `The SSH connection to ${at} failed`,
      auth
        ? 'Load your key into ssh-agent (ssh-add) and check that "ssh USER@HOST docker version" works in a terminal.'
        : 'Check that "ssh USER@HOST docker version" works in a terminal.',
      error,
    );
  }
  if (
    (e.code && tlsCodes.has(e.code)) ||
    /certificate|ssl|tls|PEM/i.test(e.code ?? '') ||
    /ssl|tls|certificate/i.test(text)
  ) {
    return problem(
      'tls-invalid',
      `The TLS handshake with ${at} failed${e.code ? ` (${e.code})` : ''}`,
      'Check that ca.pem signed the server certificate, that cert.pem and key.pem belong together, and that the host name matches the certificate.',
      error,
    );
  }
  if (e.statusCode === 400 && /HTTP request to an HTTPS server/i.test(JSON.stringify(e.json ?? text))) {
    return problem(
      'tls-required',
      `The engine at ${at} requires TLS`,
      'Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH, or use a context with TLS material.',
      error,
    );
  }
  if (e.statusCode !== undefined) {
    return problem(
      'engine-error',
      `The engine at ${at} answered with an error (HTTP ${e.statusCode})`,
      'See the details; retry once the engine is healthy.',
      error,
    );
  }
  return problem('unknown', `Cannot connect to the engine at ${at}`, sourceHint(endpoint), error);
}

/** "1.41" < "1.9"? No: compares dotted versions numerically. */
export function compareApiVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
