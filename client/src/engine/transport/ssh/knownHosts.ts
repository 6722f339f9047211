// OpenSSH's known_hosts, read and matched as `ssh` does, so that Berth trusts exactly the hosts
// the user's own ssh (and so the docker CLI) trusts: plain, comma-listed, wildcard, negated and
// hashed host patterns, `[host]:port` for other ports than 22, and `@revoked` keys.
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ServerHostKeyAlgorithm } from 'ssh2';
import { matchesHostPatterns } from './wildcard';

export interface KnownHostLine {
  file: string;
  /** 1-based, as editors and `ssh-keygen -R` messages count. */
  line: number;
  marker: 'revoked' | 'cert-authority' | undefined;
  /** The host field as written: patterns separated by commas, or one `|1|salt|hash`. */
  hosts: string;
  keyType: string;
  key: Buffer;
}

/** Parses known_hosts text; lines ssh would skip (comments, RSA1 keys, garbage) are skipped too. */
export function parseKnownHosts(text: string, file: string): KnownHostLine[] {
  const lines: KnownHostLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const fields = raw.trim().split(/\s+/);
    if (!fields[0] || fields[0].startsWith('#')) return;
    let marker: KnownHostLine['marker'];
    if (fields[0].startsWith('@')) {
      const name = fields.shift();
      if (name === '@revoked') marker = 'revoked';
      else if (name === '@cert-authority') marker = 'cert-authority';
      else return;
    }
    const [hosts, keyType, base64] = fields;
    if (!hosts || !keyType || !base64 || !/^[A-Za-z0-9+/]+=*$/.test(base64)) return;
    const key = Buffer.from(base64, 'base64');
    if (blobKeyType(key) !== keyType) return;
    lines.push({ file, line: index + 1, marker, hosts, keyType, key });
  });
  return lines;
}

/** The key type a public key blob names in its first field, e.g. `ssh-ed25519`. */
export function blobKeyType(key: Buffer): string | undefined {
  if (key.length < 4) return undefined;
  const length = key.readUInt32BE(0);
  if (length === 0 || 4 + length > key.length) return undefined;
  return key.subarray(4, 4 + length).toString('latin1');
}

/** The fingerprint OpenSSH prints: `SHA256:` and unpadded base64. */
export function fingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** The name ssh looks a host up by: `host` on port 22, `[host]:port` on any other. */
export function lookupName(host: string, port: number): string {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return port === 22 ? bare : `[${bare}]:${port}`;
}

/** A hashed field (`|1|salt|hash`): the HMAC-SHA1 of the name under the salt. */
function hashedMatches(name: string, field: string): boolean {
  const [, magic, salt, hash] = field.split('|');
  if (magic !== '1' || !salt || !hash) return false;
  const expected = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
  return expected === hash;
}

/** Whether a line's host field applies to `name`: one positive pattern and no negated one. */
export function hostsMatch(name: string, hosts: string): boolean {
  if (hosts.startsWith('|')) return hashedMatches(name, hosts);
  return matchesHostPatterns(name, hosts.split(','));
}

export interface LineRef {
  file: string;
  line: number;
}

export type HostKeyVerdict =
  | { kind: 'trusted'; at: LineRef }
  | { kind: 'revoked'; at: LineRef }
  /** Known with another key of the same type: what `ssh` calls a possible man-in-the-middle. */
  | { kind: 'changed'; at: LineRef }
  | {
      kind: 'unknown';
      /** Key types known for this host, when only other types are: ssh would ask too. */
      otherTypes: string[];
      /** An @cert-authority line for this host: Berth cannot check host certificates. */
      certAuthority?: LineRef;
    };

/** Decides as OpenSSH does: revoked beats everything, then an exact key, then a same-type key. */
export function verifyHostKey(lines: KnownHostLine[], name: string, key: Buffer): HostKeyVerdict {
  const applicable = lines.filter((l) => hostsMatch(name, l.hosts));
  const ref = (l: KnownHostLine): LineRef => ({ file: l.file, line: l.line });
  const revoked = applicable.find((l) => l.marker === 'revoked' && l.key.equals(key));
  if (revoked) return { kind: 'revoked', at: ref(revoked) };
  const plain = applicable.filter((l) => l.marker === undefined);
  const trusted = plain.find((l) => l.key.equals(key));
  if (trusted) return { kind: 'trusted', at: ref(trusted) };
  const type = blobKeyType(key);
  const changed = plain.find((l) => l.keyType === type);
  if (changed) return { kind: 'changed', at: ref(changed) };
  const authority = applicable.find((l) => l.marker === 'cert-authority');
  return {
    kind: 'unknown',
    otherTypes: [...new Set(plain.map((l) => l.keyType))],
    certAuthority: authority && ref(authority),
  };
}

/** Every line of the files that exist; a missing file is simply empty, as for ssh. */
export function readKnownHosts(files: string[]): KnownHostLine[] {
  return files.flatMap((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return [];
    }
    return parseKnownHosts(text, file);
  });
}

/** Host key algorithms for the key types known for a host first, as ssh orders them. */
export function preferredHostKeyAlgorithms(lines: KnownHostLine[], name: string): ServerHostKeyAlgorithm[] {
  const byType: Record<string, ServerHostKeyAlgorithm[]> = {
    'ssh-ed25519': ['ssh-ed25519'],
    'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
    'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
    'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
    'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
  };
  const known = lines.filter((l) => l.marker === undefined && hostsMatch(name, l.hosts));
  return [...new Set(known.flatMap((l) => byType[l.keyType] ?? []))];
}
