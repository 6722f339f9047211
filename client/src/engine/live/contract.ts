// The contract between the engine layer and everything that shows or changes engine state.
// The implementation (connection, loader, event stream) lives beside this file and has no
// `vscode` import; views, commands, the network map and the volume tools depend only on this.
import type Docker from 'dockerode';
import type { Event } from './emitter';
import type { Snapshot, SnapshotDelta } from '../model/snapshot';

/** Why the engine cannot be used, worded for a person: what is wrong and how to fix it. */
export interface EngineProblem {
  /** Stable code for tests and `when` clauses, e.g. `socket-missing`, `permission-denied`. */
  code: string;
  /** What is wrong, e.g. "Permission denied on /var/run/docker.sock". */
  message: string;
  /** What to do, e.g. "Add your user to the docker group: sudo usermod -aG docker $USER, then log in again." */
  fix: string;
  /** The engine's or the socket's own error text, word for word. */
  detail?: string;
  /**
   * The English templates behind `message` and `fix` (one per sentence), for
   * `vscode.l10n.t(template, ...args)`; zh-cn is in l10n/fragments/engine.zh-cn.json.
   */
  l10n?: {
    message: { template: string; args: string[] };
    fix: { template: string; args: string[] }[];
  };
}

export type ConnectionState =
  | { kind: 'idle' } // no view has been visible yet: no I/O at all
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'unreachable'; problem: EngineProblem; retryAt?: number };

export interface EngineSession {
  readonly state: ConnectionState;
  readonly onDidChangeState: Event<ConnectionState>;
  /** The latest joined snapshot, or undefined before the first load. */
  readonly snapshot: Snapshot | undefined;
  /** Fires after each (re)load with what changed; views refresh only those nodes. */
  readonly onDidChangeSnapshot: Event<SnapshotDelta>;
  /** The client for actions; undefined until connected. */
  readonly docker: Docker | undefined;
  /** Begins engine I/O. Idempotent; called when a Berth view first becomes visible. */
  start(): void;
  /** Drops the connection and connects again now (Retry button, settings or context change). */
  reconnect(): void;
  /** Reloads the snapshot now (the Refresh button; after an action, so the UI never waits on an event). */
  refresh(): Promise<void>;
  dispose(): void;
}
