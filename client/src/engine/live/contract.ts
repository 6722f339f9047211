// The contract between the engine layer and everything that shows or changes engine state.
// liveSession.ts implements it over transport/, model/ and the event stream; views, commands,
// the network map and the volume tools depend only on this.
import type Docker from 'dockerode';
import type { Event } from './emitter';
import type { EngineEvent } from './eventStream';
import type { Snapshot, SnapshotDelta } from '../model/snapshot';
import type { EngineProblem } from '../problems/problem';

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
  /** Every event of the engine's stream as it arrives, also those that change no snapshot (exec_die). */
  readonly onDidReceiveEvent: Event<EngineEvent>;
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
