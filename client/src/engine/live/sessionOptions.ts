// What a live session is told when it is created, and what it counts while it runs.
import type { ResolveOptions } from '../transport/endpoint';
import type { AskPassphrase } from '../transport/ssh/sshKeys';

export interface SessionOptions {
  /** Read on every (re)connect, so a changed setting applies on `reconnect()`. */
  settings?: () => Pick<ResolveOptions, 'dockerHost' | 'dockerContext'>;
  env?: NodeJS.ProcessEnv;
  configDir?: string;
  /** How long the events must pause before one reload. */
  debounceMs?: number;
  /** The longest a reload waits for that pause: a long burst still refreshes this often. */
  maxWaitMs?: number;
  /** First and longest wait between reconnect attempts. */
  retryInitialMs?: number;
  retryMaxMs?: number;
  log?: (message: string) => void;
  /** Asks for the passphrase of an ssh:// key file when a login reaches it. */
  askPassphrase?: AskPassphrase;
}

export interface SessionStats {
  /** Engine API requests sent since the session was created. */
  requests: number;
  /** Snapshot loads (each is three list calls, plus inspects for new aliases). */
  reloads: number;
  /** Events received that could change the model. */
  events: number;
}
