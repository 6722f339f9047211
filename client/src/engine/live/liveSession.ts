// The live engine: connects on `start()`, loads a snapshot, then follows `/events` and reloads
// (debounced) when something changes. When the stream or the daemon goes away it says why and
// reconnects with backoff. It never polls: while nothing happens it sends no request at all.
import type Docker from 'dockerode';
import type { RequestCounter } from '../transport/connect';
import { connect } from '../transport/connect';
import type { ResolvedEndpoint } from '../transport/endpoint';
import type { RawState } from '../model/loader';
import { AliasCache, buildSnapshot, loadAliases, loadRaw, loadVolumeSizes, reloadRaw } from '../model/loader';
import type { EngineInfo, Snapshot } from '../model/snapshot';
import { classifyError } from '../problems/classify';
import type { EngineProblem } from '../problems/problem';
import type { ConnectionState, EngineSession } from './contract';
import { Emitter } from './emitter';
import type { EngineEvent, EventSubscription } from './eventStream';
import { isModelChanging, subscribeEvents } from './eventStream';
import { FirstLoadTimer, type FirstLoadMarks } from './firstLoad';
import { PendingReads, readsPartially } from './pendingReads';
import { SnapshotPublisher } from './publisher';
import { ReloadScheduler } from './reloadScheduler';
import { RetryBackoff } from './retryBackoff';
import type { SessionOptions, SessionStats } from './sessionOptions';

/** The client of the last connect that succeeded; `close` ends what it holds open (ssh://). */
interface EngineLink {
  docker: Docker;
  info: EngineInfo;
  close: (() => void) | undefined;
}

export class LiveEngineSession implements EngineSession {
  private currentState: ConnectionState = { kind: 'idle' };
  private readonly stateEmitter = new Emitter<ConnectionState>();
  private readonly eventEmitter = new Emitter<EngineEvent>();
  private readonly published = new SnapshotPublisher();
  private link: EngineLink | undefined;
  private resolved: ResolvedEndpoint | undefined;
  private subscription: EventSubscription | undefined;
  /** Bumped by every teardown: work begun for an older connection drops its result. */
  private generation = 0;
  private disposed = false;
  private readonly retry: RetryBackoff;
  private readonly loggedNotes = new Set<string>();
  private readonly scheduler: ReloadScheduler;
  private readonly aliases = new AliasCache();
  private readonly pending = new PendingReads(this.aliases);
  private raw: RawState | undefined;
  private reloading: Promise<void> | undefined;
  private reloadsRunning = 0;
  private dirty = false;
  private readonly tally: { requests: RequestCounter; reloads: number; events: number } = {
    requests: { count: 0 },
    reloads: 0,
    events: 0,
  };
  private readonly firstLoadTimer = new FirstLoadTimer();

  readonly onDidChangeState = this.stateEmitter.event;
  readonly onDidChangeSnapshot = this.published.onDidChange;
  readonly onDidReceiveEvent = this.eventEmitter.event;

  constructor(private readonly options: SessionOptions = {}) {
    this.retry = new RetryBackoff(options.retryInitialMs ?? 1000, options.retryMaxMs ?? 30_000);
    this.scheduler = new ReloadScheduler(() => void this.reload(), options);
  }

  get state(): ConnectionState {
    return this.currentState;
  }

  get snapshot(): Snapshot | undefined {
    return this.published.snapshot;
  }

  get docker(): Docker | undefined {
    return this.currentState.kind === 'connected' ? this.link?.docker : undefined;
  }

  /** Where the session connects (or last tried to); `insecure` asks the UI to warn once. */
  get endpoint(): ResolvedEndpoint | undefined {
    return this.resolved;
  }

  get stats(): SessionStats {
    return { requests: this.tally.requests.count, reloads: this.tally.reloads, events: this.tally.events };
  }

  /**
   * A reload is due (events waiting for their pause, a re-read of a late container state) or
   * running. Once it is false, the snapshot reflects every event received so far.
   */
  get reloadPending(): boolean {
    return this.scheduler.due || this.reloadsRunning > 0;
  }

  /** The steps of the first load that published a snapshot, once it has. */
  get firstLoad(): FirstLoadMarks | undefined {
    return this.firstLoadTimer.finished;
  }

  /** The open `/events` response, for tests that break it on purpose. */
  get eventStream(): EventSubscription['stream'] | undefined {
    return this.subscription?.stream;
  }

  start(): void {
    if (this.disposed || this.currentState.kind !== 'idle') return;
    this.firstLoadTimer.start();
    void this.connectNow();
  }

  reconnect(): void {
    if (this.disposed) return;
    this.retry.reset();
    void this.connectNow();
  }

  async refresh(): Promise<void> {
    if (this.currentState.kind === 'idle') this.start();
    if (this.currentState.kind !== 'connected') return;
    this.scheduler.cancelDebounce();
    this.pending.readAll();
    await this.reload();
  }

  /** Fetches volume sizes (`/system/df`, slow on big engines) and fires a delta for the volumes. */
  async loadVolumeSizes(): Promise<void> {
    const docker = this.docker;
    if (!docker) return;
    const generation = this.generation;
    const sizes = await loadVolumeSizes(docker);
    if (generation !== this.generation) return;
    this.published.publishSizes(sizes);
  }

  dispose(): void {
    this.disposed = true;
    this.teardown();
    this.stateEmitter.dispose();
    this.eventEmitter.dispose();
    this.published.dispose();
  }

  private teardown(): void {
    this.generation++;
    this.retry.cancel();
    this.scheduler.clear();
    this.subscription?.close();
    this.subscription = undefined;
    // The client stays for `docker` while a reconnect is under way; only what it holds open goes.
    const close = this.link?.close;
    if (this.link) this.link.close = undefined;
    close?.();
    this.reloading = undefined;
    this.raw = undefined;
    this.pending.clear();
  }

  private setState(state: ConnectionState): void {
    this.currentState = state;
    this.stateEmitter.fire(state);
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
      counter: this.tally.requests,
      askPassphrase: this.options.askPassphrase,
    });
    if (generation !== this.generation) {
      if (result.ok) result.close();
      return;
    }
    for (const note of result.notes) {
      // Each once: a session that reconnects reads the same files again.
      if (this.loggedNotes.has(note)) continue;
      this.loggedNotes.add(note);
      this.log(`ssh config: ${note}`);
    }
    this.resolved = result.endpoint;
    if (!result.ok) {
      this.fail(generation, result.problem);
      return;
    }
    this.link = { docker: result.docker, info: result.info, close: result.close };
    this.firstLoadTimer.mark('connected');
    try {
      // Subscribe before loading, so that nothing between the load and the stream is missed.
      this.subscription = await subscribeEvents(
        result.docker,
        (event) => this.onEvent(generation, event),
        (error) => this.onStreamEnd(generation, error),
      );
      if (generation !== this.generation) return;
      this.firstLoadTimer.mark('subscribed');
      this.dirty = true;
      await this.runReloads(generation);
    } catch (error) {
      if (generation === this.generation && result.endpoint) {
        this.fail(generation, classifyError(error, result.endpoint));
      }
      return;
    }
    if (generation !== this.generation) return;
    this.retry.reset();
    this.log(
      `Connected to ${result.info.endpointLabel} (Docker ${result.info.version}, API ${result.info.apiVersion})`,
    );
    this.setState({ kind: 'connected' });
  }

  private fail(generation: number, problem: EngineProblem): void {
    if (generation !== this.generation || this.disposed) return;
    this.subscription?.close();
    this.subscription = undefined;
    const delay = this.retry.next();
    const retryAt = Date.now() + delay;
    this.log(`Engine unreachable (${problem.code}): ${problem.message}; retrying in ${delay} ms`);
    this.setState({ kind: 'unreachable', problem, retryAt });
    this.retry.wait(() => void this.connectNow());
  }

  private onEvent(generation: number, event: EngineEvent): void {
    if (generation !== this.generation) return;
    this.eventEmitter.fire(event);
    if (!isModelChanging(event)) return;
    this.tally.events++;
    this.pending.note(event);
    this.scheduler.eventArrived();
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
      const touched = this.pending.take();
      const link = this.link;
      if (!link) return;
      this.tally.reloads++;
      const previous = this.raw;
      const raw = readsPartially(previous, touched)
        ? await reloadRaw(link.docker, previous, touched)
        : await loadRaw(link.docker);
      if (generation !== this.generation) return;
      this.firstLoadTimer.mark('listed');
      this.raw = raw;
      this.recheckLater(raw);
      const { snapshot, missingAliases } = buildSnapshot(raw, link.info, this.aliases);
      this.firstLoadTimer.mark('joined');
      this.published.publish(snapshot);
      this.firstLoadTimer.mark('published');
      if (missingAliases.length === 0) continue;
      const enriched = await loadAliases(link.docker, snapshot, missingAliases, this.aliases);
      if (generation !== this.generation) return;
      this.published.publish(enriched);
    }
  }

  /** Re-reads the containers whose last event the list does not show yet (see eventExpectations). */
  private recheckLater(raw: RawState): void {
    const delayMs = this.pending.recheck(raw);
    if (delayMs !== undefined) this.scheduler.recheckAfter(delayMs);
  }
}

/** The engine answered nothing: no HTTP status, only a broken or refused connection. */
function isConnectionLoss(error: unknown): boolean {
  return typeof (error as { statusCode?: unknown } | undefined)?.statusCode !== 'number';
}

export function createSession(options: SessionOptions = {}): LiveEngineSession {
  return new LiveEngineSession(options);
}
