// Turns whatever went wrong on the way to the engine into one EngineProblem: what is wrong, in
// the user's terms, and the one thing to do about it. The original error text stays in `detail`.
import type { ResolvedEndpoint, TlsFiles } from '../transport/endpoint';
import { EndpointError } from '../transport/endpoint';
import type { EngineProblem } from '../live/contract';
import { DialStdioError, SshHostKeyError } from '../transport/ssh/errors';

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

/** Thrown by the connection for ssh:// without SSH_AUTH_SOCK: ssh2 would have no key to offer. */
export class SshAgentMissingError extends Error {
  constructor() {
    super('SSH_AUTH_SOCK is not set');
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

/** One sentence of a problem: an English template with {0} placeholders and its arguments. */
export interface Sentence {
  template: string;
  args: string[];
}

const say = (template: string, ...args: string[]): Sentence => ({ template, args });

export function formatSentence(sentence: Sentence): string {
  return sentence.template.replace(/\{(\d+)\}/g, (whole, i: string) => sentence.args[Number(i)] ?? whole);
}

function sourceHint(endpoint: ResolvedEndpoint): Sentence {
  switch (endpoint.source) {
    case 'setting':
      return say('Check the berth.dockerHost setting.');
    case 'settingContext':
    case 'context':
    case 'DOCKER_CONTEXT':
      return say(
        'Check the Docker context "{0}" (docker context inspect), or switch context.',
        endpoint.contextName ?? '',
      );
    case 'DOCKER_HOST':
      return say('Check the DOCKER_HOST environment variable VS Code was started with.');
    default:
      return say('If your engine listens elsewhere, set DOCKER_HOST or the berth.dockerHost setting.');
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

function problem(code: string, message: Sentence, fix: Sentence[], error: unknown): EngineProblem {
  const detail =
    error instanceof Error ? error.message : error === undefined ? undefined : JSON.stringify(error);
  return {
    code,
    message: formatSentence(message),
    fix: fix.map(formatSentence).join(' '),
    detail,
    l10n: { message, fix },
  };
}

const startDaemon = say('Start it: sudo systemctl start docker (or run dockerd).');

/** Node's codes for a server certificate that the configured CA did not sign. */
const untrustedServerCodes = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_SIGNATURE_FAILURE',
]);

/** TLS alerts a server sends when it refuses the client certificate, e.g. ERR_SSL_TLSV1_ALERT_UNKNOWN_CA. */
const clientRefusedAlert =
  /^ERR_SSL_.*ALERT_(BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_REQUIRED|CERTIFICATE_UNKNOWN|UNSUPPORTED_CERTIFICATE|ACCESS_DENIED)$/;

const clientCertFix = say(
  "Use a cert.pem and key.pem issued by the CA the engine trusts (its dockerd --tlscacert), in DOCKER_CERT_PATH or the context's TLS folder.",
);

function tlsProblem(e: NodeLikeError, at: string, tls: TlsFiles, error: unknown): EngineProblem | undefined {
  const code = e.code ?? '';
  if (untrustedServerCodes.has(code)) {
    return problem(
      'tls-server-untrusted',
      tls.ca
        ? say('The certificate of the engine at {0} is not signed by the CA in {1} ({2})', at, tls.ca, code)
        : say('The certificate of the engine at {0} is not signed by a trusted CA ({1})', at, code),
      [
        say(
          "Put the certificate of the CA that signed the engine's certificate (its dockerd --tlscert) in ca.pem.",
        ),
      ],
      error,
    );
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return problem(
      'tls-host-mismatch',
      say('The certificate of the engine at {0} is not issued for this host name or address', at),
      [
        say(
          "Connect with a host name or address that the engine's certificate lists (its subjectAltName), or reissue the certificate for this one.",
        ),
      ],
      error,
    );
  }
  if (clientRefusedAlert.test(code)) {
    return problem(
      'tls-client-rejected',
      tls.cert
        ? say('The engine at {0} refused the client certificate {1} ({2})', at, tls.cert, code)
        : say('The engine at {0} requires a client certificate ({1})', at, code),
      [clientCertFix],
      error,
    );
  }
  if (code === 'ERR_OSSL_X509_KEY_VALUES_MISMATCH' && tls.cert && tls.key) {
    return problem(
      'tls-key-mismatch',
      say('The client key {0} does not belong to the certificate {1}', tls.key, tls.cert),
      [say('Use the key.pem that was created together with cert.pem.')],
      error,
    );
  }
  // A server that verifies client certificates after the handshake (Node, some proxies) just
  // hangs up on one it refuses; nothing else about a TLS engine ends a connection that way.
  if (code === 'ECONNRESET' && tls.cert) {
    return problem(
      'tls-client-rejected',
      say(
        'The engine at {0} hung up on the TLS connection: it most likely refused the client certificate {1}',
        at,
        tls.cert,
      ),
      [clientCertFix],
      error,
    );
  }
  return undefined;
}

const startAgent = say(
  'Start ssh-agent and add your key (ssh-add), then start VS Code from that environment.',
);

const dialStdioFix = say(
  'Check that the docker CLI is installed on that host, on the PATH of non-interactive logins, and that its engine runs: "ssh USER@HOST docker version" must work.',
);

/** What `ssh` itself would say about an untrusted host key, and how to trust the right one. */
function hostKeyProblem(error: SshHostKeyError, endpoint: ResolvedEndpoint): EngineProblem {
  const { verdict, lookupName, keyType, fingerprint } = error;
  const port = String(endpoint.port ?? 22);
  const host = (endpoint.hostname ?? '').replace(/^\[(.*)\]$/, '$1');
  const login = `ssh -p ${port} ${endpoint.username ? `${endpoint.username}@` : ''}${host}`;
  const trust = [
    say(
      'Check on the host itself that its key has this fingerprint (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub), then trust it: connect once with "{0}" and answer yes, or run "{1}".',
      login,
      `ssh-keyscan -p ${port} ${host} >> ~/.ssh/known_hosts`,
    ),
  ];
  switch (verdict.kind) {
    case 'changed':
      return problem(
        'ssh-host-key-changed',
        say(
          'The SSH host key of {0} has changed: it offers the {1} key {2}, but {3} line {4} records another. Someone may be intercepting the connection; Berth did not log in',
          lookupName,
          keyType,
          fingerprint,
          verdict.at.file,
          String(verdict.at.line),
        ),
        [
          say(
            'Only if you know the host got a new key: remove the old one with "{0}" and trust the new one after checking its fingerprint.',
            `ssh-keygen -R '${lookupName}'`,
          ),
        ],
        error,
      );
    case 'revoked':
      return problem(
        'ssh-host-key-revoked',
        say(
          'The SSH host key of {0} ({1} {2}) is revoked in {3} line {4}; Berth did not log in',
          lookupName,
          keyType,
          fingerprint,
          verdict.at.file,
          String(verdict.at.line),
        ),
        [say('The host needs a new key: ask its administrator. A revoked key is never accepted.')],
        error,
      );
    case 'unknown': {
      const message = verdict.certAuthority
        ? say(
            'The SSH host {0} is trusted only through a @cert-authority line ({1} line {2}), and Berth cannot check host certificates; it offered the {3} key {4}',
            lookupName,
            verdict.certAuthority.file,
            String(verdict.certAuthority.line),
            keyType,
            fingerprint,
          )
        : verdict.otherTypes.length > 0
          ? say(
              'The SSH host {0} offered a {1} key ({2}), but known_hosts has only its {3} key',
              lookupName,
              keyType,
              fingerprint,
              verdict.otherTypes.join(', '),
            )
          : say(
              'The SSH host {0} is not in known_hosts ({1}); it offered the {2} key {3}',
              lookupName,
              error.files.join(', '),
              keyType,
              fingerprint,
            );
      return problem('ssh-host-unknown', message, trust, error);
    }
  }
}

function sshProblem(
  e: NodeLikeError,
  at: string,
  endpoint: ResolvedEndpoint,
  error: unknown,
): EngineProblem | undefined {
  if (error instanceof SshHostKeyError) return hostKeyProblem(error, endpoint);
  if (error instanceof DialStdioError && error.stderr) {
    return problem(
      'ssh-dial-stdio',
      say(
        'Logged in to {0} over SSH, but "docker system dial-stdio" there failed: {1}',
        at,
        error.stderr.split('\n').pop() ?? '',
      ),
      [dialStdioFix],
      error,
    );
  }
  const user = endpoint.username ?? '';
  if (e.level === 'client-authentication') {
    return problem(
      'ssh-auth',
      say('SSH login as {0} to {1} was refused', user || '?', at),
      [
        say(
          'Check the user name, and that ssh-agent holds a key this host accepts (ssh-add -l); "ssh USER@HOST docker version" must work in a terminal.',
        ),
      ],
      error,
    );
  }
  if (e.level === 'agent') {
    return problem(
      'ssh-agent-unreachable',
      say('The ssh-agent that SSH_AUTH_SOCK names does not answer, so Berth has no key to log in to {0}', at),
      [startAgent],
      error,
    );
  }
  // Logged in, but the remote `docker system dial-stdio` ended before answering.
  if (error instanceof DialStdioError || (e.code === 'ECONNRESET' && e.level === undefined)) {
    return problem(
      'ssh-dial-stdio',
      say('Logged in to {0} over SSH, but "docker system dial-stdio" there did not reach an engine', at),
      [dialStdioFix],
      error,
    );
  }
  return undefined;
}

export function classifyError(error: unknown, endpoint: ResolvedEndpoint): EngineProblem {
  const at = where(endpoint);
  const hint = sourceHint(endpoint);
  if (error instanceof EndpointError)
    return problem(error.code, say(error.message), [say(error.fix)], undefined);
  if (error instanceof TlsFileError) {
    const what = {
      ca: 'The TLS CA certificate {0} cannot be read',
      cert: 'The TLS client certificate {0} cannot be read',
      key: 'The TLS client key {0} cannot be read',
    }[error.role];
    return problem(
      'tls-file-missing',
      say(what, error.file),
      [
        say(
          "Put ca.pem, cert.pem and key.pem in DOCKER_CERT_PATH (or the context's TLS folder), or fix the path.",
        ),
      ],
      error,
    );
  }
  if (error instanceof ApiVersionError) {
    return problem(
      'api-too-old',
      say(
        'The engine at {0} speaks Engine API {1} (Docker {2}); Berth needs API {3} (Docker {4}) or newer',
        at,
        error.apiVersion,
        error.engineVersion,
        minimumApiVersion,
        minimumDockerVersion,
      ),
      [say('Upgrade the Docker engine, or point Berth at a newer one.')],
      error,
    );
  }
  if (error instanceof SshAgentMissingError) {
    return problem(
      'ssh-no-agent',
      say('Berth logs in to {0} with the keys in ssh-agent, but SSH_AUTH_SOCK is not set', at),
      [startAgent],
      error,
    );
  }
  const e = (error ?? {}) as NodeLikeError;
  const text = e.message ?? JSON.stringify(error);
  const local = endpoint.transport === 'unix' || endpoint.transport === 'npipe';
  const specific =
    endpoint.transport === 'ssh'
      ? sshProblem(e, at, endpoint, error)
      : endpoint.tls
        ? tlsProblem(e, at, endpoint.tls, error)
        : undefined;
  if (specific) return specific;
  switch (e.code) {
    case 'ENOENT':
      if (local) {
        return problem(
          'socket-missing',
          say('No Docker socket at {0}: the Docker daemon is not running', at),
          [startDaemon, hint],
          error,
        );
      }
      break;
    case 'EACCES':
    case 'EPERM':
      return problem(
        'permission-denied',
        say('Permission denied on {0}', at),
        [
          say(
            'Add your user to the docker group: sudo usermod -aG docker $USER, then log out and in again (or run newgrp docker).',
          ),
        ],
        error,
      );
    case 'ECONNREFUSED':
      return local
        ? problem(
            'daemon-not-running',
            say('The socket {0} exists but no Docker daemon answers on it', at),
            [startDaemon],
            error,
          )
        : problem(
            'connection-refused',
            say('Nothing accepts connections at {0}', at),
            [
              endpoint.transport === 'ssh'
                ? say('Check the host and port, and that an SSH server runs there.')
                : say('Check the host and port, and that the daemon listens there (-H tcp://…).'),
              hint,
            ],
            error,
          );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return problem(
        'host-not-found',
        say('The host name {0} cannot be resolved', endpoint.hostname ?? at),
        [say('Check the spelling of the host.'), hint],
        error,
      );
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
    case 'ECONNRESET':
      return problem(
        'host-unreachable',
        say('The engine at {0} cannot be reached ({1})', at, e.code),
        [say('Check that the host is up and reachable from this machine.'), hint],
        error,
      );
  }
  if (endpoint.transport === 'ssh' || e.level?.startsWith('client-')) {
    const auth = e.level === 'client-authentication' || /authentication/i.test(text);
    return auth
      ? problem(
          'ssh-auth',
          say('SSH login to {0} was refused', at),
          [
            say(
              'Load your key into ssh-agent (ssh-add) and check that "ssh USER@HOST docker version" works in a terminal.',
            ),
          ],
          error,
        )
      : problem(
          'ssh-failed',
          say('The SSH connection to {0} failed', at),
          [say('Check that "ssh USER@HOST docker version" works in a terminal.')],
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
      e.code
        ? say('The TLS handshake with {0} failed ({1})', at, e.code)
        : say('The TLS handshake with {0} failed', at),
      [
        say(
          'Check that ca.pem signed the server certificate, that cert.pem and key.pem belong together, and that the host name matches the certificate.',
        ),
      ],
      error,
    );
  }
  if (e.statusCode === 400 && /HTTP request to an HTTPS server/i.test(`${JSON.stringify(e.json)} ${text}`)) {
    return problem(
      'tls-required',
      say('The engine at {0} requires TLS', at),
      [say('Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH, or use a context with TLS material.')],
      error,
    );
  }
  if (e.statusCode !== undefined) {
    return problem(
      'engine-error',
      say('The engine at {0} answered with an error (HTTP {1})', at, String(e.statusCode)),
      [say('See the details; retry once the engine is healthy.')],
      error,
    );
  }
  return problem('unknown', say('Cannot connect to the engine at {0}', at), [hint], error);
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
