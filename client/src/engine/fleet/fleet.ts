// Several engines side by side: one independent live session per entry of `berth.engines` (own
// `/events` stream, retry and problems), so that one engine being down never stalls another.
// The first session lives as long as the fleet: what starts on no item (the status bar, the
// palette's default) holds it, and with a single entry Berth behaves exactly as with one session.
import { Emitter, type Event } from '../live/emitter';

export interface FleetEntry {
  /** Stable across reloads of the setting: the entry's name, else its context or host. */
  id: string;
  label: string;
  dockerHost: string;
  dockerContext: string;
}

/** What the fleet needs of a session; LiveEngineSession has it. */
export interface FleetSession {
  readonly state: { readonly kind: string };
  start(): void;
  reconnect(): void;
  dispose(): void;
}

export type EngineSettingsReader = () => { dockerHost: string; dockerContext: string };

export interface FleetEngine<S> {
  readonly id: string;
  readonly label: string;
  readonly session: S;
}

class Slot<S extends FleetSession> implements FleetEngine<S> {
  readonly session: S;

  constructor(
    public entry: FleetEntry,
    create: (settings: EngineSettingsReader) => S,
  ) {
    // Read on every (re)connect, so a changed entry applies on `reconnect()`.
    this.session = create(() => ({
      dockerHost: this.entry.dockerHost,
      dockerContext: this.entry.dockerContext,
    }));
  }

  get id(): string {
    return this.entry.id;
  }

  get label(): string {
    return this.entry.label;
  }
}

function sameEndpoint(a: FleetEntry, b: FleetEntry): boolean {
  return a.dockerHost === b.dockerHost && a.dockerContext === b.dockerContext;
}

/** What views and commands read of the fleet. */
export interface FleetView<S> {
  readonly engines: readonly FleetEngine<S>[];
  readonly primary: FleetEngine<S>;
  readonly several: boolean;
  readonly onDidChange: Event<void>;
  get(id: string | undefined): FleetEngine<S> | undefined;
  start(): void;
}

export class EngineFleet<S extends FleetSession> implements FleetView<S> {
  private slots: Slot<S>[];
  private started = false;
  private readonly changed = new Emitter<void>();
  /** Fires when engines come or go, or their names change; not on a reconnect. */
  readonly onDidChange = this.changed.event;

  constructor(
    first: FleetEntry,
    private readonly create: (settings: EngineSettingsReader) => S,
  ) {
    this.slots = [new Slot(first, create)];
  }

  get engines(): readonly FleetEngine<S>[] {
    return this.slots;
  }

  get primary(): FleetEngine<S> {
    return this.slots[0];
  }

  /** True when the views show one root per engine. */
  get several(): boolean {
    return this.slots.length > 1;
  }

  get(id: string | undefined): FleetEngine<S> | undefined {
    return id === undefined ? undefined : this.slots.find((slot) => slot.id === id);
  }

  /** Starts every session (the first Berth view became visible); later engines start as they come. */
  start(): void {
    this.started = true;
    for (const slot of this.slots) slot.session.start();
  }

  /**
   * Brings the fleet to `entries` (never empty): keeps sessions whose entry is unchanged, reconnects
   * those whose host or context changed, starts new ones and disposes removed ones.
   */
  reconcile(entries: readonly FleetEntry[]): void {
    if (entries.length === 0) throw new Error('a fleet has at least one engine');
    const before = this.slots.map((slot) => `${slot.id}\n${slot.label}`).join('\n\n');
    const next = entries.map((entry, index) => {
      // Ids are unique (the setting's parser drops repeats), so no slot is kept twice.
      const kept = index === 0 ? this.slots[0] : this.slots.find((slot, i) => i > 0 && slot.id === entry.id);
      if (!kept) return this.added(entry);
      const moved = !sameEndpoint(kept.entry, entry);
      kept.entry = entry;
      if (moved && kept.session.state.kind !== 'idle') kept.session.reconnect();
      return kept;
    });
    const taken = new Set(next);
    for (const slot of this.slots) if (!taken.has(slot)) slot.session.dispose();
    this.slots = next;
    const after = this.slots.map((slot) => `${slot.id}\n${slot.label}`).join('\n\n');
    if (after !== before) this.changed.fire();
  }

  private added(entry: FleetEntry): Slot<S> {
    const slot = new Slot(entry, this.create);
    if (this.started) slot.session.start();
    return slot;
  }

  dispose(): void {
    for (const slot of this.slots) slot.session.dispose();
    this.changed.dispose();
  }
}
