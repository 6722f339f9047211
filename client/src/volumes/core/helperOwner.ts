// Who made a helper: the host, the process id and that process's start time. Two VS Code windows
// on one engine are two extension hosts, so each sweeps only what a process that is gone left
// behind. The start time tells a live owner from a new process that reuses a dead one's id.
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

export const ownerLabel = 'berth.helper.owner';

/** Helpers of another machine cannot be checked; after this long they count as left behind. */
const foreignOwnerMaxAgeSeconds = 24 * 3600;
/** /proc start times are in clock ticks; Linux reports them at USER_HZ, 100 on every architecture. */
const ticksPerSecond = 100;
/** Start times read twice may differ by a tick of rounding. */
const startToleranceSeconds = 2;

let bootSeconds: number | undefined | null = null;

function bootTime(): number | undefined {
  if (bootSeconds === null) {
    try {
      const line = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
      bootSeconds = line ? Number(line[1]) : undefined;
    } catch {
      bootSeconds = undefined;
    }
  }
  return bootSeconds;
}

/** When process `pid` started, in Unix seconds, where /proc tells it (Linux); otherwise undefined. */
export function processStartSeconds(pid: number | 'self'): number | undefined {
  const boot = bootTime();
  if (boot === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may hold spaces: count fields after its closing bracket.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const startTicks = Number(fields[19]);
    return Number.isFinite(startTicks) ? boot + Math.round(startTicks / ticksPerSecond) : undefined;
  } catch {
    return undefined;
  }
}

/** This process as a label value: `host/pid/start` (start left out where it cannot be read). */
export function ownerOfThisProcess(): string {
  const start = processStartSeconds('self');
  return [hostname(), String(process.pid), ...(start === undefined ? [] : [String(start)])].join('/');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is only someone else's.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * True when the Berth process that made a helper is certainly gone, so the helper may be removed.
 * `createdSeconds` is the helper's creation time, for owners on other machines.
 */
export function ownerIsGone(owner: string | undefined, createdSeconds: number): boolean {
  if (!owner) return true;
  const [host, pidText, startText] = owner.split('/');
  if (host !== hostname()) return Date.now() / 1000 - createdSeconds > foreignOwnerMaxAgeSeconds;
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return true;
  if (pid !== process.pid && !isAlive(pid)) return true;
  if (startText === undefined) return false;
  const started = processStartSeconds(pid === process.pid ? 'self' : pid);
  return started !== undefined && Math.abs(started - Number(startText)) > startToleranceSeconds;
}
