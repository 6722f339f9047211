// The live engine: connects on `start()`, loads a snapshot, then follows `/events` and reloads
// (debounced) when something changes. When the stream or the daemon goes away it says why and
// reconnects with backoff. It never polls: while nothing happens it sends no request at all.
import type Docker from 'dockerode';
import type { RequestCounter } from './connection';
import { connect } from './connection';
import type { ResolvedEndpoint, ResolveOptions } from './endpoint';
import { EventExpectations } from './eventExpectations';
import type { EngineEvent, EventSubscription } from './eventStream';
import { isModelChanging, subscribeEvents } from './eventStream';
import { Emitter } from './events';
import { diffSnapshots, isEmptyDelta } from './join';
import type { PartialReload, RawState } from './loader';
import {
  AliasCache,
  buildSnapshot,
  loadAliases,
  loadRaw,
  loadVolumeSizes,
  reloadRaw,
  withVolumeSizes,
} from './loader';
import type { EngineInfo, Snapshot, SnapshotDelta } from './model';
import { classifyError } from './problems';
import type { ConnectionState, EngineProblem, EngineSession } from './session';

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
}

export interface SessionStats {
  /** Engine API requests sent since the session was created. */
  requests: number;
  /** Snapshot loads (each is three list calls, plus inspects for new aliases). */
  reloads: number;
  /** Events received that could change the model. */
  events: number;
}

/**
 * When each step of the first connect and load ended (`performance.now()`), for the startup
 * figures the Output channel shows: where the time to the first tree render goes.
 */
export interface FirstLoadMarks {
  started: number;
  /** The client is loaded (dockerode is imported lazily) and `/version` answered. */
  connected?: number;
  subscribed?: number;
  /** The three list calls answered. */
  listed?: number;
  /** Mapped and joined into the snapshot. */
  joined?: number;
  /** Listeners (the views) have been told. */
  published?: number;
}

/** When events become a reload; `debounceMs` and `maxWaitMs` are the options' defaults. */
export const reloadTiming = { debounceMs: 75, burstEvents: 10, burstPauseMs: 300, maxWaitMs: 1000 };

export class LiveEngineSession implements EngineSession {
  private currentState: ConnectionState = { kind: 'idle' };
  private currentSnapshot: Snapshot | undefined;
  private client: Docker | undefined;
  private closeClient: (() => void) | undefined;
  private info: EngineInfo | undefined;
  private resolved: ResolvedEndpoint | undefined;
  private subscription: EventSubscription | undefined;
  private generation = 0;
  private retryDelay = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private debounceTimer: NodeJS.Timeout | undefined;
  private windowStart = 0;
  private windowEvents = 0;
  private reloading: Promise<void> | undefined;
  private reloadsRunning = 0;
  private dirty = false;
  private raw: RawState | undefined;
  private pending = nothingPending();
  private readonly expectations = new EventExpectations();
  private recheckTimer: NodeJS.Timeout | undefined;
  private sizes: Map<string, number> | undefined;
  private disposed = false;
  private readonly aliases = new AliasCache();
  private readonly counter: RequestCounter = { count: 0 };
  private readonly stateEmitter = new Emitter<ConnectionState>();
  private readonly snapshotEmitter = new Emitter<SnapshotDelta>();
  private readonly counts = { reloads: 0, events: 0 };
  private marks: FirstLoadMarks | undefined;

  readonly onDidChangeState = this.stateEmitter.event;
  readonly onDidChangeSnapshot = this.snapshotEmitter.event;

  constructor(private readonly options: SessionOptions = {}) {}

  get state(): ConnectionState {
    return this.currentState;
  }

  get snapshot(): Snapshot | undefined {
    return this.currentSnapshot;
  }

  get docker(): Docker | undefined {
    return this.currentState.kind === 'connected' ? this.client : undefined;
  }

  /** Where the session connects (or last tried to); `insecure` asks the UI to warn once. */
  get endpoint(): ResolvedEndpoint | undefined {
    return this.resolved;
  }

  get stats(): SessionStats {
    return { requests: this.counter.count, ...this.counts };
  }

  /**
   * A reload is due (events waiting for their pause, a re-read of a late container state) or
   * running. Once it is false, the snapshot reflects every event received so far.
   */
  get reloadPending(): boolean {
    return this.debounceTimer !== undefined || this.recheckTimer !== undefined || this.reloadsRunning > 0;
  }

  /** The steps of the first load that published a snapshot, once it has. */
  get firstLoad(): FirstLoadMarks | undefined {
    return this.marks?.published === undefined ? undefined : this.marks;
  }

  /** The open `/events` response, for tests that break it on purpose. */
  get eventStream(): EventSubscription['stream'] | undefined {
    return this.subscription?.stream;
  }

  start(): void {
    if (this.disposed || this.currentState.kind !== 'idle') return;
    this.marks = { started: performance.now() };
    void this.connectNow();
  }

  reconnect(): void {
    if (this.disposed) return;
    this.retryDelay = 0;
    void this.connectNow();
  }

  async refresh(): Promise<void> {
    if (this.currentState.kind === 'idle') this.start();
    if (this.currentState.kind !== 'connected') return;
    clearTimeout(this.debounceTimer);
    this.debounceTimer = undefined;
    this.pending.full = true;
    await this.reload();
  }

  /** Fetches volume sizes (`/system/df`, slow on big engines) and fires a delta for the volumes. */
  async loadVolumeSizes(): Promise<void> {
    const docker = this.docker;
    if (!docker) return;
    const generation = this.generation;
    const sizes = await loadVolumeSizes(docker);
    if (generation !== this.generation || !this.currentSnapshot) return;
    this.sizes = sizes;
    this.publish(withVolumeSizes(this.currentSnapshot, sizes));
  }

  dispose(): void {
    this.disposed = true;
    this.teardown();
    this.stateEmitter.dispose();
    this.snapshotEmitter.dispose();
  }

  private teardown(): void {
    this.generation++;
    clearTimeout(this.retryTimer);
    clearTimeout(this.debounceTimer);
    clearTimeout(this.recheckTimer);
    this.retryTimer = undefined;
    this.debounceTimer = undefined;
    this.recheckTimer = undefined;
    this.expectations.clear();
    this.subscription?.close();
    this.subscription = undefined;
    this.closeClient?.();
    this.closeClient = undefined;
    this.reloading = undefined;
    this.raw = undefined;
    this.pending = nothingPending();
  }

  private setState(state: ConnectionState): void {
    this.currentState = state;
    this.stateEmitter.fire(state);
  }

  /** Notes the end of a step of the first load; later loads leave the marks alone. */
  private mark(step: Exclude<keyof FirstLoadMarks, 'started'>): void {
    if (this.marks && this.marks.published === undefined) this.marks[step] ??= performance.now();
  }

  private log(message: string): void {
    this.options.log?.(message);
  }

  private async connectNow(): Promise<void> {
    this.teardown();
    const generation = this.generation;
    if (this.currentState.kind !== 'connected') this.setState({ kind: 'connecting' });
    const result = await connect({
      ...this.options.settings?.(),
      env: this.options.env,
      configDir: this.options.configDir,
      counter: this.counter,
    });
    if (generation !== this.generation) {
      if (result.ok) result.close();
      return;
    }
    this.resolved = result.endpoint;
    if (!result.ok) {
      this.fail(generation, result.problem);
      return;
    }
    this.client = result.docker;
    this.closeClient = result.close;
    this.info = result.info;
    this.mark('connected');
    try {
      // Subscribe before loading, so that nothing between the load and the stream is missed.
      this.subscription = await subscribeEvents(
        result.docker,
        (event) => this.onEvent(generation, event),
        (error) => this.onStreamEnd(generation, error),
      );
      if (generation !== this.generation) return;
      this.mark('subscribed');
      this.dirty = true;
      await this.runReloads(generation);
    } catch (error) {
      if (generation === this.generation && result.endpoint) {
        this.fail(generation, classifyError(error, result.endpoint));
      }
      return;
    }
    if (generation !== this.generation) return;
    this.retryDelay = 0;
    this.log(
      `Connected to ${result.info.endpointLabel} (Docker ${result.info.version}, API ${result.info.apiVersion})`,
    );
    this.setState({ kind: 'connected' });
  }

  private fail(generation: number, problem: EngineProblem): void {
    if (generation !== this.generation || this.disposed) return;
    this.subscription?.close();
    this.subscription = undefined;
    const delay = this.retryDelay;
    const initial = this.options.retryInitialMs ?? 1000;
    this.retryDelay = Math.min(Math.max(initial, delay * 2), this.options.retryMaxMs ?? 30_000);
    const retryAt = Date.now() + this.retryDelay;
    this.log(`Engine unreachable (${problem.code}): ${problem.message}; retrying in ${this.retryDelay} ms`);
    this.setState({ kind: 'unreachable', problem, retryAt });
    this.retryTimer = setTimeout(() => void this.connectNow(), this.retryDelay);
  }

  private onEvent(generation: number, event: EngineEvent): void {
    if (generation !== this.generation || !isModelChanging(event)) return;
    this.counts.events++;
    this.touch(event);
    this.expectations.note(event);
    this.scheduleReload();
  }

  /**
   * One change shows after `debounceMs`. A burst (compose down, a prune, a script) is recognised
   * by its many events and waits for a longer pause, but never longer than `maxWaitMs` from its
   * first event. A fixed window from the first event turned a burst of 500 events on a big engine
   * into dozens of back-to-back reloads.
   */
  private scheduleReload(): void {
    const now = Date.now();
    if (this.debounceTimer === undefined) {
      this.windowStart = now;
      this.windowEvents = 0;
    }
    this.windowEvents++;
    clearTimeout(this.debounceTimer);
    const pause =
      this.windowEvents >= reloadTiming.burstEvents
        ? reloadTiming.burstPauseMs
        : (this.options.debounceMs ?? reloadTiming.debounceMs);
    const due = Math.min(now + pause, this.windowStart + (this.options.maxWaitMs ?? reloadTiming.maxWaitMs));
    this.debounceTimer = setTimeout(
      () => {
        this.debounceTimer = undefined;
        void this.reload();
      },
      Math.max(0, due - now),
    );
  }

  /** Notes what an event can have changed, so the next reload fetches only that. */
  private touch(event: EngineEvent): void {
    const pending = this.pending;
    const container = event.Type === 'network' ? event.Actor.Attributes?.container : undefined;
    if (event.Type === 'container' && event.Action !== 'rename') {
      pending.containerIds.add(event.Actor.ID);
      this.aliases.invalidate(event.Actor.ID);
    } else if (container && (event.Action === 'connect' || event.Action === 'disconnect')) {
      pending.containerIds.add(container);
      this.aliases.invalidate(container);
    } else if (event.Type === 'network') {
      pending.networks = true;
    } else if (event.Type === 'volume') {
      pending.volumes = true;
    } else {
      // A rename changes how other containers name it (links, container:X); anything unknown too.
      pending.full = true;
    }
  }

  private onStreamEnd(generation: number, error?: Error): void {
    if (generation !== this.generation || this.disposed) return;
    this.log(`The engine's event stream ended${error ? `: ${error.message}` : ''}; reconnecting`);
    // The daemon may just have restarted, or only the stream broke: try again at once.
    void this.connectNow();
  }

  private reload(): Promise<void> {
    this.dirty = true;
    if (this.reloading) return this.reloading;
    const generation = this.generation;
    const running = this.runReloads(generation)
      .catch((error: unknown) => {
        if (generation !== this.generation || this.disposed) return;
        // A request cut mid-way ("socket hang up") tells nothing of why: connect afresh, so the
        // problem shown is the cause as it is now, such as a daemon that stopped.
        if (isConnectionLoss(error)) void this.connectNow();
        else if (this.resolved) this.fail(generation, classifyError(error, this.resolved));
      })
      .finally(() => {
        if (this.reloading === running) this.reloading = undefined;
      });
    this.reloading = running;
    return running;
  }

  private async runReloads(generation: number): Promise<void> {
    this.reloadsRunning++;
    try {
      await this.reloadWhileDirty(generation);
    } finally {
      this.reloadsRunning--;
    }
  }

  private async reloadWhileDirty(generation: number): Promise<void> {
    while (this.dirty && generation === this.generation) {
      this.dirty = false;
      const touched = this.pending;
      this.pending = nothingPending();
      const docker = this.client;
      const info = this.info;
      if (!docker || !info) return;
      this.counts.reloads++;
      const previous = this.raw;
      // A new container may be linked to others (--link shows on the target's names): list all.
      const partial =
        previous !== undefined &&
        !touched.full &&
        touched.containerIds.size <= maxPartialContainers &&
        [...touched.containerIds].every((id) => previous.containers.has(id));
      const raw = partial ? await reloadRaw(docker, previous, touched) : await loadRaw(docker);
      if (generation !== this.generation) return;
      this.mark('listed');
      this.raw = raw;
      this.recheckLater(raw);
      const { snapshot, missingAliases } = buildSnapshot(raw, info, this.aliases);
      this.mark('joined');
      this.publish(this.sizes ? withVolumeSizes(snapshot, this.sizes) : snapshot);
      this.mark('published');
      if (missingAliases.length === 0) continue;
      const enriched = await loadAliases(docker, snapshot, missingAliases, this.aliases);
      if (generation !== this.generation) return;
      this.publish(this.sizes ? withVolumeSizes(enriched, this.sizes) : enriched);
    }
  }

  /** Re-reads the containers whose last event the list does not show yet (see eventExpectations). */
  private recheckLater(raw: RawState): void {
    const recheck = this.expectations.check(raw.containers);
    if (!recheck) return;
    for (const id of recheck.containerIds) this.pending.containerIds.add(id);
    // A reload already due reads them too: a burst must not gain reloads from its own checks.
    if (this.debounceTimer !== undefined || this.recheckTimer !== undefined) return;
    this.recheckTimer = setTimeout(() => {
      this.recheckTimer = undefined;
      void this.reload();
    }, recheck.delayMs);
  }

  private publish(next: Snapshot): void {
    const delta = diffSnapshots(this.currentSnapshot, next);
    this.currentSnapshot = next;
    if (!isEmptyDelta(delta)) this.snapshotEmitter.fire(delta);
  }
}

/** The engine answered nothing: no HTTP status, only a broken or refused connection. */
function isConnectionLoss(error: unknown): boolean {
  return typeof (error as { statusCode?: unknown } | undefined)?.statusCode !== 'number';
}

/** Beyond this many touched containers one full list is cheaper than a long id filter. */
const maxPartialContainers = 100;

function nothingPending(): PartialReload & { full: boolean } {
  return { full: false, containerIds: new Set(), networks: false, volumes: false };
}

export function createSession(options: SessionOptions = {}): LiveEngineSession {
  return new LiveEngineSession(options);
}
