// ssh:// failures: host keys, login, the agent, and the remote `docker system dial-stdio`.
import type { ResolvedEndpoint } from '../transport/endpoint';
import {
  DialStdioError,
  SshConnectTimeoutError,
  SshHostKeyError,
  SshJumpError,
  SshProxyCommandError,
} from '../transport/ssh/errors';
import { problem, say, type EngineProblem, type NodeLikeError } from './problem';

export const startAgent = say(
  'Start ssh-agent and add your key (ssh-add), then start VS Code from that environment.',
);

const dialStdioFix = say(
  'Check that the docker CLI is installed on that host, on the PATH of non-interactive logins, and that its engine runs: "ssh USER@HOST docker version" must work.',
);

/** What `ssh` itself would say about an untrusted host key, and how to trust the right one. */
function hostKeyProblem(error: SshHostKeyError): EngineProblem {
  const { verdict, lookupName, keyType, fingerprint } = error;
  // The host that offered the key, which is a jump host's when the refusal was on the way.
  const port = String(error.host.port);
  const host = error.host.hostname.replace(/^\[(.*)\]$/, '$1');
  const login = `ssh -p ${port} ${error.host.username}@${host}`;
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

/** A host that took longer than ConnectTimeout to answer, and where that limit comes from. */
function connectTimeoutProblem(error: SshConnectTimeoutError): EngineProblem {
  const { hostname, port, username } = error.host;
  const host = hostname.replace(/^\[(.*)\]$/, '$1');
  const login = `ssh -p ${port} ${username}@${host} true`;
  const seconds = String(error.seconds);
  return problem(
    'ssh-connect-timeout',
    say('{0} did not complete the SSH handshake within {1} s', `${username}@${host}:${port}`, seconds),
    [
      error.at
        ? say(
            'Check that "{0}" answers in a terminal. On a slow link, raise ConnectTimeout ({1} line {2}).',
            login,
            error.at.file,
            String(error.at.line),
          )
        : say(
            'Check that "{0}" answers in a terminal. On a slow link, set ConnectTimeout for this host in ~/.ssh/config: without it Berth waits {1} s.',
            login,
            seconds,
          ),
    ],
    error,
  );
}

/** What went wrong over ssh://, when the error says which step failed. */
export function sshProblem(
  e: NodeLikeError,
  at: string,
  endpoint: ResolvedEndpoint,
  error: unknown,
): EngineProblem | undefined {
  if (error instanceof SshHostKeyError) return hostKeyProblem(error);
  if (error instanceof SshConnectTimeoutError) return connectTimeoutProblem(error);
  if (error instanceof SshJumpError) {
    return problem(
      'ssh-jump',
      say(
        'The jump host {0} (ProxyJump in your ssh config) failed on the way to {1}: {2}',
        error.jump,
        at,
        error.reason,
      ),
      [
        say(
          'Check that "ssh -J JUMP HOST docker version" works in a terminal, and that the jump host allows forwarding (AllowTcpForwarding).',
        ),
      ],
      error,
    );
  }
  if (error instanceof SshProxyCommandError) {
    const { line, at: place, argv } = error.route;
    return problem(
      'ssh-proxy-command',
      say(
        'The ProxyCommand that reaches {0} ({1} line {2}: {3}) failed: {4}',
        at,
        place.file,
        String(place.line),
        line,
        error.reason,
      ),
      [
        say(
          'Check that "ssh HOST docker version" works in a terminal, and that {0} is on the PATH VS Code was started with. Berth runs the ProxyCommand itself, as one program with its arguments.',
          argv[0],
        ),
      ],
      error,
    );
  }
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

/** Any other failure over ssh:// (or of ssh2's client): refused login, or the connection itself. */
export function sshFallbackProblem(
  e: NodeLikeError,
  text: string,
  at: string,
  error: unknown,
): EngineProblem {
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
