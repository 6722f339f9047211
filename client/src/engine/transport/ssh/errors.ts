// What the ssh:// tunnel refuses or cannot do, as errors that ../../problems turns into advice.
import type { HostKeyVerdict } from './knownHosts';
import type { ConfigPlace, SshProxy } from './sshConfig';
import type { ProxyCommandRoute } from './sshTarget';

/** The server's host key is not one known_hosts trusts for this host: nothing was sent. */
export class SshHostKeyError extends Error {
  constructor(
    readonly verdict: Exclude<HostKeyVerdict, { kind: 'trusted' }>,
    /** The name looked up in known_hosts: `host`, or `[host]:port` off port 22. */
    readonly lookupName: string,
    readonly keyType: string,
    /** `SHA256:…`, as `ssh` and `ssh-keygen -lf` print it. */
    readonly fingerprint: string,
    readonly files: string[],
    /** The host that offered the key: the engine's, or a jump host's. */
    readonly host: { hostname: string; port: number; username: string },
  ) {
    super(`host key ${keyType} ${fingerprint} for ${lookupName}: ${verdict.kind}`);
  }
}

/** `docker system dial-stdio` on the remote host ended before it carried any answer. */
export class DialStdioError extends Error {
  constructor(
    /** What it printed on stderr, e.g. "bash: line 1: docker: command not found". */
    readonly stderr: string,
    readonly exitCode: number | undefined,
  ) {
    super(
      `docker system dial-stdio exited${exitCode === undefined ? '' : ` with ${exitCode}`}` +
        (stderr ? `: ${stderr}` : ''),
    );
  }
}

/** No ssh-agent, and no key file that can sign without a passphrase: nothing was sent. */
export class SshKeysUnusableError extends Error {
  constructor(
    /** Each key file that exists but cannot be used, with why: `~/.ssh/id_ed25519 (…passphrase…)`. */
    readonly unusable: string[],
  ) {
    super(
      unusable.length > 0
        ? `no ssh-agent, and no key file Berth can use: ${unusable.join(', ')}`
        : 'no ssh-agent, and no key file',
    );
  }
}

/** ssh_config sends this host through a jump host or a command, which Berth cannot follow. */
export class SshProxyError extends Error {
  constructor(readonly proxy: SshProxy) {
    super(`${proxy.at.file} line ${proxy.at.line}: ${proxy.keyword} ${proxy.value} is not supported`);
  }
}

/** A ProxyJump host refused the login or the connection onward to the engine's host. */
export class SshJumpError extends Error {
  constructor(
    /** `user@host:port` of the jump host. */
    readonly jump: string,
    readonly reason: string,
  ) {
    super(`jump host ${jump}: ${reason}`);
  }
}

/** The ProxyCommand that carries the connection could not start, or ended before the login did. */
export class SshProxyCommandError extends Error {
  constructor(
    readonly route: ProxyCommandRoute,
    readonly reason: string,
  ) {
    super(`ProxyCommand ${route.line} (${route.at.file} line ${route.at.line}): ${reason}`);
  }
}

/** Reaching the host and the key exchange took longer than ConnectTimeout (or Berth's 20 s). */
export class SshConnectTimeoutError extends Error {
  constructor(
    /** The host that did not answer in time: the engine's, or a jump host's. */
    readonly host: { hostname: string; port: number; username: string },
    readonly seconds: number,
    /** The ConnectTimeout line that set the limit; undefined for Berth's own. */
    readonly at: ConfigPlace | undefined,
  ) {
    super(
      `${host.username}@${host.hostname}:${host.port} did not complete the SSH handshake within ${seconds} s`,
    );
  }
}
