// One subscription to the engine's `/events` stream, parsed into typed messages. It reports the
// end of the stream once, however it ends (daemon stopped, socket destroyed, closed by us).
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { isHelperContainer } from '../model/berthHelpers';

export interface EngineEvent {
  /** container, network, volume, service or node (the subscription's filter). */
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes?: Record<string, string> };
  time?: number;
  timeNano?: number;
}

/** Container actions that never change what Berth shows; skipping them avoids useless reloads. */
const quietActions = new Set([
  'exec_create',
  'exec_start',
  'exec_die',
  'exec_detach',
  'attach',
  'detach',
  'resize',
  'top',
  'archive-path',
  'extract-to-dir',
  'export',
  'commit',
  'copy',
  // Volume mount/unmount come with a container start/stop, whose own event covers them.
  'mount',
  'unmount',
]);

export function isModelChanging(event: EngineEvent): boolean {
  // A container event carries the container's labels: Berth's own helpers never reach the model.
  if (event.Type === 'container' && isHelperContainer(event.Actor.Attributes)) return false;
  const action = event.Action.split(':')[0];
  return !quietActions.has(action);
}

export interface EventSubscription {
  readonly stream: Readable;
  close(): void;
}

export async function subscribeEvents(
  docker: Docker,
  onEvent: (event: EngineEvent) => void,
  onEnd: (error?: Error) => void,
): Promise<EventSubscription> {
  const stream = (await docker.getEvents({
    // service and node events come only from a Swarm manager; elsewhere the filter costs nothing.
    filters: { type: ['container', 'network', 'volume', 'service', 'node'] },
  })) as unknown as Readable;
  let buffered = '';
  let ended = false;
  let closing = false;
  const end = (error?: Error) => {
    if (ended) return;
    ended = true;
    if (!closing) onEnd(error);
  };
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) {
        try {
          onEvent(JSON.parse(line) as EngineEvent);
        } catch {
          // Unreadable, but something happened: a reload finds out what.
          onEvent({ Type: 'unknown', Action: 'unparsed', Actor: { ID: '' } });
        }
      }
      newline = buffered.indexOf('\n');
    }
  });
  stream.on('error', (error: Error) => end(error));
  stream.on('end', () => end());
  stream.on('close', () => end());
  return {
    stream,
    close: () => {
      closing = true;
      stream.destroy();
    },
  };
}
