// The X of each engine: one value per engine of the fleet, made when the engine comes and disposed
// when it goes, so that features holding engine-bound helpers (volume tools, file systems) follow
// `berth.engines` without keeping maps of their own. Kept by session, which outlives a renamed entry.
import type { Disposable } from '../live/emitter';
import type { FleetEngine, FleetView } from './fleet';

export class PerEngine<S, T extends Disposable> implements Disposable {
  private readonly values = new Map<S, T>();
  private readonly subscription: Disposable;

  constructor(
    private readonly fleet: FleetView<S>,
    private readonly make: (engine: FleetEngine<S>) => T,
  ) {
    this.follow();
    this.subscription = fleet.onDidChange(() => this.follow());
  }

  /** The value of engine `id`, or of the first engine when `id` is undefined. */
  of(id: string | undefined): T | undefined {
    const engine = id === undefined ? this.fleet.primary : this.fleet.get(id);
    return engine && this.values.get(engine.session);
  }

  private follow(): void {
    const current = new Set(this.fleet.engines.map((engine) => engine.session));
    for (const [session, value] of this.values)
      if (!current.has(session)) {
        this.values.delete(session);
        value.dispose();
      }
    for (const engine of this.fleet.engines)
      if (!this.values.has(engine.session)) this.values.set(engine.session, this.make(engine));
  }

  dispose(): void {
    this.subscription.dispose();
    for (const value of this.values.values()) value.dispose();
    this.values.clear();
  }
}
