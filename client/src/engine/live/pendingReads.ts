// What the next reload must read: what each event can have changed, and the containers whose
// last event the list did not show yet (see eventExpectations.ts).
import type { AliasCache, PartialReload, RawState } from '../model/loader';
import { EventExpectations } from './eventExpectations';
import type { EngineEvent } from './eventStream';

/** Beyond this many touched containers one full list is cheaper than a long id filter. */
const maxPartialContainers = 100;

export type Touched = PartialReload & { full: boolean };

function nothingPending(): Touched {
  return { full: false, containerIds: new Set(), networks: false, volumes: false, swarm: false };
}

export class PendingReads {
  private touched = nothingPending();
  private readonly expectations = new EventExpectations();

  constructor(private readonly aliases: AliasCache) {}

  /** Notes what an event can have changed, so the next reload fetches only that. */
  note(event: EngineEvent): void {
    const touched = this.touched;
    const container = event.Type === 'network' ? event.Actor.Attributes?.container : undefined;
    if (event.Type === 'container' && event.Action !== 'rename') {
      touched.containerIds.add(event.Actor.ID);
      this.aliases.invalidate(event.Actor.ID);
      // A task's container starting or dying is the task changing state (and address).
      if (event.Actor.Attributes?.['com.docker.swarm.task.id']) touched.swarm = true;
    } else if (event.Type === 'service' || event.Type === 'node') {
      touched.swarm = true;
    } else if (container && (event.Action === 'connect' || event.Action === 'disconnect')) {
      touched.containerIds.add(container);
      this.aliases.invalidate(container);
    } else if (event.Type === 'network') {
      touched.networks = true;
    } else if (event.Type === 'volume') {
      touched.volumes = true;
    } else {
      // A rename changes how other containers name it (links, container:X); anything unknown too.
      touched.full = true;
    }
    this.expectations.note(event);
  }

  /** The next reload lists everything (a Refresh). */
  readAll(): void {
    this.touched.full = true;
  }

  /** What to read now; what comes after starts from nothing. */
  take(): Touched {
    const touched = this.touched;
    this.touched = nothingPending();
    return touched;
  }

  /** Marks the containers whose last event `raw` does not show yet; returns when to re-read them. */
  recheck(raw: RawState): number | undefined {
    const recheck = this.expectations.check(raw.containers);
    if (!recheck) return undefined;
    for (const id of recheck.containerIds) this.touched.containerIds.add(id);
    return recheck.delayMs;
  }

  clear(): void {
    this.expectations.clear();
    this.touched = nothingPending();
  }
}

/** Whether `touched` can be read on top of `previous`, or everything must be listed again. */
export function readsPartially(previous: RawState | undefined, touched: Touched): previous is RawState {
  // A new container may be linked to others (--link shows on the target's names): list all.
  return (
    previous !== undefined &&
    !touched.full &&
    touched.containerIds.size <= maxPartialContainers &&
    [...touched.containerIds].every((id) => previous.containers.has(id))
  );
}
