import type { Container, PortBinding } from '../engine/model/snapshot';
import { t } from './text';

/** Paused and restarting containers still hold their network stack and can be stopped. */
export function isRunning(container: Container): boolean {
  return container.state === 'running' || container.state === 'paused' || container.state === 'restarting';
}

export function stateIcon(container: Container): { id: string; color?: string } {
  if (container.health === 'unhealthy') return { id: 'vm-active', color: 'charts.red' };
  switch (container.state) {
    case 'running':
      return { id: 'vm-running', color: container.health === 'starting' ? 'charts.yellow' : 'charts.green' };
    case 'paused':
      return { id: 'debug-pause', color: 'charts.yellow' };
    case 'restarting':
      return { id: 'sync', color: 'charts.yellow' };
    case 'dead':
      return { id: 'error', color: 'charts.red' };
    case 'removing':
      return { id: 'trash' };
    default:
      return { id: 'vm-outline' };
  }
}

/**
 * The engine's status without its age ("Up 5 seconds" → "Up", "Exited (0) 3 minutes ago" →
 * "Exited (0)"): Berth reloads on events, never on a timer, so an age in the row would go stale.
 * Health has its own word in the row; the tooltip keeps the engine's full text.
 */
export function timelessStatus(status: string): string {
  if (/^Up\b/.test(status)) return /\(Paused\)/.test(status) ? 'Up (Paused)' : 'Up';
  const ended = /^(Exited|Restarting) (\(-?\d+\)) .+ ago$/.exec(status);
  return ended ? `${ended[1]} ${ended[2]}` : status;
}

export function healthWord(container: Container): string | undefined {
  switch (container.health) {
    case 'healthy':
      return t('healthy');
    case 'unhealthy':
      return t('unhealthy');
    case 'starting':
      return t('health: starting');
    default:
      return undefined;
  }
}

export function publishedPorts(container: Container): PortBinding[] {
  return container.ports.filter((port) => port.hostPort !== undefined);
}

/** `8080→80/tcp`, or `127.0.0.1:8080→80/tcp` when bound to one address; IPv6 duplicates dropped. */
export function formatPorts(container: Container): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const port of publishedPorts(container)) {
    const host = port.hostIp && port.hostIp !== '0.0.0.0' && port.hostIp !== '::' ? `${port.hostIp}:` : '';
    const text = `${host}${port.hostPort}→${port.containerPort}/${port.protocol}`;
    const dedupe = `${port.hostPort}/${port.containerPort}/${port.protocol}/${host === '' ? '*' : host}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    parts.push(text);
  }
  return parts.join(', ');
}
