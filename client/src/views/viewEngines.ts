// The engines the views show, each with the connection status its tree reads and the scope its
// node keys live in. Rebuilt when `berth.engines` changes; statuses of kept sessions are kept.
import type { EngineSession } from '../engine/live/contract';
import { Emitter } from '../engine/live/emitter';
import type { FleetView } from '../engine/fleet/fleet';
import { scopeOf, type EngineScope } from './engineScope';
import { EngineStatus } from './engineStatus';

export interface ViewEngine {
  id: string;
  label: string;
  session: EngineSession;
  status: EngineStatus;
  scope: EngineScope;
}

export class ViewEngines {
  private current: ViewEngine[] = [];
  private readonly statuses = new Map<EngineSession, EngineStatus>();
  private readonly changed = new Emitter<void>();
  /** Engines came or went: trees rebuild their roots. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(readonly fleet: FleetView<EngineSession>) {
    this.rebuild();
    this.subscription = fleet.onDidChange(() => {
      this.rebuild();
      this.changed.fire();
    });
  }

  get all(): readonly ViewEngine[] {
    return this.current;
  }

  get several(): boolean {
    return this.current.length > 1;
  }

  get primary(): ViewEngine {
    return this.current[0];
  }

  /** The engine of a node; nodes without one (never built by a tree) belong to the first. */
  of(id: string | undefined): ViewEngine | undefined {
    return id === undefined ? this.primary : this.current.find((engine) => engine.id === id);
  }

  private rebuild(): void {
    const several = this.fleet.several;
    const sessions = new Set(this.fleet.engines.map((engine) => engine.session));
    for (const [session, status] of this.statuses)
      if (!sessions.has(session)) {
        status.dispose();
        this.statuses.delete(session);
      }
    this.current = this.fleet.engines.map((engine) => {
      let status = this.statuses.get(engine.session);
      if (!status) {
        status = new EngineStatus(engine.session);
        this.statuses.set(engine.session, status);
      }
      return {
        id: engine.id,
        label: engine.label,
        session: engine.session,
        status,
        scope: scopeOf(engine.id, several),
      };
    });
  }

  dispose(): void {
    this.subscription.dispose();
    for (const status of this.statuses.values()) status.dispose();
    this.changed.dispose();
  }
}
