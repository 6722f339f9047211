// The ways Berth offers to log in to one SSH host, in ssh's order: the agent's keys that belong
// to an IdentityFile, the agent's other keys (none with IdentitiesOnly), then the key files the
// agent does not hold, those that need no passphrase first, each locked one unlocked only when the
// login reaches it (as ssh asks only then). An unlocked key stays in memory for this window, as
// in an agent, so that a reconnect does not ask again.
import { readFileSync, statSync } from 'node:fs';
import type { AgentAuthMethod, ParsedKey, PublicKeyAuthMethod } from 'ssh2';

/**
 * Asks the user for the passphrase of key `file`, to log in to `host`; undefined when they
 * decline. `attempt` counts from 1: a later one follows a wrong passphrase.
 */
export type AskPassphrase = (file: string, host: string, attempt: number) => Promise<string | undefined>;

type ParseKey = (data: Buffer, passphrase?: string) => ParsedKey | ParsedKey[] | Error;

export type LoginMethod = AgentAuthMethod | PublicKeyAuthMethod;

/**
 * An agent for ssh2 that offers only the keys `keep` passes, by their public blob. ssh2 takes
 * only agents of its own classes, and its module is loaded when the first ssh:// connects.
 */
export type MakeFilteredAgent = (socket: string, keep: (blob: Buffer) => boolean) => AgentAuthMethod['agent'];

interface LockedKey {
  file: string;
  data: Buffer;
  /** The public key, when the file or its `.pub` tells it without the passphrase. */
  blob?: Buffer;
  /** Changes when the file does, so that a replaced key is unlocked again. */
  cacheKey: string;
}

/** ssh's own number of passphrase attempts. */
const passphraseAttempts = 3;

const unlocked = new Map<string, ParsedKey>();
/** The unlocking under way, by key file, so that two logins share one question. */
const unlocking = new Map<string, Promise<ParsedKey | undefined>>();

async function askUntilUnlocked(
  lock: LockedKey,
  host: string,
  parseKey: ParseKey,
  ask: AskPassphrase,
): Promise<ParsedKey | undefined> {
  for (let attempt = 1; attempt <= passphraseAttempts; attempt++) {
    const passphrase = await ask(lock.file, host, attempt);
    if (passphrase === undefined) return undefined;
    const key = firstKey(parseKey(lock.data, passphrase));
    if (key && !(key instanceof Error)) {
      unlocked.set(lock.cacheKey, key);
      return key;
    }
  }
  return undefined;
}

/** The first key of a file (ssh2 parses a file of several keys to a list). */
export function firstKey(parsed: ParsedKey | ParsedKey[] | Error): ParsedKey | Error | undefined {
  return Array.isArray(parsed) ? parsed[0] : parsed;
}

/** OpenSSH and PEM keys both say this when a passphrase protects them. */
const needsPassphrase = (error: Error) => /passphrase/i.test(error.message);

const openSshArmor = /-----BEGIN OPENSSH PRIVATE KEY-----([^-]*)-----END OPENSSH PRIVATE KEY-----/;
const openSshMagic = 'openssh-key-v1\0';

/**
 * The public key OpenSSH's own private key format keeps in clear, also in a file behind a
 * passphrase: after the magic, the cipher, KDF and KDF options, and the key count.
 */
export function openSshPublicBlob(data: Buffer): Buffer | undefined {
  const body = openSshArmor.exec(data.toString('latin1'))?.[1];
  if (!body) return undefined;
  const bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  if (bytes.subarray(0, openSshMagic.length).toString('latin1') !== openSshMagic) return undefined;
  let at = openSshMagic.length;
  const field = (): Buffer | undefined => {
    if (at + 4 > bytes.length) return undefined;
    const length = bytes.readUInt32BE(at);
    if (at + 4 + length > bytes.length) return undefined;
    const value = bytes.subarray(at + 4, at + 4 + length);
    at += 4 + length;
    return value;
  };
  if (!field() || !field() || !field() || at + 4 > bytes.length) return undefined;
  if (bytes.readUInt32BE(at) < 1) return undefined;
  at += 4;
  const blob = field();
  return blob && blob.length > 0 ? blob : undefined;
}

/** `<file>.pub`'s key, as `type base64 [comment]`; undefined when there is no such file. */
function pubFileBlob(file: string): Buffer | undefined {
  let text: string;
  try {
    text = readFileSync(`${file}.pub`, 'utf8');
  } catch {
    return undefined;
  }
  const encoded = text.trim().split(/\s+/)[1];
  const blob = encoded ? Buffer.from(encoded, 'base64') : undefined;
  return blob && blob.length > 0 ? blob : undefined;
}

/**
 * The public half of key file `file`, as ssh finds it to match the agent's keys: from the key
 * itself when it is readable or in OpenSSH's format, else from `<file>.pub`.
 */
export function publicBlobOf(
  file: string,
  data: Buffer,
  parsed: ParsedKey | Error | undefined,
): Buffer | undefined {
  if (parsed && !(parsed instanceof Error)) return parsed.getPublicSSH();
  return openSshPublicBlob(data) ?? pubFileBlob(file);
}

export interface KeyMethods {
  /** Each method's turn, in order; a locked key's turn may ask the user and yield nothing. */
  turns: Array<() => Promise<LoginMethod | undefined>>;
  /** Whether anything may be offered at all. */
  any: boolean;
  /** How many turns offer a key file rather than the agent's keys. */
  fileTurns: number;
  /** Why the key files that cannot be offered cannot: `file (reason)`. */
  unusable: string[];
  /** Files behind a passphrase the user did not give, filled as the login asks. */
  declined: string[];
}

/**
 * The methods for one login. Files are read now, so that a key added or unlocked since the
 * last login counts on Retry.
 */
export function keyMethods(
  hop: { username: string; agentSocket?: string; identityFiles: readonly string[]; identitiesOnly?: boolean },
  host: string,
  parseKey: ParseKey,
  ask: AskPassphrase | undefined,
  filteredAgent: MakeFilteredAgent,
): KeyMethods {
  const { username, agentSocket } = hop;
  const plain: Array<{ key: ParsedKey; blob: Buffer | undefined }> = [];
  const locked: LockedKey[] = [];
  const unusable: string[] = [];
  /** The IdentityFile keys' public blobs, base64, to tell them among the agent's keys. */
  const fileKeys = new Set<string>();
  for (const file of hop.identityFiles) {
    let data: Buffer;
    let cacheKey: string;
    try {
      data = readFileSync(file);
      const stat = statSync(file);
      cacheKey = `${file}\0${stat.mtimeMs}\0${stat.size}`;
    } catch {
      continue;
    }
    const known = unlocked.get(cacheKey);
    const key = known ?? firstKey(parseKey(data));
    const blob = publicBlobOf(file, data, key);
    if (blob) fileKeys.add(blob.toString('base64'));
    if (key instanceof Error && needsPassphrase(key) && ask) locked.push({ file, data, blob, cacheKey });
    else if (key instanceof Error || key === undefined)
      unusable.push(`${file} (${key?.message ?? 'no key in the file'})`);
    else plain.push({ key, blob });
  }
  /** Every key the agent listed, base64: a key file the agent holds is not offered twice. */
  const agentKeys = new Set<string>();
  const heldByAgent = (blob: Buffer | undefined) =>
    blob !== undefined && agentKeys.has(blob.toString('base64'));
  const agentTurn = (socket: string, keep: (isFileKey: boolean) => boolean) => () =>
    Promise.resolve<LoginMethod>({
      type: 'agent',
      username,
      agent: filteredAgent(socket, (blob) => {
        const encoded = blob.toString('base64');
        agentKeys.add(encoded);
        return keep(fileKeys.has(encoded));
      }),
    });
  const declined: string[] = [];
  const unlock = async (lock: LockedKey): Promise<LoginMethod | undefined> => {
    if (heldByAgent(lock.blob)) return undefined;
    // Another login (another engine behind the same key) may have unlocked it since this one
    // read the file, or be asking for it right now.
    const known = unlocked.get(lock.cacheKey);
    if (known) return { type: 'publickey', username, key: known };
    let pending = unlocking.get(lock.cacheKey);
    if (!pending) {
      pending = askUntilUnlocked(lock, host, parseKey, ask!).finally(() => unlocking.delete(lock.cacheKey));
      unlocking.set(lock.cacheKey, pending);
    }
    const key = await pending;
    if (key) return { type: 'publickey', username, key };
    declined.push(lock.file);
    return undefined;
  };
  const agentTurns: KeyMethods['turns'] =
    agentSocket === undefined
      ? []
      : hop.identitiesOnly
        ? fileKeys.size > 0
          ? [agentTurn(agentSocket, (isFileKey) => isFileKey)]
          : []
        : [
            agentTurn(agentSocket, (isFileKey) => isFileKey),
            agentTurn(agentSocket, (isFileKey) => !isFileKey),
          ];
  const fileTurns: KeyMethods['turns'] = [
    ...plain.map(
      ({ key, blob }) =>
        () =>
          Promise.resolve<LoginMethod | undefined>(
            heldByAgent(blob) ? undefined : { type: 'publickey', username, key },
          ),
    ),
    ...locked.map((lock) => () => unlock(lock)),
  ];
  const turns = [...agentTurns, ...fileTurns];
  return { turns, any: turns.length > 0, fileTurns: fileTurns.length, unusable, declined };
}
