// The engine announces some changes before its container list shows them: a network connect or
// disconnect and a container's exit are written to the list's view just after the event is sent.
// A reload that races them keeps the old state until some unrelated later event. So each such
// event leaves an expectation; a reload that does not meet it re-reads that one container, a few
// times with growing pauses. Bounded and driven by events: this is not polling.
import type { EngineEvent } from './eventStream';
import type { RawContainer } from '../model/mapping';

type Expectation =
  | { kind: 'endpoint'; containerId: string; networkId: string; present: boolean }
  | { kind: 'running'; containerId: string; running: boolean }
  | { kind: 'exists'; containerId: string; exists: boolean };

interface Waiting {
  expectation: Expectation;
  /** Re-reads already spent on it. */
  attempts: number;
}

/** Pauses before each re-read; after the last one the list is believed as it is. */
export const recheckDelaysMs = [100, 250, 500, 1000, 2000];

function expectationOf(event: EngineEvent): Expectation | undefined {
  const attributes = event.Actor.Attributes ?? {};
  if (event.Type === 'network' && attributes.container) {
    if (event.Action === 'connect' || event.Action === 'disconnect')
      return {
        kind: 'endpoint',
        containerId: attributes.container,
        networkId: event.Actor.ID,
        present: event.Action === 'connect',
      };
    return undefined;
  }
  if (event.Type !== 'container') return undefined;
  switch (event.Action) {
    case 'start':
    case 'unpause':
      return { kind: 'running', containerId: event.Actor.ID, running: true };
    case 'die':
      return { kind: 'running', containerId: event.Actor.ID, running: false };
    case 'create':
      return { kind: 'exists', containerId: event.Actor.ID, exists: true };
    case 'destroy':
      return { kind: 'exists', containerId: event.Actor.ID, exists: false };
    default:
      return undefined;
  }
}

/** A later event about the same thing replaces the earlier expectation (connect, then disconnect). */
function keyOf(expectation: Expectation): string {
  return expectation.kind === 'endpoint'
    ? `endpoint ${expectation.containerId} ${expectation.networkId}`
    : `${expectation.kind} ${expectation.containerId}`;
}

function isMet(expectation: Expectation, containers: ReadonlyMap<string, RawContainer>): boolean {
  const container = containers.get(expectation.containerId);
  switch (expectation.kind) {
    case 'exists':
      return (container !== undefined) === expectation.exists;
    case 'running':
      // Gone entirely also settles it: the destroy event brings its own expectation.
      return container === undefined || (container.State === 'running') === expectation.running;
    case 'endpoint': {
      if (!container) return true;
      const endpoints = Object.values(container.NetworkSettings?.Networks ?? {});
      return endpoints.some((e) => e.NetworkID === expectation.networkId) === expectation.present;
    }
  }
}

export class EventExpectations {
  private readonly waiting = new Map<string, Waiting>();

  note(event: EngineEvent): void {
    const expectation = expectationOf(event);
    if (expectation) this.waiting.set(keyOf(expectation), { expectation, attempts: 0 });
  }

  /**
   * Checks a freshly loaded container list. Met expectations are dropped; for the others it
   * returns the containers to re-read and how long to wait first, or undefined when none is left.
   * An expectation still unmet after every pause is dropped: the engine's list is then the truth.
   */
  check(
    containers: ReadonlyMap<string, RawContainer>,
  ): { containerIds: string[]; delayMs: number } | undefined {
    const containerIds = new Set<string>();
    let delayMs = Infinity;
    for (const [key, waiting] of this.waiting) {
      if (isMet(waiting.expectation, containers) || waiting.attempts >= recheckDelaysMs.length) {
        this.waiting.delete(key);
        continue;
      }
      delayMs = Math.min(delayMs, recheckDelaysMs[waiting.attempts]);
      waiting.attempts++;
      containerIds.add(waiting.expectation.containerId);
    }
    return containerIds.size > 0 ? { containerIds: [...containerIds], delayMs } : undefined;
  }

  clear(): void {
    this.waiting.clear();
  }
}
