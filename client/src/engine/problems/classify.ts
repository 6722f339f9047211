// Turns whatever went wrong on the way to the engine into one EngineProblem: what is wrong, in
// the user's terms, and the one thing to do about it. The original error text stays in `detail`.
// Each step below knows one kind of failure and passes on what it does not recognise.
import type { ResolvedEndpoint } from '../transport/endpoint';
import { EndpointError } from '../transport/endpoint';
import {
  ApiVersionError,
  minimumApiVersion,
  minimumDockerVersion,
  SshAgentMissingError,
  TlsFileError,
} from './errors';
import { SshKeysUnusableError, SshProxyError } from '../transport/ssh/errors';
import { problem, say, sourceHint, where, type EngineProblem, type NodeLikeError } from './problem';
import { sshFallbackProblem, sshProblem, startAgent } from './ssh';
import { tlsHandshakeProblem, tlsProblem } from './tls';

export function classifyError(error: unknown, endpoint: ResolvedEndpoint): EngineProblem {
  const at = where(endpoint);
  const e = (error ?? {}) as NodeLikeError;
  const text = e.message ?? JSON.stringify(error);
  return (
    configurationProblem(error, at) ??
    transportProblem(e, at, endpoint, error) ??
    socketProblem(e, at, endpoint, error) ??
    (endpoint.transport === 'ssh' || e.level?.startsWith('client-')
      ? sshFallbackProblem(e, text, at, error)
      : undefined) ??
    tlsHandshakeProblem(e, text, at, error) ??
    httpProblem(e, at, error) ??
    problem('unknown', say('Cannot connect to the engine at {0}', at), [sourceHint(endpoint)], error)
  );
}

const startDaemon = say('Start it: sudo systemctl start docker (or run dockerd).');

/** What Berth found wrong before anything reached the engine, or an engine too old for it. */
function configurationProblem(error: unknown, at: string): EngineProblem | undefined {
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
      error.missingIdentityFiles.length > 0
        ? say(
            'Berth logs in to {0} with the keys in ssh-agent or the IdentityFile of your ssh config, but SSH_AUTH_SOCK is not set and {1} does not exist',
            at,
            error.missingIdentityFiles.join(', '),
          )
        : say(
            'Berth logs in to {0} with the keys in ssh-agent or in ~/.ssh, but SSH_AUTH_SOCK is not set and ~/.ssh holds no key (id_ed25519, id_ecdsa, id_rsa)',
            at,
          ),
      [startAgent],
      error,
    );
  }
  if (error instanceof SshKeysUnusableError) {
    return problem(
      'ssh-key-unusable',
      say(
        'Berth has no ssh-agent and no usable key file to log in to {0}: {1}',
        at,
        error.unusable.join(', '),
      ),
      [
        say(
          "Choose Retry Connecting to Docker and give the key's passphrase when asked, or add the key to ssh-agent (ssh-add KEYFILE) and start VS Code from that environment.",
        ),
      ],
      error,
    );
  }
  if (error instanceof SshProxyError) {
    const { keyword, value, at: place, reason } = error.proxy;
    const forwardSocket = say(
      'Forward the engine\'s socket and point Berth at it: "ssh -nNT -L /tmp/berth-docker.sock:/var/run/docker.sock HOST" (that ssh uses your config), then berth.dockerHost unix:///tmp/berth-docker.sock.',
    );
    // A ProxyCommand Berth refuses only for its shell syntax has a way round besides the socket.
    return reason === undefined
      ? problem(
          'ssh-proxy',
          say(
            'Your ssh config reaches {0} through {1} {2} ({3} line {4}), which Berth cannot follow',
            at,
            keyword,
            value,
            place.file,
            String(place.line),
          ),
          [forwardSocket],
          error,
        )
      : problem(
          'ssh-proxy',
          say(
            'Your ssh config reaches {0} through ProxyCommand {1} ({2} line {3}), which needs a shell for {4}: Berth runs a ProxyCommand as one program with its arguments, never through a shell',
            at,
            value,
            place.file,
            String(place.line),
            reason,
          ),
          [say('Put the command in a script and name the script as the ProxyCommand.'), forwardSocket],
          error,
        );
  }
  return undefined;
}

/** The failures only one transport has: ssh:// logins and host keys, TLS certificates. */
function transportProblem(
  e: NodeLikeError,
  at: string,
  endpoint: ResolvedEndpoint,
  error: unknown,
): EngineProblem | undefined {
  if (endpoint.transport === 'ssh') return sshProblem(e, at, endpoint, error);
  return endpoint.tls ? tlsProblem(e, at, endpoint.tls, error) : undefined;
}

/** The socket's or the network's own error codes: no daemon, no permission, no route. */
function socketProblem(
  e: NodeLikeError,
  at: string,
  endpoint: ResolvedEndpoint,
  error: unknown,
): EngineProblem | undefined {
  const hint = sourceHint(endpoint);
  const local = endpoint.transport === 'unix' || endpoint.transport === 'npipe';
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
  return undefined;
}

/** The engine answered, but with an HTTP error. */
function httpProblem(e: NodeLikeError, at: string, error: unknown): EngineProblem | undefined {
  if (e.statusCode === undefined) return undefined;
  return problem(
    'engine-error',
    say('The engine at {0} answered with an error (HTTP {1})', at, String(e.statusCode)),
    [say('See the details; retry once the engine is healthy.')],
    error,
  );
}
