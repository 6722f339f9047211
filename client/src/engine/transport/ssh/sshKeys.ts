// The ways Berth offers to log in to one SSH host, in ssh's order: the agent's keys, the key
// files that need no passphrase, then the files behind one, each unlocked only when the login
// reaches it (as ssh asks only then). An unlocked key stays in memory for this window, as in an
// agent, so that a reconnect does not ask again.
import { readFileSync, statSync } from 'node:fs';
import type { AgentAuthMethod, ParsedKey, PublicKeyAuthMethod } from 'ssh2';

/**
 * Asks the user for the passphrase of key `file`, to log in to `host`; undefined when they
 * decline. `attempt` counts from 1: a later one follows a wrong passphrase.
 */
export type AskPassphrase = (file: string, host: string, attempt: number) => Promise<string | undefined>;

type ParseKey = (data: Buffer, passphrase?: string) => ParsedKey | ParsedKey[] | Error;

export type LoginMethod = AgentAuthMethod | PublicKeyAuthMethod;

interface LockedKey {
  file: string;
  data: Buffer;
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

function firstKey(parsed: ParsedKey | ParsedKey[] | Error): ParsedKey | Error | undefined {
  return Array.isArray(parsed) ? parsed[0] : parsed;
}

/** OpenSSH and PEM keys both say this when a passphrase protects them. */
const needsPassphrase = (error: Error) => /passphrase/i.test(error.message);

export interface KeyMethods {
  /** Each method's turn, in order; a locked key's turn may ask the user and yield nothing. */
  turns: Array<() => Promise<LoginMethod | undefined>>;
  /** Whether anything may be offered at all. */
  any: boolean;
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
  hop: { username: string; agentSocket?: string; identityFiles: readonly string[] },
  host: string,
  parseKey: ParseKey,
  ask: AskPassphrase | undefined,
): KeyMethods {
  const { username, agentSocket } = hop;
  const plain: ParsedKey[] = [];
  const locked: LockedKey[] = [];
  const unusable: string[] = [];
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
    if (key instanceof Error && needsPassphrase(key) && ask) locked.push({ file, data, cacheKey });
    else if (key instanceof Error || key === undefined)
      unusable.push(`${file} (${key?.message ?? 'no key in the file'})`);
    else plain.push(key);
  }
  const declined: string[] = [];
  const unlock = async (lock: LockedKey): Promise<LoginMethod | undefined> => {
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
  const turns: KeyMethods['turns'] = [
    ...(agentSocket === undefined
      ? []
      : [() => Promise.resolve<LoginMethod>({ type: 'agent', username, agent: agentSocket })]),
    ...plain.map((key) => () => Promise.resolve<LoginMethod>({ type: 'publickey', username, key })),
    ...locked.map((lock) => () => unlock(lock)),
  ];
  return { turns, any: turns.length > 0, unusable, declined };
}
