// What the connection throws before or beside the engine's own errors, for classify.ts to word.

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

/** Thrown by the connection for ssh:// with no ssh-agent and no key file: no key to offer. */
export class SshAgentMissingError extends Error {
  constructor(
    /** The IdentityFile paths ssh_config named, none of which exists; empty for ssh's defaults. */
    readonly missingIdentityFiles: string[] = [],
  ) {
    super(
      missingIdentityFiles.length > 0
        ? `SSH_AUTH_SOCK is not set and no IdentityFile exists (${missingIdentityFiles.join(', ')})`
        : 'SSH_AUTH_SOCK is not set and ~/.ssh holds no key file',
    );
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
