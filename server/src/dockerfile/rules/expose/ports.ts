import type { Instruction, Word } from '../../parser';

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

function isQuote(code: number): boolean {
  return code === 0x22 || code === 0x27;
}

/** Where `ports` matches `\d+(-\d+)?` in full: the dash's index, `ports.length` if none, -1 if no match. */
function rangeDash(ports: string): number {
  const n = ports.length;
  let i = 0;
  while (i < n && ports.charCodeAt(i) >= 0x30 && ports.charCodeAt(i) <= 0x39) i++;
  if (i === 0) return -1;
  if (i === n) return n;
  if (ports.charCodeAt(i) !== 0x2d) return -1;
  const dash = i++;
  if (i === n) return -1;
  while (i < n && ports.charCodeAt(i) >= 0x30 && ports.charCodeAt(i) <= 0x39) i++;
  return i === n ? dash : -1;
}

/** Splits an EXPOSE word: `[ip:][host:]port[-port][/proto]`. */
export function parsePort(word: Word): PortSpec {
  const value = word.value;
  // One quote off each end, as `replace(/^["']|["']$/g, '')` would.
  let start = 0;
  let end = value.length;
  if (end > 0 && isQuote(value.charCodeAt(0))) start = 1;
  if (end > start && isQuote(value.charCodeAt(end - 1))) end--;
  const raw = start === 0 && end === value.length ? value : value.slice(start, end);
  const slash = raw.lastIndexOf('/');
  const protocol = slash >= 0 ? raw.slice(slash + 1) : undefined;
  const body = slash >= 0 ? raw.slice(0, slash) : raw;
  const colon = body.lastIndexOf(':');
  const mapping = colon >= 0 ? body.slice(0, colon) : undefined;
  const ports = colon >= 0 ? body.slice(colon + 1) : body;
  const hasVariable = raw.includes('$');
  const dash = rangeDash(ports);
  let from: number | undefined;
  let to: number | undefined;
  if (dash >= 0) {
    from = Number(dash === ports.length ? ports : ports.slice(0, dash));
    to = dash === ports.length ? from : Number(ports.slice(dash + 1));
  }
  return { word, mapping, from, to, ports, protocol, hasVariable };
}

const parsed = new WeakMap<Instruction, readonly PortSpec[]>();

/** Every word of an EXPOSE instruction parsed once, shared by the rules that read them. */
export function portsOf(ins: Instruction): readonly PortSpec[] {
  let specs = parsed.get(ins);
  if (specs === undefined) {
    const args = ins.args;
    const list = new Array<PortSpec>(args.length);
    for (let i = 0; i < args.length; i++) list[i] = parsePort(args[i]);
    specs = list;
    parsed.set(ins, specs);
  }
  return specs;
}
