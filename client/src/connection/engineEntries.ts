// `berth.engines`: which engines the views show side by side. Each entry is a context name, a
// host URL, or `{ name, context | host }`. Bad entries are reported and left out, so that nothing
// malformed ever reaches the transport.
import { parseHost } from '../engine/transport/endpoint';
import type { FleetEntry } from '../engine/fleet/fleet';
import { t } from '../shared/text';

export interface ParsedEngines {
  entries: FleetEntry[];
  /** One sentence per bad entry: what is wrong and how to fix it. */
  problems: string[];
}

/** Docker's rule for context names. */
const contextName = /^[a-zA-Z0-9][a-zA-Z0-9_.+-]*$/;

function looksLikeHost(value: string): boolean {
  return value.includes('://');
}

/** Why `host` cannot be an engine address, or undefined when the transport accepts it. */
function hostProblem(host: string, position: number): string | undefined {
  try {
    parseHost(host, 'setting', undefined);
    return undefined;
  } catch {
    return t(
      'berth.engines entry {0}: "{1}" is not a Docker host. Write it like unix:///var/run/docker.sock, ssh://user@host or tcp://host:2376.',
      String(position),
      host,
    );
  }
}

function contextProblem(context: string, position: number): string | undefined {
  return contextName.test(context)
    ? undefined
    : t(
        'berth.engines entry {0}: "{1}" is not a Docker context name. Use a name from "docker context ls", or a host URL such as unix:///var/run/docker.sock.',
        String(position),
        context,
      );
}

type Candidate = FleetEntry | { problem: string };

function fromString(raw: string, position: number): Candidate {
  const value = raw.trim();
  if (value === '')
    return {
      problem: t(
        'berth.engines entry {0} is empty. Write a Docker context name or a host URL, or remove it.',
        String(position),
      ),
    };
  if (looksLikeHost(value)) {
    const problem = hostProblem(value, position);
    return problem ? { problem } : { id: value, label: value, dockerHost: value, dockerContext: '' };
  }
  const problem = contextProblem(value, position);
  return problem ? { problem } : { id: value, label: value, dockerHost: '', dockerContext: value };
}

function fromObject(raw: Record<string, unknown>, position: number): Candidate {
  const text = (key: string): string | undefined => {
    const value = raw[key];
    return typeof value === 'string' ? value.trim() || undefined : undefined;
  };
  const name = text('name');
  const context = text('context');
  const host = text('host');
  if ((context === undefined) === (host === undefined))
    return {
      problem: t(
        'berth.engines entry {0} needs exactly one of "context" or "host", e.g. {"name": "ci", "host": "ssh://user@ci"}.',
        String(position),
      ),
    };
  const problem = host !== undefined ? hostProblem(host, position) : contextProblem(context!, position);
  if (problem) return { problem };
  const where = host ?? context!;
  return {
    id: name ?? where,
    label: name ?? where,
    dockerHost: host ?? '',
    dockerContext: context ?? '',
  };
}

/** Reads the raw setting; an absent or empty list means "the one engine of dockerHost/dockerContext". */
export function parseEngines(raw: unknown): ParsedEngines {
  if (raw === undefined || raw === null) return { entries: [], problems: [] };
  if (!Array.isArray(raw))
    return {
      entries: [],
      problems: [
        t(
          'berth.engines must be a list, e.g. ["default", "ssh://user@host"]. Berth shows the engine of berth.dockerHost / berth.dockerContext until it is fixed.',
        ),
      ],
    };
  const entries: FleetEntry[] = [];
  const problems: string[] = [];
  raw.forEach((item: unknown, index) => {
    const position = index + 1;
    const candidate =
      typeof item === 'string'
        ? fromString(item, position)
        : typeof item === 'object' && item !== null && !Array.isArray(item)
          ? fromObject(item as Record<string, unknown>, position)
          : {
              problem: t(
                'berth.engines entry {0} must be a string or an object with "name" and "context" or "host".',
                String(position),
              ),
            };
    if ('problem' in candidate) problems.push(candidate.problem);
    else if (entries.some((entry) => entry.id === candidate.id))
      problems.push(
        t(
          'berth.engines entry {0}: "{1}" is listed twice. Remove one, or give them different "name"s.',
          String(position),
          candidate.id,
        ),
      );
    else entries.push(candidate);
  });
  return { entries, problems };
}
