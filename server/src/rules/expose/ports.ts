import type { Word } from '../../parser';

export interface PortSpec {
  word: Word;
  /** The part that is not a port: `80:80` host mapping, `127.0.0.1:80` address. */
  mapping: string | undefined;
  from: number | undefined;
  to: number | undefined;
  /** The port text as written, without mapping and protocol. */
  ports: string;
  protocol: string | undefined;
  hasVariable: boolean;
}

/** Splits an EXPOSE word: `[ip:][host:]port[-port][/proto]`. */
export function parsePort(word: Word): PortSpec {
  const raw = word.value.replace(/^["']|["']$/g, '');
  const slash = raw.lastIndexOf('/');
  const protocol = slash >= 0 ? raw.slice(slash + 1) : undefined;
  const body = slash >= 0 ? raw.slice(0, slash) : raw;
  const colon = body.lastIndexOf(':');
  const mapping = colon >= 0 ? body.slice(0, colon) : undefined;
  const ports = colon >= 0 ? body.slice(colon + 1) : body;
  const hasVariable = raw.includes('$');
  const m = /^(\d+)(?:-(\d+))?$/.exec(ports);
  return {
    word,
    mapping,
    from: m ? Number(m[1]) : undefined,
    to: m ? Number(m[2] ?? m[1]) : undefined,
    ports,
    protocol,
    hasVariable,
  };
}
